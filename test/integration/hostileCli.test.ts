// What a hostile file name or a second writer can do to the command line's output and the study.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('escapes every control and bidi character, and leaves ordinary text alone', () => {
    expect(escapeControls('a\r\nb\u0000c\u202ed\u2028')).toBe('a\\r\\nb\\u{0}c\\u{202e}d\\u{2028}');
    expect(escapeControls('Zoë — C:\\Users\\zoë\\notes.txt 💸')).toBe('Zoë — C:\\Users\\zoë\\notes.txt 💸');
  });
});
