// Backups in the renderer, built, served by the harness and driven in a real Chromium: back up
// now, change the study, restore the backup, see the earlier state, and find the replaced state
// kept as a backup of its own.
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Browser, type Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from './host';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../electron/core/harness/server';
import { createCoreHost } from '../../electron/core/host/inProcess';
import { goodTranscripts } from '../helpers/core';

const root = join(__dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');
const WAIT = { timeout: 20_000 };
const shots = join(tmpdir(), 'grounded-e2e');

describe('backups in the browser harness', () => {
  let dir: string;
  let host: Awaited<ReturnType<typeof createCoreHost>>;
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error(`${rendererDir}/index.html is missing: build first (npx electron-vite build, or npm test which builds)`);
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium, or set GROUNDED_CHROMIUM`);
    dir = mkdtempSync(join(tmpdir(), 'grounded-e2e-backups-'));
    // As the harness runs the app: automatic backups on.
    host = await createCoreHost({ settingsDir: join(dir, 'settings'), autoBackups: true });
    await host.core.openStudy(join(dir, 'study.grounded'), true);
    await host.core.startJob({ kind: 'import', paths: [goodTranscripts[1]!] }).done;
    harness = await startHarness({ host, rendererDir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(harness.url);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await host?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const counts = () => page.getByTestId('study-counts').textContent();

  it('backs up now, and a restore brings back the earlier state after saying what it replaces', async () => {
    await expect.poll(counts, WAIT).toMatch(/^1 transcript\b/);
    await page.getByTestId('backups-open').click();
    const panel = page.getByTestId('backups-panel');
    await expect.poll(() => panel.isVisible(), WAIT).toBe(true);
    expect(await panel.textContent()).toContain(join(dir, 'study backups'));
    expect(await panel.textContent()).toContain('No backups yet');

    await page.getByTestId('backups-now').click();
    await expect.poll(() => page.getByTestId('backup-row').count(), WAIT).toBe(1);
    expect(await page.getByTestId('backups-notice').textContent()).toMatch(/^Backed up at .+ \(\d+ KB\)\.$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count(), WAIT).toBe(0);

    // A change after the backup: two more interviews.
    await host.core.startJob({ kind: 'import', paths: goodTranscripts.slice(2, 4) }).done;
    await expect.poll(counts, WAIT).toMatch(/^3 transcripts\b/);

    await page.getByTestId('backups-open').click();
    await page.getByTestId('backup-restore').click();
    const confirm = page.getByTestId('restore-confirm');
    await expect.poll(() => confirm.isVisible(), WAIT).toBe(true);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'backups-confirm.png') });
    const says = (await confirm.textContent()) ?? '';
    expect(says).toMatch(/replaced by this copy/);
    expect(says).toMatch(/current state is saved as a new backup/);
    await page.getByTestId('restore-confirm-button').click();

    await expect.poll(() => page.getByTestId('backups-notice').textContent(), WAIT).toMatch(/^Restored the backup of .+ restore that one to undo\.$/);
    await expect.poll(counts, WAIT).toMatch(/^1 transcript\b/);
    // The state the restore replaced is a backup now, listed first.
    await expect.poll(() => page.getByTestId('backup-row').count(), WAIT).toBe(2);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'backups-restored.png') });
    const list = await host.invoke('backups:list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.backups).toHaveLength(2);
    expect(host.core.info()?.counts.transcripts).toBe(1);
  }, 120_000);

  it('offers the latest backup when a study turns out damaged, and opens it restored', async () => {
    const study = join(dir, 'study.grounded');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Close study' }).click();
    await expect.poll(() => page.getByTestId('start-screen').isVisible(), WAIT).toBe(true);
    // The quotes' pages (table and indexes) overwritten, as a failing disk would: the open's counts meet them.
    const probe = new Database(study, { readonly: true });
    const pages = probe
      .prepare("select pageno from dbstat where pagetype = 'leaf' and name in (select name from sqlite_master where tbl_name = 'quotes')")
      .all() as { pageno: number }[];
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    expect(pages.length).toBeGreaterThan(0);
    const fd = openSync(study, 'r+');
    for (const { pageno } of pages) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (pageno - 1) * pageSize);
    closeSync(fd);

    await page.getByRole('button', { name: 'Open study' }).click();
    await page.getByLabel('Study file path').fill(study);
    await page.getByTestId('path-prompt-submit').click();
    const alert = page.getByTestId('start-error');
    await expect.poll(() => alert.count(), WAIT).toBe(1);
    expect(await alert.textContent()).toMatch(/this study file is damaged.*The latest backup is .*study backups/);
    await page.screenshot({ path: join(shots, 'backups-damaged.png') });
    await page.getByTestId('restore-latest').click();
    // The latest backup is the state the first restore replaced: three transcripts.
    await expect.poll(() => page.getByTestId('study-counts').count(), WAIT).toBe(1);
    await expect.poll(counts, WAIT).toMatch(/^3 transcripts\b/);
    expect(host.core.info()?.counts.transcripts).toBe(3);
    // The damaged file itself was kept, byte for byte, beside the backups (not listed as one).
    expect(readdirSync(join(dir, 'study backups')).filter((f) => f.endsWith('.damaged'))).toHaveLength(1);
  }, 120_000);
});
