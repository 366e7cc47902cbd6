// Accessibility and layout of every screen, in a real Chromium driven through the browser harness:
// axe-core on each screen in light and dark colours (no serious or critical violation), layout
// checks at 960x600 (which is also what a 1920x1200 window shows at 200% zoom: the same CSS
// viewport), a keyboard-only walk from the start screen to an exported PDF, and deleting a
// transcript after being told what it removes. Screenshots of every screen at 1440x900, 960x600
// and in dark colours go to $GROUNDED_SHOTS (default <tmp>/grounded-a11y) for a person to look at.
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../electron/core/harness/server';
import type { CoreHost } from '../../electron/core/host/types';
import { readPdf } from '../helpers/pdf';
import { createE2EHost, CHROMIUM, launchChromium } from './host';

const root = join(__dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');
const fixtures = join(root, 'test', 'fixtures', 'transcripts');
const shots = process.env.GROUNDED_SHOTS ?? join(tmpdir(), 'grounded-a11y');
const WAIT = { timeout: 20_000 };

type View = { name: 'wide' | 'narrow' | 'dark'; width: number; height: number; scheme: 'light' | 'dark' };
const WIDE: View = { name: 'wide', width: 1440, height: 900, scheme: 'light' };
const VIEWS: View[] = [WIDE, { name: 'narrow', width: 960, height: 600, scheme: 'light' }, { name: 'dark', width: 1440, height: 900, scheme: 'dark' }];

const EVERY_SCREEN = [
  'start', 'path-prompt', 'transcripts-empty', 'import-preview', 'transcripts', 'personas-empty', 'personas', 'persona-editor', 'export',
  'themes', 'theme-open', 'participants', 'evidence', 'prototypes-editor', 'questions-editor', 'search', 'transcript',
  'delete-transcript', 'delete-transcript-report',
];

/** One finding on one screen: an axe violation or a layout problem. */
type Finding = string;

describe('accessibility and layout of every screen', () => {
  let dir: string;
  let host: CoreHost;
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  /** screen -> serious/critical axe violations and layout problems found there. */
  const findings = new Map<string, Finding[]>();
  /** screen -> every axe violation of any impact, for the report. */
  const minor = new Map<string, Finding[]>();

  const checked = new Set<string>();
  const record = (screen: string, list: Map<string, Finding[]>, items: Finding[]) => list.set(screen, [...(list.get(screen) ?? []), ...items]);

  /** Lets Mantine's transitions (modals, popovers: 150-250 ms) finish before a screenshot or a scan. */
  const settle = () => page.waitForTimeout(400);

  const axe = async (screen: string, view: View) => {
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
      const line = `${view.name}: ${v.id} (${v.impact}, ${v.nodes.length}x) ${where}`;
      record(screen, v.impact === 'serious' || v.impact === 'critical' ? findings : minor, [line]);
    }
  };

  /** Layout problems a researcher would trip over at 960x600. */
  const layout = async (screen: string) => {
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      const html = document.documentElement;
      if (html.scrollWidth > html.clientWidth) out.push(`the page scrolls sideways (${html.scrollWidth} > ${html.clientWidth})`);
      // Nothing in the header is cut short: the study name, its badges, the research-questions button.
      for (const el of document.querySelectorAll<HTMLElement>('[data-testid=study-name], header .mantine-Button-label, header .mantine-Badge-label')) {
        if (el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1) out.push(`"${el.textContent}" is truncated in the header (${el.scrollWidth} > ${el.clientWidth})`);
      }
      // A dialog's own buttons (Save, Cancel...) are on screen, not cut off by the dialog or the window.
      for (const dialog of document.querySelectorAll<HTMLElement>('[role=dialog]')) {
        const box = dialog.getBoundingClientRect();
        for (const b of dialog.querySelectorAll<HTMLElement>('button[type=submit], [data-modal-actions] button')) {
          const r = b.getBoundingClientRect();
          const bottom = Math.min(window.innerHeight, box.bottom);
          if (r.bottom > bottom + 1 || r.right > window.innerWidth || r.top < 0 || r.left < 0) {
            out.push(`dialog button "${b.textContent}" is outside the viewport (${Math.round(r.left)},${Math.round(r.top)})-(${Math.round(r.right)},${Math.round(r.bottom)})`);
          }
        }
      }
      // The navbar's background reaches the bottom of the window.
      const nav = document.querySelector<HTMLElement>('nav[aria-label="Study sections"]');
      if (nav && nav.getBoundingClientRect().bottom < window.innerHeight - 1) out.push('the sidebar does not reach the bottom of the window');
      return out;
    });
    record(screen, findings, problems.map((p) => `narrow: ${p}`));
  };

  /** Screenshots, axe (light and dark) and layout checks of what is on screen now. */
  const checkScreen = async (screen: string) => {
    checked.add(screen);
    for (const view of VIEWS) {
      await page.setViewportSize({ width: view.width, height: view.height });
      await page.emulateMedia({ colorScheme: view.scheme });
      await settle();
      await page.screenshot({ path: join(shots, `${screen}-${view.name}.png`) });
      if (view.name === 'narrow') await layout(screen);
      else await axe(screen, view);
    }
    await page.setViewportSize({ width: WIDE.width, height: WIDE.height });
    await page.emulateMedia({ colorScheme: 'light' });
    await settle();
  };

  /**
   * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; fails when it
   * is not reached within `max` presses (unreachable, or a trap holding the focus elsewhere).
   */
  const tabTo = async (target: Locator, { max = 80, back = false } = {}) => {
    await expect.poll(() => target.count(), WAIT).toBeGreaterThan(0);
    const el = await target.first().elementHandle();
    const seen: string[] = [];
    for (let i = 0; i <= max; i++) {
      const focused = await el!.evaluate((node) => node === document.activeElement || node.contains(document.activeElement));
      if (focused) return;
      seen.push(await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return a ? `${a.tagName.toLowerCase()}${a.dataset.testid ? `[${a.dataset.testid}]` : ''}:${(a.getAttribute('aria-label') ?? a.textContent ?? '').slice(0, 20)}` : 'none';
      }));
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`not reached with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses; focus went: ${seen.slice(-25).join(' > ')}`);
  };

  const pressOn = async (target: Locator, key = 'Enter', options?: { back?: boolean; max?: number }) => {
    await tabTo(target, options);
    await page.keyboard.press(key);
  };

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: build first (npx electron-vite build)`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium, or set GROUNDED_CHROMIUM`);
    dir = mkdtempSync(join(tmpdir(), 'grounded-a11y-'));
    mkdirSync(shots, { recursive: true });
    host = await createE2EHost(join(dir, 'settings'));
    harness = await startHarness({ host, rendererDir });
    browser = await launchChromium();
    // AxeBuilder needs a page of an explicit context (it opens a blank page beside it to finish a run).
    const context = await browser.newContext({ viewport: { width: WIDE.width, height: WIDE.height } });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(harness.url);
  });

  afterAll(async () => {
    const lines = [...new Set([...findings.keys(), ...minor.keys()])].map(
      (s) => `${s}: ${findings.get(s)?.length ?? 0} serious/layout, ${minor.get(s)?.length ?? 0} minor\n  ${[...(findings.get(s) ?? []), ...(minor.get(s) ?? [])].join('\n  ')}`,
    );
    if (process.env.GROUNDED_A11Y_REPORT) process.stdout.write(`\n${lines.join('\n')}\n`);
    await browser?.close();
    await harness?.close();
    await host?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const nav = (section: string) => page.getByTestId(`nav-${section}`);

  /** A prompt's field takes the focus a moment after it shows: typing before that loses the first keys. */
  const focused = (field: Locator) =>
    expect.poll(() => field.evaluate((el) => el === document.activeElement), WAIT).toBe(true);

  it('walks from the start screen to an exported PDF with the keyboard only', async () => {
    await expect.poll(() => page.getByTestId('start-screen').isVisible(), WAIT).toBe(true);
    await checkScreen('start');

    // Create a study: the path is typed into the harness's path prompt (no native dialog here).
    await pressOn(page.getByRole('button', { name: 'Create study' }));
    await expect.poll(() => page.getByLabel('Study file path').isVisible(), WAIT).toBe(true);
    await checkScreen('path-prompt');
    await focused(page.getByLabel('Study file path'));
    await page.keyboard.type(join(dir, 'open-source-sustainability.grounded'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('study-name').textContent(), WAIT).toBe('open-source-sustainability');
    await checkScreen('transcripts-empty');

    // Import four fixture files: one path per line, then review the preview and confirm it.
    await pressOn(page.getByTestId('import-button'));
    const paths = ['interview-alex.txt', 'interview-maria.md', 'focus-call.vtt', 'interview-dev.txt'].map((f) => join(fixtures, f));
    await expect.poll(() => page.getByLabel('Paths to import, one per line').isVisible(), WAIT).toBe(true);
    await focused(page.getByLabel('Paths to import, one per line'));
    await page.keyboard.type(paths.join('\n'));
    await pressOn(page.getByTestId('path-prompt-submit'));
    await expect.poll(() => page.getByTestId('preview-file').count(), WAIT).toBe(4);
    await checkScreen('import-preview');
    await pressOn(page.getByTestId('import-preview-confirm'));
    await expect.poll(() => page.getByTestId('transcript-row').count(), WAIT).toBe(4);
    await checkScreen('transcripts');

    // Synthesize from the Personas section, reached through the sidebar.
    await pressOn(nav('personas'), 'Enter', { back: true });
    await expect.poll(() => page.getByTestId('synthesize-button').count(), WAIT).toBe(1);
    await checkScreen('personas-empty');
    await pressOn(page.getByTestId('synthesize-button'));
    await expect.poll(() => page.getByTestId('job-status').textContent(), { timeout: 120_000 }).toBe('completed');
    await expect.poll(() => page.getByTestId('persona-card').count(), WAIT).toBeGreaterThan(0);
    await checkScreen('personas');

    // Open a persona in its editor (in the page), look, and leave it by its Cancel button.
    await pressOn(page.getByTestId('persona-card').first().getByRole('button', { name: /^Edit / }), 'Enter', { max: 150 });
    await expect.poll(() => page.getByTestId('persona-editor').isVisible(), WAIT).toBe(true);
    await checkScreen('persona-editor');
    await pressOn(page.getByTestId('persona-cancel'), 'Enter', { max: 150 });
    await expect.poll(() => page.getByTestId('persona-editor').count(), WAIT).toBe(0);

    // Export PDF cards: choose the format with the arrow keys, the folder through the prompt.
    await pressOn(nav('export'), 'Enter', { back: true, max: 200 });
    await expect.poll(() => page.getByTestId('export-button').count(), WAIT).toBe(1);
    const pdfRadio = page.getByTestId('export-format').getByRole('radio', { name: 'PDF cards' });
    await tabTo(page.getByTestId('export-format').getByRole('radio', { checked: true }));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('export-format').getByRole('radio', { name: 'Markdown' }).isChecked(), WAIT).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => pdfRadio.isChecked(), WAIT).toBe(true);
    await pressOn(page.getByTestId('export-choose'));
    await expect.poll(() => page.getByRole('textbox', { name: 'Output folder' }).last().isVisible(), WAIT).toBe(true);
    const outDir = join(dir, 'pdf');
    await focused(page.getByRole('textbox', { name: 'Output folder' }).last());
    await page.keyboard.type(outDir);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('export-dir').inputValue(), WAIT).toBe(outDir);
    await pressOn(page.getByTestId('export-button'));
    await expect.poll(() => page.getByTestId('export-file').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const files = await page.getByTestId('export-file').allTextContents();
    const pdf = files.find((f) => f.endsWith('.pdf'));
    expect(pdf, files.join(', ')).toBeDefined();
    expect((await readPdf(readFileSync(pdf!))).pages).toBeGreaterThan(0);
    await checkScreen('export');
  }, 600_000);

  it('reaches every section from the sidebar with Tab, and every screen passes', async () => {
    await pressOn(nav('themes'), 'Enter', { back: true, max: 200 });
    await expect.poll(() => page.getByTestId('theme').count(), WAIT).toBeGreaterThan(0);
    await checkScreen('themes');
    await page.getByTestId('theme').first().getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('theme').first().getByTestId('quote').count(), WAIT).toBeGreaterThan(0);
    await checkScreen('theme-open');

    await pressOn(nav('participants'), 'Enter', { back: true, max: 200 });
    await expect.poll(() => page.getByTestId('participant-row').count(), WAIT).toBeGreaterThan(0);
    await checkScreen('participants');

    // A claim's evidence in the side panel, opened and closed from the keyboard.
    await pressOn(nav('personas'), 'Enter', { back: true, max: 200 });
    await pressOn(page.getByTestId('persona-card').first().getByTestId('evidence-badge').first(), 'Enter', { max: 150 });
    await expect.poll(() => page.getByTestId('evidence-quotes').getByTestId('evidence-quote').count(), WAIT).toBeGreaterThan(0);
    await checkScreen('evidence');
    await pressOn(page.getByTestId('evidence-close'), 'Enter', { max: 300 });
    await expect.poll(() => page.getByTestId('evidence-panel').count(), WAIT).toBe(0);

    await page.getByTestId('prototypes-button').click();
    await expect.poll(() => page.getByTestId('prototypes-editor').isVisible(), WAIT).toBe(true);
    await checkScreen('prototypes-editor');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('prototypes-editor').count(), WAIT).toBe(0);

    await page.getByTestId('questions-button').click();
    await expect.poll(() => page.getByTestId('questions-editor').isVisible(), WAIT).toBe(true);
    await checkScreen('questions-editor');
    await page.keyboard.press('Escape');

    await page.getByTestId('search-input').fill('spreadsheet');
    await expect.poll(() => page.getByTestId('search-hit').count(), WAIT).toBeGreaterThan(0);
    await checkScreen('search');
    await page.getByRole('button', { name: 'Clear search' }).click();

    // A transcript with a highlight in it.
    await pressOn(nav('transcripts'), 'Enter', { back: true, max: 200 });
    const listed = await host.invoke('transcripts:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const alex = listed.value.find((t) => t.fileName === 'interview-alex.txt')!;
    const detail = await host.invoke('transcripts:get', { id: alex.id });
    if (!detail.ok) throw new Error(detail.error.message);
    const turn = detail.value.turns.find((t) => t.role === 'participant' && t.text.length > 40)!;
    const made = await host.invoke('highlights:create', { turnId: turn.id, start: 0, end: 30, tags: ['budget'] });
    if (!made.ok) throw new Error(made.error.message);
    await pressOn(page.getByTestId('transcript-row').filter({ hasText: 'interview-alex.txt' }));
    await expect.poll(() => page.getByTestId('turn').count(), WAIT).toBeGreaterThan(3);
    await checkScreen('transcript');
    await page.getByRole('button', { name: 'All transcripts' }).click();
  }, 600_000);

  it('deletes a transcript after saying what goes, and then lists the claims that lost evidence', async () => {
    const row = page.getByTestId('transcript-row').filter({ hasText: 'focus-call.vtt' });
    const quotes = Number(await row.getByTestId('transcript-quotes').textContent());
    expect(quotes).toBeGreaterThan(0);
    await pressOn(row.getByRole('button', { name: 'Delete focus-call.vtt' }));
    const dialog = page.getByTestId('delete-transcript-dialog');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    expect(await dialog.getByTestId('delete-transcript-what').textContent()).toContain(`${quotes} quote${quotes === 1 ? '' : 's'}`);
    await checkScreen('delete-transcript');
    // Cancel keeps it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    expect(await row.count()).toBe(1);

    await pressOn(row.getByRole('button', { name: 'Delete focus-call.vtt' }), 'Enter', { back: true });
    await pressOn(dialog.getByTestId('delete-transcript-confirm'));
    const report = page.getByTestId('delete-transcript-report');
    await expect.poll(() => report.isVisible(), WAIT).toBe(true);
    await expect.poll(() => row.count(), WAIT).toBe(0);
    const personas = await host.invoke('personas:list', {});
    if (!personas.ok) throw new Error(personas.error.message);
    // Every claim the core marked as having lost evidence is listed by its persona and text.
    const marked = personas.value.flatMap((p) =>
      Object.values(p)
        .filter(Array.isArray)
        .flat()
        .filter((b): b is { text: string; lostEvidence?: number } => typeof b === 'object' && b !== null && 'lostEvidence' in b && Number(b.lostEvidence) > 0),
    );
    const claims = report.getByTestId('lost-claim');
    expect(await claims.count()).toBe(marked.length);
    for (const b of marked) expect(await report.textContent()).toContain(b.text);
    await checkScreen('delete-transcript-report');
  }, 300_000);

  it('finds no serious or critical axe violation and no layout problem on any screen', () => {
    expect(Object.fromEntries([...findings].filter(([, list]) => list.length > 0))).toEqual({});
    // A screen that silently dropped out of the walk would pass unseen.
    expect([...checked].sort()).toEqual([...EVERY_SCREEN].sort());
  });
});
