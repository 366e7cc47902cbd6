// Automatic backups in the app's core: a synthesis backs the study up before it replaces anything,
// the newest N are kept, a daily copy is taken while the study is open (clock injected), a restore
// brings back the earlier state and keeps what it replaced as a backup, and damage found in the
// study names the latest backup to restore. Real study files, real SQLite.
import { closeSync, existsSync, mkdirSync, openSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackupClock } from '../../electron/core/studyBackups';
import { DAILY_CHECK_MS } from '../../electron/core/studyBackups';
import { parseBackupAdvice } from '../../shared/backupAdvice';
import { runCli } from '../../electron/core/cli/commands';
import { createCoreHost } from '../../electron/core/host/inProcess';
import { goodTranscripts } from '../helpers/core';
import { useCliSettings } from '../helpers/runCli';
import { useTmpDir } from '../helpers/tmp';
import { hashedWordsEmbedder } from '../e2e/host';

const tmp = useTmpDir();
useCliSettings(() => tmp());
const HOUR = 60 * 60 * 1000;

function fakeClock(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
  let t = start;
  const timers: { ms: number; tick: () => void; cancelled: boolean }[] = [];
  const clock: BackupClock = {
    now: () => new Date(t),
    every: (ms, tick) => {
      const timer = { ms, tick, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
  };
  return { clock, timers, advance: (ms: number) => (t += ms) };
}

async function appCore(dir: string, clock: BackupClock) {
  return createCoreHost({ settingsDir: join(dir, 'settings'), autoBackups: true, backupClock: clock, createEmbedder: async () => hashedWordsEmbedder() });
}

function counts(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const n = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { integrity: db.pragma('integrity_check', { simple: true }), transcripts: n('transcripts'), themes: n('themes'), personas: n('personas') };
  } finally {
    db.close();
  }
}

/** Overwrites the leaf pages of one table and its indexes with garbage, as a failing disk would; the schema stays readable. */
function damagePages(study: string, table: string, { indexes = true } = {}) {
  const probe = new Database(study, { readonly: true });
  const owners = indexes ? 'select name from sqlite_master where tbl_name = ?' : 'select ?';
  const pages = (probe.prepare(`select pageno from dbstat where pagetype = 'leaf' and name in (${owners})`).all(table) as { pageno: number }[]).map(
    (r) => r.pageno,
  );
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  probe.close();
  expect(pages.length).toBeGreaterThan(2);
  const fd = openSync(study, 'r+');
  for (const p of pages) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (p - 1) * pageSize);
  closeSync(fd);
}

describe('automatic backups', () => {
  it('a synthesis backs the study up before it replaces anything', async () => {
    const dir = tmp();
    const { clock } = fakeClock();
    const host = await appCore(dir, clock);
    try {
      const core = host.core;
      const study = join(dir, 'study.grounded');
      await core.openStudy(study, true);
      await core.startJob({ kind: 'import', paths: goodTranscripts.slice(1, 5) }).done;
      expect(await host.invoke('backups:list', {})).toMatchObject({ ok: true, value: { backups: [] } });
      const f = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
      expect(f.status, f.error?.message).toBe('completed');
      const list = await host.invoke('backups:list', {});
      if (!list.ok) throw new Error(list.error.message);
      expect(list.value.folder).toBe(join(dir, 'study backups'));
      expect(list.value.backups).toHaveLength(1);
      // The copy holds the study as it was before the run: transcripts, no themes or personas yet.
      expect(counts(list.value.backups[0]!.path)).toEqual({ integrity: 'ok', transcripts: 4, themes: 0, personas: 0 });
      expect(counts(study).themes).toBeGreaterThan(0);
    } finally {
      await host.close();
    }
  }, 120_000);

  it('no backup, no synthesis: a folder that cannot be written fails the run and changes nothing', async () => {
    const dir = tmp();
    const host = await appCore(dir, fakeClock().clock);
    try {
      const core = host.core;
      const study = join(dir, 'study.grounded');
      await core.openStudy(study, true);
      await core.startJob({ kind: 'import', paths: goodTranscripts.slice(1, 4) }).done;
      writeFileSync(join(dir, 'a-file'), 'not a folder');
      expect((await host.invoke('backups:setSettings', { folder: join(dir, 'a-file', 'backups') })).ok).toBe(true);
      const f = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
      expect(f.status).toBe('failed');
      expect(f.error).toMatchObject({ code: 'backup_failed', message: expect.stringMatching(/Could not back up the study before synthesis/) });
      expect(counts(study).themes).toBe(0);
      // The Backups panel says why.
      expect(await host.invoke('backups:list', {})).toMatchObject({ ok: true, value: { problem: expect.stringMatching(/^The backup of .* failed: /) } });
    } finally {
      await host.close();
    }
  }, 60_000);

  it('keeps the newest N in the chosen folder, per study, remembered across opens', async () => {
    const dir = tmp();
    const { clock, advance } = fakeClock();
    const host = await appCore(dir, clock);
    try {
      const study = join(dir, 'study.grounded');
      await host.core.openStudy(study, true);
      const folder = join(dir, 'elsewhere', 'copies');
      expect(await host.invoke('backups:setSettings', { folder, keep: 3 })).toMatchObject({ ok: true, value: { folder, keep: 3 } });
      const taken: string[] = [];
      for (let i = 0; i < 5; i++) {
        advance(60_000);
        const r = await host.invoke('backups:now', {});
        if (!r.ok) throw new Error(r.error.message);
        taken.push(r.value.path);
        expect(r.value.bytes).toBe(statSync(r.value.path).size);
      }
      await host.core.closeStudy();
      await host.core.openStudy(study, false);
      const list = await host.invoke('backups:list', {});
      if (!list.ok) throw new Error(list.error.message);
      expect(list.value).toMatchObject({ folder, keep: 3 });
      // The open's daily check found a copy from minutes ago: no new one.
      expect(list.value.backups.map((b) => b.path)).toEqual([taken[4], taken[3], taken[2]]);
      expect(existsSync(taken[0]!)).toBe(false);
      expect(existsSync(taken[1]!)).toBe(false);
      expect(existsSync(join(dir, 'study backups'))).toBe(false);
      // Lowering the number applies at once.
      expect((await host.invoke('backups:setSettings', { keep: 1 })).ok).toBe(true);
      const fewer = await host.invoke('backups:list', {});
      expect(fewer.ok && fewer.value.backups.map((b) => b.path)).toEqual([taken[4]]);
    } finally {
      await host.close();
    }
  });

  it('takes a daily backup while the study is open, and stops when it closes', async () => {
    const dir = tmp();
    const study = join(dir, 'study.grounded');
    const setup = await createCoreHost({ settingsDir: join(dir, 'settings') });
    await setup.core.openStudy(study, true);
    await setup.core.startJob({ kind: 'import', paths: goodTranscripts.slice(1, 2) }).done;
    await setup.close();

    const { clock, timers, advance } = fakeClock();
    const host = await appCore(dir, clock);
    try {
      await host.core.openStudy(study, false);
      const list = async () => {
        await host.core.studyBackups().idle();
        const r = await host.invoke('backups:list', {});
        if (!r.ok) throw new Error(r.error.message);
        return r.value.backups;
      };
      // Opened with no backup yet: one at once.
      expect(await list()).toHaveLength(1);
      expect(timers).toHaveLength(1);
      expect(timers[0]!.ms).toBe(DAILY_CHECK_MS);
      const tick = () => timers[0]!.tick();
      advance(23 * HOUR);
      tick();
      expect(await list()).toHaveLength(1);
      advance(1 * HOUR);
      tick();
      const after = await list();
      expect(after).toHaveLength(2);
      expect(after[0]!.takenAt).toBe(new Date(Date.UTC(2026, 0, 6, 9, 0, 0)).toISOString());
      expect(counts(after[0]!.path)).toMatchObject({ integrity: 'ok', transcripts: 1 });
      await host.core.closeStudy();
      expect(timers[0]!.cancelled).toBe(true);
    } finally {
      await host.close();
    }
  });

  it('restores a backup: the earlier state comes back, and what it replaced is kept as a backup', async () => {
    const dir = tmp();
    const { clock, advance } = fakeClock();
    const host = await appCore(dir, clock);
    try {
      const study = join(dir, 'study.grounded');
      await host.core.openStudy(study, true);
      await host.core.startJob({ kind: 'import', paths: goodTranscripts.slice(1, 2) }).done;
      const first = await host.invoke('backups:now', {});
      if (!first.ok) throw new Error(first.error.message);
      advance(60_000);
      await host.core.startJob({ kind: 'import', paths: goodTranscripts.slice(2, 4) }).done;
      expect(host.core.info()!.counts.transcripts).toBe(3);

      advance(60_000);
      const restored = await host.invoke('backups:restore', { path: first.value.path });
      if (!restored.ok) throw new Error(restored.error.message);
      expect(restored.value.study.counts.transcripts).toBe(1);
      expect(host.core.info()!.counts.transcripts).toBe(1);
      expect(counts(study)).toMatchObject({ integrity: 'ok', transcripts: 1 });
      const saved = restored.value.savedAs!;
      expect(counts(saved.path)).toMatchObject({ integrity: 'ok', transcripts: 3 });
      const list = await host.invoke('backups:list', {});
      expect(list.ok && list.value.backups.map((b) => b.path)).toEqual([saved.path, first.value.path]);

      // And the restore is undone by restoring what it saved.
      advance(60_000);
      const undone = await host.invoke('backups:restore', { path: saved.path });
      expect(undone.ok && undone.value.study.counts.transcripts).toBe(3);
    } finally {
      await host.close();
    }
  });

  it('restores only this study\'s listed backups, never any file the caller names', async () => {
    const dir = tmp();
    const host = await appCore(dir, fakeClock().clock);
    try {
      const study = join(dir, 'study.grounded');
      await host.core.openStudy(study, true);
      const other = join(dir, 'other.grounded');
      const o = await createCoreHost({ settingsDir: join(dir, 's2') });
      await o.core.openStudy(other, true);
      await o.close();
      expect(await host.invoke('backups:restore', { path: other })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(host.core.info()?.path).toBe(study);
    } finally {
      await host.close();
    }
  });

  it('deletes only listed backups of the study, all or none (e.g. the copies that hold a withdrawn participant)', async () => {
    const dir = tmp();
    const { clock, advance } = fakeClock();
    const host = await appCore(dir, clock);
    try {
      await host.core.openStudy(join(dir, 'study.grounded'), true);
      const first = await host.invoke('backups:now', {});
      advance(HOUR);
      const second = await host.invoke('backups:now', {});
      if (!first.ok || !second.ok) throw new Error('backup failed');
      const stranger = join(dir, 'keep-me.grounded');
      writeFileSync(stranger, 'not a backup');
      expect(await host.invoke('backups:delete', { paths: [first.value.path, stranger] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(existsSync(first.value.path) && existsSync(stranger)).toBe(true);
      const left = await host.invoke('backups:delete', { paths: [first.value.path] });
      expect(left.ok && left.value.backups.map((b) => b.path)).toEqual([second.value.path]);
      expect(existsSync(first.value.path)).toBe(false);
    } finally {
      await host.close();
    }
  });

  it('damage found after the open names the study file and the latest backup', async () => {
    const dir = tmp();
    const { clock } = fakeClock();
    const study = join(dir, 'study.grounded');
    const host = await appCore(dir, clock);
    let backup: string;
    try {
      await host.core.openStudy(study, true);
      await host.core.startJob({ kind: 'import', paths: goodTranscripts }).done;
      const b = await host.invoke('backups:now', {});
      if (!b.ok) throw new Error(b.error.message);
      backup = b.value.path;
      await host.core.closeStudy();
    } finally {
      await host.close();
    }
    // Checkpointed and closed: the whole study is in the file. Overwrite the pages of the search
    // index with garbage, as a failing disk would: the open and the counts still work, a search
    // reads the damage.
    damagePages(study, 'turns_fts_data');

    const again = await appCore(dir, clock);
    try {
      const opened = await again.invoke('study:open', { path: study });
      expect(opened.ok, opened.ok ? '' : opened.error.message).toBe(true);
      const r = await again.invoke('search:query', { q: 'rent money bank' });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('corrupt');
      expect(r.error.message).toContain(`${study}: this study file is damaged`);
      expect(r.error.message).toContain(`The latest backup is ${backup}`);
      expect(r.error.message).toContain(`grounded restore "${backup}" "${study}" --force`);
      // And from the Backups panel the damaged study is restored from that backup.
      await again.core.closeStudy();
      const restored = await again.invoke('backups:restore', { path: backup, study });
      expect(restored.ok && restored.value.study.counts.transcripts).toBe(goodTranscripts.length);
      expect(counts(study).integrity).toBe('ok');
    } finally {
      await again.close();
    }
  }, 60_000);

  it('the CLI names the latest backup when it meets damage past the open', async () => {
    const dir = tmp();
    const study = join(dir, 'study.grounded');
    const host = await appCore(dir, fakeClock().clock);
    let backup: string;
    try {
      await host.core.openStudy(study, true);
      await host.core.startJob({ kind: 'import', paths: goodTranscripts }).done;
      const b = await host.invoke('backups:now', {});
      if (!b.ok) throw new Error(b.error.message);
      backup = b.value.path;
      await host.core.closeStudy();
    } finally {
      await host.close();
    }
    damagePages(study, 'quotes');
    const out: string[] = [];
    const err: string[] = [];
    const before = await createCoreHost({ settingsDir: join(dir, 'settings') });
    const opened = await before.invoke('study:open', { path: study });
    await before.close();
    // Damage met by the open's counts (after the file opened): named once, the backup parsed back.
    expect(opened.ok ? '' : opened.error.message.split('The latest backup').length).toBe(2);
    expect(parseBackupAdvice(opened.ok ? '' : opened.error.message)).toEqual({ backup, study });
    const code = await runCli(['info', study], { write: (s: string) => out.push(s) } as never, { write: (s: string) => err.push(s) } as never);
    expect(code).toBe(1);
    expect(err.join('')).toContain(`${study}: this study file is damaged`);
    expect(err.join('')).toContain(`The latest backup is ${backup}`);
  });

  it('a job that meets damage in the study names the file and the latest backup', async () => {
    const dir = tmp();
    const study = join(dir, 'study.grounded');
    // Without automatic backups: the synthesis itself, not its backup first, meets the damage.
    const make = () => createCoreHost({ settingsDir: join(dir, 'settings'), createEmbedder: async () => hashedWordsEmbedder() });
    const host = await make();
    let backup: string;
    try {
      await host.core.openStudy(study, true);
      await host.core.startJob({ kind: 'import', paths: goodTranscripts.slice(1, 5) }).done;
      expect((await host.core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done).status).toBe('completed');
      const b = await host.invoke('backups:now', {});
      if (!b.ok) throw new Error(b.error.message);
      backup = b.value.path;
      await host.core.closeStudy();
    } finally {
      await host.close();
    }
    // The stored vectors' own pages, not their index: the open's counts read the index, a synthesis the vectors.
    damagePages(study, 'embeddings', { indexes: false });
    const again = await make();
    try {
      await again.core.openStudy(study, false);
      const f = await again.core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
      expect(f.status).toBe('failed');
      expect(f.error).toMatchObject({ code: 'corrupt', message: expect.stringContaining(`The latest backup is ${backup}`) });
    } finally {
      await again.close();
    }
    // In the app the backup before the synthesis meets the damage first: the same message, not "could not back up".
    const app = await appCore(dir, fakeClock().clock);
    try {
      await app.core.openStudy(study, false);
      await app.core.studyBackups().idle();
      const f = await app.core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
      expect(f.error).toMatchObject({ code: 'corrupt', message: expect.stringContaining(`${study}: this study file is damaged`) });
      expect(f.error?.message).toContain(`The latest backup is ${backup}`);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('a damaged study refused at the open names the latest backup too', async () => {
    const dir = tmp();
    const { clock } = fakeClock();
    const study = join(dir, 'study.grounded');
    mkdirSync(dir, { recursive: true });
    const host = await appCore(dir, clock);
    try {
      await host.core.openStudy(study, true);
      await host.core.startJob({ kind: 'import', paths: goodTranscripts.slice(0, 3) }).done;
      const b = await host.invoke('backups:now', {});
      if (!b.ok) throw new Error(b.error.message);
      await host.core.closeStudy();
      // Cut short, as a full disk leaves it.
      truncateSync(study, Math.floor(statSync(study).size / 2));
      const r = await host.invoke('study:open', { path: study });
      expect(r).toMatchObject({ ok: false, error: { code: 'corrupt', message: expect.stringContaining(`The latest backup is ${b.value.path}`) } });
      // Said once, in the form the start screen reads back to offer the restore as a button.
      expect(r.ok ? '' : r.error.message.split('The latest backup').length).toBe(2);
      expect(parseBackupAdvice(r.ok ? '' : r.error.message)).toEqual({ backup: b.value.path, study });
    } finally {
      await host.close();
    }
  });
});
