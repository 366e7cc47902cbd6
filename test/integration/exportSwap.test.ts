// A re-export replaces the earlier set of the same study as a whole: stale cards go, a cancel or a
// crash while rendering leaves the previous set exactly as it was, and other files stay.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, writeExport } from '../../electron/core/export/files';
import type { PersonaCardData } from '../../electron/core/export/types';
import { blankPersona } from '../helpers/persona';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();

function cards(names: string[], summary = 'First export.'): PersonaCardData[] {
  return names.map((name, i) => ({
    studyName: 'Study',
    researchDate: null,
    participantCount: 1,
    quotesById: new Map(),
    persona: blankPersona({ id: i + 1, name, summary }),
  }));
}

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n), 'utf8')]));

describe('re-exporting into the same folder', () => {
  it('removes the cards the study no longer has, and leaves other studies\' and the user\'s files alone', async () => {
    const out = tmp();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    await writeExport(cards(['Ana', 'Ben', 'Cy']), 'md', out, undefined, '/studies/a.grounded');
    await writeExport(cards(['Zed']), 'md', out, undefined, '/studies/b.grounded');
    expect(readdirSync(out).sort()).toEqual([MANIFEST, '01-ana.md', '01-zed.md', '02-ben.md', '03-cy.md', 'notes.txt', 'personas-deck.md']);
    await writeExport(cards(['Ana', 'Dee']), 'md', out, undefined, '/studies/a.grounded');
    // 03-cy.md was study a's and is gone; study b's card and notes.txt stay; the deck is a's now.
    expect(readdirSync(out).sort()).toEqual([MANIFEST, '01-ana.md', '01-zed.md', '02-dee.md', 'notes.txt', 'personas-deck.md']);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { sets: Record<string, string[]> };
    expect(manifest.sets).toEqual({ '/studies/a.grounded': ['01-ana.md', '02-dee.md', 'personas-deck.md'], '/studies/b.grounded': ['01-zed.md'] });
  });

  it('a cancelled re-export leaves the previous export byte for byte, with no temp folder', async () => {
    const out = tmp();
    await writeExport(cards(['Ana', 'Ben', 'Cy']), 'md', out, undefined, 's');
    const before = snapshot(out);
    const cancel = (done: number) => {
      if (done === 2) throw new Error('cancelled');
    };
    await expect(writeExport(cards(['Ana', 'Dee'], 'Second export.'), 'md', out, cancel, 's')).rejects.toThrow('cancelled');
    expect(snapshot(out)).toEqual(before);
  });

  it('what a killed export left behind (its hidden folder) is dropped by the next one', async () => {
    const out = tmp();
    mkdirSync(join(out, '.grounded-export-Kq3x9a'));
    writeFileSync(join(out, '.grounded-export-Kq3x9a', '01-half.md'), '# Half');
    await writeExport(cards(['Ana']), 'md', out, undefined, 's');
    expect(readdirSync(out).sort()).toEqual([MANIFEST, '01-ana.md', 'personas-deck.md']);
  });

  it('a tampered manifest cannot make an export delete anything outside its own file names', async () => {
    const out = tmp();
    mkdirSync(join(out, 'keep'));
    writeFileSync(join(out, 'keep', 'x.md'), 'x');
    writeFileSync(join(out, '.hidden'), 'h');
    writeFileSync(join(out, MANIFEST), JSON.stringify({ version: 1, sets: { s: ['../outside.md', 'keep/x.md', '.hidden', 'keep'] } }));
    await writeExport(cards(['Ana']), 'md', out, undefined, 's');
    expect(readdirSync(out).sort()).toEqual([MANIFEST, '.hidden', '01-ana.md', 'keep', 'personas-deck.md']);
    expect(readdirSync(join(out, 'keep'))).toEqual(['x.md']);
  });
});
