import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
// One driver for plain and encrypted studies: SQLite3MultipleCiphers (SQLCipher's format) is a
// drop-in build of better-sqlite3, so drizzle, FTS5, VACUUM and the backup API work the same.
import Database from 'better-sqlite3-multiple-ciphers';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { IpcFailure } from '../../../shared/ipc/contract';
import { migrationsDir } from '../paths';
import * as schema from './schema';
import { CIPHER_PRAGMAS, SALT_BYTES, deriveKey, heldKey, holdKey, keyPragmaValue, newKey, type StudyKey } from './studyKey';

/** 'GRND': marks a SQLite file as a Grounded study so we never migrate someone else's database. */
export const APPLICATION_ID = 0x47524e44;

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export interface StudyDb {
  path: string;
  sqlite: Database.Database;
  db: Db;
  /** Whether the file is encrypted (SQLCipher); its key lives only in this process's memory. */
  encrypted: boolean;
  /**
   * Keeps the study's key in this process's memory past close() until the returned function is
   * called (a restore closes the study, swaps the file and reopens it without asking again).
   */
  retainKey(): () => void;
  close(): void;
}

export interface OpenOptions {
  create: boolean;
  /** Folder with drizzle-kit migrations; tests point it at a truncated copy. */
  migrationsFolder?: string;
  /**
   * Opens an encrypted study; with `create`, makes the new study encrypted. Ignored for a plain
   * study. Without it, an encrypted study opens only if this process already holds its key.
   */
  passphrase?: string;
}

/**
 * Runs fn as one transaction on the study's connection: all of it commits or none of it.
 * Nested calls become savepoints. Queries inside use the same `db` (one connection, synchronous).
 * BEGIN IMMEDIATE takes the write lock first, waiting (busy_timeout) while another process
 * writes: a deferred transaction that read first could not wait for it and would fail with
 * "database is locked" the moment it tried to write.
 */
export function transaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn).immediate();
}

function nativeBinding(): string | undefined {
  // Electron loads a separately built better-sqlite3 (its own ABI); Node uses the default build.
  return process.env.GROUNDED_SQLITE_BINDING || undefined;
}

/**
 * Opens a study, or creates one where no file exists yet (`create`). An existing file is only
 * ever opened as a study if it is one: an empty file, another program's SQLite database, a study
 * written by a newer Grounded or a damaged one is refused with a message naming the file, and
 * left byte for byte as it was (nothing is written before every check has passed).
 */
export function openStudyDb(path: string, opts: OpenOptions): StudyDb {
  const exists = existsSync(path);
  if (!exists && !opts.create) throw new IpcFailure('not_found', `${path}: no such study file`);
  if (exists && statSync(path).isDirectory()) throw new IpcFailure('not_a_study', `${path}: is a folder, not a study file`);
  const header = exists ? readHeader(path) : null;
  if (header?.kind === 'plain') refuseTruncated(path, header);
  const key = header?.kind === 'encrypted' ? keyFor(path, header.salt, opts.passphrase) : !exists && opts.passphrase !== undefined ? newKey(opts.passphrase) : null;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { nativeBinding: nativeBinding(), fileMustExist: exists });
  } catch (err) {
    throw new IpcFailure('unreadable', `${path}: cannot open (${(err as Error).message})`);
  }
  const migrationsFolder = opts.migrationsFolder ?? migrationsDir();
  let release = () => {};
  try {
    if (key) {
      unlock(sqlite, key, path);
      release = holdKey(key);
    }
    // A second writer (another import, the CLI beside the app) waits its turn rather than failing.
    sqlite.pragma('busy_timeout = 30000');
    if (header) {
      const appId = sqlite.pragma('application_id', { simple: true }) as number;
      if (appId !== APPLICATION_ID) throw notAStudy(path, 'it is a SQLite database of another program');
      refuseNewer(sqlite, path, migrationsFolder);
    } else {
      // The mark goes in first, so a study is never on disk without it.
      sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    // drizzle's driver is typed for better-sqlite3; this build's Database is that API plus key/rekey.
    const db = drizzle(sqlite, { schema }) as unknown as Db;
    migrate(db, { migrationsFolder });
    const known = readMigrationFiles({ migrationsFolder }).length;
    if ((sqlite.pragma('user_version', { simple: true }) as number) < known) sqlite.pragma(`user_version = ${known}`);
    return {
      path,
      sqlite,
      db,
      encrypted: key !== null,
      retainKey: () => (key ? holdKey(key) : () => {}),
      close: () => {
        sqlite.close();
        release();
        key?.key.fill(0);
      },
    };
  } catch (err) {
    sqlite.close();
    release();
    if (err instanceof IpcFailure) throw err;
    const e = err as Error & { code?: string };
    if (e.code === 'SQLITE_NOTADB') throw notAStudy(path, 'it is not a SQLite database');
    if (isCorruption(err)) throw damagedStudy(path, e.message);
    throw err;
  }
}

/**
 * Makes every commit so far durable. Commits in WAL mode with synchronous=NORMAL survive a crash
 * of the app but not a power cut; a checkpoint fsyncs the log (and the study, when it completes).
 * One per import job, not one per file: synchronous=FULL made importing 160 files 22% slower
 * (8.4 s -> 10.2 s on ext4).
 */
export function syncStudy(db: Db): void {
  db.$client.pragma('wal_checkpoint(PASSIVE)');
}

const SQLITE_MAGIC = 'SQLite format 3\0';
/** SQLCipher 4's page: an encrypted study is a whole number of them. */
const CIPHER_PAGE = 4096;

type Header =
  | {
      kind: 'plain';
      pageSize: number;
      /** Pages the header says the file holds, when that count is current; else null. */
      pages: number | null;
    }
  | { kind: 'encrypted'; salt: Buffer };

/**
 * Sets the key on a fresh connection and proves it with a first read: SQLCipher only finds out
 * that a key is wrong when a page fails its HMAC. Everything that follows (WAL, journals,
 * VACUUM, the temp store, kept in memory) goes through the cipher.
 */
function unlock(sqlite: Database.Database, key: StudyKey, path: string): void {
  for (const p of CIPHER_PRAGMAS) sqlite.pragma(p);
  sqlite.pragma(`key = ${keyPragmaValue(key)}`);
  // Sorts, temp tables and VACUUM's scratch copy stay in memory: SQLCipher does not encrypt temp files.
  sqlite.pragma('temp_store = MEMORY');
  try {
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw wrongPassphrase(path);
    throw err;
  }
}

/** The key of an encrypted study: derived from the passphrase, or the one this process already holds. */
function keyFor(path: string, salt: Buffer, passphrase: string | undefined): StudyKey {
  if (passphrase !== undefined) return deriveKey(passphrase, salt);
  const held = heldKey(salt);
  if (held) return held;
  throw new IpcFailure(
    'encrypted',
    `${path}: this study is encrypted (or the file is not a Grounded study at all); open it with its passphrase (in the app, type it when asked; on the command line, type it when asked or give --passphrase-env NAME, the name of a variable that holds it)`,
  );
}

export function wrongPassphrase(path: string): IpcFailure {
  return new IpcFailure(
    'wrong_passphrase',
    `${path}: the passphrase does not open this study (or the file is not a Grounded study); it was left unchanged. Check the passphrase and try again: nothing else can open it.`,
  );
}

/** The first 100 bytes, read without SQLite: what is not a SQLite file is refused before any open. */
function readHeader(path: string): Header {
  const bytes = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, bytes, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (n === 0) throw notAStudy(path, 'it is empty (0 bytes)');
  if (n === 100 && bytes.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    // No header in the clear: an encrypted study (its salt, then ciphertext, in whole pages) or not a database at all.
    const size = statSync(path).size;
    if (size >= CIPHER_PAGE && size % CIPHER_PAGE === 0) return { kind: 'encrypted', salt: bytes.subarray(0, SALT_BYTES) };
  }
  if (n < 100 || bytes.toString('latin1', 0, 16) !== SQLITE_MAGIC) throw notAStudy(path, 'it is not a SQLite database');
  const size = bytes.readUInt16BE(16);
  const valid = bytes.readUInt32BE(92) === bytes.readUInt32BE(24);
  return { kind: 'plain', pageSize: size === 1 ? 65536 : size, pages: valid ? bytes.readUInt32BE(28) : null };
}

function notAStudy(path: string, why: string): IpcFailure {
  return new IpcFailure(
    'not_a_study',
    `${path}: this file is not a Grounded study (${why}); it was left unchanged. Open a .grounded study, or create a new one.`,
  );
}

/** Every SQLite error that means the file's bytes are wrong, not the query. */
export function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** What to say when a study's bytes are damaged: which file, and what to do about it. */
export function damagedStudy(path: string, detail: string): IpcFailure {
  return new IpcFailure(
    'corrupt',
    `${path}: this study file is damaged (${detail}); it was left unchanged. Restore it from a backup copy, or check it with: sqlite3 "${path}" "pragma integrity_check"`,
  );
}

/** A study a later Grounded wrote: its schema may mean things this version would break. */
function refuseNewer(sqlite: Database.Database, path: string, migrationsFolder: string): void {
  const known = readMigrationFiles({ migrationsFolder });
  const latest = Math.max(0, ...known.map((m) => m.folderMillis));
  const version = sqlite.pragma('user_version', { simple: true }) as number;
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  const applied = table ? (sqlite.prepare('select created_at as at from __drizzle_migrations').all() as { at: number | string }[]) : [];
  if (version > known.length || applied.some((m) => Number(m.at) > latest)) {
    throw new IpcFailure(
      'newer_study',
      `${path}: this study was saved by a newer version of Grounded; it was left unchanged. Update Grounded to open it.`,
    );
  }
}

/** A study cut short (a full disk, a copy stopped midway) is missing pages its header counts. */
function refuseTruncated(path: string, header: Extract<Header, { kind: 'plain' }>): void {
  // With a write-ahead log beside it, the log holds pages the file does not have yet.
  const wal = `${path}-wal`;
  if (header.pages === null || (existsSync(wal) && statSync(wal).size > 0)) return;
  const size = statSync(path).size;
  if (size < header.pages * header.pageSize) {
    throw damagedStudy(path, `it is ${size} bytes, its header counts ${header.pages * header.pageSize}: the file was cut short`);
  }
}
