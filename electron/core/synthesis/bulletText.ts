// Quote -> bullet text without a language model: the researcher edits the drafts, so the aim
// is a readable, faithful sentence of about 20 words, not a paraphrase.

import { isFillerOnly, leadingFillerLength } from '../quotes/fillers';
import { isBackchannel, isLogistics, needsPrevious } from '../quotes/standalone';
import { FRAGMENT_RULES, isSentence } from './checks/fragment';
import { termsOf } from './nlpTerms';
import { toThirdPerson } from './thirdPerson';

// Always filler at the start ("Yeah so I…"), or filler only when a comma follows ("Right, I…"
// but not "Right now I…").
const ALWAYS_FILLER = String.raw`(?:yeah|yep|yes|so|well|um+|uh+|erm|oh|okay|ok|honestly|basically|and)\b[,.…!]*\s+`;
const COMMA_FILLER = String.raw`(?:right|like|i mean|you know|i guess)\s*,\s*`;
const LEADING_FILLER = new RegExp(`^(?:${ALWAYS_FILLER}|${COMMA_FILLER})+`, 'i');
const INLINE_FILLER = /,?\s+\b(?:um+|uh+|erm)\b,?(?=\s)|,\s*(?:you know|i mean|like),(?=\s)/gi;
const SENTENCE_END = /(?<=[.!?…])\s+(?=["“'‘(]?[A-Z0-9])/;
const CLAUSE_WORDS = new Set(
  'and but because so which when where while although though or since unless until'.split(' '),
);
const MIN_WORDS_BEFORE_CUT = 6;

export const countWords = (text: string): number => text.split(/\s+/).filter((word) => word.length > 0).length;

/**
 * The quote as a bullet: fillers dropped, whole sentences while they fit in `maxWords`; when
 * that leaves a fragment of under 6 words, the longest sentence instead, cut at its last clause
 * boundary within the limit and marked with "…" if too long.
 */
export function shortenQuote(text: string, maxWords = 20): string {
  const cleaned = text.replace(/\s+/g, ' ').replace(INLINE_FILLER, '').trim().replace(LEADING_FILLER, '').trim();
  if (cleaned.length === 0) return '';
  const sentences = cleaned.split(SENTENCE_END).map((sentence) => sentence.trim());
  // A lone "Oh totally." says nothing; start from the first sentence with some substance.
  const start = Math.max(0, sentences.findIndex((sentence) => countWords(sentence) >= 3));

  let kept = '';
  for (const sentence of sentences.slice(start)) {
    const candidate = kept ? `${kept} ${sentence}` : sentence;
    if (countWords(candidate) > maxWords) break;
    kept = candidate;
  }
  if (countWords(kept) >= MIN_WORDS_BEFORE_CUT) return capitalise(kept);
  // "I started at uni, really." fits, but the next, longer sentence carries the point.
  const longest = sentences
    .slice(start)
    .reduce((best, sentence) => (countWords(sentence) > countWords(best) ? sentence : best), kept);
  return capitalise(countWords(longest) <= maxWords ? longest : cutClause(longest, maxWords));
}

function cutClause(sentence: string, maxWords: number): string {
  const words = sentence.split(' ');
  let cut = maxWords;
  for (let i = maxWords; i >= MIN_WORDS_BEFORE_CUT; i--) {
    const before = words[i - 1]!;
    const next = words[i]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
    if (/[,;:—–]$/.test(before) || CLAUSE_WORDS.has(next) || words[i] === '—' || words[i] === '–') {
      cut = i;
      break;
    }
  }
  return `${words.slice(0, cut).join(' ').replace(/[\s,;:—–-]+$/, '')}…`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a drafted claim speaks: rewritten as the persona's, a plain sentence, or the speaker's own words in quotes. */
export type BulletVoice = 'third' | 'plain' | 'quoted';
export interface BulletCandidate {
  text: string;
  voice: BulletVoice;
}

const FIRST_PERSON = /\b(?:i|me|my|mine|myself|we|us|our|ours|ourselves|i'm|i've|i'd|i'll|we're|we've)\b/i;
/** A sentence that trails off ("…the", "…that you just") ends on one of these. */
const OPEN_ENDING = ['Determiner', 'Preposition', 'Conjunction', 'Possessive', 'Auxiliary', 'Modal'];

/**
 * Every sentence of a quote that can stand as a claim, worded as the persona's where that is
 * safe ("I always check…" -> "Always checks…"), else as the speaker's own words: in quotation
 * marks when they speak in the first person, as a plain sentence otherwise. Fillers and false
 * starts are dropped; a sentence that is a fragment, backchannel or logistics, a question, leans
 * on the sentence before it or names nothing (no noun: "Sometimes you do and sometimes you
 * don't.") is left out.
 */
export function bulletCandidates(quote: string): BulletCandidate[] {
  // "[they do not believe that…]": a transcriber's note, not the speaker's words.
  const cleaned = quote.replace(/\s*\[[^\]]*\]/g, '').replace(/\s+/g, ' ').replace(INLINE_FILLER, '').trim();
  const out: BulletCandidate[] = [];
  for (const raw of cleaned.split(SENTENCE_END)) {
    // Too long or too short to be a bullet whatever its grammar: no need to parse it.
    const words = countWords(raw);
    if (words < FRAGMENT_RULES.minWords || words > FRAGMENT_RULES.maxWords + 6 || /…|\.\.\.|\s--\s/.test(raw)) continue;
    const sentence = asSentence(raw);
    if (!sentence || isFillerOnly(sentence) || isBackchannel(sentence) || isLogistics(sentence)) continue;
    // "It was hard." or "That's why we left." mean nothing without the sentence before.
    if (needsPrevious(sentence) || !namesSomething(sentence)) continue;
    const third = toThirdPerson(sentence);
    // A sentence holding quotation marks of its own cannot be quoted whole without nesting them.
    if (!third && FIRST_PERSON.test(sentence) && /["“”]/.test(sentence)) continue;
    const candidate: BulletCandidate = third
      ? { text: third, voice: 'third' }
      : FIRST_PERSON.test(sentence)
        ? { text: `“${sentence}”`, voice: 'quoted' }
        : { text: sentence, voice: 'plain' };
    if (isSentence(candidate.text)) out.push(candidate);
  }
  return out;
}

/** One sentence, fillers and false starts trimmed, capitalised and ending in a full stop; null for a question or a cut-off clause. */
function asSentence(raw: string): string | null {
  let text = raw.trim();
  // "But I never…": a sentence cut from its neighbour keeps its claim without the joint.
  text = text.slice(leadingFillerLength(text)).replace(LEADING_FILLER, '').replace(/^(?:and|but|so|or)\s+/i, '').trim();
  if (text.length === 0 || /\?["”']?$/.test(text)) return null;
  text = text.replace(/!+(["”']?)$/, '.$1');
  if (!/[.]["”']?$/.test(text)) {
    if (/[,;:…—–-]$/.test(text)) return null;
    const last = termsOf(text).at(-1);
    if (!last || OPEN_ENDING.some((tag) => last.tags.has(tag))) return null;
    text = `${text}.`;
  }
  return capitalise(text);
}

/** The claim is about something: a noun other than a pronoun after its first word. */
function namesSomething(sentence: string): boolean {
  return termsOf(sentence)
    .slice(1)
    .some((term) => term.tags.has('Noun') && !term.tags.has('Pronoun'));
}

export const BULLET_WORDS = { ideal: { min: 6, max: 20 } } as const;
const VOICE_RANK: Record<BulletVoice, number> = { third: 2, plain: 1, quoted: 0 };

/**
 * The wording of a claim from its quotes, most representative first: the candidate sentence that
 * best reads as a finding (the persona's voice over a plain sentence over a quotation, then a
 * length of 6-20 words), earlier quotes winning ties. Null when no quote has a sentence that can
 * stand alone: such a claim is not drafted.
 */
export function draftBulletText(quotes: readonly string[], lookAt = 3): string | null {
  let best: { text: string; score: number } | null = null;
  quotes.slice(0, lookAt).forEach((quote, rank) => {
    for (const candidate of bulletCandidates(quote)) {
      const words = countWords(candidate.text);
      const fits = words >= BULLET_WORDS.ideal.min && words <= BULLET_WORDS.ideal.max;
      // A claim of 4-5 words rarely says enough ("Has tried a few."): its voice does not save it.
      const size = fits ? 1.5 : words < BULLET_WORDS.ideal.min ? -2 : 0;
      const score = VOICE_RANK[candidate.voice] + size - 0.75 * rank + 0.01 * Math.min(words, BULLET_WORDS.ideal.max);
      if (!best || score > best.score) best = { text: candidate.text, score };
    }
  });
  return (best as { text: string } | null)?.text ?? null;
}
