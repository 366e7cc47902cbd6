// Word cues for the facet of a quote, next to its embedding (facetModel.ts). MiniLM places a
// sentence by its subject far more than by its stance, so "I wish the portal showed my claim" and
// "the portal never shows my claim" land close together; the persona method separates them by
// how they are said: a wanted outcome, a complaint, a habit, a fact about the person, a belief,
// a reason for a choice. Each cue below is one such marker, as a number per quote; the classifier
// learns from the prototype sentences how much each one counts for each facet.
//
// The word lists were written from the method's definitions, not from labelled quotes; verbs are
// inflected by compromise, and its lexicon gives past tense and comparatives. Tagging every quote
// with compromise costs ~2 ms each (100 s for 50k quotes), so cues are word and phrase lookups on
// plain tokens: ~10 µs a quote.
import nlp from 'compromise';
import { inflect, polarityOfTokens, polarityTokens } from './polarity';

const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;
const hasTag = (word: string, tag: string): boolean => {
  const tags = Object.hasOwn(LEXICON, word) ? LEXICON[word] : undefined;
  return tags === tag || (Array.isArray(tags) && tags.includes(tag));
};

/** A cue's single words and multi-word phrases, matched on whole tokens. */
interface Cue {
  words: Set<string>;
  /** Each phrase as tokens. */
  phrases: string[][];
}
function cue(words: readonly string[], phrases: readonly string[] = []): Cue {
  return { words: new Set(words), phrases: phrases.map((p) => p.split(' ')) };
}
/** Word -> cues it belongs to, and first word -> [cue, phrase]: one pass over the tokens counts every cue. */
interface CueIndex {
  words: Map<string, number[]>;
  phrases: Map<string, [number, string[]][]>;
}
function indexCues(cues: readonly Cue[]): CueIndex {
  const index: CueIndex = { words: new Map(), phrases: new Map() };
  cues.forEach((c, k) => {
    for (const w of c.words) index.words.set(w, [...(index.words.get(w) ?? []), k]);
    for (const p of c.phrases) index.phrases.set(p[0]!, [...(index.phrases.get(p[0]!) ?? []), [k, p]]);
  });
  return index;
}
function countCues(index: CueIndex, size: number, tokens: readonly string[]): number[] {
  const counts = new Array<number>(size).fill(0);
  tokens.forEach((t, i) => {
    for (const k of index.words.get(t) ?? []) counts[k]!++;
    for (const [k, phrase] of index.phrases.get(t) ?? []) {
      if (phrase.every((w, j) => tokens[i + j] === w)) counts[k]!++;
    }
  });
  return counts;
}

const DESIRE = cue(
  [...inflect(['want', 'wish', 'hope', 'aim', 'aspire', 'dream']), 'goal', 'goals', 'ideally', 'target', 'priority', 'ambition'],
  ['would love', "i'd love", "we'd love", 'would like', "i'd like", "we'd like", 'love to', 'trying to', 'looking for', "i'm after",
    'be able to', 'all i ask', 'would help', 'would be great', 'would be nice', 'need to', 'needs to', 'the idea is', 'get to a point'],
);
const HYPOTHETICAL = cue(['would', 'could', "i'd", "we'd", "it'd", 'might', 'someday', 'eventually'], ['if only', 'one day', 'in future', 'in the future']);
const HABITUAL = cue(
  ['usually', 'always', 'every', 'each', 'normally', 'typically', 'generally', 'often', 'sometimes', 'routine', 'habit', 'whenever',
    'daily', 'weekly', 'monthly', 'regularly', 'nightly', 'mornings', 'evenings', 'weekends', ...inflect(['tend'])],
  ['once a', 'twice a', 'first thing', 'most days', 'most weeks', 'as soon as', 'the first thing'],
);
const IDENTITY = cue(
  ['retired', 'unemployed', 'student', 'freelance', 'freelancer', 'self-employed', 'widowed', 'divorced', 'married', 'single'],
  ["i'm a", 'i am a', "i'm an", 'i am an', 'i work', "i've worked", 'i have worked', 'i live', "i've lived", 'i have lived',
    "i've been", 'i have been', 'i manage', 'i run', 'i look after', 'i care for', 'years old', 'my job', 'my role', 'my partner',
    'my wife', 'my husband', 'my kids', 'my children', 'my family', 'we live', 'full time', 'part time', "i'm not very", "i'm the",
    'i grew up', 'i moved', 'where i live', 'in my job', 'my team', 'our team', 'i have a', "i've got a", 'we have a', "we've got"],
);
const DURATION_UNITS = new Set(['years', 'months', 'decades']);
const BELIEF = cue(
  [...inflect(['think', 'assume', 'believe', 'figure', 'imagine', 'picture', 'expect', 'suppose', 'guess', 'reckon', 'seem', 'understand']),
    'basically', 'essentially', 'presumably', 'apparently', 'understanding', 'impression'],
  ['in my head', 'in my mind', 'the way i see it', 'to me', 'feels like', 'felt like', 'like a', 'kind of like', 'sort of like',
    'as if', 'works like', 'supposed to', 'i see it', 'my understanding', 'the idea that', 'just like', 'same as'],
);
const REVISED_BELIEF = cue(
  ['thought', 'assumed', 'figured', 'believed', 'expected', 'imagined', 'realised', 'realized'],
  ['turns out', 'turned out', 'had no idea', 'never knew', 'always thought', 'never realised', 'never realized'],
);
const CHOICE = cue(
  [...inflect(['choose', 'pick', 'decide', 'switch', 'prefer', 'compare', 'recommend', 'swap', 'select', 'afford', 'justify']),
    'decision', 'option', 'options', 'alternative', 'alternatives', 'reason', 'reasons', 'review', 'reviews', 'price', 'prices',
    'cost', 'costs', 'cheaper', 'cheapest', 'worth', 'dealbreaker', 'instead', 'rather', 'deciding', 'matters', 'criteria'],
  ['went with', 'go with', 'going with', 'stayed with', 'stick with', 'sign up', 'signed up', 'deal breaker', 'the deciding',
    'made me', 'what sold', 'sold me', 'put me off', 'the only reason', 'no way i', 'would never', 'for me to'],
);
const CONDITION = cue(['because', 'since', 'unless', "'cause", 'cos'], ['so that', "that's why", 'which is why', 'as long as', 'only if', 'if it', 'provided']);
const COMPARE = cue(['more', 'less', 'better', 'worse', 'than', 'compared'], ['rather than', 'instead of']);
const FIRST_PERSON = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'mine', 'myself', 'we', "we're", "we've", 'our', 'us']);
const SUBJECT = new Set(['i', 'we']);
const SKIP_AFTER_SUBJECT = new Set(['just', 'always', 'usually', 'normally', 'then', 'still', 'also', 'often', 'sometimes', 'generally', 'typically', 'actually', 'basically', 'tend', 'to']);
const NOT_AN_ACTION = new Set([
  'am', 'was', 'were', 'have', 'had', 'do', 'did', 'not', 'would', 'could', 'can', 'will', 'should', 'might', 'must', 'mean', 'guess',
  'know', 'feel', 'felt', 'get', 'got', 'like', 'love', 'hate', 'need', 'think', 'want', 'wish', 'hope', 'suppose', 'find', 'found', 'don',
]);
const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'cannot', 'without']);
const BACKCHANNEL = new Set([
  'yeah', 'yes', 'yep', 'yup', 'no', 'nope', 'right', 'okay', 'ok', 'sure', 'mm', 'mhm', 'hmm', 'uh', 'um', 'oh', 'ah', 'exactly',
  'totally', 'absolutely', 'definitely', 'great', 'cool', 'sorry', 'thanks', 'thank', 'you', 'hi', 'hello', 'bye', 'true', 'indeed', 'fair',
  'enough', 'makes', 'sense', 'that', "that's", 'it', 'is', 'good', 'point', 'yeah', 'so', 'well', 'and', 'alright', 'i', 'see', 'agree',
]);
const LOGISTICS = cue(
  ['mute', 'unmute', 'muted', 'froze', 'frozen', 'recording', 'camera', 'microphone', 'mic', 'wifi', 'internet', 'bandwidth', 'lagging'],
  ['hear me', 'see me', 'my screen', 'your screen', 'cut out', 'one second', 'one sec', 'be right back', 'hang on', 'next question',
    'the question', 'thanks for having', 'nice to meet', 'out of time', 'repeat that', 'wrap up', 'go ahead', 'any questions', 'shall we'],
);

const CUES = [DESIRE, HYPOTHETICAL, HABITUAL, IDENTITY, BELIEF, REVISED_BELIEF, CHOICE, CONDITION, COMPARE, LOGISTICS];
const INDEX = indexCues(CUES);

/** What each cue counts, in the order of cueFeatures(). */
export const CUE_NAMES = [
  'desire', 'hypothetical', 'negative', 'positive', 'negation', 'habitual', 'firstPersonAction', 'pastTense', 'identity', 'duration',
  'belief', 'revisedBelief', 'choice', 'condition', 'comparative', 'firstPerson', 'question', 'backchannel', 'logistics', 'short', 'length',
] as const;

/** The cues of one quote, each in 0..1 (counts are capped), in CUE_NAMES order. */
export function cueFeatures(text: string): Float64Array {
  const tokens = polarityTokens(text);
  const [desire, hypothetical, habitual, identity, belief, revisedBelief, choice, condition, compare, logistics] = countCues(INDEX, CUES.length, tokens);
  const n = Math.max(1, tokens.length);
  const capped = (x: number, cap: number) => Math.min(x, cap) / cap;
  const { positive, negative } = polarityOfTokens(tokens);
  let action = 0;
  let past = 0;
  let duration = 0;
  let comparative = 0;
  tokens.forEach((t, i) => {
    if (hasTag(t, 'PastTense') || (t.length > 4 && t.endsWith('ed'))) past++;
    if (hasTag(t, 'Comparative')) comparative++;
    if (DURATION_UNITS.has(t) && i > 0 && (/^\d+$/.test(tokens[i - 1]!) || hasTag(tokens[i - 1]!, 'Cardinal') || tokens[i - 1] === 'few' || tokens[i - 1] === 'several')) duration++;
    if (SUBJECT.has(t)) {
      let j = i + 1;
      while (j < tokens.length && SKIP_AFTER_SUBJECT.has(tokens[j]!)) j++;
      const verb = tokens[j];
      if (verb && !NOT_AN_ACTION.has(verb) && !verb.includes("'") && !hasTag(verb, 'PastTense') && !verb.endsWith('ed')) action++;
    }
  });
  return Float64Array.from([
    capped(desire!, 2),
    capped(hypothetical!, 2),
    capped(negative, 3),
    capped(positive, 3),
    capped(tokens.filter((t) => NEGATORS.has(t)).length, 2),
    capped(habitual!, 2),
    capped(action, 2),
    capped(past / n, 0.2),
    capped(identity!, 2),
    capped(duration, 1),
    capped(belief!, 2),
    capped(revisedBelief!, 1),
    capped(choice!, 2),
    capped(condition!, 1),
    capped(comparative + compare!, 2),
    capped(tokens.filter((t) => FIRST_PERSON.has(t)).length / n, 0.25),
    text.includes('?') ? 1 : 0,
    tokens.every((t) => BACKCHANNEL.has(t)) ? 1 : 0,
    capped(logistics!, 1),
    tokens.length < 7 ? 1 : 0,
    capped(tokens.length, 30),
  ]);
}
