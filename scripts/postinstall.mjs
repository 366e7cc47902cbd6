// Runs after `npm install` / `npm ci`: provisions the on-device model, then builds the app so the
// CLI (`grounded`) and the harness work straight away. Neither step may fail the install.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const node = process.execPath;
const run = (args) => spawnSync(node, args, { stdio: 'inherit' }).status === 0;

if (!run([join('scripts', 'provision-model.mjs')])) {
  console.warn('grounded: model provisioning reported a problem (see above); run `npm run provision-model` later.');
}
if (!run([join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])) {
  console.warn('grounded: the build failed; run `npm run build` to see why.');
}
