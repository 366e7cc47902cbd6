// The renderer, built, served by the harness and driven in a real Chromium: the flow a
// researcher follows from an empty study to exported persona cards.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../electron/core/harness/server';
import type { CoreHost } from '../../electron/core/host/types';
import { createE2EHost } from './host';
import { readPdf, squash } from '../helpers/pdf';

const root = join(__dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');
const fixtures = join(root, 'test', 'fixtures', 'transcripts');
const shots = join(tmpdir(), 'grounded-e2e');
const CHROMIUM = process.env.GROUNDED_CHROMIUM ?? '/usr/bin/chromium';
/** expect.poll gives up after 1 s by default; a real import or save can take longer on a slow machine. */
const WAIT = { timeout: 20_000 };

describe('renderer in the browser harness', () => {
  let dir: string;
  let host: CoreHost;
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

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
    harness = await startHarness({ host, rendererDir });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
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

    const firstCard = page.getByTestId('persona-card').first();
    expect(await firstCard.getByTestId('persona-avatar').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await firstCard.getByTestId('evidence-badge').first().click();
    const quotes = page.getByTestId('evidence-quotes').getByTestId('quote');
    await expect.poll(() => quotes.count(), WAIT).toBeGreaterThan(0);
    expect(await quotes.first().locator('figcaption').textContent()).toMatch(/^— \S/);
    await shot('3-personas');
    await page.keyboard.press('Escape');
  });

  it('lists themes with their attributed quotes', async () => {
    await page.getByTestId('nav-themes').click();
    await expect.poll(() => page.getByTestId('theme').count(), WAIT).toBeGreaterThan(0);
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
    await shot('5-editor');
    await page.getByTestId('persona-save').click();

    await expect.poll(() => page.getByTestId('persona-editor').count(), WAIT).toBe(0);
    const renamed = page.getByTestId('persona-card').filter({ hasText: 'Planner Priya' });
    await expect.poll(() => renamed.count(), WAIT).toBe(1);
    expect(await renamed.getByTestId('persona-goals').getByTestId('bullet-text').first().textContent()).toBe(
      'Never be caught short by an annual bill.',
    );
    expect(await renamed.getByTestId('persona-frustrations').textContent()).toContain('Banking apps hide the real balance behind pots.');

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
    await shot('6-export');
  });

  it('made no request beyond the harness on 127.0.0.1', () => {
    const origin = `http://127.0.0.1:${harness.port}/`;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  });
});
