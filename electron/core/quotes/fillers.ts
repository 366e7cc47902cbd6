// Words that carry no content on their own: a sentence made only of them ("Yeah.", "Mm-hmm.",
// "Okay, sure.") is not a quote, and at the start of a passage ("So, um, I mean, I -- I
// always...") they are trimmed so the quote opens on what the person said.
import { isNoiseToken } from './noise';
import { isWhite } from './sentences';

/** Single words that say nothing alone. */
export const FILLER_WORD_LIST = [
  'yeah', 'yea', 'yep', 'yup', 'yes', 'okay', 'ok', 'kay', 'mm-hmm', 'mm-hm', 'mhm', 'mm', 'mmm', 'hmm', 'hm',
  'uh-huh', 'uh', 'um', 'umm', 'uhm', 'er', 'erm', 'ah', 'oh', 'right', 'sure', 'absolutely', 'exactly',
  'totally', 'definitely', 'cool', 'great', 'alright', 'gotcha', 'indeed', 'true', 'well', 'so', 'nice',
  'wow', 'huh', 'anyway', 'thanks', 'perfect', 'fine', 'correct', 'agreed', 'interesting', 'no', 'nope',
  'awesome', 'precisely', 'certainly', 'ha', 'haha', 'cheers', 'bye', 'thanks', 'hi', 'hello',
];
const FILLER_WORDS = new Set(FILLER_WORD_LIST);
/** Fillers of several words, consumed whole: "I see" is filler, "I" alone is not. */
export const FILLER_PHRASE_LIST = [
  'all right', 'thank you', 'thanks so much', 'thank you so much', 'got it', 'i see', 'of course',
  'fair enough', 'you know', 'i mean', "that's right", "that's true", "that's fair", 'for sure',
  'sounds good', 'makes sense', 'that makes sense', 'no worries', 'very good', 'very true', 'i guess',
  'happy to help', 'no problem', 'take care', "you're welcome", 'my pleasure', 'good luck', 'see you',
];
const FILLER_PHRASES = new Map<string, string[][]>();
for (const phrase of FILLER_PHRASE_LIST) {
  const words = phrase.split(' ');
  const first = words[0] ?? '';
  FILLER_PHRASES.set(first, [...(FILLER_PHRASES.get(first) ?? []), words].sort((a, b) => b.length - a.length));
}

const SEPARATOR = /[\s,.!?…;:"“”()—–]+|--/;
/**
 * Whether the first word of the sentence (as isFillerOnly splits it) is a filler or opens a filler
 * phrase: a cheap scan that settles most sentences before the full split.
 */
function startsWithFiller(sentence: string): boolean {
  const limit = Math.min(sentence.length, 32);
  let i = 0;
  while (i < limit && separatorAt(sentence, i)) i++;
  let j = i;
  while (j < limit && !separatorAt(sentence, j)) j++;
  // Only separators so far, or a first word the scan cut short: only the full test can tell.
  if (i === j || (j === limit && limit < sentence.length)) return true;
  const first = sentence.slice(i, j).toLowerCase().replace(/’/g, "'");
  return FILLER_WORDS.has(first) || FILLER_PHRASES.has(first);
}

const SEPARATOR_CHARS = new Set([...',.!?…;:"“”()—–']);
/** Whether SEPARATOR matches at i: whitespace, one of its punctuation marks, or "--". */
function separatorAt(text: string, i: number): boolean {
  const c = text.charAt(i);
  if (SEPARATOR_CHARS.has(c) || isWhite(text.charCodeAt(i))) return true;
  return c === '-' && (text.charAt(i + 1) === '-' || text.charAt(i - 1) === '-');
}

/** True when the sentence is nothing but fillers, e.g. "Yeah.", "Okay. Sure.", "Mm-hmm, right." */
export function isFillerOnly(sentence: string): boolean {
  if (sentence.length > 120) return false;
  if (!startsWithFiller(sentence)) return false;
  const words = sentence
    .toLowerCase()
    .replace(/’/g, "'")
    .split(SEPARATOR)
    .filter((w) => w.length > 0);
  if (words.length > 8) return false;
  let i = 0;
  while (i < words.length) {
    const word = words[i] ?? '';
    const phrase = FILLER_PHRASES.get(word)?.find((p) => p.every((w, k) => words[i + k] === w));
    if (phrase) i += phrase.length;
    else if (FILLER_WORDS.has(word)) i++;
    else return false;
  }
  return true;
}

const LEADING_SOUND = /^(?:u+m+|u+h+m*|e+r+m*|a+h+|h+m+|m+h?m+)(?![\p{L}'’-])[\s,.…—–-]*/iu;
const LEADING_WORD =
  /^(?:so|and|well|like|yeah|yep|okay|ok|oh|right|you know|i mean|anyway|and so|but yeah)\s*(?:,|…|\.\.\.|--|—|–)\s*/i;
const LEADING_NOISE = /^[[({][^[\](){}\n]{0,60}[\])}][\s,.]*/;
const FALSE_START = /^((?:[\p{L}'’]+[ \t]+){0,2}([\p{L}'’]+))[ \t]*(?:--|—|–)[ \t]+(?=(\S+))/u;
const STUTTER = /^([\p{L}'’]+),[ \t]+(?=([\p{L}'’]+))/u;
const SHORT_WORDS = new Set([
  'i', "i'm", "i've", 'we', "we're", 'you', 'they', 'he', 'she', 'it', "it's", 'the', 'a', 'an', 'to', 'and',
  'but', 'so', 'my', 'our', 'that', 'this', 'there', 'if', 'is', 'was', 'what', 'of', 'in', 'for', 'like',
]);
const MAX_STEPS = 12;

/** How many characters of fillers, noise and false starts open `text`. */
export function leadingFillerLength(text: string): number {
  let at = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    const rest = text.slice(at, at + 120);
    const skip = leadingSkip(rest);
    if (skip === 0) break;
    at += skip;
  }
  return at;
}

function leadingSkip(rest: string): number {
  const sound = LEADING_SOUND.exec(rest);
  if (sound && sound[0].length > 0) return sound[0].length;
  const word = LEADING_WORD.exec(rest);
  if (word) return word[0].length;
  const noise = LEADING_NOISE.exec(rest);
  if (noise && isNoiseToken(noise[0].replace(/[\s,.]+$/, ''))) return noise[0].length;
  const spaces = /^\s+/.exec(rest);
  if (spaces) return spaces[0].length;
  const head = rest.slice(0, 48);
  const fragment = head.includes('--') || head.includes('—') || head.includes('–') ? FALSE_START.exec(rest) : null;
  if (fragment?.[1] !== undefined && fragment[2] !== undefined && fragment[3] !== undefined) {
    // "I -- I always", "we were -- we were going": abandoned; "Budgeting -- I hate it": not.
    const firstAfter = fragment[3].toLowerCase();
    const firstBefore = fragment[1].split(/\s+/)[0]?.toLowerCase();
    if (SHORT_WORDS.has(fragment[2].toLowerCase()) || firstAfter === firstBefore) return fragment[0].length;
  }
  const stutter = STUTTER.exec(rest);
  if (stutter?.[1] !== undefined && stutter[2] !== undefined && stutter[1].toLowerCase() === stutter[2].toLowerCase()) {
    return stutter[0].length;
  }
  return 0;
}
