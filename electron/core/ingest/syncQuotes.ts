// Writes a transcript's re-derived quotes over the ones it had, keeping every id that still
// stands for the same passage (see quoteIdentity), so themes, personas, the map and facet
// corrections keep their evidence. Runs inside the caller's transaction.
import type { EvidenceLoss } from '../../../shared/domain';
import type { Db } from '../db/open';
import { remapQuoteReferences } from '../db/queries/evidence';
import { carryFacetCorrections } from '../db/queries/facets';
import { deleteQuotes, insertQuotes, passagesOfTranscript, updatePassages, type QuotePassage, type StoredPassage } from '../db/queries/quotes';
import { planQuoteIdentity } from './quoteIdentity';

/** A passage derived from a turn, not stored yet. */
export type DerivedQuote = QuotePassage;

const same = (a: StoredPassage, b: StoredPassage) =>
  a.turnId === b.turnId &&
  a.participantId === b.participantId &&
  a.textHash === b.textHash &&
  a.text === b.text &&
  a.start === b.start &&
  a.end === b.end &&
  a.highlightId === b.highlightId;

/**
 * Replaces the transcript's quotes with `derived`; returns the claims that lost evidence.
 * `participantByTurn` holds the turns a participant speaks, with who. An automatic quote stands
 * until its own turn changes (a highlight drawn or removed on it, its speaker's role): a newer
 * extractor, or a highlight elsewhere in the transcript, never rewrites quotes personas cite.
 */
export function syncTranscriptQuotes(
  db: Db,
  transcriptId: number,
  derived: DerivedQuote[],
  participantByTurn: ReadonlyMap<number, number>,
): EvidenceLoss {
  const old = passagesOfTranscript(db, transcriptId);
  const storedTurns = new Set(old.map((o) => o.turnId));
  const highlighted = new Set([...old, ...derived].filter((q) => q.highlightId !== null).map((q) => q.turnId));
  const settled = (turnId: number) => storedTurns.has(turnId) && participantByTurn.has(turnId) && !highlighted.has(turnId);
  const rows: DerivedQuote[] = [
    ...derived.filter((r) => !settled(r.turnId)),
    ...old
      .filter((o) => settled(o.turnId))
      .map((o) => ({ turnId: o.turnId, participantId: participantByTurn.get(o.turnId)!, text: o.text, textHash: o.textHash, start: o.start, end: o.end, highlightId: null })),
  ];
  const plan = planQuoteIdentity(old, rows);
  const oldById = new Map(old.map((o) => [o.id, o]));
  const updates = plan.kept.map(({ id, row }) => ({ id, ...row })).filter((r) => !same(r, oldById.get(r.id)!));
  updatePassages(db, updates);
  insertQuotes(
    db,
    plan.added.map((r) => ({ transcriptId, turnId: r.turnId, participantId: r.participantId, text: r.text, textHash: r.textHash, startOffset: r.start, endOffset: r.end, highlightId: r.highlightId })),
  );
  const hashOf = new Map([...plan.kept.map(({ id, row }) => [id, row.textHash] as const)]);
  carryFacetCorrections(db, [
    ...updates.map((r) => ({ from: oldById.get(r.id)!.textHash, to: r.textHash })),
    ...[...plan.merged].map(([from, into]) => ({ from: oldById.get(from)!.textHash, to: hashOf.get(into)! })),
  ]);
  const mapping = new Map<number, number | null>([...plan.merged, ...plan.gone.map((id) => [id, null] as const)]);
  const loss = remapQuoteReferences(db, mapping);
  deleteQuotes(db, [...mapping.keys()]);
  return loss;
}
