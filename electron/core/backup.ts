// Backups of a study through SQLite's online backup API: a consistent copy taken while another
// connection (or process) keeps writing, and a restore that swaps the copy in atomically.
import { copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, closeSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { IpcFailure } from '../../shared/ipc/contract';
import { openStudyDb, type StudyDb } from './db/open';

/**
 * Copies the study at `studyPath` to `backupPath` with the online backup API (page by page; a
 * write by another connection restarts the copy, so the result is one committed state). The
 * copy is written beside its target and renamed in, so a half-written backup never carries the name.
 */
export async function backupStudy(studyPath: string, backupPath: string, opts: { passphrase?: string } = {}): Promise<{ path: string; pages: number }> {
  const study = openStudyDb(studyPath, { create: false, passphrase: opts.passphrase });
  const temp = join(dirname(backupPath), `.${basename(backupPath)}.partial`);
  try {
    rmSync(temp, { force: true });
    // The backup API cannot write an encrypted copy (SQLite3MultipleCiphers refuses a plain target
    // for an encrypted source); VACUUM INTO, one read transaction, writes one under the study's own
    // key and salt, so the copy opens with the same passphrase and never exists in the clear.
    const totalPages = study.encrypted ? vacuumInto(study.sqlite, temp) : (await study.sqlite.backup(temp)).totalPages;
    // The copy is a plain rollback-journal file: one file to carry around, nothing beside it.
    const copy = openStudyDb(temp, { create: false });
    copy.sqlite.pragma('journal_mode = DELETE');
    const check = copy.sqlite.pragma('integrity_check', { simple: true });
    copy.close();
    if (check !== 'ok') throw new IpcFailure('unreadable', `${backupPath}: the backup did not pass its integrity check (${String(check)})`);
    fsyncFile(temp);
    renameSync(temp, backupPath);
    return { path: backupPath, pages: totalPages };
  } finally {
    study.close();
    rmSync(temp, { force: true });
  }
}

/**
 * Restores a backup to `studyPath`: refuses to overwrite an existing study unless `force`; the
 * backup must open as a study and pass integrity_check; it is copied to a temporary file beside
 * the target and renamed over it, so a crash leaves either the old study or the restored one.
 */
export function restoreStudy(backupPath: string, studyPath: string, opts: { force?: boolean; passphrase?: string } = {}): { path: string } {
  if (!existsSync(backupPath)) throw new IpcFailure('not_found', `${backupPath}: no such backup file`);
  if (existsSync(studyPath) && !opts.force) {
    throw new IpcFailure('exists', `${studyPath}: a study is already there; restore with --force to replace it`);
  }
  const temp = join(dirname(studyPath), `.${basename(studyPath)}.restoring`);
  rmSync(temp, { force: true });
  try {
    copyFileSync(backupPath, temp);
    const copy = openStudyDb(temp, { create: false, passphrase: opts.passphrase });
    const check = copy.sqlite.pragma('integrity_check', { simple: true });
    // Back to a self-contained file before the swap: no -wal may be left behind the rename.
    copy.sqlite.pragma('journal_mode = DELETE');
    copy.close();
    if (check !== 'ok') throw new IpcFailure('unreadable', `${backupPath}: the backup is damaged (${String(check)}); nothing was restored`);
    fsyncFile(temp);
    // A WAL left beside the restored file would be replayed into it: the old study's is
    // checkpointed into its file first (a crash here leaves the old study whole), then removed.
    if (existsSync(studyPath)) {
      try {
        const old = openStudyDb(studyPath, { create: false });
        old.sqlite.pragma('wal_checkpoint(TRUNCATE)');
        old.close();
      } catch {
        // A damaged study (the usual reason to restore) is replaced whatever its WAL holds.
      }
    }
    for (const side of ['-wal', '-shm']) rmSync(`${studyPath}${side}`, { force: true });
    renameSync(temp, studyPath);
    return { path: studyPath };
  } finally {
    rmSync(temp, { force: true });
    for (const side of ['-wal', '-shm', '-journal']) rmSync(`${temp}${side}`, { force: true });
  }
}

function vacuumInto(sqlite: StudyDb['sqlite'], target: string): number {
  sqlite.prepare('VACUUM INTO ?').run(target);
  return sqlite.pragma('page_count', { simple: true }) as number;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * An automatic backup (before a synthesis, daily while open): `<study name>-<UTC time>.grounded`
 * in `folder`, keeping the newest `keep` backups of this study there and removing older ones.
 * Names sort by time, so the newest are the last in name order.
 */
export async function autoBackup(studyPath: string, folder: string, keep: number, now = new Date()): Promise<{ path: string; removed: string[] }> {
  if (!Number.isInteger(keep) || keep < 1) throw new IpcFailure('invalid_input', `keep must be a whole number of at least 1 (got ${keep})`);
  mkdirSync(folder, { recursive: true });
  const stem = basename(studyPath, extname(studyPath));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const { path } = await backupStudy(studyPath, join(folder, `${stem}-${stamp}.grounded`));
  const mine = backupsOf(studyPath, folder).map((b) => basename(b.path));
  const removed = mine.slice(0, Math.max(0, mine.length - keep)).map((f) => join(folder, f));
  for (const f of removed) rmSync(f, { force: true });
  return { path, removed };
}

/**
 * The backups `autoBackup` wrote of this study into `folder`, oldest first (names sort by time),
 * with the time read back from the name. Another study's backups in the same folder are not listed.
 */
export function backupsOf(studyPath: string, folder: string): { path: string; takenAt: Date }[] {
  if (!existsSync(folder)) return [];
  const stem = basename(studyPath, extname(studyPath));
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z\\.grounded$`);
  const found: { path: string; takenAt: Date }[] = [];
  for (const name of readdirSync(folder).sort()) {
    const m = pattern.exec(name);
    if (m) found.push({ path: join(folder, name), takenAt: new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) });
  }
  return found;
}
