// The researcher's edits to themes: rename, merge, split, move quotes, hide. Each runs in one
// transaction and is recorded for undo (./history). Only the latest run's themes can be edited.
import type { Theme } from '../../../../shared/domain';
import { IpcFailure } from '../../../../shared/ipc/contract';
import type { Db } from '../open';
import { recordEdit, type Scope } from './history';
import { latestRun, listThemes } from './synthesis';

interface ThemeRow {
  id: number;
  run_id: number;
  idx: number;
  label: string;
  description: string;
  keywords: string;
  outlier: number;
  hidden: number;
  curated: number;
}

const quoted = (label: string) => `“${label}”`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function runId(db: Db): number {
  const run = latestRun(db);
  if (!run) throw new IpcFailure('not_found', 'This study has no themes yet: run a synthesis first');
  return run.id;
}

/** A theme of the latest run, or not_found naming the id. */
function themeRow(db: Db, id: number): ThemeRow {
  const row = db.$client.prepare('select * from themes where id = ? and run_id = ?').get(id, runId(db)) as ThemeRow | undefined;
  if (!row) throw new IpcFailure('not_found', `No theme with id ${id}`);
  return row;
}

function theme(db: Db, id: number): Theme {
  const t = listThemes(db).find((x) => x.id === id);
  if (!t) throw new IpcFailure('not_found', `No theme with id ${id}`);
  return t;
}

/** Quote ids of a theme, best first. */
function members(db: Db, themeId: number): number[] {
  return (db.$client.prepare('select quote_id as id from theme_quotes where theme_id = ? order by rank, quote_id').all(themeId) as { id: number }[]).map(
    (r) => r.id,
  );
}

const ids = (list: readonly number[]) => JSON.stringify(list);
const themesOfRun = (run: number): Scope => ({ table: 'themes', where: 'run_id = ?', params: [run] });
const linksOf = (themeIds: readonly number[]): Scope => ({ table: 'theme_quotes', where: 'theme_id in (select value from json_each(?))', params: [ids(themeIds)] });
const personasOfRun = (run: number): Scope => ({ table: 'personas', where: 'run_id = ?', params: [run] });

export function renameTheme(db: Db, id: number, label: string): Theme {
  const row = themeRow(db, id);
  const name = label.trim();
  return recordEdit(
    db,
    [{ table: 'themes', where: 'id = ?', params: [id] }],
    () => `Rename theme ${quoted(row.label)} to ${quoted(name)}`,
    () => {
      if (name !== row.label) db.$client.prepare('update themes set label = ?, curated = 1 where id = ?').run(name, id);
      return theme(db, id);
    },
  );
}

export function setThemeHidden(db: Db, id: number, hidden: boolean): Theme {
  const row = themeRow(db, id);
  return recordEdit(
    db,
    [{ table: 'themes', where: 'id = ?', params: [id] }],
    () => `${hidden ? 'Hide' : 'Show'} theme ${quoted(row.label)}`,
    () => {
      db.$client.prepare('update themes set hidden = ? where id = ?').run(hidden ? 1 : 0, id);
      return theme(db, id);
    },
  );
}

/**
 * Merges the themes into the first: its quotes keep their order, the others' follow (each quote
 * once), the others are deleted, and personas pointing at them point at the merged theme.
 */
export function mergeThemes(db: Db, themeIds: readonly number[], label?: string): Theme {
  const list = [...new Set(themeIds)];
  if (list.length < 2) throw new IpcFailure('invalid_input', 'A merge needs at least two different themes');
  const rows = list.map((id) => themeRow(db, id));
  const [into, ...others] = rows as [ThemeRow, ...ThemeRow[]];
  const run = into.run_id;
  const name = label?.trim() || into.label;
  return recordEdit(
    db,
    [themesOfRun(run), linksOf(list), personasOfRun(run)],
    () => `Merge ${plural(rows.length, 'theme')} into ${quoted(name)}`,
    () => {
      const sqlite = db.$client;
      const have = new Set(members(db, into.id));
      let rank = (sqlite.prepare('select coalesce(max(rank), -1) as r from theme_quotes where theme_id = ?').get(into.id) as { r: number }).r;
      const add = sqlite.prepare('insert into theme_quotes (theme_id, quote_id, rank, similarity) values (?, ?, ?, null)');
      for (const other of others) {
        for (const q of members(db, other.id)) {
          if (have.has(q)) continue;
          have.add(q);
          add.run(into.id, q, ++rank);
        }
      }
      const keywords = [...new Set(rows.flatMap((r) => JSON.parse(r.keywords) as string[]))].slice(0, 10);
      sqlite.prepare('update themes set label = ?, keywords = ?, curated = 1 where id = ?').run(name, JSON.stringify(keywords), into.id);
      const gone = new Set(others.map((o) => o.id));
      sqlite.prepare('delete from themes where id in (select value from json_each(?))').run(ids([...gone]));
      const personas = sqlite.prepare('select id, theme_ids as themeIds from personas where run_id = ?').all(run) as { id: number; themeIds: string }[];
      const save = sqlite.prepare('update personas set theme_ids = ? where id = ?');
      for (const p of personas) {
        const before = JSON.parse(p.themeIds) as number[];
        if (!before.some((t) => gone.has(t))) continue;
        save.run(JSON.stringify([...new Set(before.map((t) => (gone.has(t) ? into.id : t)))]), p.id);
      }
      return theme(db, into.id);
    },
  );
}

/** Checks that every quote is in the theme; returns them in the theme's order. */
function picked(db: Db, themeId: number, label: string, quoteIds: readonly number[]): number[] {
  const inTheme = members(db, themeId);
  const set = new Set(inTheme);
  const missing = quoteIds.filter((q) => !set.has(q));
  if (missing.length) throw new IpcFailure('invalid_input', `Quote ${missing[0]} is not in theme ${quoted(label)}`);
  const want = new Set(quoteIds);
  return inTheme.filter((q) => want.has(q));
}

/** Moves the picked quotes out of a theme into a new theme of the same run, placed last. */
export function splitTheme(db: Db, id: number, quoteIds: readonly number[], label: string): { from: Theme; created: Theme } {
  const row = themeRow(db, id);
  const moving = picked(db, id, row.label, quoteIds);
  if (moving.length === members(db, id).length) {
    throw new IpcFailure('invalid_input', `A split must leave at least one quote in ${quoted(row.label)} (to rename it, use Rename)`);
  }
  const name = label.trim();
  return recordEdit(
    db,
    [themesOfRun(row.run_id), { table: 'theme_quotes', where: 'quote_id in (select value from json_each(?))', params: [ids(moving)] }],
    () => `Split ${plural(moving.length, 'quote')} from ${quoted(row.label)} into ${quoted(name)}`,
    () => {
      const sqlite = db.$client;
      const idx = (sqlite.prepare('select coalesce(max(idx), -1) + 1 as i from themes where run_id = ?').get(row.run_id) as { i: number }).i;
      const texts = (sqlite.prepare('select lower(text) as t from quotes where id in (select value from json_each(?))').all(ids(moving)) as { t: string }[]).map(
        (r) => r.t,
      );
      // The source's key words that the moved quotes use; the description is left to the researcher.
      const keywords = (JSON.parse(row.keywords) as string[]).filter((k) => texts.some((t) => t.includes(k.toLowerCase())));
      const created = Number(
        sqlite
          .prepare("insert into themes (run_id, idx, label, description, keywords, outlier, hidden, curated) values (?, ?, ?, '', ?, 0, 0, 1)")
          .run(row.run_id, idx, name, JSON.stringify(keywords)).lastInsertRowid,
      );
      relink(db, id, created, moving);
      return { from: theme(db, id), created: theme(db, created) };
    },
  );
}

/** Moves quotes from one theme to the end of another (similarity unknown: the researcher placed them). */
export function moveQuotes(db: Db, fromId: number, toId: number, quoteIds: readonly number[]): Theme[] {
  if (fromId === toId) throw new IpcFailure('invalid_input', 'The quotes are in that theme already');
  const from = themeRow(db, fromId);
  const to = themeRow(db, toId);
  const moving = picked(db, fromId, from.label, quoteIds);
  return recordEdit(
    db,
    [
      { table: 'themes', where: 'id in (?, ?)', params: [fromId, toId] },
      { table: 'theme_quotes', where: 'quote_id in (select value from json_each(?))', params: [ids(moving)] },
    ],
    () => `Move ${plural(moving.length, 'quote')} from ${quoted(from.label)} to ${quoted(to.label)}`,
    () => {
      relink(db, fromId, toId, moving);
      return [theme(db, fromId), theme(db, toId)];
    },
  );
}

function relink(db: Db, fromId: number, toId: number, quoteIds: readonly number[]): void {
  const sqlite = db.$client;
  let rank = (sqlite.prepare('select coalesce(max(rank), -1) as r from theme_quotes where theme_id = ?').get(toId) as { r: number }).r;
  const drop = sqlite.prepare('delete from theme_quotes where theme_id = ? and quote_id = ?');
  const add = sqlite.prepare('insert or ignore into theme_quotes (theme_id, quote_id, rank, similarity) values (?, ?, ?, null)');
  for (const q of quoteIds) {
    drop.run(fromId, q);
    add.run(toId, q, ++rank);
  }
  sqlite.prepare('update themes set curated = 1 where id in (?, ?)').run(fromId, toId);
}
