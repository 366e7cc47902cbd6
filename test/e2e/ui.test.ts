// The renderer, built, served by the harness and driven in a real Chromium: the flow a
// researcher follows from an empty study to exported persona cards.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../electron/core/harness/server';
import type { CoreHost } from '../../electron/core/host/types';
import { createE2EHost, CHROMIUM, launchChromium } from './host';
import { readPdf, squash } from '../helpers/pdf';
import { fragmentReasons } from '../../electron/core/synthesis/checks/fragment';
import { labelReasons } from '../../electron/core/synthesis/checks/label';

const root = join(__dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');
const fixtures = join(root, 'test', 'fixtures', 'transcripts');
const shots = join(tmpdir(), 'grounded-e2e');
/** Every participant's name, straight from the core. */
async function participantNames(host: CoreHost): Promise<string[]> {
  const list = await host.invoke('participants:list', {});
  if (!list.ok) throw new Error(list.error.message);
  return list.value.map((p) => p.name);
}

/** expect.poll gives up after 1 s by default; a real import or save can take longer on a slow machine. */
const WAIT = { timeout: 20_000 };

/** Electron's File menu reaches the renderer as a 'menu:command' event; here the test sends it. */
const menu = new EventEmitter();
function withMenu(inner: CoreHost): CoreHost {
  return {
    ...inner,
    on: (event, listener) => {
      if (event !== 'menu:command') return inner.on(event, listener);
      menu.on(event, listener as (p: unknown) => void);
      return () => void menu.off(event, listener as (p: unknown) => void);
    },
  };
}

describe('renderer in the browser harness', () => {
  let dir: string;
  let host: CoreHost;
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  /** What the researcher sees without scrolling: for steps about where the page is scrolled to. */
  const viewShot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });

  /** Waits for the job panel's final status; a failure shows its error text in the assertion. */
  const finishedJob = async (expected: string, timeout: number) => {
    const status = page.getByTestId('job-status');
    await expect.poll(() => status.count(), { timeout }).toBe(1);
    const error = (await page.getByTestId('job-error').count()) ? await page.getByTestId('job-error').textContent() : null;
    expect({ status: await status.textContent(), error }).toEqual({ status: expected, error: null });
  };

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error(`${rendererDir}/index.html is missing: build first (npx electron-vite build, or npm test which builds)`);
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium, or set GROUNDED_CHROMIUM`);
    dir = mkdtempSync(join(tmpdir(), 'grounded-e2e-'));
    mkdirSync(shots, { recursive: true });
    host = await createE2EHost(join(dir, 'settings'));
    harness = await startHarness({ host: withMenu(host), rendererDir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(harness.url);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await host?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('says in plain words when a file is not a study, and asks before creating missing folders', async () => {
    await expect.poll(() => page.getByTestId('start-screen').isVisible(), WAIT).toBe(true);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a study\n');
    await page.getByRole('button', { name: 'Open study' }).click();
    await page.getByLabel('Study file path').fill(notes);
    await page.getByTestId('path-prompt-submit').click();
    const alert = page.getByTestId('start-error');
    await expect.poll(() => alert.count(), WAIT).toBe(1);
    expect(await alert.textContent()).toMatch(/^This file is not a Grounded study.*notes\.txt: this file is not a Grounded study/);
    expect(await alert.textContent()).not.toMatch(/Something went wrong/);

    const missing = join(dir, 'no-such-folder', 'deeper');
    await page.getByRole('button', { name: 'Create study' }).click();
    await page.getByLabel('Study file path').fill(join(missing, 'typo.grounded'));
    await page.getByTestId('path-prompt-submit').click();
    const confirm = page.getByTestId('create-folders-confirm');
    await expect.poll(() => confirm.isVisible(), WAIT).toBe(true);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => confirm.count(), WAIT).toBe(0);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    expect(await page.getByTestId('start-screen').isVisible()).toBe(true);
  });

  it('follows the system colour scheme, and the toggle overrides it and is remembered locally', async () => {
    const scheme = () => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
    const toggle = page.getByTestId('color-scheme-toggle');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(scheme, WAIT).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(scheme, WAIT).toBe('light');
    await toggle.click(); // auto -> light
    await toggle.click(); // light -> dark
    await expect.poll(scheme, WAIT).toBe('dark');
    expect(await page.evaluate(() => localStorage.getItem('mantine-color-scheme-value'))).toBe('dark');
    await page.reload();
    await expect.poll(scheme, WAIT).toBe('dark'); // the system says light; the choice wins and survives a reload
    await page.getByTestId('color-scheme-toggle').click(); // dark -> auto
    await expect.poll(scheme, WAIT).toBe('light');
    expect(await page.getByTestId('color-scheme-toggle').getAttribute('data-scheme')).toBe('auto');
  });

  it('creates a study through the path prompt', async () => {
    await expect.poll(() => page.getByTestId('start-screen').isVisible(), WAIT).toBe(true);
    await page.getByRole('button', { name: 'Create study' }).click();
    await page.getByLabel('Study file path').fill(join(dir, 'money-habits.grounded'));
    await page.getByTestId('path-prompt-submit').click();
    await expect.poll(() => page.getByTestId('study-name').textContent(), WAIT).toBe('money-habits');
    expect(await page.getByTestId('study-counts').textContent()).toContain('0 transcripts');

    const status = await host.invoke('app:status', {});
    if (status.ok && !status.value.model.available) {
      // The banner renders `backticked` commands as code, without the backticks.
      expect(await page.getByTestId('model-reason').textContent()).toBe(status.value.model.reason?.replaceAll('`', ''));
    } else {
      expect(await page.getByTestId('model-banner').count()).toBe(0);
    }
  });

  it('imports by path and reports each file', async () => {
    const bad = join(dir, 'scan.docx');
    writeFileSync(bad, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const good = ['interview-alex.txt', 'interview-maria.md', 'focus-call.vtt'].map((f) => join(fixtures, f));

    await page.getByTestId('import-button').click();
    await page.getByLabel('Paths to import, one per line').fill([...good, bad].join('\n'));
    await page.getByTestId('path-prompt-submit').click();

    // Nothing is written until the researcher has seen the preview and confirmed it.
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.getByTestId('preview-file').count(), WAIT).toBe(4);
    expect(await preview.locator('[data-testid=preview-file][data-file="scan.docx"]').getAttribute('data-status')).toBe('error');
    expect(await preview.locator('[data-testid=preview-file][data-file="focus-call.vtt"]').getByTestId('preview-detected').textContent()).toBe('Zoom WebVTT');
    expect(await page.getByTestId('import-preview-counts').textContent()).toBe('4 files: 3 to import, 1 could not be read');
    expect(await page.getByTestId('import-preview-confirm').textContent()).toBe('Import 3 files');
    await shot('1a-import-preview');
    const none = await host.invoke('transcripts:list', {});
    expect(none.ok && none.value).toEqual([]);
    await page.getByTestId('import-preview-confirm').click();

    const results = page.getByTestId('import-result');
    await expect.poll(() => results.count(), WAIT).toBe(4);
    expect(await page.locator('[data-testid=import-result][data-status=ok]').count()).toBe(3);
    const badRow = page.locator('[data-testid=import-result]', { hasText: 'scan.docx' });
    expect(await badRow.getAttribute('data-status')).not.toBe('ok');
    await expect.poll(() => page.getByTestId('transcript-row').count(), WAIT).toBe(3);
    expect(await page.getByTestId('transcripts-table').textContent()).toContain('interview-alex.txt');
    await shot('1-transcripts');
  });

  it('imports a dropped file by content', async () => {
    const text = readFileSync(join(fixtures, 'interview-dev.txt'), 'utf8');
    const dataTransfer = await page.evaluateHandle((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'interview-dev.txt', { type: 'text/plain' }));
      return dt;
    }, text);
    await page.dispatchEvent('[data-testid=drop-zone]', 'drop', { dataTransfer });
    await expect.poll(() => page.getByTestId('transcript-row').count(), WAIT).toBe(4);
    expect(await page.locator('[data-testid=import-result][data-status=ok]').count()).toBe(1);
  });

  it('shows a transcript and changes its interviewer', async () => {
    await page.getByTestId('transcript-row').filter({ hasText: 'interview-alex.txt' }).click();
    await expect.poll(() => page.getByTestId('turn').count(), WAIT).toBeGreaterThan(3);
    const select = page.getByRole('combobox', { name: 'Interviewer' });
    const markedInterviewer = () => page.locator('[data-testid=turn][data-role=interviewer] [data-testid=turn-speaker]').first().textContent();
    const original = (await select.inputValue()).replace(/ \(\d+ turns?\)$/, '');
    expect(await page.locator('[data-testid=turn][data-role=interviewer]').count()).toBeGreaterThan(0);
    const meta = page.getByTestId('transcript-meta');
    const metaBefore = await meta.textContent();
    expect(metaBefore).toMatch(/ · [1-9]\d* quotes? · /);
    await shot('2-transcript');

    await select.click();
    const other = page.getByRole('option').filter({ hasNotText: original }).first();
    const otherName = ((await other.textContent()) ?? '').replace(/ \(\d+ turns?\)$/, '');
    await other.click();
    await expect.poll(markedInterviewer, WAIT).toBe(otherName);

    // Put it back, so synthesis below sees the real participants.
    await select.click();
    await page.getByRole('option').filter({ hasText: `${original} (` }).first().click();
    await expect.poll(markedInterviewer, WAIT).toBe(original);
    // Same interviewer, same quotes: the round trip must not lose any.
    await expect.poll(() => meta.textContent(), WAIT).toBe(metaBefore);
    await page.getByRole('button', { name: 'All transcripts' }).click();
  });

  it('synthesizes personas with progress, and shows their evidence', async () => {
    await page.getByTestId('nav-personas').click();
    await page.getByRole('combobox', { name: 'Persona count' }).click();
    await page.getByRole('option', { name: '3 personas' }).click();
    await page.getByTestId('synthesize-button').click();
    await expect.poll(() => page.getByTestId('job-panel').isVisible(), WAIT).toBe(true);
    await finishedJob('completed', 90_000);
    await expect.poll(() => page.getByTestId('persona-card').count(), WAIT).toBe(3);

    // Drafts read as findings: names of 2-4 words that name no participant, bullets that are sentences.
    const people = await participantNames(host);
    for (const name of await page.getByTestId('persona-name').allTextContents()) {
      expect(name.trim().split(/\s+/).length, name).toBeGreaterThanOrEqual(2);
      expect(name.trim().split(/\s+/).length, name).toBeLessThanOrEqual(4);
      expect(labelReasons(name, people).filter((r) => /name/i.test(r)), name).toEqual([]);
    }
    const bullets = await page.getByTestId('bullet-text').allTextContents();
    expect(bullets.length).toBeGreaterThan(0);
    for (const bullet of bullets) expect(fragmentReasons(bullet), bullet).toEqual([]);

    const firstCard = page.getByTestId('persona-card').first();
    expect(await firstCard.getByTestId('persona-avatar').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await firstCard.getByTestId('evidence-badge').first().click();
    const quotes = page.getByTestId('evidence-quotes').getByTestId('quote');
    await expect.poll(() => quotes.count(), WAIT).toBeGreaterThan(0);
    expect(await quotes.first().locator('figcaption').textContent()).toMatch(/^— \S/);
    await shot('3-personas');
    await page.keyboard.press('Escape');
  });

  it('maps every quote, summarises the run, and keeps a facet correction', async () => {
    await page.getByTestId('nav-themes').click();
    const map = await host.invoke('themes:map', {});
    if (!map.ok) throw new Error(map.error.message);
    expect(map.value.length).toBeGreaterThan(0);
    const circles = page.getByTestId('theme-map').locator('circle');
    await expect.poll(() => circles.count(), WAIT).toBe(map.value.length);
    expect(await circles.first().locator('title').textContent()).toMatch(/\S/);
    await shot('3b-theme-map');

    await page.getByTestId('nav-personas').click();
    const summary = page.getByTestId('synthesis-summary');
    await expect.poll(() => summary.count(), WAIT).toBe(1);
    const answer = await host.invoke('synthesis:summary', {});
    if (!answer.ok || !answer.value.run) throw new Error('no synthesis summary after a run');
    const { run, saturation } = answer.value;
    expect(await summary.getByTestId('summary-model').textContent()).toBe(run.modelId);
    expect(await summary.getByTestId('summary-persona-k').textContent()).toBe('3');
    expect(await summary.getByTestId('summary-theme-k').textContent()).toBe(String(run.themeK));
    expect(saturation.curve.length).toBeGreaterThan(0);
    expect(await summary.getByTestId('saturation-chart').locator('circle').count()).toBe(saturation.curve.length);

    await page.getByTestId('persona-card').first().getByTestId('evidence-badge').first().click();
    const first = page.getByTestId('evidence-quotes').getByTestId('evidence-quote').first();
    const select = first.getByTestId('facet-select');
    await expect.poll(() => select.count(), WAIT).toBe(1);
    const quoteId = Number(await first.getAttribute('data-quote-id'));
    const before = await select.inputValue();
    const corrected = before === 'mentalModel' ? 'decisionFactor' : 'mentalModel';
    await select.selectOption(corrected);
    const stored = async () => {
      const facets = await host.invoke('quotes:facets', { ids: [quoteId] });
      return facets.ok ? facets.value.map((f) => ({ facet: f.facet, corrected: f.corrected })) : facets.error.message;
    };
    await expect.poll(stored, WAIT).toEqual([{ facet: corrected, corrected: true }]);
    await expect.poll(() => first.getByTestId('facet-source').textContent(), WAIT).toBe('corrected');
    await shot('3c-summary-facets');
    await page.keyboard.press('Escape');
  });

  it('lists themes with their attributed quotes', async () => {
    await page.getByTestId('nav-themes').click();
    await expect.poll(() => page.getByTestId('theme').count(), WAIT).toBeGreaterThan(0);
    // Each theme shows a key-phrase label (no filler, no speaker's name) and a one-line description.
    const speakers = await participantNames(host);
    const themes = page.getByTestId('theme');
    for (const label of await themes.getByTestId('theme-label').allTextContents()) expect(labelReasons(label, speakers), label).toEqual([]);
    const descriptions = await themes.getByTestId('theme-description').allTextContents();
    expect(descriptions.length).toBe(await themes.count());
    for (const d of descriptions) expect(d.trim().split(/\s+/).length, d).toBeGreaterThanOrEqual(5);
    await page.getByTestId('theme').first().getByRole('button').first().click();
    const quotes = page.getByTestId('theme').first().getByTestId('quote');
    await expect.poll(() => quotes.count(), WAIT).toBeGreaterThan(0);
    expect(await quotes.first().locator('figcaption').textContent()).toMatch(/^— \S/);
    await shot('4-themes');
  });

  it('edits a persona name and a bullet, and saves them', async () => {
    await page.getByTestId('nav-personas').click();
    const card = page.getByTestId('persona-card').first();
    await card.getByRole('button', { name: /^Edit / }).click();
    const editor = page.getByTestId('persona-editor');
    await editor.getByRole('textbox', { name: 'Name', exact: true }).fill('Planner Priya');
    await editor.getByRole('textbox', { name: 'Goals bullet 1', exact: true }).fill('Never be caught short by an annual bill.');
    await editor.getByRole('button', { name: 'Add Frustrations bullet' }).click();
    const frustrations = editor.getByTestId('edit-frustrations').getByTestId('edit-bullet');
    await frustrations.last().getByRole('textbox').fill('Banking apps hide the real balance behind pots.');
    // An optional section: not on the card until it holds something.
    expect(await card.getByTestId('persona-dayInLife').count()).toBe(0);
    await editor.getByRole('button', { name: 'Add A day in the life bullet' }).click();
    await editor.getByTestId('edit-dayInLife').getByTestId('edit-bullet').last().getByRole('textbox').fill('Checks every balance on the bus before work.');
    await shot('5-editor');
    await page.getByTestId('persona-save').click();

    await expect.poll(() => page.getByTestId('persona-editor').count(), WAIT).toBe(0);
    const renamed = page.getByTestId('persona-card').filter({ hasText: 'Planner Priya' });
    await expect.poll(() => renamed.count(), WAIT).toBe(1);
    expect(await renamed.getByTestId('persona-goals').getByTestId('bullet-text').first().textContent()).toBe(
      'Never be caught short by an annual bill.',
    );
    expect(await renamed.getByTestId('persona-frustrations').textContent()).toContain('Banking apps hide the real balance behind pots.');
    expect(await renamed.getByTestId('persona-dayInLife').textContent()).toContain('Checks every balance on the bus before work.');

    const saved = await host.invoke('personas:list', {});
    expect(saved.ok && saved.value.find((p) => p.name === 'Planner Priya')?.goals[0]?.text).toBe('Never be caught short by an annual bill.');
  });

  it('exports PDF cards to a folder chosen through the path prompt, with the edits in them', async () => {
    const outDir = join(dir, 'export');
    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-format').getByText('PDF').click();
    await page.getByTestId('export-choose').click();
    await page.getByTestId('path-prompt').getByRole('textbox', { name: 'Output folder' }).fill(outDir);
    await page.getByTestId('path-prompt-submit').click();
    expect(await page.getByTestId('export-dir').inputValue()).toBe(outDir);
    await page.getByTestId('export-button').click();
    await finishedJob('completed', 60_000);
    await expect.poll(() => page.getByTestId('export-file').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const files = await page.getByTestId('export-file').allTextContents();
    for (const file of files) {
      expect(file.startsWith(outDir)).toBe(true);
      expect(existsSync(file)).toBe(true);
    }
    const card = files.find((f) => /planner-priya\.pdf$/.test(f));
    expect(card, files.join(', ')).toBeDefined();
    const pdf = await readPdf(readFileSync(card!));
    expect(pdf.pages).toBe(1);
    expect(squash(pdf.text[0]!)).toContain(squash('Planner Priya'));
    expect(squash(pdf.text[0]!)).toContain(squash('Never be caught short by an annual bill.'));
    expect(pdf.text[0]!.toLowerCase()).toContain('goals');
    expect(squash(pdf.text[0]!)).toContain(squash('Checks every balance on the bus before work.'));
    await shot('6-export');
  });

  /** True when the element sits entirely inside the viewport, below the 64 px header. */
  const inView = (selector: string) =>
    page.locator(selector).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 64 && r.bottom <= window.innerHeight;
    });

  /** Selects `phrase` inside the turn's text node that holds it, as a researcher's drag would. */
  const selectInTurn = (turnId: number, phrase: string) =>
    page.evaluate(
      ({ turnId, phrase }) => {
        const host = document.querySelector(`[data-testid="turn-${turnId}"] [data-testid=turn-text]`)!;
        const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const at = node.data.indexOf(phrase);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + phrase.length);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return host.childNodes.length;
        }
        throw new Error(`"${phrase}" is not inside one text node of turn ${turnId}`);
      },
      { turnId, phrase },
    );

  const transcriptRow = (fileName: string) => page.getByTestId('transcript-row').filter({ hasText: fileName });

  it("keeps a failed export's message with its study: the start screen and the reopened study do not show it", async () => {
    const notAFolder = join(dir, 'export-is-a-file');
    writeFileSync(notAFolder, 'a file where the folder should be\n');
    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-choose').click();
    await page.getByTestId('path-prompt').getByRole('textbox', { name: 'Output folder' }).fill(notAFolder);
    await page.getByTestId('path-prompt-submit').click();
    await page.getByTestId('export-button').click();
    const status = page.getByTestId('job-status');
    await expect.poll(() => status.count(), { timeout: 60_000 }).toBe(1);
    expect(await status.textContent()).toBe('failed');
    await page.getByRole('button', { name: 'Close study' }).click();
    await expect.poll(() => page.getByTestId('start-screen').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('job-panel').count()).toBe(0);
    await page.getByTestId('recent-studies').getByText('money-habits.grounded', { exact: true }).click();
    await expect.poll(() => page.getByTestId('study-name').textContent(), WAIT).toBe('money-habits');
    expect(await page.getByTestId('job-panel').count()).toBe(0);
  });

  it('searches every transcript as you type and opens a hit at its turn', async () => {
    await page.getByTestId('search-input').fill('spreadsheet');
    const hits = page.getByTestId('search-hit');
    await expect.poll(() => hits.count(), WAIT).toBeGreaterThan(0);
    expect(await page.getByTestId('search-total').textContent()).toMatch(/^[1-9]\d* matching turns?/);
    const first = hits.first();
    const marked = await first.locator('mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((m) => /^spreadsheet/i.test(m))).toBe(true);
    expect(await first.getByTestId('search-passage').textContent()).not.toMatch(/[\u0002\u0003<]/);
    const turnId = await first.getAttribute('data-turn-id');
    await shot('7-search');

    await first.click();
    const turn = `[data-testid="turn-${turnId}"]`;
    await expect.poll(() => page.locator(turn).count(), WAIT).toBe(1);
    expect(await page.locator(turn).getAttribute('data-focused')).toBe('true');
    await expect.poll(() => inView(turn), WAIT).toBe(true);
    expect((await page.locator(turn).textContent())?.toLowerCase()).toContain('spreadsheet');
    await viewShot('8-search-hit-turn');

    await page.getByRole('button', { name: 'Clear search' }).click();
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
    await page.getByRole('button', { name: 'All transcripts' }).click();
  });

  it('marks a speaker as other, and the transcript loses their quotes until they are a participant again', async () => {
    const row = transcriptRow('focus-call.vtt');
    const quoteCount = async () => Number(await row.getByTestId('transcript-quotes').textContent());
    const before = await quoteCount();
    expect(before).toBeGreaterThan(0);
    const ben = page.locator('[data-testid=speaker-row][data-speaker="Ben Carter"]');
    const benTurns = page.locator('[data-testid=turn]', { has: page.locator('[data-testid=turn-speaker]', { hasText: 'Ben Carter' }) });

    await row.click();
    await expect.poll(() => ben.count(), WAIT).toBe(1);
    expect(await ben.getByTestId('speaker-turns').textContent()).toMatch(/^[1-9]\d* turns?$/);
    await ben.getByText('Other', { exact: true }).click();
    await expect.poll(() => benTurns.first().getAttribute('data-role'), WAIT).toBe('other');
    await viewShot('9-speakers');
    await page.getByRole('button', { name: 'All transcripts' }).click();
    await expect.poll(quoteCount, WAIT).toBeLessThan(before);

    await row.click();
    await ben.getByText('Participant', { exact: true }).click();
    await expect.poll(() => benTurns.first().getAttribute('data-role'), WAIT).toBe('participant');
    await page.getByRole('button', { name: 'All transcripts' }).click();
    await expect.poll(quoteCount, WAIT).toBe(before);
  });

  it('highlights selected words as a tagged quote, at the right offsets even after an earlier highlight', async () => {
    const first = "It's honestly the centre of my financial life.";
    const second = 'I sit down with a coffee and I go through every line.';
    await transcriptRow('interview-alex.txt').click();
    const turnText = page.locator('[data-testid=turn][data-role=participant] [data-testid=turn-text]').filter({ hasText: first });
    await expect.poll(() => turnText.count(), WAIT).toBe(1);
    const turnId = Number(await turnText.getAttribute('data-turn-text-id'));
    const popover = page.getByTestId('highlight-popover');

    expect(await selectInTurn(turnId, first)).toBe(1);
    await expect.poll(() => popover.isVisible(), WAIT).toBe(true);
    const tags = popover.getByRole('combobox', { name: 'Tags' });
    await tags.fill('money ritual');
    await tags.press('Enter');
    await viewShot('10-highlight-popover');
    await page.getByTestId('highlight-save').click();
    const item = page.getByTestId('highlight-item').filter({ hasText: first });
    await expect.poll(() => item.count(), WAIT).toBe(1);
    expect(await item.getByTestId('highlight-tag').allTextContents()).toEqual(['money ritual']);
    await expect.poll(() => page.getByTestId('turn-highlight').filter({ hasText: first }).count(), WAIT).toBe(1);

    // The turn's text is now split around a <mark>; the second selection starts after it.
    expect(await selectInTurn(turnId, second)).toBeGreaterThan(1);
    await expect.poll(() => popover.isVisible(), WAIT).toBe(true);
    await page.getByTestId('highlight-save').click();
    await expect.poll(() => page.getByTestId('highlight-item').count(), WAIT).toBe(2);
    await viewShot('11-highlights');

    const listed = await host.invoke('transcripts:list', {});
    const alexId = listed.ok ? listed.value.find((t) => t.fileName === 'interview-alex.txt')!.id : -1;
    const detail = await host.invoke('transcripts:get', { id: alexId });
    const text = detail.ok ? detail.value.turns.find((t) => t.id === turnId)!.text : '';
    const stored = await host.invoke('highlights:list', { transcriptId: alexId });
    expect(stored.ok && stored.value.map((h) => [h.start, h.end, h.text, h.tags])).toEqual([
      [text.indexOf(first), text.indexOf(first) + first.length, first, ['money ritual']],
      [text.indexOf(second), text.indexOf(second) + second.length, second, []],
    ]);
    const quotes = await host.invoke('quotes:list', {});
    expect(quotes.ok && quotes.value.filter((q) => q.text === first || q.text === second).length).toBe(2);
    await page.getByRole('button', { name: 'All transcripts' }).click();
  });

  it('edits a participant record, and it is still there after a reload', async () => {
    await page.getByTestId('nav-participants').click();
    const row = page.locator('[data-testid=participant-row][data-participant="Maria Lopez"]');
    await expect.poll(() => row.count(), WAIT).toBe(1);
    await row.getByRole('button', { name: 'Edit Maria Lopez' }).click();
    const editor = page.getByTestId('participant-editor');
    await editor.getByRole('combobox', { name: 'Segment' }).fill('Household planner');
    await editor.getByRole('combobox', { name: 'Experience' }).click();
    await page.getByRole('option', { name: 'Power user' }).click();
    await shot('12-participant-editor');
    await page.getByTestId('participant-save').click();
    await expect.poll(() => editor.count(), WAIT).toBe(0);
    const cells = async () => [await row.getByTestId('participant-segment').textContent(), await row.getByTestId('participant-experience').textContent()];
    await expect.poll(cells, WAIT).toEqual(['Household planner', 'Power user']);

    await page.reload();
    await expect.poll(() => page.getByTestId('study-name').textContent(), WAIT).toBe('money-habits');
    await page.getByTestId('nav-participants').click();
    await expect.poll(cells, WAIT).toEqual(['Household planner', 'Power user']);
    const saved = await host.invoke('participants:details', {});
    expect(saved.ok && saved.value.find((p) => p.name === 'Maria Lopez')?.profile).toMatchObject({ segment: 'Household planner', experience: 'power' });
  });

  it('imports a participant sheet and shows what matched, what did not and what was wrong', async () => {
    // The sheet's last row is Sam's, with a bad experience level; Sam has to be in the study for it to match.
    await page.getByTestId('nav-transcripts').click();
    await page.getByTestId('import-button').click();
    await page.getByLabel('Paths to import, one per line').fill(join(fixtures, 'interview-sam.md'));
    await page.getByTestId('path-prompt-submit').click();
    await page.getByTestId('import-preview-confirm').click();
    await expect.poll(() => page.getByTestId('transcript-row').count(), WAIT).toBe(5);

    await page.getByTestId('nav-participants').click();
    await page.getByTestId('sheet-import-button').click();
    await page.getByLabel('Participant sheet (CSV) path').fill(join(root, 'test', 'fixtures', 'sheets', 'participants.csv'));
    await page.getByTestId('path-prompt-submit').click();
    const result = page.getByTestId('sheet-result');
    await expect.poll(() => result.count(), WAIT).toBe(1);
    expect(await result.getByTestId('sheet-updated').textContent()).toBe('Sheet imported: 4 participants updated');
    expect(await result.getByTestId('sheet-unmatched').allTextContents()).toEqual(['Row 4: “Zed Unknown”']);
    const errors = await result.getByTestId('sheet-error').allTextContents();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe('row 5, column Experience: "sometimes" is not one of new, regular, power, churned');
    const alex = page.locator('[data-testid=participant-row][data-participant="Alex Morgan"]');
    await expect.poll(() => alex.getByTestId('participant-segment').textContent(), WAIT).toBe('Planner');
    expect(await alex.getByTestId('participant-code').textContent()).toBe('Alex');
    await shot('13-participants');
  });

  it('merges one participant into another after saying what moves', async () => {
    const sam = page.locator('[data-testid=participant-row][data-participant="Sam"]');
    const samQuotes = Number(await sam.getByTestId('participant-quotes').textContent());
    const dev = page.locator('[data-testid=participant-row][data-participant="Dev"]');
    const devQuotes = Number(await dev.getByTestId('participant-quotes').textContent());
    await sam.getByRole('button', { name: 'More actions for Sam' }).click();
    await page.getByRole('menuitem', { name: 'Merge into…' }).click();
    const dialog = page.getByTestId('merge-dialog');
    await dialog.getByRole('combobox', { name: 'Merge into' }).click();
    await page.getByRole('option', { name: 'Dev', exact: true }).click();
    expect(await dialog.textContent()).toContain(`${samQuotes} quotes and 1 transcript move to Dev`);
    await shot('14-merge');
    await page.getByTestId('merge-confirm').click();
    await expect.poll(() => sam.count(), WAIT).toBe(0);
    await expect.poll(async () => Number(await dev.getByTestId('participant-quotes').textContent()), WAIT).toBe(devQuotes + samQuotes);
    expect(await dev.getByTestId('participant-aliases').textContent()).toContain('sam');
  });

  it('previews an import, and records the speakers as the researcher corrected them', async () => {
    const file = join(fixtures, 'formats', 'zoom-focus-group.vtt');
    const openPreview = async () => {
      await page.getByTestId('import-button').click();
      await page.getByLabel('Paths to import, one per line').fill(file);
      await page.getByTestId('path-prompt-submit').click();
      await expect.poll(() => page.getByTestId('preview-file').count(), WAIT).toBe(1);
    };
    await page.getByTestId('nav-transcripts').click();
    const rowsBefore = await page.getByTestId('transcript-row').count();

    // Cancel imports nothing.
    await openPreview();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('import-preview').count(), WAIT).toBe(0);
    expect(await page.getByTestId('transcript-row').count()).toBe(rowsBefore);

    await openPreview();
    const section = page.getByTestId('preview-file');
    expect(await section.getByTestId('preview-detected').textContent()).toBe('Zoom WebVTT');
    expect(await section.getByTestId('preview-summary').textContent()).toContain('9 turns');
    const speaker = (name: string) => section.locator(`[data-testid=preview-speaker][data-speaker="${name}"]`);
    const roles = () => section.getByTestId('preview-speaker').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-speaker'), r.getAttribute('data-role')]));
    expect(await roles()).toEqual([
      ['Moderator', 'interviewer'],
      ['Amara Nwosu', 'participant'],
      ['Jake Miller', 'participant'],
      ['Sofia Rossi', 'participant'],
    ]);

    // One interviewer per file: choosing another demotes the first.
    await speaker('Amara Nwosu').getByText('Interviewer', { exact: true }).click();
    await expect.poll(() => speaker('Moderator').getAttribute('data-role'), WAIT).toBe('participant');
    await speaker('Moderator').getByText('Interviewer', { exact: true }).click();
    await expect.poll(() => speaker('Amara Nwosu').getAttribute('data-role'), WAIT).toBe('participant');

    // Renaming onto another speaker's name says it merges them; putting the name back undoes it.
    const jake = speaker('Jake Miller').getByRole('textbox', { name: 'Name of Jake Miller' });
    await jake.fill('Amara Nwosu');
    expect(await speaker('Jake Miller').getByTestId('preview-rename-hint').textContent()).toBe('Merges into Amara Nwosu: one speaker');
    await jake.fill('Jake Miller');
    expect(await speaker('Jake Miller').getByTestId('preview-rename-hint').count()).toBe(0);

    await speaker('Sofia Rossi').getByText('Other', { exact: true }).click();
    await expect.poll(() => speaker('Sofia Rossi').getAttribute('data-role'), WAIT).toBe('other');
    await speaker('Moderator').getByRole('textbox', { name: 'Name of Moderator' }).fill('Lena Park');
    expect(await speaker('Moderator').getByTestId('preview-rename-hint').textContent()).toBe('was Moderator');
    expect(await speaker('Moderator').getAttribute('data-role')).toBe('interviewer');
    await shot('15-import-preview');
    await page.getByTestId('import-preview-confirm').click();

    await expect.poll(() => page.locator('[data-testid=import-result][data-status=ok]').count(), WAIT).toBe(1);
    const row = transcriptRow('zoom-focus-group.vtt');
    await expect.poll(() => row.count(), WAIT).toBe(1);
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(2, 4)).toEqual(['Amara Nwosu, Jake Miller', 'Lena Park']);
    const listed = await host.invoke('transcripts:list', {});
    const id = listed.ok ? listed.value.find((t) => t.fileName === 'zoom-focus-group.vtt')!.id : -1;
    const detail = await host.invoke('transcripts:get', { id });
    expect(detail.ok && detail.value.speakers.map((s) => [s.name, s.role, s.turnCount])).toEqual([
      ['Lena Park', 'interviewer', 3],
      ['Amara Nwosu', 'participant', 2],
      ['Jake Miller', 'participant', 3],
      ['Sofia Rossi', 'other', 1],
    ]);
  });

  it('previews a large folder as one line per file, opened on demand, and cancelling imports nothing', async () => {
    const rowsBefore = await page.getByTestId('transcript-row').count();
    await page.getByRole('button', { name: 'More import options' }).click();
    await page.getByRole('menuitem', { name: 'Import a folder…' }).click();
    await page.getByLabel('Paths to import, one per line').fill(fixtures);
    await page.getByTestId('path-prompt-submit').click();
    const files = page.getByTestId('preview-file');
    await expect.poll(() => files.count(), WAIT).toBeGreaterThan(30);
    expect(await page.getByTestId('preview-speakers').count()).toBe(0);
    const alex = page.locator('[data-testid=preview-file][data-file="interview-alex.txt"]');
    expect(await alex.getAttribute('data-status')).toBe('duplicate');
    expect(await alex.getByTestId('preview-summary').textContent()).toMatch(/^\d+ turns · 2 speakers/);

    const teams = page.locator('[data-testid=preview-file][data-file="teams.vtt"]');
    await teams.getByRole('button', { name: 'Expand teams.vtt' }).click();
    expect(await teams.getByTestId('preview-detected').textContent()).toBe('Teams WebVTT');
    expect(await teams.getByTestId('preview-speaker').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-speaker'), r.getAttribute('data-role')]))).toEqual([
      ['Grace Lee', 'interviewer'],
      ['Sipho Dlamini', 'participant'],
      ['UNKNOWN', 'other'],
    ]);
    // Speaker decisions are shown and can be changed: a generic label is one participant per file,
    // "Assistant" is read as "AI" (one interviewer under two labels), headings inside an answer are text.
    const userLabel = page.locator('[data-testid=preview-generic-label][data-label="User"]');
    expect(await userLabel.textContent()).toContain('4 participants, one per file');
    await userLabel.getByRole('switch').check({ force: true });
    await expect.poll(() => userLabel.getAttribute('data-same'), WAIT).toBe('true');
    expect(await userLabel.textContent()).toContain('one participant across 4 files');
    const ai = page.locator('[data-testid=preview-file][data-file="assistant-ai.txt"]');
    await ai.getByRole('button', { name: 'Expand assistant-ai.txt' }).click();
    const assistant = ai.locator('[data-testid=preview-speaker][data-speaker="Assistant"]');
    expect(await assistant.getByTestId('preview-rename-hint').textContent()).toMatch(/^Read as AI: Assistant and AI are both interviewer labels/);
    await assistant.getByTestId('preview-keep-apart').click();
    expect(await assistant.getByTestId('preview-rename-hint').textContent()).toMatch(/^Kept apart from AI/);
    const headed = page.locator('[data-testid=preview-file][data-file="heading-in-answer.txt"]');
    await headed.getByRole('button', { name: 'Expand heading-in-answer.txt' }).click();
    expect(await headed.getByTestId('preview-text-label').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')))).toEqual([
      'Initial Steps',
      'Next Steps',
      'Key Findings',
    ]);
    await alex.getByRole('button', { name: 'Expand interview-alex.txt' }).click();
    expect(await alex.getByTestId('preview-duplicate').textContent()).toBe('Already imported as interview-alex.txt — will be skipped.');
    await shot('16-import-preview-folder');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('import-preview').count(), WAIT).toBe(0);
    expect(await page.getByTestId('transcript-row').count()).toBe(rowsBefore);
  });

  it('follows the File menu: Export and Import Transcripts…', async () => {
    await page.getByTestId('nav-transcripts').click();
    expect(menu.listenerCount('menu:command')).toBeGreaterThan(0);
    menu.emit('menu:command', { command: 'export' });
    await expect.poll(() => page.getByTestId('export-button').isVisible(), WAIT).toBe(true);
    menu.emit('menu:command', { command: 'import' });
    await expect.poll(() => page.getByTestId('path-prompt').isVisible(), WAIT).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('edits the facet prototypes, keeps them across a reload, and restores the defaults', async () => {
    await page.getByTestId('nav-personas').click();
    await page.getByTestId('prototypes-button').click();
    const editor = page.getByTestId('prototypes-editor');
    const goals = editor.getByRole('textbox', { name: 'Goals', exact: true });
    await expect.poll(() => goals.count(), WAIT).toBe(1);
    expect(await editor.getByTestId('prototypes-status').textContent()).toBe('Defaults');
    const mine = 'I want to know on payday exactly what is safe to spend.';
    await goals.fill(`${await goals.inputValue()}\n${mine}`);
    await shot('17-prototypes');
    await editor.getByTestId('prototypes-save').click();
    await expect.poll(() => editor.count(), WAIT).toBe(0);
    const stored = async () => {
      const view = await host.invoke('facets:prototypes', {});
      return view.ok ? { custom: view.value.custom, kept: view.value.prototypes.goal.includes(mine) } : view.error.message;
    };
    await expect.poll(stored, WAIT).toEqual({ custom: true, kept: true });

    await page.reload();
    await expect.poll(() => page.getByTestId('study-name').textContent(), WAIT).toBe('money-habits');
    await page.getByTestId('nav-personas').click();
    await page.getByTestId('prototypes-button').click();
    await expect.poll(() => goals.count(), WAIT).toBe(1);
    expect(await goals.inputValue()).toContain(mine);
    expect(await editor.getByTestId('prototypes-status').textContent()).toBe('Custom');

    await editor.getByTestId('prototypes-restore').click();
    await expect.poll(() => editor.getByTestId('prototypes-status').textContent(), WAIT).toBe('Defaults');
    expect(await goals.inputValue()).not.toContain(mine);
    await expect.poll(stored, WAIT).toEqual({ custom: false, kept: false });
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count(), WAIT).toBe(0);
  });

  it('records what the research needs to learn from the header, one question per line', async () => {
    await page.getByTestId('questions-button').click();
    const editor = page.getByTestId('questions-editor');
    await editor.getByRole('textbox', { name: 'Research questions' }).fill('How do people decide what to pay first?\n\n  What makes someone switch budgeting apps?  ');
    await page.getByTestId('questions-save').click();
    await expect.poll(() => page.getByTestId('questions-editor').count(), WAIT).toBe(0);
    await expect.poll(() => page.getByTestId('questions-button').textContent(), WAIT).toBe('2 research questions');
    const info = await host.invoke('study:info', {});
    expect(info.ok && info.value?.questions).toEqual(['How do people decide what to pay first?', 'What makes someone switch budgeting apps?']);
  });

  it('made no request beyond the harness on 127.0.0.1', () => {
    const origin = `http://127.0.0.1:${harness.port}/`;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  });
});
