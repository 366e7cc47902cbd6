import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

let cachedRoot: string | null = null;

/**
 * The folder holding Grounded's package.json. The core runs both from source (vitest, tsx) and
 * bundled into out/main (Electron, CLI, harness), so it is found by walking up, not assumed.
 */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  if (process.env.GROUNDED_APP_ROOT) return (cachedRoot = resolve(process.env.GROUNDED_APP_ROOT));
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'grounded') return (cachedRoot = dir);
      } catch {
        // not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find Grounded's package.json above ${__dirname}`);
    dir = parent;
  }
}

export function migrationsDir(): string {
  return join(appRoot(), 'electron', 'core', 'db', 'migrations');
}
