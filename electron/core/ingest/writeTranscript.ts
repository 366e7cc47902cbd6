import { createHash } from 'node:crypto';
import type { SpeakerRole } from '../../../shared/domain';
import type { Db } from '../db/open';
import { upsertParticipant } from '../db/queries/participants';
import { deleteQuotesOfTranscript, insertQuotes } from '../db/queries/quotes';
import { setSpeakers, transcriptTurns } from '../db/queries/transcripts';
import { extractQuotes } from '../quotes/extract';

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

/**
 * Assigns roles to a transcript's speakers and (re)derives its quotes. Callers run it inside the
 * transaction of the unit of work (an import, an interviewer change).
 */
export function assignSpeakersAndQuotes(db: Db, transcriptId: number, interviewer: string | null): void {
  const turns = transcriptTurns(db, transcriptId);
  const stats = speakerStats(turns);
  const totalWords = [...stats.values()].reduce((n, s) => n + s.words, 0);
  const participantIds = new Map<string, number>();
  setSpeakers(
    db,
    transcriptId,
    [...stats.keys()].map((name) => {
      const role = roleOf(name, interviewer, { own: stats.get(name)!, totalTurns: turns.length, totalWords });
      const participantId = role === 'participant' ? upsertParticipant(db, name) : null;
      if (participantId !== null) participantIds.set(name, participantId);
      return { name, role, participantId };
    }),
  );
  deleteQuotesOfTranscript(db, transcriptId);
  const drafts = extractQuotes(turns, (speaker) => participantIds.has(speaker));
  insertQuotes(
    db,
    drafts.map((q) => {
      const turn = turns[q.turnIndex]!;
      return {
        transcriptId,
        turnId: turn.id,
        participantId: participantIds.get(turn.speaker)!,
        text: q.text,
        textHash: textHash(q.text),
        startOffset: q.start,
        endOffset: q.end,
      };
    }),
  );
}
