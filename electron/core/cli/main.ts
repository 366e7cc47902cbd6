// `grounded` — the command line face of the core. Results go to stdout, progress to stderr.
import { installNetworkGuard } from '../networkGuard';
import { runCli } from './commands';

installNetworkGuard();

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`grounded: ${(err as Error).message ?? String(err)}\n`);
    process.exitCode = 2;
  },
);
