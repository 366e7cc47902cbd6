// Who is who in a transcript, from its turns alone: the interviewer, the participants and the
// other voices, as Grounded proposes them before the researcher decides. Pure: no database.
import { hash } from 'node:crypto';
import type { SpeakerRole } from '../../../shared/domain';
import { isWhite } from '../quotes/sentences';

/** The key a quote's text is cached and labelled by: same words, same hash. */
export function textHash(text: string): string {
  const key = (ASCII.test(text) ? text : text.normalize('NFC')).trim().replace(/\s+/g, ' ');
  return hash('sha256', key, 'hex');
}
/** ASCII text is its own NFC form; normalize() would copy it. */
const ASCII = /^[\x00-\x7f]*$/;

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

/** Whitespace-separated tokens, as text.split(/\s+/).filter(Boolean) counts them, without the array. */
function tokenCount(text: string): number {
  let n = 0;
  let inToken = false;
  for (let i = 0; i < text.length; i++) {
    if (isWhite(text.charCodeAt(i))) inToken = false;
    else if (!inToken) {
      inToken = true;
      n++;
    }
  }
  return n;
}

function speakerStats(turns: { speaker: string; text: string }[]): Map<string, SpeakerStats> {
  const stats = new Map<string, SpeakerStats>();
  for (const t of turns) {
    const s = stats.get(t.speaker) ?? { turns: 0, words: 0 };
    s.turns++;
    s.words += tokenCount(t.text);
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

