// Undo and redo of curation edits, kept in the study file (table `history`). An edit declares the
// rows it may touch (scopes); the rows are read before and after it runs, in its transaction, and
// only the rows that changed are stored: undo writes them back as they were, redo as they became.
// Row snapshots rather than inverse operations, because an edit's side effects (a highlight
// re-deriving quotes, repointing evidence, carrying a facet correction) are restored exactly
// without knowing each one, and quote ids come back as they were, so whatever cites them holds.
import type { HistoryState } from '../../../../shared/domain';
import { transaction, type Db } from '../open';

/** The tables an edit can change, parents before children (the order rows are written back in). */
const TRACKED = ['highlights', 'quotes', 'themes', 'theme_quotes', 'quote_points', 'quote_facets', 'personas'] as const;
export type TrackedTable = (typeof TRACKED)[number];

const KEYS: Record<TrackedTable, readonly string[]> = {
  highlights: ['id'],
  quotes: ['id'],
  themes: ['id'],
  theme_quotes: ['theme_id', 'quote_id'],
  quote_points: ['run_id', 'quote_id'],
  quote_facets: ['text_hash'],
  personas: ['id'],
};

/** Rows of one table an edit may touch: `where` is an SQL condition on it, read before and after the edit. */
export interface Scope {
  table: TrackedTable;
  where: string;
  params?: unknown[];
}

type Row = Record<string, unknown>;
/** Rows to write back, and keys of rows to delete, by table. */
type State = Partial<Record<TrackedTable, { put: Row[]; del: unknown[][] }>>;

/** Entries kept; older ones are dropped (an undo stack, not an audit log). */
const MAX_ENTRIES = 200;

const keyOf = (table: TrackedTable, row: Row) => KEYS[table].map((k) => row[k]);

function readScope(db: Db, s: Scope): Row[] {
  return db.$client.prepare(`select * from ${s.table} where ${s.where}`).all(...(s.params ?? [])) as Row[];
}

function readAll(db: Db, scopes: readonly Scope[]): Map<TrackedTable, Map<string, Row>> {
  const out = new Map<TrackedTable, Map<string, Row>>();
  for (const s of scopes) {
    const rows = out.get(s.table) ?? out.set(s.table, new Map()).get(s.table)!;
    for (const row of readScope(db, s)) rows.set(JSON.stringify(keyOf(s.table, row)), row);
  }
  return out;
}

/**
 * Runs `edit` in one transaction and records it as an undoable entry labelled `label` (given the
 * edit's result), when it changed anything: the redo stack is cleared, as after any new edit.
 * `scopes` must cover every row the edit writes; they are evaluated before and after it.
 */
export function recordEdit<T>(db: Db, scopes: readonly Scope[] | (() => readonly Scope[]), label: (result: T) => string, edit: () => T): T {
  return transaction(db, () => {
    const list = typeof scopes === 'function' ? scopes() : scopes;
    const before = readAll(db, list);
    const result = edit();
    const after = readAll(db, list);
    const undo: State = {};
    const redo: State = {};
    let changed = false;
    for (const table of TRACKED) {
      const b = before.get(table) ?? new Map<string, Row>();
      const a = after.get(table) ?? new Map<string, Row>();
      for (const key of new Set([...b.keys(), ...a.keys()])) {
        const was = b.get(key);
        const now = a.get(key);
        if (was && now && same(was, now)) continue;
        changed = true;
        const k = JSON.parse(key) as unknown[];
        write(undo, table, was, k);
        write(redo, table, now, k);
      }
    }
    if (changed) {
      const sqlite = db.$client;
      sqlite.prepare('delete from history where undone = 1').run();
      sqlite.prepare('insert into history (label, before, after) values (?, ?, ?)').run(label(result), JSON.stringify(undo), JSON.stringify(redo));
      sqlite.prepare('delete from history where id <= (select max(id) from history) - ?').run(MAX_ENTRIES);
    }
    return result;
  });
}

/** Rows alike but for when they were saved: a save that changed nothing is no edit to undo. */
function same(a: Row, b: Row): boolean {
  const { updated_at: _a, ...x } = a;
  const { updated_at: _b, ...y } = b;
  return JSON.stringify(x) === JSON.stringify(y);
}

function write(state: State, table: TrackedTable, row: Row | undefined, key: unknown[]): void {
  const t = state[table] ?? (state[table] = { put: [], del: [] });
  if (row) t.put.push(row);
  else t.del.push(key);
}

export function historyState(db: Db): HistoryState {
  const undo = db.$client.prepare('select label from history where undone = 0 order by id desc limit 1').get() as { label: string } | undefined;
  const redo = db.$client.prepare('select label from history where undone = 1 order by id asc limit 1').get() as { label: string } | undefined;
  return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
}

/**
 * Called in the step's transaction with the transcripts whose quotes it wrote back, to square them
 * with what changed since outside the history (a speaker's role): see curation/edits.ts.
 */
export type Reconcile = (transcriptIds: number[]) => void;

/** Takes back the latest edit not undone yet (nothing to undo: no change); returns the new state. */
export function undo(db: Db, reconcile?: Reconcile): HistoryState {
  return step(db, 'select id, before as state from history where undone = 0 order by id desc limit 1', 1, reconcile);
}

/** Does again the edit undone last; returns the new state. */
export function redo(db: Db, reconcile?: Reconcile): HistoryState {
  return step(db, 'select id, after as state from history where undone = 1 order by id asc limit 1', 0, reconcile);
}

function step(db: Db, pick: string, undone: 0 | 1, reconcile?: Reconcile): HistoryState {
  transaction(db, () => {
    const entry = db.$client.prepare(pick).get() as { id: number; state: string } | undefined;
    if (!entry) return;
    const state = JSON.parse(entry.state) as State;
    applyState(db, state);
    const transcripts = new Set((state.quotes?.put ?? []).map((q) => q.transcript_id as number));
    if (transcripts.size && reconcile) reconcile([...transcripts]);
    db.$client.prepare('update history set undone = ? where id = ?').run(undone, entry.id);
  });
  return historyState(db);
}

/** Forgets every entry: a new synthesis run replaced what they refer to. */
export function clearHistory(db: Db): void {
  db.$client.prepare('delete from history').run();
}

/**
 * Writes a state back: rows upserted parents first (an upsert, never a replace, which would
 * cascade-delete children), then deletions children first. What no longer fits the study (a
 * quote whose transcript was deleted since, a theme of a run replaced since) is left out rather
 * than failing the whole step, and a persona's evidence is pruned to quotes that exist.
 */
function applyState(db: Db, state: State): void {
  const sqlite = db.$client;
  for (const table of TRACKED) {
    for (const row of state[table]?.put ?? []) {
      const values = table === 'personas' ? withExistingReferences(db, row) : row;
      const cols = Object.keys(values);
      const keys = KEYS[table];
      const sets = cols.filter((c) => !keys.includes(c)).map((c) => `"${c}" = excluded."${c}"`);
      const sql = `insert into ${table} (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map(() => '?').join(', ')})
        on conflict (${keys.map((k) => `"${k}"`).join(', ')}) do ${sets.length ? `update set ${sets.join(', ')}` : 'nothing'}`;
      try {
        sqlite.prepare(sql).run(...cols.map((c) => values[c]));
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw err;
      }
    }
  }
  for (const table of [...TRACKED].reverse()) {
    const keys = KEYS[table];
    const del = sqlite.prepare(`delete from ${table} where ${keys.map((k) => `"${k}" = ?`).join(' and ')}`);
    for (const key of state[table]?.del ?? []) del.run(...key);
  }
}

interface StoredBullet {
  evidence: number[];
  lostEvidence?: number;
}

/** A persona row as stored, its references cut to what exists now (see evidence.ts for the marking). */
function withExistingReferences(db: Db, row: Row): Row {
  const sqlite = db.$client;
  const exists = (table: string, id: unknown) => sqlite.prepare(`select 1 from ${table} where id = ?`).get(id) !== undefined;
  const sections = JSON.parse(row.sections as string) as Record<string, StoredBullet[]>;
  let pruned = false;
  for (const bullets of Object.values(sections)) {
    for (const b of bullets) {
      const kept = b.evidence.filter((id) => exists('quotes', id));
      if (kept.length < b.evidence.length) {
        b.lostEvidence = (b.lostEvidence ?? 0) + b.evidence.length - kept.length;
        b.evidence = kept;
        pruned = true;
      }
    }
  }
  const themeIds = JSON.parse(row.theme_ids as string) as number[];
  const existing = themeIds.filter((id) => exists('themes', id));
  return {
    ...row,
    // Rewritten only when something was cut, so a restored row is byte for byte the stored one.
    ...(pruned && { sections: JSON.stringify(sections) }),
    ...(existing.length < themeIds.length && { theme_ids: JSON.stringify(existing) }),
    defining_quote_id: row.defining_quote_id !== null && exists('quotes', row.defining_quote_id) ? row.defining_quote_id : null,
  };
}
