// Theme labels as key phrases, KeyBERT-style. Candidates are the noun phrases (compromise) of a
// theme's most central quotes, 1 to 4 words, never a speaker's name, never filler (checks/label.ts);
// each is scored by how distinctive it is for the theme (class-based TF-IDF over the themes'
// central quotes, as keywords.ts does for words) and, when the caller embedded the candidates
// with the quotes' model, by its cosine to the theme's centroid. The label is the best phrase;
// the keywords are picked by maximal marginal relevance (MMR), so they do not repeat one idea.
//
// Two steps, so that clustering stays pure and synchronous: themePhrases() proposes candidates
// from text alone; labelThemes() ranks them once the synthesize job has embedded the candidates
// (cached by text hash like every quote vector).
//
// Parsing costs a few ms per quote (compromise tags every word), so only the most central
// `centralQuotes` quotes of each theme are parsed: BERTopic ranks against its "representative
// documents" the same way.

import nlp from 'compromise';
import { isFillerWord, labelReasons } from './checks/label';

export const LABEL_SETTINGS = {
  /** Quotes per theme whose noun phrases are candidates, most central first. */
  centralQuotes: 40,
  /** Candidates per theme kept for embedding, by distinctiveness. */
  candidates: 20,
  /** Keywords per theme, chosen by MMR. */
  keywords: 5,
  /** Weight of the centroid cosine against distinctiveness (0..1). */
  similarityWeight: 0.6,
  /** MMR trade-off: relevance against novelty. */
  diversity: 0.5,
  /** Words of a description quote. */
  descriptionWords: { min: 8, max: 30 },
} as const;

export interface PhraseCandidate {
  /** Display form: the phrase as most often written, first letter capitalised. */
  phrase: string;
  /** Distinctiveness for the theme, 0..1 (best candidate of the theme = 1). */
  distinct: number;
}

export interface LabelledTheme {
  label: string;
  keywords: string[];
}

interface Found {
  /** Count per theme. */
  counts: Map<number, number>;
  /** Surface forms and how often each was written. */
  forms: Map<string, number>;
}

/**
 * Noun phrases of up to 4 words (adjectives and nouns ending in a noun) in `text`, singular,
 * trimmed of filler words at either end. Names of people (compromise's #Person or a speaker's
 * name word) end a phrase.
 */
export function nounPhrases(text: string, names: ReadonlySet<string>): { key: string; form: string }[] {
  const doc = nlp(text);
  doc.nouns().toSingular();
  const matches = doc
    .match('(#Adjective|#Noun|#Gerund)+')
    .not('(#Pronoun|#Determiner|#Possessive|#Value|#Person|#Date|#Expression|#Conjunction|#Preposition)')
    .json({ terms: { normal: true, text: true, tags: true } }) as { terms: { text: string; normal: string; tags: string[] }[] }[];
  const out: { key: string; form: string }[] = [];
  for (const match of matches) {
    let terms = match.terms
      .map((term) => ({
        text: term.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''),
        normal: term.normal.replace(/[^\p{L}\p{N}' -]/gu, ''),
        noun: term.tags.includes('Noun') && !term.tags.includes('Gerund') && !term.tags.includes('Pronoun'),
      }))
      .filter((term) => term.normal.length > 0);
    // A contraction ("we're") is a pronoun and a verb, whatever the tagger made of it: it ends the phrase.
    const contracted = terms.findIndex((term) => /['’](?!s$)/.test(term.normal));
    if (contracted >= 0) terms = terms.slice(0, contracted);
    // A name inside a phrase splits it: keep the part before the name only.
    const named = terms.findIndex((term) => names.has(term.normal));
    if (named >= 0) terms = terms.slice(0, named);
    while (terms.length > 0 && isFillerWord(terms[0]!.normal)) terms = terms.slice(1);
    while (terms.length > 0 && isFillerWord(terms[terms.length - 1]!.normal)) terms = terms.slice(0, -1);
    // A key phrase names a thing: it ends in a noun ("release notes", not "interesting").
    while (terms.length > 0 && !terms[terms.length - 1]!.noun) terms = terms.slice(0, -1);
    if (terms.length === 0 || terms.length > 4) continue;
    if (terms.some((term) => term.normal.length < 2)) continue;
    out.push({ key: terms.map((t) => t.normal).join(' '), form: terms.map((t) => t.text).join(' ') });
  }
  return out;
}

/**
 * Candidate key phrases per theme, most distinctive first. `themeTexts[t]` are theme t's quotes,
 * most central first. A phrase must occur at least twice among them (when the theme has 3 or
 * more quotes), so a phrase said once cannot name a theme.
 */
export function themePhrases(
  themeTexts: readonly (readonly string[])[],
  names: ReadonlySet<string>,
  topN: number = LABEL_SETTINGS.candidates,
): PhraseCandidate[][] {
  const found = new Map<string, Found>();
  const words = new Float64Array(themeTexts.length);
  themeTexts.forEach((texts, t) => {
    const central = texts.slice(0, LABEL_SETTINGS.centralQuotes);
    for (const text of central) words[t]! += text.split(/\s+/).length;
    // One document per theme: compromise parses a long text about 3 times faster per sentence
    // than many short ones. Each quote ends a sentence, so no phrase spans two quotes.
    const doc = central.map((text) => (/[.!?]["”’)]?$/.test(text.trim()) ? text.trim() : `${text.trim()}.`)).join(' ');
    for (const { key, form } of nounPhrases(doc, names)) {
      const entry = found.get(key) ?? { counts: new Map(), forms: new Map() };
      entry.counts.set(t, (entry.counts.get(t) ?? 0) + 1);
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
      found.set(key, entry);
    }
  });
  const meanWords = words.reduce((s, w) => s + w, 0) / Math.max(1, themeTexts.length);
  const perTheme: { key: string; score: number }[][] = themeTexts.map(() => []);
  for (const [key, entry] of found) {
    if (labelReasons(key, names).length > 0) continue;
    let total = 0;
    for (const count of entry.counts.values()) total += count;
    for (const [t, count] of entry.counts) {
      const sampled = Math.min(themeTexts[t]!.length, LABEL_SETTINGS.centralQuotes);
      if (count < Math.min(2, sampled - 1) && sampled >= 3) continue;
      // c-TF-IDF; a phrase of several words is rarer than a word, so its count weighs by length.
      const length = key.split(' ').length;
      const tf = (count * (1 + 0.5 * (length - 1))) / Math.max(1, words[t]!);
      perTheme[t]!.push({ key, score: tf * Math.log(1 + meanWords / total) });
    }
  }
  return perTheme.map((scored) => {
    scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const top = scored.slice(0, topN);
    const best = top[0]?.score ?? 1;
    return top.map(({ key, score }) => ({ phrase: displayForm(found.get(key)!.forms, key), distinct: score / best }));
  });
}

function displayForm(forms: Map<string, number>, key: string): string {
  let best = key;
  let bestCount = -1;
  for (const [form, count] of [...forms].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count > bestCount) [best, bestCount] = [form, count];
  }
  // Keep acronyms and names of things ("PyPI", "GitHub"); lower-case the rest, then capitalise.
  const words = best.split(' ').map((word) => (/\p{Lu}.*\p{Lu}|\d/u.test(word) ? word : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const cosine = (a: Float32Array, b: Float32Array): number => {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
};

/**
 * Label and keywords per theme from its candidates. With `vectors` (phrase -> unit vector from
 * the quotes' model) a phrase's relevance mixes its cosine to the theme centroid with its
 * distinctiveness; without, distinctiveness alone. Themes are labelled largest first and no two
 * share a label. Deterministic: ties go to the earlier candidate.
 */
export function labelThemes(
  themes: readonly { candidates: readonly PhraseCandidate[]; centroid: Float32Array; size: number }[],
  vectors?: ReadonlyMap<string, Float32Array>,
): LabelledTheme[] {
  const w = vectors ? LABEL_SETTINGS.similarityWeight : 0;
  const out: LabelledTheme[] = themes.map(() => ({ label: '', keywords: [] }));
  const used = new Set<string>();
  const order = themes.map((_, t) => t).sort((a, b) => themes[b]!.size - themes[a]!.size || a - b);
  for (const t of order) {
    const { candidates, centroid } = themes[t]!;
    const vectorOf = (phrase: string) => vectors?.get(phrase.toLowerCase());
    const relevance = candidates.map((c) => {
      const v = vectorOf(c.phrase);
      return (1 - w) * c.distinct + w * (v ? cosine(v, centroid) : 0);
    });
    const picked: number[] = [];
    const remaining = candidates.map((_, i) => i);
    while (picked.length < LABEL_SETTINGS.keywords && remaining.length > 0) {
      let best = -1;
      let bestScore = -Infinity;
      for (const i of remaining) {
        const v = vectorOf(candidates[i]!.phrase);
        let redundancy = 0;
        for (const j of picked) {
          const u = vectorOf(candidates[j]!.phrase);
          redundancy = Math.max(redundancy, v && u ? cosine(v, u) : sharesWord(candidates[i]!.phrase, candidates[j]!.phrase) ? 1 : 0);
        }
        const score = picked.length === 0 ? relevance[i]! : LABEL_SETTINGS.diversity * relevance[i]! - (1 - LABEL_SETTINGS.diversity) * redundancy;
        if (score > bestScore) [best, bestScore] = [i, score];
      }
      picked.push(best);
      remaining.splice(remaining.indexOf(best), 1);
    }
    const keywords = picked.map((i) => candidates[i]!.phrase);
    // The label: the most relevant candidate no larger theme took already.
    const byRelevance = candidates.map((_, i) => i).sort((a, b) => relevance[b]! - relevance[a]! || a - b);
    const label = byRelevance.map((i) => candidates[i]!.phrase).find((p) => !used.has(p.toLowerCase()));
    if (label) used.add(label.toLowerCase());
    out[t] = { label: label ?? '', keywords };
  }
  return out;
}

function sharesWord(a: string, b: string): boolean {
  const words = new Set(a.toLowerCase().split(' '));
  return b.toLowerCase().split(' ').some((word) => words.has(word));
}

/**
 * The theme's clearest central quote: among its 30 most central, the first that reads alone (8
 * to 30 words, opens on a capital letter and not on a conjunction or a filler, ends a statement)
 * and names one of the theme's key phrases; else the first that reads alone; else the most
 * central quote.
 */
export function describeTheme(centralTexts: readonly string[], phrases: readonly string[] = []): string {
  const { min, max } = LABEL_SETTINGS.descriptionWords;
  const readable = centralTexts.slice(0, 30).filter((text) => {
    const words = text.trim().split(/\s+/);
    if (words.length < min || words.length > max) return false;
    if (!/^["“]?\p{Lu}/u.test(text.trim()) || !/[.!]["”]?$/.test(text.trim())) return false;
    if (/…|\.\.\.|\s--\s/.test(text)) return false;
    const first = words[0]!.toLowerCase().replace(/[^\p{L}']/gu, '');
    return !OPENERS.has(first);
  });
  const keys = phrases.map((phrase) => phrase.toLowerCase());
  const naming = readable.find((text) => keys.some((key) => text.toLowerCase().includes(key)));
  return naming ?? readable[0] ?? centralTexts[0] ?? '';
}

/** Words that open a sentence leaning on the one before it, or on nothing. */
const OPENERS = new Set(
  'and but so or because yeah yes no well um uh like oh okay ok right which that this it they he she also then though'.split(' '),
);
