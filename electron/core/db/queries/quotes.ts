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

export function deleteQuotesOfTranscript(db: Db, transcriptId: number): void {
  db.delete(quotes).where(eq(quotes.transcriptId, transcriptId)).run();
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
