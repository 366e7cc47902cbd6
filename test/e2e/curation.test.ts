// The curation workspace in a real Chromium over the browser harness: themes renamed, merged and
// given a moved quote, a persona's new bullets backed by quotes found by search and by drag, every
// edit undone and redone (also after the harness restarts over the same study file), a claim's
// evidence opened at its turn in the transcript, and the edited 4th bullet in the exported PDF.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobFinished, Persona, Theme } from '../../shared/domain';
import type { CoreChannel, InputOf, OutputOf } from '../../shared/ipc/contract';
import { startHarness, type Harness } from '../../electron/core/harness/server';
import type { CoreHost } from '../../electron/core/host/types';
import { slugify } from '../../electron/core/export/files';
import { readPdf, squash } from '../helpers/pdf';
import { createE2EHost, CHROMIUM, launchChromium } from './host';

const root = join(__dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');
const fixtures = join(root, 'test', 'fixtures', 'transcripts');
/** Screenshots for a person to look at (not compared by the test). */
const shots = process.env.GROUNDED_SHOTS ?? join(tmpdir(), 'grounded-e2e-curation');
const WAIT = { timeout: 20_000 };
const FILES = ['interview-alex.txt', 'interview-dev.txt', 'interview-jordan.txt', 'interview-kai.txt', 'interview-maria.md', 'interview-sam.md'];

const NEW_GOAL = 'Keeps a buffer so an annual bill never lands as a surprise.';
const NEW_FRUSTRATION = 'Spreadsheets break whenever payday moves.';

describe('curation workspace in the browser harness', () => {
  let dir: string;
  let studyPath: string;
  let host: CoreHost;
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  /** The persona edited below, and the quotes attached to its new bullets. */
  let personaId = 0;
  let searchedQuote = 0;
  let draggedQuote = 0;
  const pageErrors: string[] = [];

  const core = async <C extends CoreChannel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const r = await host.invoke(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  const job = async (spec: InputOf<'jobs:start'>): Promise<JobFinished> => {
    const finished = new Promise<JobFinished>((resolve) => {
      const off = host.on('jobs:finished', (f) => {
        off();
        resolve(f);
      });
    });
    await core('jobs:start', spec);
    const f = await finished;
    if (f.status !== 'completed') throw new Error(`${spec.kind} job ${f.status}: ${f.error?.message}`);
    return f;
  };
  const themes = async (): Promise<Theme[]> => (await core('themes:list', {})).filter((t) => !t.outlier);
  const persona = async (): Promise<Persona> => (await core('personas:list', {})).find((p) => p.id === personaId)!;
  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
  const undoButton = () => page.getByTestId('undo-button');
  const redoButton = () => page.getByTestId('redo-button');
  /** Keyboard shortcuts act outside text fields: move focus to the page first. */
  const pressOnPage = async (keys: string) => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(keys);
  };
  /** An HTML5 drag from one element to another, as the browser fires it. */
  const drag = async (source: ReturnType<Page['locator']>, target: ReturnType<Page['locator']>) => {
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    await source.dispatchEvent('dragstart', { dataTransfer });
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
    await source.dispatchEvent('dragend', { dataTransfer });
  };

  const openPage = async () => {
    await page.goto(harness.url);
    await page.getByTestId('study-name').waitFor({ state: 'visible', timeout: WAIT.timeout });
  };

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: build first (npx electron-vite build)`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium, or set GROUNDED_CHROMIUM`);
    dir = mkdtempSync(join(tmpdir(), 'grounded-curation-'));
    mkdirSync(shots, { recursive: true });
    studyPath = join(dir, 'curation.grounded');
    host = await createE2EHost(join(dir, 'settings'));
    await core('study:create', { path: studyPath });
    await job({ kind: 'import', paths: FILES.map((f) => join(fixtures, f)) });
    await job({ kind: 'synthesize', personas: 2, themes: 6, seed: 7 });
    harness = await startHarness({ host, rendererDir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (err) => pageErrors.push(`${err.message} ${err.stack ?? ''}`));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    await openPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await host?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts with nothing to undo', async () => {
    expect(await undoButton().isDisabled()).toBe(true);
    expect(await redoButton().isDisabled()).toBe(true);
  });

  it('renames a theme in place; undo and redo take the rename back and forth', async () => {
    await page.getByTestId('nav-themes').click();
    const first = page.getByTestId('theme').first();
    await expect.poll(() => first.count(), WAIT).toBe(1);
    const id = Number(await first.getAttribute('data-theme-id'));
    const before = (await themes()).find((t) => t.id === id)!.label;
    await first.getByTestId('theme-menu').click();
    await page.getByTestId('theme-rename').click();
    await page.getByTestId('theme-rename-input').fill('Money worries');
    await page.getByTestId('theme-rename-input').press('Enter');
    const label = () => page.locator(`[data-theme-id="${id}"] [data-testid=theme-label]`).textContent();
    await expect.poll(label, WAIT).toBe('Money worries');
    expect((await themes()).find((t) => t.id === id)).toMatchObject({ label: 'Money worries', curated: true });
    await expect.poll(() => undoButton().getAttribute('aria-label'), WAIT).toMatch(/^Undo: .*Money worries/);

    await undoButton().click();
    await expect.poll(label, WAIT).toBe(before);
    expect((await themes()).find((t) => t.id === id)!.label).toBe(before);
    await expect.poll(() => redoButton().isDisabled(), WAIT).toBe(false);
    await pressOnPage('Control+Shift+Z');
    await expect.poll(label, WAIT).toBe('Money worries');

    // Inside a text field Ctrl+Z is the field's own undo, not the study's.
    await page.locator(`[data-theme-id="${id}"]`).getByTestId('theme-menu').click();
    await page.getByTestId('theme-rename').click();
    await page.getByTestId('theme-rename-input').pressSequentially(' typed');
    await page.getByTestId('theme-rename-input').press('Control+z');
    expect((await themes()).find((t) => t.id === id)!.label).toBe('Money worries');
    expect(await undoButton().getAttribute('aria-label')).toMatch(/^Undo: .*Money worries/);
    await page.getByTestId('theme-rename-input').press('Escape');
    await expect.poll(label, WAIT).toBe('Money worries');
  });

  it('merges two themes under a new label; Ctrl+Z splits them again and redo merges them back', async () => {
    const all = await themes();
    const [a, b] = all.slice(-2);
    if (!a || !b) throw new Error('need two themes');
    await page.locator(`[data-theme-id="${a.id}"]`).getByTestId('theme-pick').check();
    await page.locator(`[data-theme-id="${b.id}"]`).getByTestId('theme-pick').check();
    await page.getByTestId('merge-themes').click();
    await page.getByTestId('merge-label-custom').click();
    await page.getByTestId('merge-custom-label').fill('Merged findings');
    await shot('themes-merge-dialog');
    await page.getByTestId('merge-confirm').click();

    const merged = async () => (await themes()).filter((t) => t.label === 'Merged findings');
    await expect.poll(async () => (await merged()).map((t) => t.size), WAIT).toEqual([a.size + b.size]);
    await expect.poll(() => page.getByTestId('theme').count(), WAIT).toBe(all.length - 1);
    expect(await page.getByTestId('theme-label').filter({ hasText: 'Merged findings' }).count()).toBe(1);

    await pressOnPage('Control+z');
    await expect.poll(() => page.getByTestId('theme').count(), WAIT).toBe(all.length);
    const restored = await themes();
    expect(restored.map((t) => [t.id, t.label, t.size]).sort()).toEqual(all.map((t) => [t.id, t.label, t.size]).sort());
    await redoButton().click();
    await expect.poll(async () => (await merged()).length, WAIT).toBe(1);
    await expect.poll(() => page.getByTestId('theme').count(), WAIT).toBe(all.length - 1);
  });

  it('lists all of a theme’s quotes, filters them, and moves a quote by menu and by drag (each undoable)', async () => {
    const [from] = await themes();
    const to = (await themes()).find((t) => t.label === 'Merged findings')!;
    const item = page.locator(`[data-theme-id="${from!.id}"]`);
    await item.getByRole('button', { name: /^Theme: / }).click();
    const rows = item.getByTestId('quote');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThan(0);
    expect(await item.getByTestId('theme-quote-total').textContent()).toBe(`${from!.size} quotes`);
    // Filtering by participant narrows the list to their quotes.
    await item.getByTestId('theme-filter-participant').click();
    const option = page.getByRole('option').first();
    const count = Number((await option.textContent())!.match(/\((\d+)\)$/)![1]);
    await option.click();
    await expect.poll(() => item.getByTestId('theme-quote-total').textContent(), WAIT).toBe(`${count} ${count === 1 ? 'quote' : 'quotes'}`);
    await shot('themes-quotes');
    // Collapsing and expanding the theme starts its list afresh, without the filter.
    const control = item.getByRole('button', { name: /^Theme: / });
    await control.click();
    await expect.poll(() => rows.count(), WAIT).toBe(0);
    await control.click();
    await expect.poll(() => item.getByTestId('theme-quote-total').textContent(), WAIT).toBe(`${from!.size} quotes`);

    const moved = Number(await rows.first().getAttribute('data-quote-id'));
    await rows.first().getByTestId('move-quote').click();
    await page.getByRole('menuitem', { name: 'Merged findings', exact: true }).click();
    const holder = async (quoteId: number) => (await themes()).find((t) => t.quoteIds.includes(quoteId))?.id;
    await expect.poll(() => holder(moved), WAIT).toBe(to.id);
    await pressOnPage('Control+z');
    await expect.poll(() => holder(moved), WAIT).toBe(from!.id);
    await expect.poll(() => redoButton().isDisabled(), WAIT).toBe(false);
    await pressOnPage('Control+y');
    await expect.poll(() => holder(moved), WAIT).toBe(to.id);

    // The list must show the redo first: read from a stale list, the first row's id is the quote just
    // moved away, while the drag (after the re-render) takes another quote.
    await expect.poll(() => item.locator(`[data-testid="quote"][data-quote-id="${moved}"]`).count(), WAIT).toBe(0);
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThan(0);
    const dragged = Number(await rows.first().getAttribute('data-quote-id'));
    await drag(rows.first(), page.locator(`[data-theme-id="${to.id}"]`));
    await expect.poll(() => holder(dragged), WAIT).toBe(to.id);
    await expect.poll(() => undoButton().getAttribute('aria-label'), WAIT).toMatch(/^Undo: Move 1 quote from .* to “Merged findings”/);
    await undoButton().click();
    await expect.poll(() => holder(dragged), WAIT).toBe(from!.id);
    await redoButton().click();
    await expect.poll(() => holder(dragged), WAIT).toBe(to.id);
  });

  it('splits picked quotes into a new theme, and hides a theme from personas, visibly (each undoable)', async () => {
    const [from] = await themes();
    const item = page.locator(`[data-theme-id="${from!.id}"]`);
    if ((await item.getByTestId('quote').count()) === 0) await item.getByRole('button', { name: /^Theme: / }).click();
    const rows = item.getByTestId('quote');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThan(2);
    const picked = [Number(await rows.nth(0).getAttribute('data-quote-id')), Number(await rows.nth(1).getAttribute('data-quote-id'))].sort((x, y) => x - y);
    await rows.nth(0).getByTestId('quote-pick').check();
    await rows.nth(1).getByTestId('quote-pick').check();
    await item.getByTestId('split-picked').click();
    await page.getByTestId('split-label').fill('Split out');
    await page.getByTestId('split-confirm').click();
    const split = async () => (await themes()).find((t) => t.label === 'Split out');
    await expect.poll(async () => [...((await split())?.quoteIds ?? [])].sort((x, y) => x - y), WAIT).toEqual(picked);
    expect((await themes()).find((t) => t.id === from!.id)!.size).toBe(from!.size - 2);
    await expect.poll(() => page.getByTestId('theme-label').filter({ hasText: 'Split out' }).count(), WAIT).toBe(1);
    await pressOnPage('Control+z');
    await expect.poll(async () => (await split()) === undefined, WAIT).toBe(true);
    await expect.poll(() => redoButton().isDisabled(), WAIT).toBe(false);
    await redoButton().click();
    await expect.poll(async () => (await split())?.quoteIds.length, WAIT).toBe(2);

    const made = (await split())!;
    const theme = page.locator(`[data-theme-id="${made.id}"]`);
    await theme.getByTestId('theme-menu').click();
    await page.getByTestId('theme-toggle-hidden').click();
    await expect.poll(() => theme.getByTestId('theme-hidden').isVisible(), WAIT).toBe(true);
    expect((await split())!.hidden).toBe(true);
    await shot('themes-hidden');
    await undoButton().click();
    await expect.poll(() => theme.getByTestId('theme-hidden').count(), WAIT).toBe(0);
    expect((await split())!.hidden).toBe(false);
  });

  it('opens a quote from a theme in the evidence panel: who said it, the question in plain words, its themes', async () => {
    const item = page.getByTestId('theme').first();
    if ((await item.getByTestId('quote').count()) === 0) await item.getByRole('button', { name: /^Theme: / }).click();
    const quote = item.getByTestId('quote').first();
    await quote.getByRole('button').first().click();
    const panel = page.getByTestId('evidence-panel');
    await expect.poll(() => panel.getByTestId('quote-context').count(), WAIT).toBe(1);
    const id = Number(await panel.getByTestId('quote-context').getAttribute('data-quote-id'));
    const context = await core('quotes:context', { id });
    expect(await panel.getByTestId('quote-speaker').textContent()).toContain(context.participant.name);
    expect(await panel.getByTestId('quote-themes').textContent()).toContain(context.themes[0]!.label);
    if (context.question) {
      const question = (await panel.getByTestId('quote-question').textContent()) ?? '';
      expect(question).toContain(context.question.text.slice(0, 20));
      expect(question).not.toMatch(/^\s*>|_Source|\*\*/m);
    }
    await shot('evidence-quote-panel');
    await panel.getByTestId('evidence-close').click();
    await expect.poll(() => panel.count(), WAIT).toBe(0);
  });

  it('backs new bullets with quotes found by search and dragged from the results; undo and redo the save', async () => {
    await page.getByTestId('nav-personas').click();
    const card = page.getByTestId('persona-card').first();
    await expect.poll(() => card.count(), WAIT).toBe(1);
    personaId = (await core('personas:list', {}))[0]!.id;
    const goalsBefore = (await persona()).goals.length;
    await card.getByRole('button', { name: /^Edit / }).click();
    const editor = page.getByTestId('persona-editor');
    const goals = editor.getByTestId('edit-goals').getByTestId('edit-bullet');
    // Enough goals that the new one is at least the 4th: the PDF must print it.
    while ((await goals.count()) < 3) {
      await editor.getByRole('button', { name: 'Add Goals bullet' }).click();
      await goals.last().getByRole('textbox').fill(`Filler goal number ${await goals.count()} for the card.`);
      await goals.last().getByTestId('edit-find').click();
      await page.getByTestId('find-query').fill('money');
      await page.getByTestId('find-add').first().click();
    }
    await editor.getByRole('button', { name: 'Add Goals bullet' }).click();
    const goal = goals.last();
    await goal.getByRole('textbox').fill(NEW_GOAL);
    expect(await goal.getByTestId('edit-unsupported').count()).toBe(1);

    // By search: the bullet's "find" opens the panel aimed at it; Add attaches the quote.
    await goal.getByTestId('edit-find').click();
    await page.getByTestId('find-query').fill('spreadsheet');
    const results = page.getByTestId('find-result');
    await expect.poll(() => results.count(), WAIT).toBeGreaterThan(1);
    searchedQuote = Number(await results.first().getAttribute('data-quote-id'));
    expect((await core('quotes:list', { ids: [searchedQuote] }))[0]!.text.toLowerCase()).toContain('spreadsheet');
    await results.first().getByTestId('find-add').click();
    await expect.poll(() => goal.getAttribute('data-evidence'), WAIT).toBe('1');
    expect(await goal.getByTestId('edit-unsupported').count()).toBe(0);

    // By drag: a search result dropped on a new Frustrations bullet.
    await editor.getByRole('button', { name: 'Add Frustrations bullet' }).click();
    const frustration = editor.getByTestId('edit-frustrations').getByTestId('edit-bullet').last();
    await frustration.getByRole('textbox').fill(NEW_FRUSTRATION);
    draggedQuote = Number(await results.nth(1).getAttribute('data-quote-id'));
    await drag(results.nth(1), frustration);
    await expect.poll(() => frustration.getAttribute('data-evidence'), WAIT).toBe('1');
    await shot('persona-editor-find');

    // The badge lists the bullet's quotes in the panel, each removable.
    await frustration.getByTestId('edit-evidence-badge').click();
    const listed = page.getByTestId('evidence-quotes').getByTestId('evidence-quote');
    await expect.poll(() => listed.count(), WAIT).toBe(1);
    expect(Number(await listed.first().getAttribute('data-quote-id'))).toBe(draggedQuote);
    await shot('persona-editor-evidence');

    await page.getByTestId('persona-save').click();
    await expect.poll(() => page.getByTestId('persona-editor').count(), WAIT).toBe(0);
    const saved = await persona();
    expect(saved.goals.length).toBeGreaterThanOrEqual(4);
    expect(saved.goals.at(-1)).toMatchObject({ text: NEW_GOAL, evidence: [searchedQuote] });
    expect(saved.frustrations.at(-1)).toMatchObject({ text: NEW_FRUSTRATION, evidence: [draggedQuote] });
    expect(saved.goals.length).toBeGreaterThan(goalsBefore);

    await shot('persona-saved');
    expect(pageErrors).toEqual([]);
    await expect.poll(() => undoButton().getAttribute('aria-label'), WAIT).toMatch(/^Undo: Edit persona/);
    await undoButton().click();
    await expect.poll(async () => (await persona()).goals.some((g) => g.text === NEW_GOAL), WAIT).toBe(false);
    await expect.poll(() => page.getByTestId('bullet-text').filter({ hasText: NEW_GOAL }).count(), WAIT).toBe(0);
    await pressOnPage('Control+Shift+Z');
    await expect.poll(async () => (await persona()).goals.some((g) => g.text === NEW_GOAL), WAIT).toBe(true);
    await expect.poll(() => page.getByTestId('bullet-text').filter({ hasText: NEW_GOAL }).count(), WAIT).toBe(1);
  });

  it('drags a quote from the transcript around a found quote onto a bullet', async () => {
    await page.getByTestId('persona-card').first().getByRole('button', { name: /^Edit / }).click();
    const editor = page.getByTestId('persona-editor');
    await editor.getByRole('button', { name: 'Add Context bullet' }).click();
    const bullet = editor.getByTestId('edit-context').getByTestId('edit-bullet').last();
    await bullet.getByRole('textbox').fill('Plans around shifts that change every month.');
    await bullet.getByTestId('edit-find').click();
    await page.getByTestId('find-query').fill('shifts');
    const results = page.getByTestId('find-result');
    await expect.poll(() => results.count(), WAIT).toBeGreaterThan(0);
    await results.first().getByRole('button').first().click();
    const excerpt = page.locator('[data-testid=transcript-excerpt]:visible');
    await expect.poll(() => excerpt.getByTestId('excerpt-quote').count(), WAIT).toBeGreaterThan(0);
    await shot('evidence-excerpt');
    const source = excerpt.getByTestId('excerpt-quote').last();
    const quoteId = Number(await source.getAttribute('data-quote-id'));
    await drag(source, bullet);
    await expect.poll(() => bullet.getAttribute('data-evidence'), WAIT).toBe('1');
    await bullet.getByTestId('edit-evidence-badge').click();
    await expect.poll(async () => Number(await page.locator('[data-testid=evidence-quote]:visible').first().getAttribute('data-quote-id')), WAIT).toBe(quoteId);
    // Removing it from the panel leaves the bullet unsupported again.
    await page.locator('[data-testid=evidence-quote]:visible').first().getByTestId('evidence-remove').click();
    await expect.poll(() => bullet.getAttribute('data-evidence'), WAIT).toBe('0');
    expect(await bullet.getByTestId('edit-unsupported').count()).toBe(1);
    await page.getByTestId('persona-cancel').click();
    await page.getByTestId('discard-confirm').click();
    await expect.poll(() => page.getByTestId('persona-editor').count(), WAIT).toBe(0);
  });

  it('asks before throwing away unsaved edits, on Cancel and when leaving the screen', async () => {
    await page.getByTestId('persona-card').first().getByRole('button', { name: /^Edit / }).click();
    const editor = page.getByTestId('persona-editor');
    await editor.getByRole('textbox', { name: 'Name', exact: true }).fill('Unsaved name');
    await page.getByTestId('persona-cancel').click();
    await expect.poll(() => page.getByTestId('discard-dialog').isVisible(), WAIT).toBe(true);
    await page.getByTestId('discard-keep').click();
    await expect.poll(() => page.getByTestId('discard-dialog').count(), WAIT).toBe(0);
    expect(await editor.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Unsaved name');

    await page.getByTestId('nav-themes').click();
    await expect.poll(() => page.getByTestId('discard-dialog').isVisible(), WAIT).toBe(true);
    await page.getByTestId('discard-confirm').click();
    await expect.poll(() => page.getByTestId('themes-list').isVisible(), WAIT).toBe(true);
    expect((await persona()).name).not.toBe('Unsaved name');
  });

  it('keeps the history in the study file: after a restart, undo and redo still work', async () => {
    await harness.close();
    await host.close();
    host = await createE2EHost(join(dir, 'settings'));
    await core('study:open', { path: studyPath });
    harness = await startHarness({ host, rendererDir });
    await openPage();
    await expect.poll(() => undoButton().getAttribute('aria-label'), WAIT).toMatch(/^Undo: Edit persona/);
    await undoButton().click();
    await expect.poll(async () => (await persona()).goals.some((g) => g.text === NEW_GOAL), WAIT).toBe(false);
    await redoButton().click();
    await expect.poll(async () => (await persona()).goals.some((g) => g.text === NEW_GOAL), WAIT).toBe(true);
  });

  it("opens a bullet's evidence in the transcript, scrolled to and lighting up the quote's turn", async () => {
    await page.getByTestId('nav-personas').click();
    const bullet = page.getByTestId('bullet').filter({ hasText: NEW_GOAL });
    await expect.poll(() => bullet.count(), WAIT).toBe(1);
    await bullet.getByTestId('evidence-badge').click();
    const listed = page.getByTestId('evidence-quotes').getByTestId('evidence-quote');
    await expect.poll(() => listed.count(), WAIT).toBe(1);
    await listed.first().getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('open-in-transcript').count(), WAIT).toBe(1);
    const [quote] = await core('quotes:list', { ids: [searchedQuote] });
    await page.getByTestId('open-in-transcript').click();
    await expect.poll(() => page.getByTestId('transcript-view').isVisible(), WAIT).toBe(true);
    const turn = page.getByTestId(`turn-${quote!.turnId}`);
    await expect.poll(() => turn.getAttribute('data-focused'), WAIT).toBe('true');
    await expect
      .poll(
        () =>
          turn.evaluate((el) => {
            const r = el.getBoundingClientRect();
            return r.top >= 64 && r.bottom <= window.innerHeight;
          }),
        WAIT,
      )
      .toBe(true);
    expect(await turn.textContent()).toContain(quote!.text.slice(0, 30));
    await shot('transcript-at-turn');
  });

  it('prints the edited 4th goal in the PDF card, with its evidence', async () => {
    const outDir = join(dir, 'export');
    await job({ kind: 'export', format: 'pdf', outDir, personaIds: [personaId] });
    const { name } = await persona();
    const card = readdirSync(outDir).find((f) => f.endsWith(`-${slugify(name)}.pdf`));
    expect(card, readdirSync(outDir).join(', ')).toBeDefined();
    const pdf = await readPdf(readFileSync(join(outDir, card!)));
    expect(pdf.pages).toBe(1);
    const text = squash(pdf.text.join(' '));
    expect(text).toContain(squash(name));
    expect(text).toContain(squash(NEW_GOAL));
    expect((await persona()).goals.findIndex((g) => g.text === NEW_GOAL)).toBeGreaterThanOrEqual(3);
  });

  it('lays the workspace out at 960x600 (screenshots for a person to look at)', async () => {
    await page.setViewportSize({ width: 960, height: 600 });
    await page.getByTestId('nav-themes').click();
    const first = page.getByTestId('theme').first();
    await first.getByRole('button', { name: /^Theme: / }).click();
    await expect.poll(() => first.getByTestId('quote').count(), WAIT).toBeGreaterThan(0);
    await first.getByTestId('quote').first().getByRole('button').first().click();
    // The panels under the shown one stay mounted (hidden), so Back finds them as they were.
    await expect.poll(() => page.locator('[data-testid=quote-context]:visible').count(), WAIT).toBe(1);
    await shot('small-themes-panel');
    await page.getByTestId('nav-personas').click();
    await page.getByTestId('persona-card').first().getByRole('button', { name: /^Edit / }).click();
    await page.getByTestId('open-find-evidence').click();
    await page.getByTestId('find-query').fill('bills');
    await expect.poll(() => page.getByTestId('find-result').count(), WAIT).toBeGreaterThan(0);
    await shot('small-persona-editor');
    // No horizontal scrollbar on the page at this size.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByTestId('persona-cancel').click();
    await expect.poll(() => page.getByTestId('persona-editor').count(), WAIT).toBe(0);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('asks before a new synthesis, in the words of synthesis:plan, and Cancel starts nothing', async () => {
    await page.getByTestId('nav-personas').click();
    const plan = await core('synthesis:plan', {});
    expect(plan.hasSynthesis).toBe(true);
    let started = 0;
    const off = host.on('jobs:progress', () => (started += 1));
    await page.getByTestId('synthesize-button').click();
    await expect.poll(() => page.getByTestId('resynthesis-message').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('resynthesis-message').textContent()).toBe(plan.message);
    await shot('resynthesis-confirm');
    await page.getByRole('dialog', { name: 'Synthesize again?' }).getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('resynthesis-message').count(), WAIT).toBe(0);
    off();
    expect(started).toBe(0);
  });

  it('reads in dark mode (screenshots for a person to look at)', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByTestId('nav-themes').click();
    const first = page.getByTestId('theme').first();
    if ((await first.getByTestId('quote').count()) === 0) await first.getByRole('button', { name: /^Theme: / }).click();
    await first.getByTestId('quote').first().getByRole('button').first().click();
    await expect.poll(() => page.locator('[data-testid=quote-context]:visible').count(), WAIT).toBe(1);
    await shot('dark-themes-panel');
    await page.getByTestId('nav-personas').click();
    await page.getByTestId('persona-card').first().getByRole('button', { name: /^Edit / }).click();
    await page.getByTestId('edit-goals').getByTestId('edit-evidence-badge').first().click();
    await expect.poll(() => page.locator('[data-testid=evidence-quotes]:visible').count(), WAIT).toBe(1);
    await shot('dark-persona-editor');
    await page.getByTestId('persona-cancel').click();
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
