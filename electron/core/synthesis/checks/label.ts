// Is a theme label a key phrase a researcher would keep? The rules of issue 8: 1 to 4 words,
// never a participant's or interviewer's name, never filler (words that say how people talk,
// not what about: "true · agree · sense", "question · answer · ask"). Shared by the labeller
// (a candidate that fails is never chosen), the tests and the insight bench (share of bad labels).

import { STOP_WORDS } from '../stopWords';

export const LABEL_RULES = { minWords: 1, maxWords: 4 } as const;

/**
 * Words about the interview itself rather than its subject: they pass a stop list but a theme
 * named after them tells the reader nothing ("question", "transcript", "interview").
 */
const CONVERSATION_WORDS = new Set(
  `question questions answer answers ask asked asking interview interviews interviewer transcript transcripts
  recording record conversation conversations chat call minute minutes second seconds hour hours sense point
  points agree agreed true idea ideas example examples case cases reason reasons thanks thank yes no okay ok
  yeah hmm um uh answer response responses part parts kind sort type types bit lot lots stuff thing things
  way ways time times today yesterday tomorrow moment moments end beginning start word words mind place
  person persons someone somebody fact facts bunch folk folks course concept concepts aspect aspects matter
  matters situation situations perspective general level levels side sides summary`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((word) => word.replace(/['’]s$/, '').replace(/’/g, "'"));
}

/**
 * Lowercased name words of the study's speakers: "Donald Stufft" gives "donald" and "stufft";
 * generic labels ("User", "Speaker 1", "SPEAKER_00") name nobody and give nothing.
 */
export function nameWords(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    if (/^(user|speaker[\s_]*\w*|interviewer|interviewee|participant|respondent|guest|unknown|ai|assistant|host|moderator)$/i.test(name.trim())) continue;
    for (const word of wordsOf(name)) if (word.length >= 2 && !/^\d+$/.test(word)) out.add(word);
  }
  return out;
}

/** Why `label` is not a usable theme label; empty when it is one. `names` as from nameWords. */
export function labelReasons(label: string, names: ReadonlySet<string> | readonly string[]): string[] {
  const nameSet = names instanceof Set ? names : nameWords(names as readonly string[]);
  const reasons: string[] = [];
  // Keyword labels join their terms with " · "; each term is judged, and the words counted whole.
  const words = wordsOf(label);
  if (words.length < LABEL_RULES.minWords) return ['is empty'];
  if (words.length > LABEL_RULES.maxWords) reasons.push(`has ${words.length} words, more than ${LABEL_RULES.maxWords}`);
  const named = words.filter((word) => nameSet.has(word));
  if (named.length > 0) reasons.push(`names a person ("${named[0]}")`);
  const fillers = words.filter((word) => isFillerWord(word));
  if (fillers.length === words.length) reasons.push('is filler');
  else if (label.includes('·') && fillers.length > 0) reasons.push(`has filler ("${fillers[0]}")`);
  return reasons;
}

/** True when `label` passes every rule. */
export const isGoodLabel = (label: string, names: ReadonlySet<string> | readonly string[]): boolean =>
  labelReasons(label, names).length === 0;

/** A word that carries no subject matter: a stop word, spoken chatter or talk about the interview. */
export function isFillerWord(word: string): boolean {
  const w = word.toLowerCase();
  return STOP_WORDS.has(w) || CONVERSATION_WORDS.has(w) || w.replace(/s$/, '') !== w && CONVERSATION_WORDS.has(w.replace(/s$/, ''));
}
