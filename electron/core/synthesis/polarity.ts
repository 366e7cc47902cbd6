// Which way a quote leans: a small polarity lexicon for interview speech about tools, services
// and everyday tasks. The persona method files a negative experience as a frustration and never a
// positive one, and the embedding model barely separates "it is quick" from "it is so slow" (both
// are about speed), so the words themselves have to say it.
//
// Word lists are base forms written for this purpose (no labelled quotes were read to make them);
// verbs are inflected by compromise ("hate" -> hated, hates, hating). A polar word within three
// words after a negator flips ("not easy" is negative, "never had a problem" is positive).
import nlp from 'compromise';

const NEGATIVE_VERBS = [
  'hate', 'annoy', 'frustrate', 'struggle', 'fail', 'break', 'crash', 'freeze', 'lose', 'waste',
  'dread', 'worry', 'panic', 'suffer', 'complain', 'confuse', 'overwhelm', 'stress', 'chase',
  'forget', 'miss', 'delay', 'cancel', 'mess', 'hurt', 'upset', 'disappoint', 'fight', 'nag', 'bother',
];
const NEGATIVE_WORDS = [
  'annoying', 'frustrating', 'nightmare', 'worst', 'awful', 'terrible', 'horrible', 'dreadful',
  'stressful', 'ridiculous', 'pointless', 'useless', 'mess', 'messy', 'broken', 'confusing',
  'painful', 'pain', 'mad', 'nuts', 'crazy', 'insane', 'fed', 'sick', 'impossible', 'difficult',
  'hard', 'scary', 'scared', 'anxious', 'worried', 'rubbish', 'unfair', 'problem', 'problems',
  'issue', 'issues', 'error', 'errors', 'bug', 'buggy', 'clunky', 'tedious', 'stuck', 'slow',
  'expensive', 'overpriced', 'unreliable', 'flaky', 'fiddly', 'faff', 'hassle', 'chaos', 'chaotic',
  'unclear', 'vague', 'bad', 'worse', 'poor', 'lost', 'late', 'wrong', 'failure', 'disaster',
  'complicated', 'overwhelming', 'exhausting', 'exhausted', 'tired', 'angry', 'furious', 'upset',
  'embarrassing', 'stupid', 'silly', 'ugly', 'horrendous', 'appalling', 'shocking', 'unbearable',
  'endless', 'constantly', 'nobody', 'nothing', 'waiting', 'queue', 'jargon',
];
const POSITIVE_VERBS = ['love', 'enjoy', 'appreciate', 'help', 'like', 'trust', 'recommend', 'save'];
const POSITIVE_WORDS = [
  'great', 'good', 'easy', 'easier', 'helpful', 'happy', 'brilliant', 'nice', 'fine', 'perfect',
  'amazing', 'glad', 'fantastic', 'smooth', 'simple', 'handy', 'best', 'better', 'excellent',
  'reliable', 'pleased', 'relief', 'useful', 'quick', 'fast', 'clear', 'lovely', 'wonderful',
  'convenient', 'painless', 'straightforward', 'intuitive', 'seamless', 'friendly', 'cheap',
  'free', 'works', 'worked', 'love', 'fun', 'calm', 'confident', 'safe', 'proud', 'impressed',
];
// "like" is filler in speech ("it was like, slow") and "help" often names a need ("I need help");
// they count only when a person is the subject right before them ("I like", "it helps").
const NEEDS_SUBJECT = new Set(['like', 'likes', 'liked', 'help', 'helps', 'helped']);
const SUBJECTS = new Set(['i', 'we', 'really', 'it', 'that', 'this', 'they', 'which', 'always', 'just']);
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'hardly', 'barely', 'nothing', 'nobody', 'cannot']);

/** compromise's verb inflector, typed: "choose" -> choose, chose, chooses, choosing, chosen. */
const verbForms = (nlp.methods() as { two: { transform: { verb: { all: (verb: string, model: object) => string[] } } } }).two.transform.verb.all;
/** Every form of each verb, by compromise. */
export const inflect = (verbs: readonly string[]): string[] => verbs.flatMap((verb) => verbForms(verb, nlp.model()));
const NEGATIVE = new Set([...NEGATIVE_WORDS, ...inflect(NEGATIVE_VERBS)].map((w) => w.toLowerCase()));
const POSITIVE = new Set([...POSITIVE_WORDS, ...inflect(POSITIVE_VERBS)].map((w) => w.toLowerCase()));
// A word in both lists (a verb form that is also an adjective) keeps its negative reading.
for (const word of NEGATIVE) POSITIVE.delete(word);

/** Lower-case word tokens, with curly apostrophes straightened and "n't" split off as a negator. */
export function polarityTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/n't\b/g, ' not')
    .split(/[^a-z']+/)
    .filter((t) => t.length > 0);
}

export interface Polarity {
  /** Positive words, after negation. */
  positive: number;
  /** Negative words, after negation. */
  negative: number;
}

export function polarity(text: string): Polarity {
  return polarityOfTokens(polarityTokens(text));
}

/** polarity() of text already split by polarityTokens(). */
export function polarityOfTokens(tokens: readonly string[]): Polarity {
  let positive = 0;
  let negative = 0;
  tokens.forEach((token, i) => {
    let sign = NEGATIVE.has(token) ? -1 : POSITIVE.has(token) ? 1 : 0;
    if (sign === 0) return;
    if (NEEDS_SUBJECT.has(token) && !SUBJECTS.has(tokens[i - 1] ?? '')) return;
    for (let back = Math.max(0, i - 3); back < i; back++) if (NEGATORS.has(tokens[back]!)) sign = -sign;
    if (sign > 0) positive++;
    else negative++;
  });
  return { positive, negative };
}

/** A statement with positive words and no negative ones: never a frustration. */
export function isPositiveStatement(text: string): boolean {
  const { positive, negative } = polarity(text);
  return positive > 0 && negative === 0;
}
