import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { IpcFailure } from '../../../shared/ipc/contract';
import { migrationsDir } from '../paths';
import * as schema from './schema';

/** 'GRND': marks a SQLite file as a Grounded study so we never migrate someone else's database. */
export const APPLICATION_ID = 0x47524e44;

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export interface StudyDb {
  path: string;
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

export interface OpenOptions {
  create: boolean;
  /** Folder with drizzle-kit migrations; tests point it at a truncated copy. */
  migrationsFolder?: string;
}

/**
 * Runs fn as one transaction on the study's connection: all of it commits or none of it.
 * Nested calls become savepoints. Queries inside use the same `db` (one connection, synchronous).
 */
export function transaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn)();
}

function nativeBinding(): string | undefined {
  // Electron loads a separately built better-sqlite3 (its own ABI); Node uses the default build.
  return process.env.GROUNDED_SQLITE_BINDING || undefined;
}

export function openStudyDb(path: string, opts: OpenOptions): StudyDb {
  const exists = existsSync(path);
  if (!exists && !opts.create) throw new IpcFailure('not_found', `${path}: no such study file`);
  if (exists && statSync(path).isDirectory()) throw new IpcFailure('not_a_study', `${path}: is a folder, not a study file`);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { nativeBinding: nativeBinding() });
  } catch (err) {
    throw new IpcFailure('unreadable', `${path}: cannot open (${(err as Error).message})`);
  }
  try {
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    const tables = sqlite.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number };
    if (appId !== APPLICATION_ID && tables.n > 0) {
      throw new IpcFailure('not_a_study', `${path}: is a SQLite database but not a Grounded study`);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    if (appId !== APPLICATION_ID) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: opts.migrationsFolder ?? migrationsDir() });
    return { path, sqlite, db, close: () => sqlite.close() };
  } catch (err) {
    sqlite.close();
    if (err instanceof IpcFailure) throw err;
    const e = err as Error & { code?: string };
    if (e.code === 'SQLITE_NOTADB') throw new IpcFailure('not_a_study', `${path}: is not a SQLite database`);
    throw err;
  }
}
