// The printed card uses its page: as many bullets as the measured text lets fit, the
// researcher's own bullets first, who the persona is drawn from (segments and roles), whole
// words on every line, and a face that belongs to the persona's people, not to a database row.
// Real react-pdf with the bundled Inter; every PDF read back with pdf.js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { personaAvatarSeed } from '../../shared/avatar';
import { isOptionalSection, mapSections, type Bullet, type Persona } from '../../shared/domain';
import { openStudyDb } from '../../electron/core/db/open';
import { listParticipantDetails, updateProfile } from '../../electron/core/db/queries/profiles';
import { listQuotes } from '../../electron/core/db/queries/quotes';
import { listPersonas, saveRun, updatePersona } from '../../electron/core/db/queries/synthesis';
import { ingestFile } from '../../electron/core/ingest/ingestFile';
import { renderPersonaPdf } from '../../electron/core/export/pdf';
import { planPersona } from '../../electron/core/export/pdfPlan';
import type { PersonaCardData } from '../../electron/core/export/types';
import { goodTranscripts } from '../helpers/core';
import { readPdf, squash } from '../helpers/pdf';
import { blankPersona } from '../helpers/persona';
import { useTmpDir } from '../helpers/tmp';

function builder() {
  const quotesById: PersonaCardData['quotesById'] = new Map();
  let next = 1;
  const bullet = (text: string, extra: Partial<Bullet> = {}): Bullet => {
    const evidence = [next++, next++];
    for (const id of evidence) quotesById.set(id, { text: `Said about: ${text}`, participantName: 'Ernest' });
    return { text, evidence, ...extra };
  };
  const card = (persona: Partial<Persona> = {}, extra: Partial<PersonaCardData> = {}): PersonaCardData => ({
    studyName: 'Open source sustainability',
    researchDate: '2025-03-12',
    participantCount: 3,
    quotesById,
    persona: blankPersona({
      id: 7,
      name: 'Persona A — ernest',
      mark: 'primary',
      summary: 'A long-time maintainer who keeps shared infrastructure running in spare time and is tired of carrying it alone.',
      participants: [
        { id: 4, name: 'Ernest' },
        { id: 9, name: 'Nick' },
        { id: 2, name: 'Jackie' },
      ],
      updatedAt: '2025-03-20T10:00:00Z',
      ...persona,
    }),
    ...extra,
  });
  return { bullet, card };
}

const CORE = ['goals', 'frustrations', 'behaviors', 'context'] as const;
const TAGS = { goals: 'G', frustrations: 'F', behaviors: 'B', context: 'C', decisionFactors: 'D' } as const;

/** Bullets tagged "G3:" etc., so the page can be read back section by section. */
function tagged(bullet: (t: string) => Bullet, section: keyof typeof TAGS, count: number, body: (i: number) => string): Bullet[] {
  return Array.from({ length: count }, (_, i) => bullet(`${TAGS[section]}${i + 1}: ${body(i)}`));
}

/** Which tagged bullets the page shows, per section, and the "+ N more" notes in order. */
function shown(page: string): { bySection: Record<string, number>; notes: number[] } {
  const flat = squash(page);
  const bySection: Record<string, number> = {};
  for (const [section, tag] of Object.entries(TAGS)) bySection[section] = new Set(flat.match(new RegExp(`${tag}\\d+:`, 'g')) ?? []).size;
  const notes = [...page.matchAll(/\+ (\d+) more in the Markdown and JSON export/g)].map((m) => Number(m[1]));
  return { bySection, notes };
}

const MEDIUM = [
  'Keeps a list of the tools they trust and rarely changes it once a release ships',
  'Wants sponsors to pay for the boring work: triage, releases, security fixes and docs',
  'Answers issues in the evening after a day job, usually from a phone on the train',
  'Looks for co-maintainers but few people stay longer than a couple of months at most',
];

describe('the printed card uses its page', () => {
  it('shows all eight short bullets of each section with no "+ N more"', async () => {
    const { bullet, card } = builder();
    const short = Object.fromEntries(CORE.map((s) => [s, tagged(bullet, s, 8, () => 'keeps a short list')]));
    const { pages, text } = await readPdf(await renderPersonaPdf(card(short)));
    expect(pages).toBe(1);
    const { bySection, notes } = shown(text[0]!);
    for (const s of CORE) expect(bySection[s]).toBe(8);
    expect(notes).toEqual([]);
  });

  it('fills the page with two-line bullets and counts in "+ N more" only what did not fit', async () => {
    const { bullet, card } = builder();
    const sections = { ...Object.fromEntries(CORE.map((s) => [s, tagged(bullet, s, 8, (i) => MEDIUM[i % 4]!)])), decisionFactors: tagged(bullet, 'decisionFactors', 8, (i) => MEDIUM[i % 4]!) };
    const data = card(sections, { profiles: new Map() });
    const { pages, text } = await readPdf(await renderPersonaPdf(data));
    expect(pages).toBe(1);
    const { bySection, notes } = shown(text[0]!);
    // Before: two per section and "+ 6 more" each, whatever room the page had.
    for (const s of [...CORE, 'decisionFactors']) expect(bySection[s]).toBeGreaterThan(2);
    // Each note counts exactly the bullets its section left out (the plan's order is the page's).
    const plan = planPersona(data);
    const planned = plan.columns.flat();
    expect(notes).toEqual(plan.columns.flatMap((c) => c.filter((s) => s.hidden > 0).map((s) => s.hidden)));
    for (const s of planned) expect(s.bullets.length + s.hidden).toBe(8);
    for (const s of planned) expect(bySection[s.key]).toBe(s.bullets.length);
    // The room is used: no column could have taken one more bullet at its two-line minimum.
    const total = Object.values(bySection).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(20);
  });

  it('stays exactly one page with long bullets everywhere, edited ones included', async () => {
    const { bullet, card } = builder();
    const long = (i: number) => `${MEDIUM[i % 4]!} ${MEDIUM[(i + 1) % 4]!} ${MEDIUM[(i + 2) % 4]!} `.repeat(3);
    const all = Object.fromEntries(
      (['goals', 'frustrations', 'behaviors', 'context', 'decisionFactors'] as const).map((s) => [
        s,
        tagged(bullet, s, 9, long).map((b, i) => (i % 3 === 0 ? { ...b, edited: true } : b)),
      ]),
    );
    const { pages, maxRight } = await readPdf(await renderPersonaPdf(card(all)));
    expect(pages).toBe(1);
    expect(maxRight).toBeLessThanOrEqual(595.28 - 42 + 1);
  });

  it("shows the researcher's edited 4th bullet, ahead of the drafted ones", async () => {
    const { bullet, card } = builder();
    const long = (i: number) => `${MEDIUM[i % 4]!}, and ${MEDIUM[(i + 1) % 4]!.toLowerCase()}`;
    const goals = tagged(bullet, 'goals', 9, long);
    goals[3] = { ...goals[3]!, text: 'Written by the researcher: funding should follow the maintenance, not the features', edited: true };
    const others = Object.fromEntries(CORE.slice(1).map((s) => [s, tagged(bullet, s, 9, long)]));
    const data = card({ goals, ...others });
    const plan = planPersona(data);
    const planned = plan.columns.flat().find((s) => s.key === 'goals')!;
    expect(planned.hidden).toBeGreaterThan(0); // the section is over-full: the edit has to win a place
    expect(planned.bullets[0]!.text).toContain('Written by the researcher');
    const { text } = await readPdf(await renderPersonaPdf(data));
    expect(squash(text[0]!)).toContain(squash('Written by the researcher: funding should follow the maintenance'));
    expect(text[0]).toContain('2 quotes · edited');
  });

  it('never breaks a word, apostrophes included, wherever the line ends', async () => {
    const { bullet, card } = builder();
    // Straight and curly apostrophes: transcripts carry both.
    const words = ["it's", 'i’s', "don't", 'maintainer’s', "they'd", 'something', "o'clock", "people's", 'time,', 'long', 'can’t'];
    // Prefixes of 0..7 letters shift every word across the column so each lands on a line end somewhere.
    const body = (shift: number) => `${'x'.repeat(shift)} ${Array.from({ length: 14 }, (_, i) => words[(i + shift) % words.length]).join(' ')}`;
    const sections = Object.fromEntries(CORE.map((s, k) => [s, Array.from({ length: 2 }, (_, i) => bullet(body(k * 2 + i)))]));
    const pdf = await renderPersonaPdf(card({ ...sections, summary: `For a long time, ${Array(3).fill(words.join(' ')).join(' ')}` }));
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
    const runs = (await (await doc.getPage(1)).getTextContent()).items.flatMap((item) => ('str' in item ? [item.str] : []));
    await doc.destroy();
    const vocabulary = new Set([...words.map((w) => w.replace('’', "'")), 'for', 'a', 'For', ...Array.from({ length: 8 }, (_, i) => 'x'.repeat(i))]);
    const lineEnds = runs
      .filter((r) => r.includes("'") || r.includes('’'))
      .flatMap((r) => {
        const tokens = r.trim().split(/\s+/);
        return [tokens[0]!, tokens[tokens.length - 1]!];
      })
      .map((t) => t.replace(/[’]/g, "'").replace(/^\W*?(?=\w)|…$/g, ''));
    expect(lineEnds.length).toBeGreaterThan(8);
    for (const token of lineEnds) expect(vocabulary, `a line starts or ends with "${token}"`).toContain(token);
    expect(runs.join(' ')).not.toMatch(/\w-\s*$/m);
    // The curly apostrophe is set (as a straight one), not dropped: before, "maintainer’s" printed as "maintainers".
    expect(runs.join(' ')).toContain("maintainer's");
  });

  it("names the participants' segments and roles", async () => {
    const { bullet, card } = builder();
    const profiles = new Map([
      [4, { segment: 'Large project', role: 'Lead maintainer' }],
      [9, { segment: 'Large project', role: 'Contributor' }],
      [2, { segment: 'Foundation staff', role: null }],
    ]);
    const data = card({ goals: [bullet('Wants funding for maintenance')] }, { profiles });
    const { text } = await readPdf(await renderPersonaPdf(data));
    expect(text[0]).toContain('Segments: Large project (2), Foundation staff');
    expect(text[0]).toContain('Roles: Contributor, Lead maintainer');
    // Nothing recorded: no empty line.
    expect((await readPdf(await renderPersonaPdf(card({}, { profiles: new Map() })))).text[0]).not.toContain('Segments');
  });

  it('seeds the avatar by who the persona is drawn from, not by its row id or its name', () => {
    const { card } = builder();
    const first = planPersona(card({ id: 7, name: 'Persona A — ernest' }));
    const rerun = planPersona(
      card({ id: 31, name: 'Persona B — nick', participants: [{ id: 9, name: 'Nick' }, { id: 2, name: 'Jackie' }, { id: 4, name: 'Ernest' }] }),
    );
    expect(rerun.avatarSeed).toBe(first.avatarSeed);
    const other = planPersona(card({ id: 7, participants: [{ id: 5, name: 'Donald' }] }));
    expect(other.avatarSeed).not.toBe(first.avatarSeed);
    // The app's avatar (PersonaAvatar) draws from the same function with the persona it is given.
    expect(personaAvatarSeed({ name: 'X', participants: [{ id: 2 }, { id: 9 }, { id: 4 }] })).toBe(first.avatarSeed);
  });
});

describe('edited bullets and profiles, from a real study file to the PDF', () => {
  const tmp = useTmpDir();

  it('marks the bullet a persona edit rewrote (not the ones it sent back unchanged) and prints it ahead of the drafts', async () => {
    const study = openStudyDb(join(tmp(), 'study.grounded'), { create: true });
    onTestFinished(() => study.close());
    const { db } = study;
    for (const file of goodTranscripts.slice(1, 3)) expect((await ingestFile(db, { path: file, bytes: readFileSync(file) })).status).toBe('ok');
    const quotes = listQuotes(db);
    const people = listParticipantDetails(db);
    expect(quotes.length).toBeGreaterThan(20);
    const cite = (i: number) => [quotes[(2 * i) % quotes.length]!.id, quotes[(2 * i + 1) % quotes.length]!.id];
    const drafted = (label: string) =>
      Array.from({ length: 9 }, (_, i) => ({ text: `${label} ${i + 1}: ${MEDIUM[i % 4]!}, and ${MEDIUM[(i + 1) % 4]!.toLowerCase()}`, evidence: cite(i) }));
    const sections = mapSections((s) => (isOptionalSection(s) ? [] : drafted(s)));
    saveRun(db, {
      modelId: 'test', modelHash: 'test', seed: 1, params: {}, chosenK: 1, scores: {}, themes: [], points: [],
      personas: [{ name: 'Persona A', summary: 'Drafted.', mark: null, edited: false, participantIds: people.map((p) => p.id), fit: {}, definingQuoteId: null, sections, themeIndexes: [] }],
    });
    const [persona] = listPersonas(db);
    const goals = persona!.goals.map((b) => ({ ...b }));
    goals[3] = { ...goals[3]!, text: 'Rewritten by the researcher: funding should follow the maintenance' };
    // The editor sends every section back, as the renderer does; only the rewritten bullet is the researcher's.
    updatePersona(db, persona!.id, { goals, frustrations: persona!.frustrations });
    const saved = listPersonas(db)[0]!;
    expect(saved.goals.map((b) => b.edited === true)).toEqual(goals.map((_, i) => i === 3));
    expect(saved.frustrations.some((b) => b.edited)).toBe(false);
    // A later save that sends it back unchanged keeps the mark (the IPC schema strips it from what the renderer sends).
    updatePersona(db, persona!.id, { goals: saved.goals.map(({ edited: _e, ...b }) => b) });
    expect(listPersonas(db)[0]!.goals[3]!.edited).toBe(true);

    updateProfile(db, people[0]!.id, { segment: 'Enterprise', role: 'Engineering manager' });
    const profiles = new Map(listParticipantDetails(db).map((p) => [p.id, { segment: p.profile.segment, role: p.profile.role }]));
    const quotesById = new Map(quotes.map((q) => [q.id, { text: q.text, participantName: q.participantName }]));
    const card: PersonaCardData = { persona: listPersonas(db)[0]!, studyName: 'Fixture study', researchDate: null, participantCount: people.length, quotesById, profiles };
    const goalsPlan = planPersona(card).columns.flat().find((s) => s.key === 'goals')!;
    expect(goalsPlan.hidden).toBeGreaterThan(0);
    expect(goalsPlan.bullets[0]!.text).toContain('Rewritten by the researcher');
    const { pages, text } = await readPdf(await renderPersonaPdf(card));
    expect(pages).toBe(1);
    expect(squash(text[0]!)).toContain(squash('Rewritten by the researcher: funding should follow the maintenance'));
    expect(text[0]).toContain('Segments: Enterprise');
    expect(text[0]).toContain('Roles: Engineering manager');
  });
});
