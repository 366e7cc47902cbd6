// Who is interviewing: the main speaker whose turns most often ask something.
import { genericSide } from './speakerKinds';
import type { ParsedTurn } from './types';

/** Speakers with fewer turns than this share of the busiest speaker's are helpers (a note-taker
 * saying "can you hear me?" once), not candidates: one question in one turn is not a rate. */
const MIN_SHARE_OF_TOP = 0.2;
/** A question that ends the turn hands the floor over; one in the middle is often thinking aloud. */
const ENDS_WITH_QUESTION = 1;
const HAS_QUESTION = 0.5;
/** "..., right?" and "You know?" ask for nothing: people who explain at length say them a lot. */
const TAG_QUESTION =
  /(?:^|,\s*)(?:right|you know|ok(?:ay)?|yeah|no|yes|hello|huh|eh|see|correct|true|isn'?t it|aren'?t they|don'?t you think|does that make sense)\s*$/i;
const LOOKBACK = 300;

/**
 * The only main speaker labelled as the asking side ("Interviewer", "Moderator"), else the
 * speaker whose turns most often ask a real question (tag questions like "right?" left out), per
 * turn they take, among the main speakers; ties go to whoever spoke first. Null for
 * a single speaker, or when nobody asks anything. Blockquoted lines (">") are someone else's
 * words and are not counted.
 */
export function detectInterviewer(turns: Pick<ParsedTurn, 'speaker' | 'text'>[]): string | null {
  const stats = new Map<string, { turns: number; score: number; first: number }>();
  turns.forEach((turn, i) => {
    const s = stats.get(turn.speaker) ?? { turns: 0, score: 0, first: i };
    s.turns++;
    s.score += questionScore(turn.text);
    stats.set(turn.speaker, s);
  });
  if (stats.size < 2) return null;
  const top = Math.max(...[...stats.values()].map((s) => s.turns));
  // A label that says it asks ("Interviewer", "Moderator", "Q", "AI") is the interviewer when it
  // is the only such main speaker: its answers to a participant's questions do not unseat it.
  const askers = [...stats].filter(([speaker, s]) => s.turns >= top * MIN_SHARE_OF_TOP && genericSide(speaker) === 'interviewer');
  if (askers.length === 1) return askers[0]![0];
  let best: { speaker: string; rate: number; first: number } | null = null;
  for (const [speaker, s] of stats) {
    if (s.turns < top * MIN_SHARE_OF_TOP || s.score === 0) continue;
    const rate = s.score / s.turns;
    if (!best || rate > best.rate || (rate === best.rate && s.first < best.first)) best = { speaker, rate, first: s.first };
  }
  return best?.speaker ?? null;
}

/** 1 when the turn ends with a real question, 0.5 when it asks one inside, else 0. */
export function questionScore(raw: string): number {
  // Chinese and Japanese write the full-width "？".
  const text = raw.includes('？') ? raw.replace(/？/g, '?') : raw;
  if (!text.includes('?')) return 0;
  const own = text
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join(' ')
    .trimEnd()
    .replace(/["”’)\]]+$/, '');
  let real = 0;
  let endsWithReal = false;
  for (let q = own.indexOf('?'); q >= 0; q = own.indexOf('?', q + 1)) {
    if (own.charAt(q + 1) === '?') continue; // "??": judge the run once, at its end
    if (isRealQuestion(sentenceBefore(own, q))) {
      real++;
      if (own.slice(q + 1).trim().length === 0) endsWithReal = true;
    }
  }
  if (endsWithReal) return ENDS_WITH_QUESTION;
  return real > 0 ? HAS_QUESTION : 0;
}

/** The sentence that a "?" at `end` closes: back to the previous terminator, at most LOOKBACK chars. */
function sentenceBefore(text: string, end: number): string {
  let i = end - 1;
  while (i >= 0 && end - i < LOOKBACK && !'.!?…\n'.includes(text.charAt(i))) i--;
  return text.slice(i + 1, end).replace(/\?+$/, '').trim();
}

function isRealQuestion(sentence: string): boolean {
  const words = sentence.replace(/^[\s"“‘(]+/, '');
  return words.length > 0 && !TAG_QUESTION.test(words);
}
