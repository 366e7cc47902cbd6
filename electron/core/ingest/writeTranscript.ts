import { createHash } from 'node:crypto';
import type { SpeakerRole } from '../../../shared/domain';
import type { Db } from '../db/open';
import { upsertParticipant } from '../db/queries/participants';
import { deleteQuotesOfTranscript, insertQuotes } from '../db/queries/quotes';
import { highlightsOfTranscript } from '../db/queries/highlights';
import { setSpeakers, transcriptTurns } from '../db/queries/transcripts';
import { extractQuotes } from '../quotes/extract';
import { cleanQuoteText } from '../quotes/noise';

export function textHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').trim().replace(/\s+/g, ' ')).digest('hex');
}

/** Labels that name nobody in particular: never a participant. */
const NOBODY = /^(unknown|speaker\s*\?|unidentified|inaudible|\?+)$/i;

export interface SpeakerStats {
  turns: number;
  words: number;
}

/**
 * The proposed role of a speaker; the researcher can change it. Besides the interviewer and
 * anonymous labels, a minor voice in a long conversation (a captioner, a note-taker, a colleague
 * who drops in: at most 5 turns and under 5% of the words) is proposed as 'other', not as a
 * participant whose handful of asides would become a persona's evidence.
 */
export function roleOf(
  speaker: string,
  interviewer: string | null,
  stats?: { own: SpeakerStats; totalTurns: number; totalWords: number },
): SpeakerRole {
  if (interviewer !== null && speaker === interviewer) return 'interviewer';
  if (NOBODY.test(speaker.trim())) return 'other';
  if (stats && stats.totalTurns >= 20 && stats.own.turns <= 5 && stats.own.words < 0.05 * stats.totalWords) return 'other';
  return 'participant';
}

function speakerStats(turns: { speaker: string; text: string }[]): Map<string, SpeakerStats> {
  const stats = new Map<string, SpeakerStats>();
  for (const t of turns) {
    const s = stats.get(t.speaker) ?? { turns: 0, words: 0 };
    s.turns++;
    s.words += t.text.split(/\s+/).filter(Boolean).length;
    stats.set(t.speaker, s);
  }
  return stats;
}

/** The roles Grounded proposes for a transcript's speakers, given who the interviewer is. */
export function proposeRoles(turns: { speaker: string; text: string }[], interviewer: string | null): Map<string, SpeakerRole> {
  const stats = speakerStats(turns);
  const totalWords = [...stats.values()].reduce((n, s) => n + s.words, 0);
  return new Map(
    [...stats.keys()].map((name) => [name, roleOf(name, interviewer, { own: stats.get(name)!, totalTurns: turns.length, totalWords })]),
  );
}

/** Proposes roles from the interviewer and applies them (an import, or "this is the interviewer"). */
export function assignSpeakersAndQuotes(db: Db, transcriptId: number, interviewer: string | null): void {
  applyRoles(db, transcriptId, proposeRoles(transcriptTurns(db, transcriptId), interviewer));
}

/**
 * Records each speaker's role, links participants, and (re)derives the transcript's quotes: the
 * automatic passages of participants' turns, except where a researcher's highlight overlaps them,
 * plus one quote per highlight. Callers run it inside the transaction of the unit of work.
 */
export function applyRoles(db: Db, transcriptId: number, roles: ReadonlyMap<string, SpeakerRole>): void {
  const turns = transcriptTurns(db, transcriptId);
  const participantIds = new Map<string, number>();
  const names = [...new Set(turns.map((t) => t.speaker))];
  setSpeakers(
    db,
    transcriptId,
    names.map((name) => {
      const role = roles.get(name) ?? 'participant';
      const participantId = role === 'participant' ? upsertParticipant(db, name) : null;
      if (participantId !== null) participantIds.set(name, participantId);
      return { name, role, participantId };
    }),
  );
  deleteQuotesOfTranscript(db, transcriptId);
  const marks = highlightsOfTranscript(db, transcriptId);
  const turnIndex = new Map(turns.map((t, i) => [t.id, i]));
  const overlapsHighlight = (turnId: number, start: number, end: number) =>
    marks.some((h) => h.turnId === turnId && h.startOffset < end && start < h.endOffset);
  const drafts = extractQuotes(turns, (speaker) => participantIds.has(speaker)).filter(
    (q) => !overlapsHighlight(turns[q.turnIndex]!.id, q.start, q.end),
  );
  const rows = drafts.map((q) => {
    const turn = turns[q.turnIndex]!;
    return { turn, text: q.text, start: q.start, end: q.end, highlightId: null as number | null };
  });
  for (const h of marks) {
    const turn = turns[turnIndex.get(h.turnId) ?? -1];
    const text = cleanQuoteText(h.text);
    if (turn && participantIds.has(turn.speaker) && text) rows.push({ turn, text, start: h.startOffset, end: h.endOffset, highlightId: h.id });
  }
  insertQuotes(
    db,
    rows.map((r) => ({
      transcriptId,
      turnId: r.turn.id,
      participantId: participantIds.get(r.turn.speaker)!,
      text: r.text,
      textHash: textHash(r.text),
      startOffset: r.start,
      endOffset: r.end,
      highlightId: r.highlightId,
    })),
  );
}
