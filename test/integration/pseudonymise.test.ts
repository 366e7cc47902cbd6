// A pseudonymised export names no one: on a study synthesized with the real model from the fixture
// interviews (one of them full of names, an e-mail, phone numbers in several formats and a link),
// `grounded export --pseudonymise` writes Markdown, JSON and PDF in which no participant's name, no
// other person's name, e-mail or phone number occurs (PDF read back as a viewer reads it), the
// participants appear as their pseudonym, code or P-number, and the preview lists every replacement.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/service';
import { coreWithStudy, goodTranscripts, importAll, modelReady } from '../helpers/core';
import { readPdf } from '../helpers/pdf';
import { grounded, useCliSettings } from '../helpers/runCli';

const priya = join(__dirname, '..', 'fixtures', 'privacy', 'interview-priya.txt');

/** Names that must not leave the study: every participant's name and each word of it, the interviewer, and people only mentioned. */
const NAMES = ['Maria Lopez', 'Maria', 'Lopez', 'Priya Raman', 'Priya', 'Raman', 'Nadia Haddad', 'Nadia', 'Haddad', 'Ben Carter', 'Carter', 'Alex', 'Kai', 'Jordan', 'Sam', 'Chris Wu', 'Tomasz Kowalczyk', 'Tomasz', 'Kowalczyk', 'Dana Whitfield', 'Whitfield'];
const EMAILS = ['priya.raman@example.com'];
const PHONES = ['+44 7700 900123', '7700 900123', '(020) 7946 0958', '7946 0958', '555-201-4477', '07700 900456', '900456'];
const LINKS = ['https://www.example.org/priya-budget-notes', 'priya-budget-notes'];

const word = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');

describe.runIf(modelReady)('pseudonymised export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-pseudonymise-'));
  const tmp = () => dir;
  useCliSettings(() => join(dir, 'cli-settings'));
  let study: string;
  let core: Core;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    core = await coreWithStudy(tmp());
    study = core.requireStudy().path;
    await importAll(core, [...goodTranscripts, priya]);
    const f = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
    expect(f.status, JSON.stringify(f.error)).toBe('completed');
    const h = core.handlers();
    const people = await h['participants:details']({});
    const byName = (n: string) => people.find((p) => p.name === n)!;
    // A chosen pseudonym for Maria, a code for Alex; the others get generated codes.
    await h['participants:update']({ id: byName('Maria Lopez').id, patch: { attributes: { Pseudonym: 'Rosa' } } });
    await h['participants:update']({ id: byName('Alex').id, patch: { code: 'BSR-07' } });
    // Every quote of Priya's (all her contact details among them) is cited by the first persona,
    // and the researcher's own texts name people too.
    const hers = await h['quotes:list']({ participantId: byName('Priya Raman').id });
    const phoneQuote = hers.find((q) => q.text.includes('+44 7700 900123'))!;
    const [persona] = await h['personas:list']({});
    await h['personas:update']({
      id: persona!.id,
      patch: {
        name: 'Priya the Planner',
        summary: 'Like Maria Lopez, Priya Raman plans with Tomasz Kowalczyk; write to priya.raman@example.com or call 555-201-4477.',
        definingQuoteId: phoneQuote.id,
        goals: [...persona!.goals, { text: 'Sees bills and savings together, as Priya asked Dana Whitfield', evidence: hers.map((q) => q.id) }],
      },
    });
    await core.closeStudy();
  }, 600_000);

  async function exported(format: 'md' | 'json' | 'pdf'): Promise<{ names: string[]; text: string }> {
    const out = join(tmp(), `out-${format}`);
    const r = await grounded('export', study, '--format', format, '--out', out, '--pseudonymise');
    expect(r.code, r.stderr).toBe(0);
    const names = readdirSync(out);
    let text = names.join('\n');
    for (const name of names.filter((n) => !n.startsWith('.'))) {
      const bytes = readFileSync(join(out, name));
      // Markdown escapes the brackets of "[email]": read it as a renderer shows it.
      text += '\n' + (format === 'pdf' ? (await readPdf(bytes)).text.join('\n') : bytes.toString('utf8').replace(/\\([[\]])/g, '$1'));
    }
    return { names, text };
  }

  it.each(['md', 'json', 'pdf'] as const)('%s: no name, e-mail, phone number or link of the fixtures; codes and pseudonyms instead', async (format) => {
    const { text } = await exported(format);
    for (const name of NAMES) expect(text, name).not.toMatch(word(name));
    for (const s of [...EMAILS, ...PHONES, ...LINKS]) expect(text, s).not.toContain(s);
    expect(text).toContain('Rosa');
    expect(text).toContain('BSR-07');
    expect(text).toMatch(/\bP0\d\b/);
    // A PDF card shows the first quotes of a bullet (the rest are in Markdown and JSON): the link's quote is among the rest.
    for (const mask of ['[email]', '[phone]', '[Person', ...(format === 'pdf' ? [] : ['[link]'])]) expect(text).toContain(mask);
  });

  it('keeps "May" the month and the verb and "Will" the verb where they are not names', async () => {
    const { text } = await exported('md');
    expect(text).toContain('Last May the energy bill doubled');
    expect(text).toContain('May I say, that is the worst part');
    expect(text).toContain('Will it ever happen?');
    expect(text).toContain('I will be honest');
  });

  it('the preview lists every replacement before exporting, and writes nothing', async () => {
    const r = await grounded('export', study, '--preview');
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout
      .split('\n')
      .filter((l) => l.split('\t').length === 4)
      .slice(1)
      .map((l) => l.split('\t'));
    const originals = (kind: string) => rows.filter((x) => x[0] === kind).map((x) => x[1]!);
    expect(originals('email')).toEqual(EMAILS);
    expect(originals('phone').sort()).toEqual(['(020) 7946 0958', '+44 7700 900123', '07700 900456', '555-201-4477'].sort());
    expect(originals('url')).toEqual([LINKS[0]]);
    expect(originals('person')).toEqual(expect.arrayContaining(['Tomasz Kowalczyk', 'Tomasz', 'Dana Whitfield']));
    expect(originals('participant')).toEqual(expect.arrayContaining(['Priya Raman', 'Priya', 'Maria Lopez']));
    expect(rows.find((x) => x[1] === 'Maria Lopez')?.[2]).toBe('Rosa');
    expect(r.stdout).toContain('Alex -> BSR-07 (code)');
    expect(r.stdout).toMatch(/Priya Raman -> P\d\d \(generated\)/);
    for (const row of rows) expect(Number(row[3])).toBeGreaterThan(0);
    // What the preview lists is what the export replaced: none of it is left in the files.
    const { text } = await exported('md');
    for (const [kind, original] of rows) if (kind !== 'participant' || original!.length > 3) expect(text, original).not.toMatch(word(original!));
  });
});
