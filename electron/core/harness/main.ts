// Entry of `npm run harness -- [study.grounded] [--port N]`: the real core in this process, the
// built renderer served to any local browser. Prints the URL (with its token) and runs until
// Ctrl+C. Never part of the packaged app.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCoreHost } from '../host/inProcess';
import { installNetworkGuard } from '../networkGuard';
import { appRoot } from '../paths';
import { withExtension } from '../service';
import { startHarness } from './server';

// The core here, as in the app, may open no outgoing connection; serving on loopback is unaffected.
installNetworkGuard();

interface Args {
  studyPath: string | null;
  port: number | undefined;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { studyPath: null, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a number from 0 to 65535`);
      args.port = port;
    } else if (arg.startsWith('-')) {
      throw new Error(`Unknown option ${arg}. Usage: npm run harness -- [study.grounded] [--port N]`);
    } else if (args.studyPath === null) {
      args.studyPath = arg;
    } else {
      throw new Error('Only one study path may be given');
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const rendererDir = resolve(process.env.GROUNDED_RENDERER_DIR ?? join(appRoot(), 'out', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`${rendererDir}/index.html is missing: build the renderer first (npx electron-vite build)`);
  }

  // The harness is the app in a browser: automatic backups on, as in Electron.
  const host = await createCoreHost({ autoBackups: true });
  if (args.studyPath) {
    const full = withExtension(args.studyPath);
    const result = await host.invoke(existsSync(full) ? 'study:open' : 'study:create', { path: full });
    if (!result.ok) throw new Error(`${full}: ${result.error.message}`);
  }

  const harness = await startHarness({ host, rendererDir, port: args.port, log: (line) => console.error(line) });
  console.log(`Grounded harness: ${harness.url}`);
  console.log('Open it in a browser on this machine. Press Ctrl+C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await harness.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
