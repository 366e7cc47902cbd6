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

export function roleOf(speaker: string, interviewer: string | null): SpeakerRole {
  if (interviewer !== null && speaker === interviewer) return 'interviewer';
  return NOBODY.test(speaker.trim()) ? 'other' : 'participant';
}

/**
 * Assigns roles to a transcript's speakers and (re)derives its quotes. Callers run it inside the
 * transaction of the unit of work (an import, an interviewer change).
 */
export function assignSpeakersAndQuotes(db: Db, transcriptId: number, interviewer: string | null): void {
  const turns = transcriptTurns(db, transcriptId);
  const names = [...new Set(turns.map((t) => t.speaker))];
  const participantIds = new Map<string, number>();
  setSpeakers(
    db,
    transcriptId,
    names.map((name) => {
      const role = roleOf(name, interviewer);
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
