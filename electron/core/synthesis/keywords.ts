// Theme labels by class-based TF-IDF (BERTopic's c-TF-IDF): all quotes of a cluster are one
// document; a term scores high when frequent in its cluster and rare across clusters:
//   W(t, c) = tf(t, c) / |c|  ·  log(1 + A / f(t))
// with |c| the words in cluster c, A the mean words per cluster and f(t) the frequency of t
// over all clusters.

import { STOP_WORDS } from './stopWords';

export interface KeywordOptions {
  /** Keywords kept per cluster. Default 10. */
  topN?: number;
  /** Also count two-word phrases of adjacent content words. Default true. */
  bigrams?: boolean;
}

export interface ScoredTerm {
  term: string;
  score: number;
}

const WORD = /[\p{L}][\p{L}\p{M}'’-]*[\p{L}]|[\p{L}]/gu;

/** Lowercased content words, in order; `null` marks a removed word so phrases never span it. */
export function tokenize(text: string): (string | null)[] {
  const words = text.toLowerCase().match(WORD) ?? [];
  return words.flatMap((word) =>
    // "don't" -> "don", "t": split on apostrophes so contractions hit the stop list.
    word.split(/['’]/).map((part) => (part.length < 2 || STOP_WORDS.has(part) ? null : part)),
  );
}

/** Folds a plural onto its singular when the singular also occurs ("invoices" -> "invoice"). */
function pluralFolder(tokenLists: (string | null)[][]): (token: string) => string {
  const vocabulary = new Set<string>();
  for (const tokens of tokenLists) for (const token of tokens) if (token) vocabulary.add(token);
  return (token) =>
    token.length > 3 && token.endsWith('s') && !token.endsWith('ss') && vocabulary.has(token.slice(0, -1))
      ? token.slice(0, -1)
      : token;
}

function termsOf(tokens: (string | null)[], fold: (token: string) => string, bigrams: boolean): string[] {
  const folded = tokens.map((token) => (token === null ? null : fold(token)));
  const terms: string[] = [];
  for (let i = 0; i < folded.length; i++) {
    const token = folded[i];
    if (!token) continue;
    terms.push(token);
    const nextToken = folded[i + 1];
    if (bigrams && nextToken && nextToken !== token) terms.push(`${token} ${nextToken}`);
  }
  return terms;
}

/**
 * Top c-TF-IDF terms per cluster. `labels[i]` is the cluster of `texts[i]`, in 0..k-1. A term
 * must occur in at least two quotes of its cluster (when the cluster has two), so one rambling
 * quote cannot name a theme; a term sharing a word with a better-ranked one is skipped.
 */
export function classTfIdf(
  texts: readonly string[],
  labels: ArrayLike<number>,
  k: number,
  options: KeywordOptions = {},
): ScoredTerm[][] {
  if (labels.length !== texts.length) throw new Error(`${labels.length} labels for ${texts.length} texts`);
  const topN = options.topN ?? 10;
  const tokenLists = texts.map(tokenize);
  const fold = pluralFolder(tokenLists);

  const counts = Array.from({ length: k }, () => new Map<string, number>());
  const quoteCounts = Array.from({ length: k }, () => new Map<string, number>());
  const classSizes = new Int32Array(k);
  const words = new Float64Array(k);
  const overall = new Map<string, number>();
  tokenLists.forEach((tokens, i) => {
    const c = labels[i]!;
    if (!(c >= 0 && c < k)) throw new Error(`label ${c} outside 0..${k - 1}`);
    classSizes[c]!++;
    const terms = termsOf(tokens, fold, options.bigrams ?? true);
    for (const term of terms) {
      counts[c]!.set(term, (counts[c]!.get(term) ?? 0) + 1);
      overall.set(term, (overall.get(term) ?? 0) + 1);
      if (!term.includes(' ')) words[c]!++;
    }
    for (const term of new Set(terms)) quoteCounts[c]!.set(term, (quoteCounts[c]!.get(term) ?? 0) + 1);
  });

  const meanWords = words.reduce((sum, w) => sum + w, 0) / Math.max(1, k);
  return counts.map((termCounts, c) => {
    const minQuotes = Math.min(2, classSizes[c]!);
    const scored: ScoredTerm[] = [];
    for (const [term, count] of termCounts) {
      if (quoteCounts[c]!.get(term)! < minQuotes) continue;
      const tf = count / Math.max(1, words[c]!);
      scored.push({ term, score: tf * Math.log(1 + meanWords / overall.get(term)!) });
    }
    // On equal scores the phrase wins over its words ("month end" over "end"), then A-Z.
    scored.sort((a, b) => b.score - a.score || wordCount(b.term) - wordCount(a.term) || byText(a.term, b.term));
    return pickDistinct(scored, topN);
  });
}

const wordCount = (term: string): number => term.split(' ').length;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function pickDistinct(sorted: ScoredTerm[], topN: number): ScoredTerm[] {
  const picked: ScoredTerm[] = [];
  const usedWords = new Set<string>();
  for (const candidate of sorted) {
    if (picked.length >= topN) break;
    const parts = candidate.term.split(' ');
    if (parts.some((part) => usedWords.has(part))) continue;
    picked.push(candidate);
    for (const part of parts) usedWords.add(part);
  }
  return picked;
}

/** "invoice · month end · receipts": the top keywords, joined. */
export function labelFromKeywords(keywords: readonly string[], count = 3): string {
  return keywords.length === 0 ? 'Untitled theme' : keywords.slice(0, count).join(' · ');
}
