// Encryption at rest on real study files: no transcript byte in the clear anywhere in the study's
// folder (file, write-ahead log, scratch files), while open, after an import and after close; the
// passphrase opens it and nothing else does; encrypt, decrypt and rekey keep every row; a
// transform killed midway leaves the old study usable; a backup stays encrypted and restores.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IpcFailure } from '../../shared/ipc/contract';
import { backupStudy, restoreStudy } from '../../electron/core/backup';
import { openStudyDb } from '../../electron/core/db/open';
import { transformStudy, transformTempPath } from '../../electron/core/encryption';
import { createCoreHost } from '../../electron/core/host/inProcess';
import type { Core } from '../../electron/core/service';
import { goodTranscripts, importAll } from '../helpers/core';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();
const PASS = 'correct horse battery staple';
/** Sentences from the fixture interviews: if encryption leaks, these bytes show up. */
const SECRETS = ["It's honestly the centre of my financial life", 'I sit down with a coffee', 'council tax, the car loan'];

/** Every file in the folder (recursively) whose bytes contain a fixture sentence, as UTF-8 or UTF-16. */
function leaks(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    for (const s of SECRETS) {
      if (bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le'))) found.push(`${name}: ${s}`);
    }
  }
  return found;
}

async function newCore(dir: string): Promise<{ core: Core; close: () => Promise<void> }> {
  const host = await createCoreHost({ settingsDir: join(dir, 'settings') });
  return { core: host.core, close: () => host.close() };
}

async function failure(p: unknown): Promise<IpcFailure> {
  const err = await Promise.resolve(p).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IpcFailure);
  return err as IpcFailure;
}

/** What must survive a transform: counts and one search. */
async function snapshot(core: Core) {
  const info = core.info()!;
  const hits = await core.handlers()['search:query']({ q: 'spreadsheet', who: 'everyone' });
  return { counts: info.counts, total: hits.total, first: hits.hits.map((h) => h.turnId) };
}

function sameRows(path: string, passphrase: string | undefined) {
  const s = openStudyDb(path, { create: false, passphrase });
  try {
    const tables = s.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (s.sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
  } finally {
    s.close();
  }
}

describe('an encrypted study', () => {
  it('holds no transcript text in its file, its WAL or its folder: while open, after an import, after close', async () => {
    const dir = tmp();
    const study = join(dir, 'study', 'enc.grounded');
    const { core, close } = await newCore(dir);
    await core.handlers()['study:create']({ path: study, createFolders: true, passphrase: PASS });
    expect(core.info()!.encrypted).toBe(true);
    const results = await importAll(core, goodTranscripts);
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    // Still open: the import's pages sit in the write-ahead log.
    expect(existsSync(`${study}-wal`)).toBe(true);
    expect(statSync(`${study}-wal`).size).toBeGreaterThan(0);
    expect(leaks(join(dir, 'study'))).toEqual([]);
    // The text is there, behind the key: the search finds it.
    expect((await core.handlers()['search:query']({ q: 'spreadsheet' })).total).toBeGreaterThan(0);
    await close();
    expect(leaks(dir)).toEqual([]);
    // The control: the same import into a plain study leaks every sentence (the grep can fail).
    const plain = join(dir, 'plain');
    const other = await newCore(plain);
    await other.core.handlers()['study:create']({ path: join(plain, 'p.grounded'), createFolders: true });
    await importAll(other.core, goodTranscripts);
    await other.close();
    for (const secret of SECRETS) expect(leaks(plain).some((l) => l.endsWith(secret)), secret).toBe(true);
    // The passphrase is kept nowhere: not in the recent list, not in any settings file.
    for (const f of readdirSync(join(dir, 'settings'))) expect(readFileSync(join(dir, 'settings', f), 'utf8')).not.toContain(PASS);
  });

  it('opens with its passphrase, and refuses without one or with a wrong one, naming the file, left as it was', async () => {
    const dir = tmp();
    const study = join(dir, 'enc.grounded');
    const { core, close } = await newCore(dir);
    await core.handlers()['study:create']({ path: study, passphrase: PASS });
    await importAll(core, goodTranscripts.slice(0, 2));
    await core.closeStudy();
    const before = readFileSync(study);
    const listing = readdirSync(dir).sort();

    const missing = await failure(core.handlers()['study:open']({ path: study }));
    expect(missing.code).toBe('encrypted');
    expect(missing.message).toContain(study);
    expect(missing.message).toMatch(/encrypted.*passphrase/);
    const wrong = await failure(core.handlers()['study:open']({ path: study, passphrase: 'not the passphrase' }));
    expect(wrong.code).toBe('wrong_passphrase');
    expect(wrong.message).toContain(study);
    expect(readFileSync(study).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(listing);

    const info = await core.handlers()['study:open']({ path: study, passphrase: PASS });
    expect(info.encrypted).toBe(true);
    expect(info.counts.transcripts).toBe(2);
    await close();
  });

  it("withdraws a participant's consent (secure_delete, VACUUM) and stays encrypted and whole", async () => {
    const dir = tmp();
    const study = join(dir, 'enc.grounded');
    const { core, close } = await newCore(dir);
    await core.handlers()['study:create']({ path: study, passphrase: PASS });
    await importAll(core, goodTranscripts);
    const alex = (await core.handlers()['participants:list']({})).find((p) => p.name === 'Alex')!;
    const removed = await core.handlers()['participants:remove']({ id: alex.id });
    expect(removed.turnsRemoved).toBeGreaterThan(0);
    expect(leaks(dir)).toEqual([]);
    expect(core.requireStudy().sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await core.handlers()['search:query']({ q: 'spreadsheet' })).hits.every((h) => h.speaker !== 'Alex')).toBe(true);
    await core.closeStudy();
    expect(readFileSync(study).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    await core.openStudy(study, false, PASS);
    expect(core.info()!.counts.participants).toBeGreaterThan(0);
    await close();
  });

  it('refuses a passphrase too short to be new', async () => {
    const dir = tmp();
    const { core, close } = await newCore(dir);
    expect((await failure(core.handlers()['study:create']({ path: join(dir, 's.grounded'), passphrase: 'short' }))).code).toBe('weak_passphrase');
    expect(existsSync(join(dir, 's.grounded'))).toBe(false);
    await close();
  });
});

describe('encrypt, decrypt and rekey', () => {
  it('keep every row and the search through encrypt -> rekey -> decrypt, and only the right passphrase opens each', async () => {
    const dir = tmp();
    const study = join(dir, 's.grounded');
    const { core, close } = await newCore(dir);
    await core.handlers()['study:create']({ path: study });
    await importAll(core, goodTranscripts);
    const want = await snapshot(core);
    await core.closeStudy();
    const rows = sameRows(study, undefined);
    expect(leaks(dir).length).toBeGreaterThan(0);

    expect(transformStudy(study, 'encrypt', { newPassphrase: PASS })).toEqual({ path: study, encrypted: true });
    expect(leaks(dir)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('rekeying'))).toEqual([]);
    expect(sameRows(study, PASS)).toEqual(rows);
    expect((await failure(core.openStudy(study, false))).code).toBe('encrypted');

    transformStudy(study, 'rekey', { passphrase: PASS, newPassphrase: 'a new passphrase' });
    expect(leaks(dir)).toEqual([]);
    expect((await failure(core.openStudy(study, false, PASS))).code).toBe('wrong_passphrase');
    await core.openStudy(study, false, 'a new passphrase');
    expect(await snapshot(core)).toEqual(want);
    await core.closeStudy();

    transformStudy(study, 'decrypt', { passphrase: 'a new passphrase' });
    expect(sameRows(study, undefined)).toEqual(rows);
    await core.openStudy(study, false);
    expect(core.info()!.encrypted).toBe(false);
    expect(await snapshot(core)).toEqual(want);
    await close();
  });

  it('refuses to transform a study open elsewhere, and a wrong current passphrase, changing nothing', async () => {
    const dir = tmp();
    const study = join(dir, 's.grounded');
    const { core, close } = await newCore(dir);
    await core.handlers()['study:create']({ path: study, passphrase: PASS });
    await importAll(core, goodTranscripts.slice(0, 1));
    expect(() => transformStudy(study, 'rekey', { passphrase: PASS, newPassphrase: 'another passphrase' })).toThrow(/open elsewhere/);
    await core.closeStudy();
    const before = readFileSync(study);
    expect(() => transformStudy(study, 'decrypt', { passphrase: 'wrong passphrase' })).toThrow(/does not open this study/);
    expect(() => transformStudy(study, 'encrypt', { newPassphrase: 'another passphrase' })).toThrow(/already encrypted/);
    expect(readFileSync(study).equals(before)).toBe(true);
    await core.openStudy(study, false, PASS);
    expect(core.info()!.counts.transcripts).toBe(1);
    await close();
  });

  it('killed midway (SIGKILL while the copy is being rekeyed), leaves the old study usable; a rerun completes', async () => {
    const dir = tmp();
    const study = join(dir, 's.grounded');
    const { core, close } = await newCore(dir);
    await core.handlers()['study:create']({ path: study });
    await importAll(core, goodTranscripts);
    const want = await snapshot(core);
    await core.closeStudy();
    const temp = transformTempPath(study);

    // The child writes the copy, then spends ~1 s deriving the new key (scrypt) before it rekeys and
    // renames: the copy is on disk all that while, and it is killed then.
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'grounded.js'), 'encrypt', study, '--passphrase-env', 'GP'], {
      env: { ...process.env, GP: PASS, GROUNDED_SETTINGS_DIR: join(dir, 'settings') },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const deadline = Date.now() + 60_000;
    while (!existsSync(temp) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    expect(existsSync(temp), 'the child got as far as the copy').toBe(true);
    child.kill('SIGKILL');
    await exited;

    expect(readFileSync(study).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    await core.openStudy(study, false);
    expect(await snapshot(core)).toEqual(want);
    await core.closeStudy();

    // A scratch file left by a crash (here: garbage) is replaced on the next run.
    writeFileSync(temp, 'left by a crash');
    transformStudy(study, 'encrypt', { newPassphrase: PASS });
    expect(existsSync(temp)).toBe(false);
    await core.openStudy(study, false, PASS);
    expect(await snapshot(core)).toEqual(want);
    await close();
  });
});

describe("the app's study:encryption", () => {
  it('encrypts the open study, refuses a wrong current passphrase (the study stays open as it was), changes it, removes it', async () => {
    const dir = tmp();
    const study = join(dir, 's.grounded');
    const { core, close } = await newCore(dir);
    const h = core.handlers();
    await h['study:create']({ path: study });
    await importAll(core, goodTranscripts.slice(0, 3));
    const want = await snapshot(core);

    expect((await h['study:encryption']({ action: 'encrypt', newPassphrase: PASS })).encrypted).toBe(true);
    expect(leaks(dir)).toEqual([]);
    expect(await snapshot(core)).toEqual(want);

    const wrong = await failure(h['study:encryption']({ action: 'rekey', passphrase: 'not the passphrase', newPassphrase: 'a new passphrase' }));
    expect(wrong.code).toBe('wrong_passphrase');
    expect(core.info()?.encrypted).toBe(true);
    expect(await snapshot(core)).toEqual(want);
    expect((await failure(h['study:encryption']({ action: 'decrypt' }))).code).toBe('invalid_input');

    await h['study:encryption']({ action: 'rekey', passphrase: PASS, newPassphrase: 'a new passphrase' });
    await core.closeStudy();
    expect((await failure(core.openStudy(study, false, PASS))).code).toBe('wrong_passphrase');
    await core.openStudy(study, false, 'a new passphrase');
    expect((await h['study:encryption']({ action: 'decrypt', passphrase: 'a new passphrase' })).encrypted).toBe(false);
    expect(await snapshot(core)).toEqual(want);
    await close();
  });
});

describe('backups of an encrypted study', () => {
  it('stay encrypted (same passphrase) and restore', async () => {
    const dir = tmp();
    const study = join(dir, 'study', 's.grounded');
    const { core, close } = await newCore(dir);
    await core.handlers()['study:create']({ path: study, createFolders: true, passphrase: PASS });
    await importAll(core, goodTranscripts);
    const want = await snapshot(core);
    const rows = sameRows(study, PASS);
    // Taken while the study is open in the core (as the app's automatic backups are): no passphrase asked.
    const backup = join(dir, 'backups', 'copy.grounded');
    mkdirSync(join(dir, 'backups'));
    await backupStudy(study, backup);
    await core.closeStudy();
    expect(leaks(join(dir, 'backups'))).toEqual([]);
    expect((await failure(Promise.resolve().then(() => restoreStudy(backup, join(dir, 'restored.grounded'))))).code).toBe('encrypted');
    expect(() => restoreStudy(backup, join(dir, 'restored.grounded'), { passphrase: 'wrong passphrase' })).toThrow(/does not open/);
    restoreStudy(backup, join(dir, 'restored.grounded'), { passphrase: PASS });
    expect(leaks(dir)).toEqual([]);
    expect(sameRows(join(dir, 'restored.grounded'), PASS)).toEqual(rows);
    await core.openStudy(join(dir, 'restored.grounded'), false, PASS);
    expect(await snapshot(core)).toEqual(want);
    await close();
  });
});
