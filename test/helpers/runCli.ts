// The `grounded` command in this process: argv in, exit code and both streams out.
import { afterEach, beforeEach } from 'vitest';
import { runCli } from '../../electron/core/cli/commands';

function sink() {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true) }, text: () => text };
}

export async function grounded(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = sink();
  const err = sink();
  const code = await runCli(args, out.stream as never, err.stream as never);
  return { code, stdout: out.text(), stderr: err.text() };
}

/** Points the CLI's settings (recent studies) at a fresh folder for each test. */
export function useCliSettings(dir: () => string): void {
  const saved = process.env.GROUNDED_SETTINGS_DIR;
  beforeEach(() => {
    process.env.GROUNDED_SETTINGS_DIR = dir();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.GROUNDED_SETTINGS_DIR;
    else process.env.GROUNDED_SETTINGS_DIR = saved;
  });
}
