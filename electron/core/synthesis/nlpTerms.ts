// compromise's reading of a text, shared by the drafting and its checks. One sentence is read
// several times while a bullet is drafted (fragment check, voice, content), and parsing is most of
// the cost, so readings are cached by text; the cache only saves work, it never changes a result.

import nlp from 'compromise';

export interface Term {
  text: string;
  /** Lower case; for a contraction, the word it stands for ("I'm" is "i" then "am"). */
  normal: string;
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
}

interface RawTerm {
  text: string;
  normal: string;
  machine?: string;
  pre: string;
  post: string;
  tags: Set<string>;
}

const CACHE_LIMIT = 20_000;
const readings = new Map<string, Term[]>();
const expansions = new Map<string, string>();
const presentForms = new Map<string, { present: string | null; past: string | null }>();

function remember<V>(cache: Map<string, V>, key: string, make: () => V): V {
  const known = cache.get(key);
  if (known !== undefined) return known;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const value = make();
  cache.set(key, value);
  return value;
}

/** The terms of `text`, all sentences in order, with compromise's tags. */
export function termsOf(text: string): Term[] {
  return remember(readings, text, () =>
    (nlp(text).docs as RawTerm[][]).flat().map((term) => ({
      text: term.text,
      normal: term.machine ?? term.normal,
      pre: term.pre,
      post: term.post,
      tags: new Set(term.tags),
    })),
  );
}

/** `text` with its contractions written out: "I'm" -> "I am", "don't" -> "do not". */
export function expandContractions(text: string): string {
  return remember(expansions, text, () => {
    const doc = nlp(text);
    doc.contractions().expand();
    return doc.text();
  });
}

/** A verb's third-person present ("check" -> "checks", "am" -> "is") and past forms, as compromise conjugates them. */
export function verbForms(verb: string): { present: string | null; past: string | null } {
  return remember(presentForms, verb, () => {
    const forms = nlp(verb).verbs().conjugate()[0] as { PresentTense?: string; PastTense?: string } | undefined;
    return { present: forms?.PresentTense ?? null, past: forms?.PastTense ?? null };
  });
}
