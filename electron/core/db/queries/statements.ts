import type Database from 'better-sqlite3';
import type { Db } from '../open';

/**
 * Prepared statements for the hot insert paths of an import (thousands of turns and quotes per
 * batch), compiled once per connection: building each row's SQL through the query builder cost
 * more than SQLite's own work.
 */
function prepareAll(sqlite: Database.Database) {
  return {
    // All of a transcript's turns in one statement: the turns_fts trigger then indexes them in
    // one pass. Row by row, each statement's savepoint made FTS5 flush a segment per turn (3 MB/s).
    insertTurns: sqlite.prepare<[number, string]>(
      `insert into turns (transcript_id, idx, speaker, text, start_ms)
       select ?, key, value ->> 0, value ->> 1, value ->> 2 from json_each(?)
       returning id, idx`,
    ),
    transcriptByHash: sqlite.prepare<[string]>('select id, file_name as fileName from transcripts where content_hash = ?'),
    insertTranscript: sqlite.prepare<[string, string, string, string, string | null, string | null]>(
      'insert into transcripts (file_name, source_path, format, content_hash, interview_date, detected) values (?, ?, ?, ?, ?, ?) returning id',
    ),
    deleteSpeakers: sqlite.prepare<[number]>('delete from speakers where transcript_id = ?'),
    insertSpeaker: sqlite.prepare<[number, string, string, number | null]>(
      'insert into speakers (transcript_id, name, role, participant_id) values (?, ?, ?, ?)',
    ),
    participantByAlias: sqlite.prepare<[string]>('select participant_id as id from participant_aliases where key = ?'),
    participantByKey: sqlite.prepare<[string]>('select id from participants where key = ?'),
    insertParticipant: sqlite.prepare<[string, string]>('insert into participants (key, name) values (?, ?) returning id'),
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
