import { homedir } from 'node:os';
import { join } from 'node:path';
import { runHandler } from '../../../shared/ipc/contract';
import { Core, type CoreOptions } from '../service';
import type { CoreHost } from './types';

/** A per-user folder for the CLI and the harness (Electron passes its own userData folder). */
export function defaultSettingsDir(): string {
  if (process.env.GROUNDED_SETTINGS_DIR) return process.env.GROUNDED_SETTINGS_DIR;
  const base = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(base, 'grounded');
}

/** The core in this thread: for the CLI, the harness and tests. */
export async function createCoreHost(opts: Partial<CoreOptions> = {}): Promise<CoreHost & { core: Core }> {
  const core = new Core({ settingsDir: opts.settingsDir ?? defaultSettingsDir(), ...opts });
  const handlers = core.handlers();
  return {
    core,
    invoke: (channel, input) => runHandler(handlers, channel, input),
    on: (event, listener) => core.on(event, listener),
    close: () => core.close(),
  };
}
