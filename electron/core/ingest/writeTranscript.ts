import type { EvidenceLoss, SpeakerRole } from '../../../shared/domain';
import type { Db } from '../db/open';
import { linkedParticipants, upsertFileParticipant, upsertParticipant } from '../db/queries/participants';
import { isGenericLabel } from '../importers/speakerKinds';
import { insertQuotes, type QuotePassage } from '../db/queries/quotes';
import { highlightsOfTranscript } from '../db/queries/highlights';
import { setSpeakers, transcriptTurns } from '../db/queries/transcripts';
import { extractQuotes } from '../quotes/extract';
import { cleanQuoteText } from '../quotes/noise';
import { proposeRoles, textHash } from './roles';
import { syncTranscriptQuotes } from './syncQuotes';

export { proposeRoles, roleOf, textHash } from './roles';

/** Proposes roles from the interviewer and applies them (an import, or "this is the interviewer"). */
export function assignSpeakersAndQuotes(db: Db, transcriptId: number, interviewer: string | null): void {
  applyRoles(db, transcriptId, proposeRoles(transcriptTurns(db, transcriptId), interviewer));
}

/**
 * Records each speaker's role and links participants. A speaker proposed as a participant keeps
 * the person it is linked to already (a role changed back and forth); else a named label ("Naomi",
 * "BSR02") joins the participant of the same name from another round, and a generic label
 * ("User", "Speaker 1") is a person of this transcript only, unless the researcher said it is the
 * same person in every file (`sameAcrossFiles`). Returns participant ids by speaker label.
 */
export function linkSpeakers(
  db: Db,
  transcriptId: number,
  names: string[],
  roles: ReadonlyMap<string, SpeakerRole>,
  sameAcrossFiles: readonly string[] = [],
): Map<string, number> {
  const participantIds = new Map<string, number>();
  const linked = linkedParticipants(db, transcriptId);
  const personOf = (name: string): number =>
    linked.get(name) ??
    (isGenericLabel(name) && !sameAcrossFiles.includes(name) ? upsertFileParticipant(db, transcriptId, name) : upsertParticipant(db, name));
  setSpeakers(
    db,
    transcriptId,
    names.map((name) => {
      const role = roles.get(name) ?? 'participant';
      const participantId = role === 'participant' ? personOf(name) : null;
      if (participantId !== null) participantIds.set(name, participantId);
      return { name, role, participantId };
    }),
  );
  return participantIds;
}

export type QuoteRow = QuotePassage;

export function insertQuoteRows(db: Db, transcriptId: number, rows: QuoteRow[]): void {
  insertQuotes(
    db,
    rows.map((r) => ({
      transcriptId,
      turnId: r.turnId,
      participantId: r.participantId,
      text: r.text,
      textHash: r.textHash,
      startOffset: r.start,
      endOffset: r.end,
      highlightId: r.highlightId,
    })),
  );
}

/**
 * Records each speaker's role, links participants, and (re)derives the transcript's quotes: the
 * automatic passages of participants' turns, except where a researcher's highlight overlaps them,
 * plus one quote per highlight. Quotes that still stand for the same passage keep their ids, so
 * themes and personas keep their evidence; returns the claims that lost quotes that are gone.
 * Callers run it inside the transaction of the unit of work.
 */
export function applyRoles(db: Db, transcriptId: number, roles: ReadonlyMap<string, SpeakerRole>): EvidenceLoss {
  const turns = transcriptTurns(db, transcriptId);
  const participantIds = linkSpeakers(db, transcriptId, [...new Set(turns.map((t) => t.speaker))], roles);
  const marks = highlightsOfTranscript(db, transcriptId);
  const turnIndex = new Map(turns.map((t, i) => [t.id, i]));
  const overlapsHighlight = (turnId: number, start: number, end: number) =>
    marks.some((h) => h.turnId === turnId && h.startOffset < end && start < h.endOffset);
  const rows: QuoteRow[] = [];
  for (const q of extractQuotes(turns, (speaker) => participantIds.has(speaker))) {
    const turn = turns[q.turnIndex]!;
    if (overlapsHighlight(turn.id, q.start, q.end)) continue;
    rows.push({ turnId: turn.id, participantId: participantIds.get(turn.speaker)!, text: q.text, textHash: textHash(q.text), start: q.start, end: q.end, highlightId: null });
  }
  for (const h of marks) {
    const turn = turns[turnIndex.get(h.turnId) ?? -1];
    const text = cleanQuoteText(h.text);
    if (turn && participantIds.has(turn.speaker) && text) {
      rows.push({ turnId: turn.id, participantId: participantIds.get(turn.speaker)!, text, textHash: textHash(text), start: h.startOffset, end: h.endOffset, highlightId: h.id });
    }
  }
  const participantByTurn = new Map(turns.flatMap((t) => (participantIds.has(t.speaker) ? [[t.id, participantIds.get(t.speaker)!] as const] : [])));
  return syncTranscriptQuotes(db, transcriptId, rows, participantByTurn);
}
