// `npm start`: prepares the Electron-ABI build of better-sqlite3-multiple-ciphers (the SQLite the
// core opens every study with, plain or encrypted; kept apart from the Node build
// that `npm test` and the CLI use), builds the app, and launches Electron.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = process.cwd();
const fail = (msg) => {
  console.error(`grounded: ${msg}`);
  process.exit(1);
};

let electronBinary;
try {
  electronBinary = require('electron'); // the path of the downloaded binary
} catch {
  electronBinary = null;
}
if (!electronBinary || !existsSync(electronBinary)) {
  fail(
    'the Electron binary is not installed (it is downloaded from GitHub by electron\'s install step, which this ' +
      'machine cannot reach).\nOn a machine with access, run `npm install` again; here, try the same UI in a browser ' +
      'with `npm run harness`, or use the CLI (`npx grounded --help`).',
  );
}

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const target = join(root, 'build', 'electron', 'better_sqlite3_multiple_ciphers.node');
const stamp = join(root, 'build', 'electron', `electron-${electronVersion}`);
if (!existsSync(target) || !existsSync(stamp)) {
  console.log(`Building better-sqlite3-multiple-ciphers for Electron ${electronVersion} (once)…`);
  const src = join(root, 'build', 'better-sqlite3-multiple-ciphers-electron');
  rmSync(src, { recursive: true, force: true });
  cpSync(dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), src, { recursive: true });
  rmSync(join(src, 'build'), { recursive: true, force: true });
  const gyp = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const r = spawnSync(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: src, stdio: 'inherit' },
  );
  if (r.status !== 0) fail('could not build better-sqlite3-multiple-ciphers for Electron (see above).');
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(src, 'build', 'Release', 'better_sqlite3.node'), target);
  copyFileSync(target, stamp);
}

if (!existsSync(join(root, 'out', 'main', 'index.js')) || process.env.GROUNDED_REBUILD === '1') {
  const b = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: 'inherit' });
  if (b.status !== 0) fail('the build failed.');
}
const r = spawnSync(electronBinary, ['.'], { stdio: 'inherit', env: { ...process.env, GROUNDED_SQLITE_BINDING: target } });
process.exit(r.status ?? 0);
