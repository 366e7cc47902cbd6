import type Database from 'better-sqlite3';
import type { Db } from '../open';

/**
 * Prepared statements for the hot insert paths of an import (thousands of turns and quotes per
 * batch), compiled once per connection: building each row's SQL through the query builder cost
 * more than SQLite's own work.
 */
function prepareAll(sqlite: Database.Database) {
  return {
    insertTurn: sqlite.prepare<[number, number, string, string, number | null]>(
      'insert into turns (transcript_id, idx, speaker, text, start_ms) values (?, ?, ?, ?, ?)',
    ),
    insertQuote: sqlite.prepare<[number, number, number, string, string, number, number, number | null]>(
      'insert into quotes (transcript_id, turn_id, participant_id, text, text_hash, start_offset, end_offset, highlight_id) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepareAll>>();

export function statements(db: Db): ReturnType<typeof prepareAll> {
  const sqlite = db.$client;
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepareAll(sqlite)));
  return s;
}
