import { and, asc, eq } from 'drizzle-orm';
import type { Highlight } from '../../../../shared/domain';
import { IpcFailure } from '../../../../shared/ipc/contract';
import type { Db } from '../open';
import { highlights, quotes, turns } from '../schema';

export function highlightsOfTranscript(db: Db, transcriptId: number) {
  return db
    .select({ id: highlights.id, turnId: highlights.turnId, startOffset: highlights.startOffset, endOffset: highlights.endOffset, text: highlights.text, tags: highlights.tags })
    .from(highlights)
    .innerJoin(turns, eq(turns.id, highlights.turnId))
    .where(eq(turns.transcriptId, transcriptId))
    .orderBy(asc(turns.idx), asc(highlights.startOffset))
    .all();
}

export function listHighlights(db: Db, transcriptId: number): Highlight[] {
  const linked = new Map(
    db
      .select({ highlightId: quotes.highlightId, id: quotes.id })
      .from(quotes)
      .where(eq(quotes.transcriptId, transcriptId))
      .all()
      .filter((q) => q.highlightId !== null)
      .map((q) => [q.highlightId!, q.id]),
  );
  return highlightsOfTranscript(db, transcriptId).map((h) => ({
    id: h.id,
    turnId: h.turnId,
    transcriptId,
    start: h.startOffset,
    end: h.endOffset,
    text: h.text,
    tags: JSON.parse(h.tags) as string[],
    quoteId: linked.get(h.id) ?? null,
  }));
}

/** Stores a highlight on a turn; offsets must select text inside it. Returns its transcript. */
export function insertHighlight(db: Db, turnId: number, start: number, end: number, tags: string[]): { id: number; transcriptId: number } {
  const turn = db.select({ text: turns.text, transcriptId: turns.transcriptId }).from(turns).where(eq(turns.id, turnId)).get();
  if (!turn) throw new IpcFailure('not_found', `No turn with id ${turnId}`);
  if (!(start >= 0 && end > start && end <= turn.text.length)) {
    throw new IpcFailure('invalid_input', `A highlight must select text inside the turn (0..${turn.text.length})`);
  }
  const text = turn.text.slice(start, end);
  if (!text.trim()) throw new IpcFailure('invalid_input', 'A highlight must select some words');
  const id = db.insert(highlights).values({ turnId, startOffset: start, endOffset: end, text, tags: JSON.stringify(tags) }).returning({ id: highlights.id }).get().id;
  return { id, transcriptId: turn.transcriptId };
}

/**
 * Moves a highlight's edges or retags it (an edit, not a delete and re-create: its quote keeps
 * its id). Returns its transcript; the caller re-derives the quotes in the same transaction.
 */
export function updateHighlight(db: Db, id: number, patch: { start?: number; end?: number; tags?: string[] }): number {
  const row = db
    .select({ turnId: highlights.turnId, start: highlights.startOffset, end: highlights.endOffset, turnText: turns.text, transcriptId: turns.transcriptId })
    .from(highlights)
    .innerJoin(turns, eq(turns.id, highlights.turnId))
    .where(eq(highlights.id, id))
    .get();
  if (!row) throw new IpcFailure('not_found', `No highlight with id ${id}`);
  const start = patch.start ?? row.start;
  const end = patch.end ?? row.end;
  if (!(start >= 0 && end > start && end <= row.turnText.length)) {
    throw new IpcFailure('invalid_input', `A highlight must select text inside the turn (0..${row.turnText.length})`);
  }
  const text = row.turnText.slice(start, end);
  if (!text.trim()) throw new IpcFailure('invalid_input', 'A highlight must select some words');
  db.update(highlights)
    .set({ startOffset: start, endOffset: end, text, ...(patch.tags && { tags: JSON.stringify(patch.tags) }) })
    .where(eq(highlights.id, id))
    .run();
  return row.transcriptId;
}

export function deleteHighlight(db: Db, id: number): number {
  const row = db
    .select({ transcriptId: turns.transcriptId })
    .from(highlights)
    .innerJoin(turns, eq(turns.id, highlights.turnId))
    .where(eq(highlights.id, id))
    .get();
  if (!row) throw new IpcFailure('not_found', `No highlight with id ${id}`);
  db.delete(highlights).where(and(eq(highlights.id, id))).run();
  return row.transcriptId;
}
