// How the finder reads a text: compromise's lexicon (is a word a name, an ordinary word, a month),
// the people and dates it tags in a sentence, and the shape of a word that may be a name.
import type NlpType from 'compromise';
import type { Span } from './contactPatterns';

// compromise loads in about a second; only a pseudonymised export or its preview needs it.
let nlpLoaded: typeof NlpType | null = null;
function nlp(text: string): ReturnType<typeof NlpType> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  nlpLoaded ??= (require('compromise') as { default?: typeof NlpType }).default ?? (require('compromise') as typeof NlpType);
  return nlpLoaded(text);
}

const NAME_TAGS = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'ProperNoun', 'Noun', 'Singular']);
const DATE_TAGS = new Set(['Month', 'WeekDay', 'Date']);

/** compromise's lexicon tags of a lowercase word, or [] when it does not know the word. */
function lexiconTags(word: string): string[] {
  nlp('');
  const entry = (nlpLoaded!.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon[word.toLowerCase()];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
}

/** An English word besides a name ("will", "may", "hope", "june"): the lexicon gives it a tag no name has. */
export const isOrdinaryWord = (word: string) => lexiconTags(word).some((t) => !NAME_TAGS.has(t) && !/Name$/.test(t) && t !== 'Person');
export const isDateWord = (word: string) => lexiconTags(word).some((t) => DATE_TAGS.has(t));

/** Honorifics and particles are not names on their own: "Dr", "van", "de". */
export const NOT_A_NAME = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'sir', 'van', 'von', 'de', 'da', 'del', 'der', 'la', 'le', 'di', 'du', 'the', 'and', 'of', 'jr', 'sr']);

/**
 * A word the finder may take for a name: capitalised, not an ordinary word ("grant" in "Mozilla
 * grant"), and with no capital inside but after a surname prefix: McGibbon and O'Reilly are
 * names, PyPI, GitHub and RubyGems are not.
 */
export function looksLikeName(word: string): boolean {
  if (!/^\p{Lu}[\p{L}'’-]+$/u.test(word) || isOrdinaryWord(word) || NOT_A_NAME.has(word.toLowerCase())) return false;
  const inner = word.slice(1).search(/\p{Lu}/u) + 1;
  // An unknown word in capitals is an acronym (MOSS, PSF); names in capitals are speaker labels, known already.
  if (word === word.toUpperCase()) return false;
  return inner === 0 || /^(?:Mc|Mac|O['’]|D['’]|De|Di|Da|La|Le|Van|Von)$/.test(word.slice(0, inner));
}

/** A first name or surname in compromise's lexicon (not a guess from capitals). */
export const isLexiconName = (word: string) => lexiconTags(word).some((t) => /Name$/.test(t));

/** Where compromise reads a person in the text (character spans), and names it finds there. */
export function personSpans(text: string, isKnown: (word: string) => boolean): { spans: Span[]; dates: Span[]; names: string[][] } {
  const doc = nlp(text);
  // Where the sentence reads a date ("in May", "on Monday"): a name that is also a month is not one there.
  const dates = (doc.match('(#Month|#WeekDay)').json({ offset: true }) as { offset: { start: number; length: number } }[]).map((d) => ({
    start: d.offset.start,
    end: d.offset.start + d.offset.length,
  }));
  const matches = doc.people().json({ offset: true, terms: { offset: true } }) as {
    terms: { text: string; tags: string[]; offset: { start: number; length: number } }[];
  }[];
  const spans: Span[] = [];
  const names: string[][] = [];
  for (const m of matches) {
    let run: string[] = [];
    const flush = () => {
      if (run.length) names.push(run);
      run = [];
    };
    for (const t of m.terms) {
      const word = t.text.replace(/['’]s$/, '').replace(/^\W+|\W+$/gu, '');
      const person = t.tags.some((tag) => /Person|Name$/.test(tag)) && !t.tags.includes('Honorific');
      if (person) spans.push({ start: t.offset.start, end: t.offset.start + t.offset.length });
      if (person && (isKnown(word) || looksLikeName(word))) run.push(word);
      else flush();
    }
    flush();
  }
  return { spans, dates, names };
}

/** The parts of a found name left when the words `drop` says are not names are taken out. */
export function splitRun(run: string[], drop: (word: string) => boolean): string[][] {
  const parts: string[][] = [[]];
  for (const w of run) {
    if (drop(w)) parts.push([]);
    else parts.at(-1)!.push(w);
  }
  return parts.filter((p) => p.length > 0);
}

const MONTHS_AND_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);

/**
 * "in May", "last May", "May 6", "6 May": a month or day name where a date is written, which
 * compromise does not always tag. A participant called May is still replaced in "May said".
 */
export function readsAsDate(text: string, start: number, end: number): boolean {
  if (!MONTHS_AND_DAYS.has(text.slice(start, end).toLowerCase())) return false;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 6);
  return /\b(?:in|on|since|until|till|by|of|from|to|last|next|this|early|late|mid|during|before|after|every)\s+$/i.test(before) || /^\s*\d{1,4}\b/.test(after) || /\d\s+$/.test(before);
}

/** A word at the start of a sentence, line or quotation is capitalised whatever it is. */
export function startsSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  return /[.!?:;"“(\[—]\s*$|\n\s*$/.test(before) || (at === before.length && /^\s*$/.test(before));
}
