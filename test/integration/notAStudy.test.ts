// Files that are not studies never become studies: `grounded info` or `import` on an empty file,
// another program's SQLite database, random bytes, a study from a newer Grounded or a damaged
// one refuse with a message naming the file, exit non-zero, and leave it byte for byte as it was.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { goodTranscripts } from '../helpers/core';
import { grounded, useCliSettings } from '../helpers/runCli';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();
useCliSettings(tmp);

/** Runs the command and checks the file and its folder are exactly as before. */
async function refused(file: string, args: string[]) {
  const before = readFileSync(file);
  const dir = join(file, '..');
  const listing = readdirSync(dir).sort();
  const r = await grounded(...args);
  expect(readFileSync(file).equals(before), 'file unchanged').toBe(true);
  expect(readdirSync(dir).sort(), 'no -wal/-shm left beside it').toEqual(listing);
  expect(r.code).not.toBe(0);
  return r;
}

async function realStudy(dir: string): Promise<string> {
  const study = join(dir, 'real.grounded');
  expect((await grounded('import', study, ...goodTranscripts.slice(0, 3))).code).toBe(0);
  return study;
}

describe('files that are not studies', () => {
  it.each([
    ['a 0-byte file', () => Buffer.alloc(0), /this file is not a Grounded study \(it is empty \(0 bytes\)\)/],
    // Whole 4 KiB pages of random bytes are what an encrypted study looks like without its key.
    ['random bytes', () => randomBytes(8192), /is encrypted \(or the file is not a Grounded study at all\); open it with its passphrase/],
    ['random bytes, not whole pages', () => randomBytes(8000), /this file is not a Grounded study \(it is not a SQLite database\)/],
    ['a short text file', () => Buffer.from('hello\n'), /this file is not a Grounded study \(it is not a SQLite database\)/],
  ])('%s: info and import refuse it, naming it', async (_, bytes, message) => {
    const file = join(tmp(), 'x.grounded');
    writeFileSync(file, bytes());
    for (const args of [['info', file], ['import', file, goodTranscripts[0]!]]) {
      const r = await refused(file, args);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toMatch(message);
    }
  });

  it.each([
    ['an empty SQLite database', (db: Database.Database) => db.exec('create table t (x); drop table t;')],
    ['another program\'s SQLite database', (db: Database.Database) => db.exec("create table notes (body text); insert into notes values ('mine')")],
    ['another program\'s database in WAL mode', (db: Database.Database) => db.exec("pragma journal_mode = wal; create table notes (body text); insert into notes values ('mine')")],
  ])('%s: refused, never migrated into a study', async (_, fill) => {
    const file = join(tmp(), 'other.db');
    const db = new Database(file);
    fill(db);
    db.close();
    for (const args of [['info', file], ['import', file, goodTranscripts[0]!]]) {
      const r = await refused(file, args);
      expect(r.stderr).toMatch(/other\.db: this file is not a Grounded study \(it is a SQLite database of another program\)/);
    }
  });

  it('a study written by a newer Grounded (user_version ahead, or a migration we do not know) is refused and never written', async () => {
    const dir = tmp();
    const study = await realStudy(dir);
    const db = new Database(study);
    db.pragma('user_version = 999');
    db.close();
    for (const args of [['info', study], ['import', study, goodTranscripts[4]!]]) {
      expect((await refused(study, args)).stderr).toMatch(/real\.grounded: this study was saved by a newer version of Grounded; it was left unchanged\. Update Grounded/);
    }
    const other = await realStudy(tmp());
    const db2 = new Database(other);
    db2.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('f'.repeat(64), Date.now() + 365 * 86_400_000);
    db2.close();
    expect((await refused(other, ['import', other, goodTranscripts[4]!])).stderr).toMatch(/newer version of Grounded/);
  });

  it('a truncated study says it is damaged, names the file and what to do', async () => {
    const study = await realStudy(tmp());
    truncateSync(study, Math.floor(readFileSync(study).length * 0.6));
    const r = await refused(study, ['info', study]);
    expect(r.stderr).toMatch(/real\.grounded: this study file is damaged \(.*cut short\); it was left unchanged\. Restore it from a backup copy, or check it with: sqlite3 /);
    expect(r.stderr).not.toMatch(/^grounded: database disk image is malformed/m);
  });

  it('a study damaged in the middle (same size, a page overwritten) names the file and what to do', async () => {
    const study = await realStudy(tmp());
    const bytes = readFileSync(study);
    const pageSize = bytes.readUInt16BE(16);
    // Every page after the schema, overwritten: whichever the counts read first is garbage.
    for (let at = 2 * pageSize; at < bytes.length; at += pageSize) bytes.fill(0x5a, at, at + pageSize);
    writeFileSync(study, bytes);
    const r = await refused(study, ['info', study]);
    expect(r.stderr).toMatch(/^grounded info: .*real\.grounded: this study file is damaged \(.+\); it was left unchanged\. Restore it from a backup copy/);
  });

  it('a new study is still made through import (and create), where no file is', async () => {
    const dir = tmp();
    const r = await grounded('import', join(dir, 'new'), goodTranscripts[0]!);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('Created study') });
    expect((await grounded('info', join(dir, 'new.grounded'))).stdout).toMatch(/Transcripts\s+1/);
    // info never creates one.
    expect((await grounded('info', join(dir, 'absent.grounded'))).stderr).toMatch(/no such study file/);
    expect(readdirSync(dir).sort()).toEqual(['new.grounded']);
  });
});
