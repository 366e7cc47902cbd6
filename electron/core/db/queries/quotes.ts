import { eq, inArray, sql } from 'drizzle-orm';
import type { Quote } from '../../../../shared/domain';
import type { Db } from '../open';
import { participants, quotes } from '../schema';
import { statements } from './statements';

export interface NewQuote {
  transcriptId: number;
  turnId: number;
  participantId: number;
  text: string;
  textHash: string;
  startOffset: number;
  endOffset: number;
  highlightId?: number | null;
}

export function insertQuotes(db: Db, rows: NewQuote[]): void {
  const { insertQuote } = statements(db);
  for (const r of rows) insertQuote.run(r.transcriptId, r.turnId, r.participantId, r.text, r.textHash, r.startOffset, r.endOffset, r.highlightId ?? null);
}

/** A quote's passage as written: where it is, whose it is and its text. */
export interface QuotePassage {
  turnId: number;
  participantId: number;
  text: string;
  textHash: string;
  start: number;
  end: number;
  highlightId: number | null;
}

/** A stored quote's passage, with its id. */
export type StoredPassage = QuotePassage & { id: number };

/** A transcript's quotes as passages, to match re-derived ones against (see ingest/quoteIdentity). */
export function passagesOfTranscript(db: Db, transcriptId: number): StoredPassage[] {
  return db.$client
    .prepare(
      `select id, turn_id as turnId, participant_id as participantId, text, text_hash as textHash,
              start_offset as start, end_offset as end, highlight_id as highlightId
         from quotes where transcript_id = ? order by id`,
    )
    .all(transcriptId) as StoredPassage[];
}

/** Rewrites quotes in place: the id, and so everything that cites it, stays. */
export function updatePassages(db: Db, rows: StoredPassage[]): void {
  if (rows.length === 0) return;
  const update = db.$client.prepare(
    `update quotes set turn_id = ?, participant_id = ?, text = ?, text_hash = ?, start_offset = ?, end_offset = ?, highlight_id = ?
      where id = ?`,
  );
  for (const r of rows) update.run(r.turnId, r.participantId, r.text, r.textHash, r.start, r.end, r.highlightId, r.id);
}

export function deleteQuotes(db: Db, ids: readonly number[]): void {
  if (ids.length) db.$client.prepare('delete from quotes where id in (select value from json_each(?))').run(JSON.stringify(ids));
}

const quoteColumns = {
  id: quotes.id,
  text: quotes.text,
  // The turn just before the quote's own, when the interviewer spoke it and asked something.
  question: sql<string | null>`(select p.text from "turns" p join "turns" own on own.id = "quotes"."turn_id"
      join "speakers" sp on sp.transcript_id = p.transcript_id and sp.name = p.speaker and sp.role = 'interviewer'
     where p.transcript_id = own.transcript_id and p.idx = own.idx - 1 and p.text like '%?%')`,
  participantId: quotes.participantId,
  participantName: participants.name,
  transcriptId: quotes.transcriptId,
  turnId: quotes.turnId,
};

export function listQuotes(db: Db, filter: { ids?: number[]; participantId?: number } = {}): Quote[] {
  const base = db.select(quoteColumns).from(quotes).innerJoin(participants, eq(participants.id, quotes.participantId));
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    const rows = base.where(inArray(quotes.id, filter.ids)).all();
    const order = new Map(filter.ids.map((id, i) => [id, i]));
    return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }
  if (filter.participantId !== undefined) return base.where(eq(quotes.participantId, filter.participantId)).orderBy(quotes.id).all();
  return base.orderBy(quotes.id).all();
}

export interface SynthesisQuote {
  id: number;
  participantId: number;
  text: string;
  textHash: string;
}

export function quotesForSynthesis(db: Db): SynthesisQuote[] {
  return db
    .select({ id: quotes.id, participantId: quotes.participantId, text: quotes.text, textHash: quotes.textHash })
    .from(quotes)
    .orderBy(quotes.id)
    .all();
}

export function quoteCount(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(quotes).get()?.n ?? 0;
}
