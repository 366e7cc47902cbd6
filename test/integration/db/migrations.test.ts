import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openStudyDb } from '../../../electron/core/db/open';
import { migrationsDir } from '../../../electron/core/paths';
import { useTmpDir } from '../../helpers/tmp';

const tmp = useTmpDir();

/** A copy of the shipped migrations cut to the first n, to migrate a file step by step. */
function migrationsUpTo(n: number): string {
  const dir = join(tmp(), 'migrations');
  cpSync(migrationsDir(), dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, n);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

const journal = JSON.parse(readFileSync(join(migrationsDir(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };

describe('study file migrations', () => {
  it('0000_init creates every table on a real file, marks it as a study, WAL and foreign keys on', () => {
    const path = join(tmp(), 's.grounded');
    const study = openStudyDb(path, { create: true, migrationsFolder: migrationsUpTo(1) });
    const tables = study.sqlite.prepare("select name from sqlite_master where type='table' order by name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['transcripts', 'turns', 'speakers', 'participants', 'quotes', 'embeddings', 'themes', 'personas']),
    );
    expect(study.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(study.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(study.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      study.sqlite.prepare("insert into turns (transcript_id, idx, speaker, text) values (999, 0, 'A', 'x')").run(),
    ).toThrow(/FOREIGN KEY/);
    study.close();
  });

  it('every step keeps the rows written before it (migrate to N-1, insert, migrate to N)', () => {
    const path = join(tmp(), 's.grounded');
    for (let n = 1; n <= journal.entries.length; n++) {
      const study = openStudyDb(path, { create: true, migrationsFolder: migrationsUpTo(n) });
      study.sqlite.prepare("insert into study_meta (key, value) values (?, 'kept')").run(`step-${n}`);
      const kept = study.sqlite.prepare("select count(*) as c from study_meta where value = 'kept'").get() as { c: number };
      expect(kept.c).toBe(n);
      study.close();
    }
  });

  it('reopening an up-to-date study applies nothing twice', () => {
    const path = join(tmp(), 's.grounded');
    openStudyDb(path, { create: true }).close();
    const again = openStudyDb(path, { create: false });
    const applied = again.sqlite.prepare('select count(*) as c from __drizzle_migrations').get() as { c: number };
    expect(applied.c).toBe(journal.entries.length);
    again.close();
  });

  it("refuses someone else's SQLite database and files that are not databases, naming them", () => {
    const other = join(tmp(), 'other.db');
    const db = new Database(other);
    db.exec('create table t (x)');
    db.close();
    expect(() => openStudyDb(other, { create: false })).toThrow(/other\.db: this file is not a Grounded study \(it is a SQLite database of another program\)/);
    const text = join(tmp(), 'notes.grounded');
    writeFileSync(text, 'hello, this is not a database at all, just some text that is long enough');
    expect(() => openStudyDb(text, { create: false })).toThrow(/notes\.grounded/);
    expect(() => openStudyDb(join(tmp(), 'missing.grounded'), { create: false })).toThrow(/no such study file/);
  });
});

describe('0001_depth', () => {
  it('indexes turns written before it for full-text search and keeps them in step after', () => {
    const path = join(tmp(), 's.grounded');
    const before = openStudyDb(path, { create: true, migrationsFolder: migrationsUpTo(1) });
    before.sqlite.exec(`
      insert into transcripts (file_name, source_path, format, content_hash) values ('a.txt', '/a.txt', 'text', 'h1');
      insert into turns (transcript_id, idx, speaker, text) values (1, 0, 'Alex', 'I reconcile my receipts every Sunday evening');
      insert into synthesis_runs (model_id, model_hash, seed, params, chosen_k, scores) values ('m', 'h', 1, '{}', 2, '{}');
      insert into themes (run_id, idx, label, keywords) values (1, 0, 'receipts', '[]');
    `);
    before.close();
    const after = openStudyDb(path, { create: false, migrationsFolder: migrationsUpTo(2) });
    const hits = (q: string) =>
      (after.sqlite.prepare('select rowid from turns_fts where turns_fts match ?').all(q) as { rowid: number }[]).map((r) => r.rowid);
    expect(hits('receipts')).toEqual([1]);
    after.sqlite.prepare("insert into turns (transcript_id, idx, speaker, text) values (1, 1, 'Alex', 'Receipts pile up in a shoebox')").run();
    expect(hits('receipts')).toEqual([1, 2]);
    after.sqlite.prepare('delete from turns where id = 1').run();
    expect(hits('receipts')).toEqual([2]);
    expect(after.sqlite.prepare('select outlier from themes').get()).toEqual({ outlier: 0 });
    after.close();
  });
});

describe('0002_import_speed', () => {
  it('gives every cascading foreign key an index, so deleting a transcript never scans whole tables', () => {
    const study = openStudyDb(join(tmp(), 's.grounded'), { create: true });
    const s = study.sqlite;
    const unindexed: string[] = [];
    for (const { name } of s.prepare("select name from sqlite_master where type = 'table' and name not like 'turns_fts%'").all() as { name: string }[]) {
      const leading = (s.prepare(`pragma index_list("${name}")`).all() as { name: string }[]).map(
        (i) => (s.prepare(`pragma index_info("${i.name}")`).all() as { name: string }[])[0]?.name,
      );
      for (const fk of s.prepare(`pragma foreign_key_list("${name}")`).all() as { from: string; table: string; on_delete: string }[]) {
        // Small tables (participants' links, personas) are scanned cheaply; quotes and turns are not small.
        if (fk.on_delete === 'CASCADE' && ['quotes', 'turns', 'transcripts'].includes(fk.table) && !leading.includes(fk.from)) {
          unindexed.push(`${name}.${fk.from} -> ${fk.table}`);
        }
      }
    }
    expect(unindexed).toEqual([]);
    study.close();
  });

  it('drops the quotes text_hash index and keeps the quotes written before it', () => {
    const path = join(tmp(), 's.grounded');
    const before = openStudyDb(path, { create: true, migrationsFolder: migrationsUpTo(2) });
    const indexes = (s: Database.Database) =>
      (s.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'quotes'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes(before.sqlite)).toContain('quotes_text_hash');
    before.sqlite.exec(`
      insert into transcripts (file_name, source_path, format, content_hash) values ('a.txt', '/a.txt', 'text', 'h1');
      insert into turns (transcript_id, idx, speaker, text) values (1, 0, 'Alex', 'I reconcile my receipts every Sunday evening');
      insert into participants (key, name) values ('alex', 'Alex');
      insert into quotes (transcript_id, turn_id, participant_id, text, text_hash, start_offset, end_offset)
        values (1, 1, 1, 'I reconcile my receipts every Sunday evening', 'hash-1', 0, 44);`);
    before.close();
    const after = openStudyDb(path, { create: false });
    expect(indexes(after.sqlite)).not.toContain('quotes_text_hash');
    expect(after.sqlite.prepare("select count(*) as c from quotes where text_hash = 'hash-1'").get()).toEqual({ c: 1 });
    after.close();
  });
});

describe('0004_theme_description', () => {
  it('gives themes written before it an empty description and stores one after', () => {
    const path = join(tmp(), 's.grounded');
    const upTo = journal.entries.findIndex((e) => e.tag === '0004_theme_description');
    const before = openStudyDb(path, { create: true, migrationsFolder: migrationsUpTo(upTo) });
    before.sqlite.exec(`
      insert into synthesis_runs (model_id, model_hash, seed, params, chosen_k, scores) values ('m', 'h', 1, '{}', 2, '{}');
      insert into themes (run_id, idx, label, keywords) values (1, 0, 'invoice · receipt', '["invoice"]');`);
    before.close();
    const after = openStudyDb(path, { create: false, migrationsFolder: migrationsUpTo(upTo + 1) });
    expect(after.sqlite.prepare('select label, description from themes').all()).toEqual([{ label: 'invoice · receipt', description: '' }]);
    after.sqlite.prepare("insert into themes (run_id, idx, label, description, keywords) values (1, 1, 'Release notes', 'We read every release note.', '[]')").run();
    expect(after.sqlite.prepare('select description from themes where idx = 1').get()).toEqual({ description: 'We read every release note.' });
    after.close();
  });
});

describe('0005_curation', () => {
  it('gives themes written before it hidden and curated false, and adds the history table kept in the file', () => {
    const path = join(tmp(), 's.grounded');
    const upTo = journal.entries.findIndex((e) => e.tag === '0005_curation');
    const before = openStudyDb(path, { create: true, migrationsFolder: migrationsUpTo(upTo) });
    before.sqlite.exec(`
      insert into synthesis_runs (model_id, model_hash, seed, params, chosen_k, scores) values ('m', 'h', 1, '{}', 2, '{}');
      insert into themes (run_id, idx, label, keywords) values (1, 0, 'Grant funding', '["grant"]');`);
    expect(before.sqlite.prepare("select count(*) as c from sqlite_master where name = 'history'").get()).toEqual({ c: 0 });
    before.close();
    const after = openStudyDb(path, { create: false, migrationsFolder: migrationsUpTo(upTo + 1) });
    expect(after.sqlite.prepare('select label, hidden, curated from themes').all()).toEqual([{ label: 'Grant funding', hidden: 0, curated: 0 }]);
    after.sqlite.prepare("update themes set hidden = 1, curated = 1 where idx = 0").run();
    after.sqlite.prepare("insert into history (label, before, after) values ('Rename theme', '[]', '[]')").run();
    after.close();
    const reopened = openStudyDb(path, { create: false });
    expect(reopened.sqlite.prepare('select hidden, curated from themes').get()).toEqual({ hidden: 1, curated: 1 });
    const row = reopened.sqlite.prepare('select label, undone, created_at as createdAt from history').get() as { label: string; undone: number; createdAt: string };
    expect(row).toMatchObject({ label: 'Rename theme', undone: 0 });
    expect(row.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    reopened.close();
  });
});
