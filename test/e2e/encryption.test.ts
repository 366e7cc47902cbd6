// Opening an encrypted study in the renderer (built, served by the harness, in a real Chromium):
// the app asks for the passphrase, says so when it is wrong, opens with the right one, and keeps
// it nowhere (settings files, the recent list, the page's storage).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../electron/core/harness/server';
import type { CoreHost } from '../../electron/core/host/types';
import { createE2EHost, CHROMIUM, launchChromium } from './host';

const root = join(__dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');
const transcript = join(root, 'test', 'fixtures', 'transcripts', 'interview-alex.txt');
const WAIT = { timeout: 20_000 };
const PASS = 'a passphrase typed in the app';
const NEW = 'the new passphrase for it';

describe('an encrypted study in the renderer', () => {
  let dir: string;
  let study: string;
  let host: CoreHost;
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: build first (npx electron-vite build)`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium, or set GROUNDED_CHROMIUM`);
    dir = mkdtempSync(join(tmpdir(), 'grounded-e2e-enc-'));
    study = join(dir, 'secret.grounded');
    host = await createE2EHost(join(dir, 'settings'));
    const created = await host.invoke('study:create', { path: study, passphrase: PASS });
    if (!created.ok) throw new Error(created.error.message);
    const job = await host.invoke('jobs:start', { kind: 'import', paths: [transcript] });
    if (!job.ok) throw new Error(job.error.message);
    const finished = new Promise<void>((resolve) => host.on('jobs:finished', () => resolve()));
    await finished;
    await host.invoke('study:close', {});
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

  it('asks for the passphrase, says when it is wrong, opens with the right one and keeps it nowhere', async () => {
    await expect.poll(() => page.getByTestId('start-screen').isVisible(), WAIT).toBe(true);
    const openFromRecent = () => page.getByTestId('recent-studies').getByText('secret.grounded', { exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'This study is encrypted' });
    const input = dialog.getByTestId('passphrase-input');

    // Cancelled: back on the start screen, nothing open.
    await openFromRecent();
    await expect.poll(() => input.isVisible(), WAIT).toBe(true);
    expect(await dialog.textContent()).toContain(study);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => input.count(), WAIT).toBe(0);
    expect(await page.getByTestId('start-screen').isVisible()).toBe(true);
    expect(await page.getByTestId('start-error').count()).toBe(0);

    await openFromRecent();
    await expect.poll(() => input.isVisible(), WAIT).toBe(true);
    await input.fill('not the passphrase');
    await dialog.getByTestId('passphrase-submit').click();
    await expect.poll(() => dialog.textContent(), WAIT).toContain('That passphrase does not open this study');
    expect(await input.inputValue()).toBe('');
    await input.fill(PASS);
    await dialog.getByTestId('passphrase-submit').click();
    await expect.poll(() => page.getByTestId('study-name').textContent(), WAIT).toBe('secret');
    expect(await page.getByTestId('study-counts').textContent()).toMatch(/1 transcript/);

    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(storage).not.toContain(PASS);
    const settings = join(dir, 'settings');
    const files = (readdirSync(settings, { recursive: true }) as string[]).filter((f) => statSync(join(settings, f)).isFile());
    expect(files).toContain('recent-studies.json');
    for (const f of files) expect(readFileSync(join(settings, f), 'utf8'), f).not.toContain(PASS);
  });

  it('changes the passphrase and removes the encryption from the header, refusing a wrong current one', async () => {
    const lock = page.getByTestId('encryption-button');
    expect(await lock.getAttribute('aria-label')).toBe('Encryption: encrypted');
    await lock.click();
    const dialog = page.getByRole('dialog', { name: 'This study is encrypted' });
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    await dialog.getByTestId('encryption-current').fill('not the passphrase');
    await dialog.getByTestId('encryption-new').fill(NEW);
    await dialog.getByTestId('encryption-again').fill(NEW);
    await dialog.getByTestId('encryption-submit').click();
    await expect.poll(() => dialog.getByTestId('encryption-error').count(), WAIT).toBe(1);
    expect(await dialog.getByTestId('encryption-error').textContent()).toMatch(/does not open this study/);
    await dialog.getByTestId('encryption-current').fill(PASS);
    await dialog.getByTestId('encryption-submit').click();
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    expect(await page.getByTestId('study-name').textContent()).toBe('secret');

    // Removing it asks for the current passphrase: the new one is what opens the study now.
    await lock.click();
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    await dialog.getByText('Remove encryption', { exact: true }).first().click();
    await dialog.getByTestId('encryption-current').fill(NEW);
    await dialog.getByRole('button', { name: 'Remove encryption' }).last().click();
    await expect.poll(() => lock.getAttribute('aria-label'), WAIT).toBe('Encryption: not encrypted');
    expect(readFileSync(study).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const recent = readFileSync(join(dir, 'settings', 'recent-studies.json'), 'utf8');
    expect(recent).not.toContain(NEW);
  });
});
