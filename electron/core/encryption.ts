// Encrypting, decrypting and changing the passphrase of a study on disk. Each writes a new file
// beside the study and renames it in: a crash at any point leaves the old study as it was.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { IpcFailure } from '../../shared/ipc/contract';
import { openStudyDb, type StudyDb } from './db/open';
import { CIPHER_PRAGMAS, checkNewPassphrase, holdKey, keyPragmaValue, newKey } from './db/studyKey';

export type Transform = 'encrypt' | 'decrypt' | 'rekey';

export interface TransformOptions {
  /** The study's passphrase (decrypt, rekey). */
  passphrase?: string;
  /** The passphrase it will have (encrypt, rekey). */
  newPassphrase?: string;
}

/** The scratch file a transform writes; a crash leaves it behind, and the next run removes it. */
export function transformTempPath(studyPath: string): string {
  return join(dirname(studyPath), `.${basename(studyPath)}.rekeying`);
}

/**
 * encrypt: a plain study gets a passphrase; decrypt: an encrypted one loses it; rekey: a new
 * passphrase (and a new salt and key) for an encrypted one.
 *
 * 1. The study is opened and switched out of WAL mode. That needs every other connection
 *    closed, so a study open in the app (or an import) is refused rather than copied midway.
 * 2. VACUUM INTO copies it, under its current key, to a scratch file beside it.
 * 3. The copy is rekeyed (SQLite3MultipleCiphers rewrites every page, through a memory temp store).
 * 4. The copy is opened with the new key and must pass integrity_check; then fsync, rename over
 *    the study, fsync of the folder. Until the rename the study is untouched; after it, whole.
 */
export function transformStudy(studyPath: string, kind: Transform, opts: TransformOptions = {}): { path: string; encrypted: boolean } {
  if (kind !== 'decrypt') {
    if (opts.newPassphrase === undefined) throw new IpcFailure('invalid_input', 'a new passphrase is needed');
    checkNewPassphrase(opts.newPassphrase);
  }
  const temp = transformTempPath(studyPath);
  removeWithSides(temp);
  // The study stays open (and locked) until the rename; while it is, this process holds its key,
  // so the copy (same key and salt) opens without deriving it again.
  const study = openForTransform(studyPath, kind, opts.passphrase);
  let closeStudy = () => study.close();
  let releaseNew = () => {};
  try {
    if (kind === 'encrypt' && study.encrypted) throw new IpcFailure('already_encrypted', `${studyPath}: this study is already encrypted; change its passphrase with rekey`);
    if (kind !== 'encrypt' && !study.encrypted) throw new IpcFailure('not_encrypted', `${studyPath}: this study is not encrypted`);
    takeAlone(study);
    study.sqlite.prepare('VACUUM INTO ?').run(temp);
    const key = kind === 'decrypt' ? null : newKey(opts.newPassphrase!);
    const copy = openStudyDb(temp, { create: false });
    try {
      copy.sqlite.pragma('journal_mode = DELETE');
      for (const p of CIPHER_PRAGMAS) copy.sqlite.pragma(p);
      copy.sqlite.pragma(key ? `rekey = ${keyPragmaValue(key)}` : "rekey = ''");
    } finally {
      copy.close();
    }
    if (key) releaseNew = holdKey(key);
    const check = openStudyDb(temp, { create: false });
    try {
      const ok = check.sqlite.pragma('integrity_check', { simple: true });
      if (ok !== 'ok') throw new IpcFailure('unreadable', `${studyPath}: the rewritten copy did not pass its integrity check (${String(ok)}); the study was left unchanged`);
      if (check.encrypted !== (key !== null)) throw new Error(`${kind}: the copy came out ${check.encrypted ? 'encrypted' : 'plain'}`);
      check.sqlite.pragma('journal_mode = DELETE');
    } finally {
      check.close();
    }
    fsyncPath(temp);
    // Closed before the rename (Windows cannot rename over an open file); the study is in
    // rollback-journal mode now, so nothing of it lives beside the file.
    study.close();
    closeStudy = () => {};
    for (const side of ['-wal', '-shm', '-journal']) rmSync(`${studyPath}${side}`, { force: true });
    renameSync(temp, studyPath);
    fsyncPath(dirname(studyPath));
    return { path: studyPath, encrypted: key !== null };
  } finally {
    closeStudy();
    releaseNew();
    removeWithSides(temp);
  }
}

function openForTransform(studyPath: string, kind: Transform, passphrase: string | undefined): StudyDb {
  try {
    return openStudyDb(studyPath, { create: false, passphrase });
  } catch (err) {
    if (kind === 'encrypt' && err instanceof IpcFailure && err.code === 'encrypted') {
      throw new IpcFailure('already_encrypted', `${studyPath}: this study is already encrypted; change its passphrase with rekey`);
    }
    throw err;
  }
}

/**
 * Leaving WAL mode needs every other connection closed (it fails "database is locked" after a
 * short wait otherwise); exclusive locking then keeps the file to us while it is copied.
 */
function takeAlone(study: StudyDb): void {
  study.sqlite.pragma('busy_timeout = 2000');
  try {
    study.sqlite.pragma('journal_mode = DELETE');
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new IpcFailure('busy', `${study.path}: the study is open elsewhere (the app, or another command); close it there and try again`);
    }
    throw err;
  }
  study.sqlite.pragma('locking_mode = EXCLUSIVE');
  study.sqlite.prepare('select count(*) from sqlite_master').get();
}

function removeWithSides(path: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${side}`, { force: true });
}

function fsyncPath(path: string): void {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } catch (err) {
    // Some platforms (Windows) cannot fsync a folder; the file itself was synced.
    if ((err as { code?: string }).code !== 'EISDIR' && (err as { code?: string }).code !== 'EPERM') throw err;
  } finally {
    closeSync(fd);
  }
}
