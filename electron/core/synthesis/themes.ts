// Quotes -> themes: choose k (or take the override), cluster, label by c-TF-IDF, and order each
// theme's quotes from most to least central.

import { classTfIdf, labelFromKeywords } from './keywords';
import { kmeans } from './kmeans';
import { chooseThemeCount } from './themeCount';
import { dotAt, toMatrix } from './vectors';

export interface ThemeQuote {
  id: number;
  text: string;
  vector: Float32Array;
}

export interface ClusterThemesInput {
  quotes: readonly ThemeQuote[];
  seed: number;
  /** Number of themes; chosen by silhouette when omitted. Clamped to 1..number of quotes. */
  k?: number;
}

export interface ThemeCluster {
  label: string;
  keywords: string[];
  /** Ordered by closeness to the centroid, most central first. */
  quoteIds: number[];
  /** Unit vector. */
  centroid: Float32Array;
}

export interface ClusterThemesResult {
  k: number;
  themes: ThemeCluster[];
  /** Silhouette per candidate k when k was chosen automatically; empty otherwise. */
  scores: Record<string, number>;
  outliers: number[];
}

/** Below this many quotes there is nothing to separate: everything is one theme. */
const MIN_QUOTES_TO_CLUSTER = 4;

export function clusterThemes(input: ClusterThemesInput): ClusterThemesResult {
  const { quotes, seed } = input;
  if (quotes.length === 0) return { k: 0, themes: [], scores: {}, outliers: [] };
  const matrix = toMatrix(quotes.map((quote) => quote.vector));

  let k: number;
  let scores: Record<string, number> = {};
  if (input.k !== undefined) {
    if (!Number.isInteger(input.k) || input.k < 1) {
      throw new Error(`theme count must be a positive integer, got ${input.k}`);
    }
    k = Math.min(input.k, quotes.length);
  } else if (quotes.length < MIN_QUOTES_TO_CLUSTER) {
    k = 1;
  } else {
    ({ k, scores } = chooseThemeCount(matrix, seed));
  }

  const fit = kmeans(matrix, k, { seed, nInit: 3 });
  const keywords = classTfIdf(
    quotes.map((quote) => quote.text),
    fit.labels,
    k,
  );

  const members: number[][] = Array.from({ length: k }, () => []);
  fit.labels.forEach((label, row) => members[label]!.push(row));
  const closeness = (row: number): number =>
    dotAt(matrix.data, row * matrix.dim, fit.centroids, fit.labels[row]! * matrix.dim, matrix.dim);

  const themes: ThemeCluster[] = [];
  members.forEach((rows, c) => {
    if (rows.length === 0) return; // only when duplicate vectors outnumber distinct ones
    const ranked = rows
      .map((row) => ({ row, score: closeness(row) }))
      .sort((a, b) => b.score - a.score || quotes[a.row]!.id - quotes[b.row]!.id);
    const terms = keywords[c]!.map((scored) => scored.term);
    themes.push({
      label: labelFromKeywords(terms),
      keywords: terms,
      quoteIds: ranked.map(({ row }) => quotes[row]!.id),
      centroid: fit.centroids.slice(c * matrix.dim, (c + 1) * matrix.dim),
    });
  });
  return { k: themes.length, themes, scores, outliers: [] };
}
