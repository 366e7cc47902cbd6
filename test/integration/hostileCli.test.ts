// What a hostile file name or a second writer can do to the command line's output and the study.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../electron/core/cli/format';
import { goodTranscripts } from '../helpers/core';
import { grounded, useCliSettings } from '../helpers/runCli';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();
useCliSettings(tmp);

describe('file names cannot forge output', () => {
  it('a name with a newline, a tab and an escape sequence stays on its one line, escaped', async () => {
    const dir = tmp();
    const evil = join(dir, 'notes\nok\tforged.txt: Plain text, 99 turns\u001b[2K.txt');
    copyFileSync(goodTranscripts[1]!, evil);
    const r = await grounded('import', join(dir, 's.grounded'), evil);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ok\tnotes\\nok\\tforged\.txt: Plain text, 99 turns\\u\{1b\}\[2K\.txt: /);
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('[import]')).every((l) => !l.includes('\t'))).toBe(true);
  });

  it('a study named with a newline cannot forge a line of info either', async () => {
    const dir = tmp();
    const study = join(dir, 'a\nTranscripts  999.grounded');
    expect((await grounded('import', study, goodTranscripts[1]!)).code).toBe(0);
    const info = await grounded('info', study);
    expect(info.stdout).toMatch(/^Study {8}a\\nTranscripts {2}999 \(/m);
    expect(info.stdout.match(/^Transcripts/gm)).toHaveLength(1);
  });

  it('escapes every control and bidi character, and leaves ordinary text alone', () => {
    expect(escapeControls('a\r\nb\u0000c\u202ed\u2028')).toBe('a\\r\\nb\\u{0}c\\u{202e}d\\u{2028}');
    expect(escapeControls('Zoë — C:\\Users\\zoë\\notes.txt 💸')).toBe('Zoë — C:\\Users\\zoë\\notes.txt 💸');
  });
});

/** The CLI from source in its own process (tsx), as a second terminal or the app beside it would. */
function cliProcess(args: string[], settingsDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const root = join(__dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'core', 'cli', 'main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, GROUNDED_SETTINGS_DIR: settingsDir },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** n distinct transcripts (each a fixture with its own closing exchange) in a new folder. */
function manyTranscripts(dir: string, n: number, tag: string): string {
  mkdirSync(dir, { recursive: true });
  const sources = goodTranscripts.filter((f) => f.endsWith('.txt'));
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length]!;
    writeFileSync(join(dir, `${tag}-${i}-${basename(src)}`), `${readFileSync(src, 'utf8')}\n\nInterviewer: Anything else, ${tag} ${i}?\n\nAlex: No, that is all ${i}.\n`);
  }
  return dir;
}

describe('two writers on one study', () => {
  it('importing the same folder twice at once: every file ok exactly once, the other run says skipped; a third import of other files waits its turn', async () => {
    const dir = tmp();
    const study = join(dir, 's.grounded');
    expect((await grounded('import', study, goodTranscripts[0]!)).code).toBe(0); // the study exists before the race
    const shared = manyTranscripts(join(dir, 'shared'), 24, 'shared');
    const other = manyTranscripts(join(dir, 'other'), 6, 'other');
    const settings = tmp();
    const runs = await Promise.all([
      cliProcess(['import', study, shared], settings),
      cliProcess(['import', study, shared], settings),
      cliProcess(['import', study, other], settings),
    ]);
    const lines = runs.map((r) => r.stdout.split('\n').filter(Boolean));
    for (const [i, r] of runs.entries()) {
      expect(r.stdout + r.stderr, `run ${i}`).not.toMatch(/UNIQUE constraint|database is locked|SQLITE_BUSY/);
      expect(r.code, `run ${i}: ${r.stderr}`).toBe(0);
    }
    const okOnce = new Map<string, number>();
    for (const l of [...lines[0]!, ...lines[1]!]) {
      expect(l).toMatch(/^(ok|skipped)\t/);
      const name = l.split('\t')[1]!.split(':')[0]!;
      if (l.startsWith('ok\t')) okOnce.set(name, (okOnce.get(name) ?? 0) + 1);
    }
    expect(okOnce.size).toBe(24);
    expect([...okOnce.values()].every((n) => n === 1)).toBe(true);
    expect(lines[2]!.filter((l) => l.startsWith('ok\t'))).toHaveLength(6);
    expect((await grounded('info', study)).stdout).toMatch(/Transcripts\s+31\b/);
  }, 180_000);
});
