// `npm run harness -- [study.grounded]`: serves the real renderer to any local browser over
// 127.0.0.1 with a random port and token. For tests and for machines where Electron cannot run;
// never part of the packaged app.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const entry = join('out', 'main', 'harness.js');
if (!existsSync(entry) || process.env.GROUNDED_REBUILD === '1') {
  const r = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 0);
