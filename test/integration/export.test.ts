// Persona export end to end: real react-pdf rendering with the bundled Inter, real files in a
// temporary folder, and the PDFs read back with pdf.js.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { avatarSvg } from '../../shared/avatar';
import type { Bullet, Persona } from '../../shared/domain';
import { MANIFEST, writeExport } from '../../electron/core/export/files';
import { deckJson, personaJson } from '../../electron/core/export/json';
import { deckMarkdown, personaMarkdown } from '../../electron/core/export/markdown';
import { renderDeckPdf, renderPersonaPdf } from '../../electron/core/export/pdf';
import type { PersonaCardData } from '../../electron/core/export/types';
import { readPdf, squash } from '../helpers/pdf';

// ---- fixtures -------------------------------------------------------------------------------

type Quotes = PersonaCardData['quotesById'];

/** Builds cards whose quotes live in one map, as the export job gathers them from the database. */
function cardBuilder() {
  const quotesById: Quotes = new Map();
  let nextId = 1;
  const quote = (text: string, participantName: string) => {
    const id = nextId++;
    quotesById.set(id, { text, participantName });
    return id;
  };
  const bullet = (text: string, evidence: number): Bullet => ({
    text,
    evidence: Array.from({ length: evidence }, (_, i) => quote(`${text}: evidence ${i + 1}, in my own words`, `P${i + 1}`)),
  });
  const card = (persona: Partial<Persona> = {}): PersonaCardData => {
    const defining = quote('I plan the whole week on Sunday night, otherwise Monday eats me alive.', 'P3');
    return {
      studyName: 'Meal planning habits, spring 2025',
      researchDate: '2025-03-12',
      participantCount: 4,
      quotesById,
      persona: {
        id: 1,
        name: 'Maya the Planner',
        mark: 'primary',
        summary: 'A working parent who treats the weekly shop as a project and plans meals days ahead.',
        participants: [1, 3, 4, 9].map((id) => ({ id, name: `P${id}` })),
        definingQuote: { id: defining, text: quotesById.get(defining)!.text },
        goals: [bullet('Have dinners decided before Monday', 3), bullet('Keep the kids eating greens', 1)],
        frustrations: [bullet('Typing the same list into two apps', 2)],
        behaviors: [bullet('Plans on paper, then copies the list to her phone', 4)],
        context: [bullet('Two children under ten, both parents work', 2)],
        dayInLife: [],
        decisionFactors: [],
        success: [],
        themeIds: [1, 2],
        edited: false,
        updatedAt: '2025-03-20T10:00:00Z',
        ...persona,
      },
    };
  };
  return { card, bullet, quote };
}

const LONG =
  'Wants every single one of the weekly decisions made in advance, written down, shared with everybody ' +
  'in the household, double-checked against the calendar, the budget, the fridge and the school menu, ' +
  'and revisited on Wednesday in case something changed, which it always does. ';

function longCard(): PersonaCardData {
  const { card, bullet, quote } = cardBuilder();
  const many = (label: string, size: number) =>
    Array.from({ length: 10 }, (_, i) => bullet(`${label} ${i + 1}: ${LONG.repeat(size)}`, (i % 3) + 1));
  const defining = quote(LONG.repeat(5), 'P7');
  return card({
    name: 'Dr. Bartholomew Featherstonehaugh-Wilmington, the Extremely Thorough Household Procurement Officer',
    mark: 'anti',
    summary: LONG.repeat(8),
    definingQuote: { id: defining, text: LONG.repeat(5) },
    goals: many('Goal', 3),
    frustrations: many('Frustration', 2),
    behaviors: many('Behaviour', 1),
    context: many('Context', 4),
  });
}

// ---- PDF reading ----------------------------------------------------------------------------

const A4_WIDTH = 595.28;
const RIGHT_MARGIN = 42;


// ---- tests ----------------------------------------------------------------------------------

describe('avatarSvg', () => {
  it('draws the same face for the same seed and different faces for different seeds', () => {
    expect(avatarSvg('maya the planner')).toBe(avatarSvg('maya the planner'));
    expect(avatarSvg('maya the planner')).not.toBe(avatarSvg('sam the sceptic'));
    expect(avatarSvg('maya', 64)).toMatch(/^<svg[^>]*width="64"[^>]*height="64"/);
  });

  it('references nothing outside itself', () => {
    const svg = avatarSvg('maya the planner');
    expect(svg).not.toMatch(/(href|src)\s*=\s*["'](?!#)/i);
    expect(svg).not.toMatch(/url\(\s*['"]?(https?:|\/\/)/i);
    expect(svg).toContain('CC0');
  });
});

describe('persona PDF', () => {
  it('is one A4 page with the name, the defining quote, the sections and evidence counts', async () => {
    const card = cardBuilder().card();
    const pdf = await renderPersonaPdf(card);
    const { pages, text } = await readPdf(pdf);
    expect(pages).toBe(1);
    const page = text[0]!;
    expect(page).toContain('Maya the Planner');
    expect(squash(page)).toContain(squash('I plan the whole week on Sunday night, otherwise Monday eats me alive.'));
    expect(page).toContain('— P3');
    expect(page.toUpperCase()).toMatch(/PRIMARY PERSONA/);
    for (const heading of ['GOALS', 'FRUSTRATIONS', 'BEHAVIOURS', 'CONTEXT']) expect(page.toUpperCase()).toContain(heading);
    expect(page).toContain('3 quotes');
    expect(page).toContain('1 quote · thin evidence');
    expect(page).toContain('Based on 4 participants · research date 12 March 2025 · Grounded');
    expect(page).toContain('Meal planning habits, spring 2025');
  });

  it('embeds Inter and points at nothing remote', async () => {
    const bytes = (await renderPersonaPdf(cardBuilder().card())).toString('latin1');
    expect(bytes).toContain('/FontFile2');
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+Inter-Regular/);
    expect(bytes).not.toMatch(/https?:\/\//);
    expect(bytes).not.toMatch(/\/URI\b/);
  });

  it('stays on one page with very long text and ten bullets in every section', async () => {
    const { pages, text, maxRight } = await readPdf(await renderPersonaPdf(longCard()));
    expect(pages).toBe(1);
    expect(maxRight).toBeLessThanOrEqual(A4_WIDTH - RIGHT_MARGIN + 1);
    expect(text[0]).toContain('…');
    expect(text[0]).toMatch(/\+ \d+ more in the Markdown and JSON export/);
  });

  it('stays on one page with ten short bullets per section and every one listed', async () => {
    const { card, bullet } = cardBuilder();
    const ten = (label: string) => Array.from({ length: 10 }, (_, i) => bullet(`${label} ${i + 1}`, 2));
    const { pages, text } = await readPdf(
      await renderPersonaPdf(card({ goals: ten('Goal'), frustrations: ten('Pain'), behaviors: ten('Habit'), context: ten('Fact') })),
    );
    expect(pages).toBe(1);
    expect(text[0]).toContain('Goal 1');
    expect(text[0]).toContain('Fact 1');
  });

  it('shows the optional sections only when they hold something, still on one page', async () => {
    const { card, bullet } = cardBuilder();
    const plain = (await readPdf(await renderPersonaPdf(card()))).text[0]!.toUpperCase();
    for (const heading of ['A DAY IN THE LIFE', 'DECISION FACTORS', 'WHAT SUCCESS LOOKS LIKE']) expect(plain).not.toContain(heading);
    const full = card({
      dayInLife: [bullet('Shops on Saturday morning with both kids in tow', 1)],
      decisionFactors: [bullet('Switches apps the moment one loses her list', 3)],
      success: [bullet('A week where nobody asks what is for dinner', 2)],
    });
    const { pages, text } = await readPdf(await renderPersonaPdf(full));
    expect(pages).toBe(1);
    const page = squash(text[0]!);
    for (const heading of ['A day in the life', 'Decision factors', 'What success looks like']) expect(page.toUpperCase()).toContain(squash(heading).toUpperCase());
    for (const claim of ['Shops on Saturday morning', 'Switches apps the moment', 'A week where nobody asks']) expect(page).toContain(squash(claim));
    const md = personaMarkdown(full);
    expect(md).toContain('## Decision factors');
    expect(personaMarkdown(card())).not.toContain('## Decision factors');
    const json = personaJson(full);
    expect(json.decisionFactors.map((b) => b.text)).toEqual(['Switches apps the moment one loses her list']);
    expect(personaJson(card()).success).toEqual([]);
  });

  it('stays on one page with every optional section full too', async () => {
    const { card, bullet } = cardBuilder();
    const ten = (label: string) => Array.from({ length: 10 }, (_, i) => bullet(`${label} ${i + 1} with a few more words to wrap`, 2));
    const full = card({ goals: ten('Goal'), frustrations: ten('Pain'), behaviors: ten('Habit'), context: ten('Fact'), dayInLife: ten('Day'), decisionFactors: ten('Choice'), success: ten('Win') });
    const { pages, text, maxRight } = await readPdf(await renderPersonaPdf(full));
    expect(pages).toBe(1);
    expect(maxRight).toBeLessThanOrEqual(A4_WIDTH - RIGHT_MARGIN + 1);
    for (const first of ['Goal 1', 'Fact 1', 'Day 1', 'Choice 1', 'Win 1']) expect(text[0]).toContain(first);
  });

  it('copes with an empty persona: no mark, no quote, no summary, no bullets, emoji in the name', async () => {
    const { card } = cardBuilder();
    const empty = card({
      name: 'Sam 🚀 the Sceptic',
      mark: null,
      summary: '',
      participants: [],
      definingQuote: null,
      goals: [],
      frustrations: [],
      behaviors: [],
      context: [],
    });
    const { pages, text } = await readPdf(await renderPersonaPdf(empty));
    expect(pages).toBe(1);
    expect(text[0]).toContain('Sam the Sceptic');
    expect(text[0]).toContain('Nothing recorded yet.');
  });

  it('keeps over-long words and characters Inter lacks inside the page', async () => {
    const { card, bullet } = cardBuilder();
    const url = `https://example.org/${'a-very-long-path-segment/'.repeat(12)}end`;
    const odd = card({
      name: `Søren 数据 ${'W'.repeat(80)}`,
      summary: `See ${url} for more.`,
      goals: [bullet(`Visit ${url} ${url}`, 2)],
      frustrations: [bullet('M'.repeat(300), 1)],
    });
    const { pages, text, maxRight } = await readPdf(await renderPersonaPdf(odd));
    expect(pages).toBe(1);
    expect(maxRight).toBeLessThanOrEqual(A4_WIDTH - RIGHT_MARGIN + 1);
    expect(text[0]).toContain('Søren □□');
  });

  it('exports a card whose cited quote was deleted, the claim marked unsupported in PDF, Markdown and JSON', async () => {
    const card = cardBuilder().card({ goals: [{ text: 'Unbacked claim', evidence: [9999], lostEvidence: 1 }] });
    const { pages, text } = await readPdf(await renderPersonaPdf(card));
    expect(pages).toBe(1);
    expect(text[0]).toContain('unsupported · no quotes · 2 quotes deleted');
    expect(personaMarkdown(card)).toContain('- Unbacked claim _(unsupported, no quotes, 2 quotes deleted)_');
    expect(personaJson(card).goals[0]).toEqual({ text: 'Unbacked claim', evidence: [], unsupported: true, lostEvidence: 2 });
  });
});

describe('deck PDF', () => {
  it('has a cover and one page per persona', async () => {
    const { card } = cardBuilder();
    const cards = [
      card(),
      card({ id: 2, name: 'Sam the Sceptic', mark: 'secondary' }),
      longCard(),
    ];
    const { pages, text } = await readPdf(await renderDeckPdf(cards));
    expect(pages).toBe(cards.length + 1);
    expect(text[0]).toContain('Meal planning habits, spring 2025');
    expect(text[0]).toContain('Research date 12 March 2025');
    expect(text[0]).toContain('Maya the Planner');
    expect(text[0]).toContain('Sam the Sceptic');
    expect(text[1]).toContain('Maya the Planner');
    expect(text[2]).toContain('Sam the Sceptic');
  });

  it('lists the research questions on the cover, and in the Markdown and JSON decks', async () => {
    const { card } = cardBuilder();
    const questions = ['How do working parents plan the weekly shop?', 'What makes them drop a meal-planning app?'];
    const cards = [card({}), card({ id: 2, name: 'Sam the Sceptic' })].map((c) => ({ ...c, questions }));
    const { pages, text } = await readPdf(await renderDeckPdf(cards));
    expect(pages).toBe(3);
    expect(text[0]).toContain('What the research set out to learn');
    for (const q of questions) expect(squash(text[0]!)).toContain(squash(q));
    expect(text[0]).toContain('Sam the Sceptic');
    const md = deckMarkdown(cards);
    for (const q of questions) expect(md).toContain(`- ${q}`);
    expect(deckJson(cards).study.questions).toEqual(questions);
    const none = await readPdf(await renderDeckPdf([card()]));
    expect(none.text[0]).not.toContain('What the research set out to learn');
    expect(deckJson([card()]).study.questions).toEqual([]);
  });

  it('keeps the cover to one page with many long research questions and many personas', async () => {
    const { card } = cardBuilder();
    const questions = Array.from({ length: 9 }, (_, i) => `Question ${i + 1}: ${'what do people really do when the month runs out before the money does '.repeat(3)}`);
    const deck = Array.from({ length: 16 }, (_, i) => ({ ...card({ id: i + 1, name: `Persona number ${i + 1}` }), questions }));
    const { pages, text, maxRight } = await readPdf(await renderDeckPdf(deck));
    expect(pages).toBe(17);
    expect(maxRight).toBeLessThanOrEqual(A4_WIDTH - RIGHT_MARGIN + 1);
    expect(text[0]).toContain('Question 5');
    expect(text[0]).not.toContain('Question 6');
    expect(text[0]).toContain('+ 4 more in the Markdown and JSON export');
  });

  it('keeps the cover to one page with many personas: compact rows, then a count of the rest', async () => {
    const { card } = cardBuilder();
    const deck = (n: number) => Array.from({ length: n }, (_, i) => card({ id: i + 1, name: `Persona number ${i + 1}` }));
    const sixteen = await readPdf(await renderDeckPdf(deck(16)));
    expect(sixteen.pages).toBe(17);
    expect(sixteen.text[0]).toContain('Persona number 16');
    const many = await readPdf(await renderDeckPdf(deck(25)));
    expect(many.pages).toBe(26);
    expect(many.text[0]).toMatch(/\+ \d+ more personas/);
  });
});

describe('Markdown and JSON', () => {
  const card = longCard();
  const allEvidence = (c: PersonaCardData) =>
    [c.persona.goals, c.persona.frustrations, c.persona.behaviors, c.persona.context].flat().flatMap((b) => b.evidence);

  it('Markdown lists every bullet and every evidence quote under it', () => {
    const md = personaMarkdown(card);
    expect(md).toMatch(/^# Dr\. Bartholomew/);
    for (const heading of ['## Goals', '## Frustrations', '## Behaviours', '## Context']) expect(md).toContain(heading);
    for (const id of allEvidence(card)) {
      const q = card.quotesById.get(id)!;
      expect(md).toContain(`> "${q.text}" — ${q.participantName}`);
    }
    expect(md).toContain('(1 quote, thin evidence)');
    expect(deckMarkdown([card])).toContain('## Dr. Bartholomew');
  });

  it('JSON carries every field with evidence quotes expanded', () => {
    const json = personaJson(card);
    const roundTrip = JSON.parse(JSON.stringify(json)) as typeof json;
    expect(roundTrip.name).toBe(card.persona.name);
    expect(roundTrip.goals).toHaveLength(10);
    expect(roundTrip.definingQuote).toEqual({ id: card.persona.definingQuote!.id, text: card.persona.definingQuote!.text, participant: 'P7' });
    const quoted = [roundTrip.goals, roundTrip.frustrations, roundTrip.behaviors, roundTrip.context].flat().flatMap((b) => b.evidence);
    expect(quoted.map((q) => q.id)).toEqual(allEvidence(card));
    for (const q of quoted) expect(q).toEqual({ id: q.id, text: card.quotesById.get(q.id)!.text, participant: card.quotesById.get(q.id)!.participantName });
    expect(roundTrip.study).toEqual({ name: card.studyName, researchDate: '2025-03-12', participantCount: 4 });
  });
});

describe('writeExport', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'grounded-export-'));
    dirs.push(dir);
    return join(dir, 'nested', 'out');
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const hostileNames = ['../../etc/passwd', 'Maya/the\\Planner', '🚀🚀', 'Zoë Ångström: CON?*<>|', '..'];

  it.each(['pdf', 'md', 'json'] as const)('writes one safely named %s per persona plus a deck', async (format) => {
    const { card } = cardBuilder();
    const cards = hostileNames.map((name, i) => card({ id: i + 1, name }));
    const outDir = tempDir();
    const progress: [number, number][] = [];
    const paths = await writeExport(cards, format, outDir, (done, total) => progress.push([done, total]));

    expect(paths.map((p) => basename(p))).toEqual([
      `01-etc-passwd.${format}`,
      `02-maya-the-planner.${format}`,
      `03-persona.${format}`,
      `04-zoe-angstrom-con.${format}`,
      `05-persona.${format}`,
      `personas-deck.${format}`,
    ]);
    for (const p of paths) expect(dirname(p)).toBe(outDir);
    // No temp files left; the manifest records what this export wrote.
    expect(readdirSync(outDir).filter((n) => n !== MANIFEST).sort()).toEqual(paths.map((p) => basename(p)).sort());
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, 6]));
    if (format === 'pdf') {
      expect((await readPdf(readFileSync(paths[0]!))).pages).toBe(1);
      expect((await readPdf(readFileSync(paths.at(-1)!))).pages).toBe(cards.length + 1);
    }
    if (format === 'json') {
      const deck = JSON.parse(readFileSync(paths.at(-1)!, 'utf8')) as { personas: unknown[] };
      expect(deck.personas).toHaveLength(cards.length);
    }
  });

  it('stops when progress throws (a cancelled job) and leaves the folder as it was', async () => {
    const { card } = cardBuilder();
    const outDir = tempDir();
    const cards = [card(), card({ id: 2, name: 'Second' }), card({ id: 3, name: 'Third' })];
    const cancel = (done: number) => {
      if (done === 1) throw new Error('cancelled');
    };
    await expect(writeExport(cards, 'md', outDir, cancel)).rejects.toThrow('cancelled');
    expect(readdirSync(outDir)).toEqual([]);
  });
});
