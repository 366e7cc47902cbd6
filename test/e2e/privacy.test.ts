// Privacy in the renderer, built, served by the harness and driven in a real Chromium: withdrawing a
// participant's consent (a confirm that says what goes, then the claims that lost evidence), and a
// pseudonymised export whose replacements are listed before it is written.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLET_SECTIONS, type JobFinished } from '../../shared/domain';
import type { CoreChannel, InputOf, JobSpec, OutputOf } from '../../shared/ipc/contract';
import { startHarness, type Harness } from '../../electron/core/harness/server';
import type { CoreHost } from '../../electron/core/host/types';
import { goodTranscripts } from '../helpers/core';
import { createE2EHost, CHROMIUM, launchChromium } from './host';

const root = join(__dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');
const priya = join(root, 'test', 'fixtures', 'privacy', 'interview-priya.txt');
const WAIT = { timeout: 20_000 };

describe('privacy in the browser harness', () => {
  let dir: string;
  let host: CoreHost;
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  async function core<C extends CoreChannel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const r = await host.invoke(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  }

  async function job(spec: JobSpec): Promise<JobFinished> {
    // Listening before the start: a short job can finish before jobs:start answers.
    const finished = new Map<string, JobFinished>();
    let wake = () => {};
    const off = host.on('jobs:finished', (f) => {
      finished.set(f.jobId, f);
      wake();
    });
    try {
      const { jobId } = await core('jobs:start', spec);
      while (!finished.has(jobId)) await new Promise<void>((resolve) => (wake = resolve));
      return finished.get(jobId)!;
    } finally {
      off();
    }
  }

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: build first (npx electron-vite build)`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium, or set GROUNDED_CHROMIUM`);
    dir = mkdtempSync(join(tmpdir(), 'grounded-e2e-privacy-'));
    host = await createE2EHost(join(dir, 'settings'));
    await core('study:create', { path: join(dir, 'privacy.grounded') });
    expect((await job({ kind: 'import', paths: [...goodTranscripts, priya] })).status).toBe('completed');
    const synthesis = await job({ kind: 'synthesize', personas: 'auto', seed: 42 });
    expect(synthesis.status, JSON.stringify(synthesis.error)).toBe('completed');
    harness = await startHarness({ host, rendererDir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(harness.url);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await host?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('withdraws consent: the confirm says what goes, the result lists every persona claim that lost evidence', async () => {
    // The participant most cited by the personas, and what the core says they hold, before the UI asks.
    const people = await core('participants:details', {});
    const personas = await core('personas:list', {});
    const bullets = personas.flatMap((p) => BULLET_SECTIONS.flatMap((s) => p[s]));
    const citing = async (id: number) => {
      const ids = new Set((await core('quotes:list', { participantId: id })).map((q) => q.id));
      return bullets.filter((b) => b.evidence.some((e) => ids.has(e))).length;
    };
    const counts = await Promise.all(people.map(async (p) => ({ p, claims: await citing(p.id) })));
    const { p: who, claims } = counts.sort((a, b) => b.claims - a.claims)[0]!;
    expect(claims).toBeGreaterThan(0);

    await page.getByTestId('nav-participants').click();
    await expect.poll(() => page.locator(`[data-testid="participant-row"][data-participant="${who.name}"]`).count(), WAIT).toBe(1);
    await page.getByRole('button', { name: `More actions for ${who.name}` }).click();
    await page.getByTestId('participant-remove').click();
    const impact = page.getByTestId('remove-impact');
    await expect.poll(() => impact.count(), WAIT).toBe(1);
    const said = (await impact.textContent())!;
    expect(said).toContain(`${who.quoteCount} quote`);
    expect(said).toContain(`in ${who.transcriptCount} transcript`);
    expect(said).toContain(`${claims} persona claim`);
    expect(said).toMatch(/Their [1-9]\d* turns? in/);

    // A backup taken before the withdrawal holds their words: the result says so and offers to delete it.
    const backup = await core('backups:now', {});
    await page.getByTestId('remove-confirm').click();
    await expect.poll(() => page.getByTestId('removal-result').count(), WAIT).toBe(1);
    expect(await page.getByTestId('removal-claims').locator('li').count()).toBe(claims);
    expect(await page.getByTestId('removal-result').textContent()).toContain(`${claims} persona claims lost evidence`);
    await expect.poll(() => page.getByTestId('older-backups').count(), WAIT).toBe(1);
    expect(await page.getByTestId('older-backups').textContent()).toContain('1 backup');
    await page.getByTestId('older-backups-delete').click();
    await page.getByTestId('older-backups-confirm').click();
    await expect.poll(() => page.getByTestId('older-backups-none').count(), WAIT).toBe(1);
    expect(existsSync(backup.path)).toBe(false);
    await page.getByTestId('removal-close').click();
    await expect.poll(() => page.locator(`[data-testid="participant-row"][data-participant="${who.name}"]`).count(), WAIT).toBe(0);
    expect((await core('participants:list', {})).map((p) => p.name)).not.toContain(who.name);
  });

  it('lists the replacements of a pseudonymised export before writing it, and the files name no one', async () => {
    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-format').getByText('Markdown').click();
    await page.getByTestId('export-pseudonymise').check();
    const preview = page.getByTestId('pseudonym-preview');
    await expect.poll(() => preview.count(), WAIT).toBe(1);
    const rows = page.getByTestId('pseudonym-replacement');
    const expected = await core('export:preview', {});
    expect(expected.replacements.length).toBeGreaterThan(0);
    await expect.poll(() => rows.count(), WAIT).toBe(expected.replacements.length);
    const shown = await rows.allTextContents();
    for (const r of expected.replacements) expect(shown.some((s) => s.includes(r.original) && s.includes(r.replacement))).toBe(true);

    const outDir = join(dir, 'export-pseudonymised');
    await page.getByTestId('export-dir').fill(outDir);
    await page.getByTestId('export-button').click();
    await expect.poll(() => page.getByTestId('export-file').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const text = readdirSync(outDir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => `${f}\n${readFileSync(join(outDir, f), 'utf8')}`)
      .join('\n');
    const names = (await core('participants:list', {})).flatMap((p) => p.name.split(/\s+/)).filter((w) => w.length > 2);
    for (const name of names) expect(text, name).not.toMatch(new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u'));
    for (const r of expected.replacements.filter((x) => x.kind !== 'participant')) expect(text, r.original).not.toContain(r.original);
    expect(text).toMatch(/— P\d\d\b/); // quotes are attributed to codes
  });
});
