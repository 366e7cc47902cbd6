import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../../electron/core/synthesis/metrics';
import { plantedWords, syntheticBlobs } from '../../../electron/core/synthesis/syntheticData';
import { chooseThemeCount, themeCountCandidates } from '../../../electron/core/synthesis/themeCount';
import { clusterThemes } from '../../../electron/core/synthesis/themes';
import { findOutliers } from '../../../electron/core/synthesis/outliers';
import { createRng } from '../../../electron/core/synthesis/random';
import { dot, toMatrix } from '../../../electron/core/synthesis/vectors';
import { randomUnit } from './fixtures';

describe('chooseThemeCount', () => {
  it('proposes candidates around sqrt(n/2), within 2..40 and below n', () => {
    expect(themeCountCandidates(4)).toEqual([2]);
    expect(themeCountCandidates(300)).toEqual([4, 5, 6, 7, 8, 9, 11, 13, 15, 18]);
    const large = themeCountCandidates(50_000);
    expect(Math.max(...large)).toBe(40);
    expect(large.length).toBeGreaterThanOrEqual(5);
  });

  it('finds the planted number of themes', () => {
    const quotes = syntheticBlobs({ n: 300, clusters: 7, dim: 96, seed: 2 });
    const choice = chooseThemeCount(
      quotes.map((q) => q.vector),
      1,
    );
    expect(choice.k).toBe(7);
    expect(choice.scores['7']).toBe(Math.max(...Object.values(choice.scores)));
  });
});

describe('clusterThemes', () => {
  const quotes = syntheticBlobs({ n: 300, clusters: 7, dim: 96, seed: 2 });

  it('recovers planted themes and labels them with their planted words', () => {
    const result = clusterThemes({ quotes, seed: 1 });
    expect(result.k).toBe(7);
    const labelOf = new Map<number, number>();
    result.themes.forEach((theme, t) => theme.quoteIds.forEach((id) => labelOf.set(id, t)));
    const found = quotes.map((q) => labelOf.get(q.id)!);
    expect(adjustedRandIndex(quotes.map((q) => q.truth), found)).toBeGreaterThanOrEqual(0.95);
    for (const theme of result.themes.filter((t) => !t.outlier)) {
      const truth = quotes.find((q) => q.id === theme.quoteIds[0])!.truth;
      const planted = (phrase: string) => phrase.toLowerCase().split(' ').every((word) => plantedWords(truth).includes(word));
      expect(theme.keywords.length).toBeGreaterThan(0);
      expect(theme.keywords.every(planted)).toBe(true);
      expect(planted(theme.label)).toBe(true);
      expect(theme.label).toBe(theme.keywords[0]);
    }
  });

  it('orders quotes from most to least central', () => {
    const vectorOf = new Map(quotes.map((q) => [q.id, q.vector]));
    for (const theme of clusterThemes({ quotes, seed: 1 }).themes) {
      const closeness = theme.quoteIds.map((id) => dot(vectorOf.get(id)!, theme.centroid));
      expect(closeness).toEqual([...closeness].sort((a, b) => b - a));
    }
  });

  it('honours a theme-count override and reports no scores for it', () => {
    const result = clusterThemes({ quotes, seed: 1, k: 4 });
    expect(result.k).toBe(4);
    expect(result.scores).toEqual({});
    expect(result.themes.flatMap((t) => t.quoteIds).sort((a, b) => a - b)).toEqual(quotes.map((q) => q.id));
  });

  it('is deterministic', () => {
    const run = () => JSON.stringify(clusterThemes({ quotes, seed: 3 }), (_, value) =>
      value instanceof Float32Array ? Array.from(value) : value,
    );
    expect(run()).toBe(run());
  });

  it.each([0, 1, 2, 3])('handles %i quotes without crashing', (n) => {
    const tiny = quotes.slice(0, n);
    const result = clusterThemes({ quotes: tiny, seed: 1 });
    expect(result.k).toBe(n === 0 ? 0 : 1);
    expect(result.themes.flatMap((t) => t.quoteIds).length).toBe(n);
  });

  it('clamps an override larger than the number of quotes', () => {
    expect(clusterThemes({ quotes: quotes.slice(0, 3), seed: 1, k: 10 }).k).toBe(3);
  });
});

describe('quotes that fit no theme', () => {
  const blobs = syntheticBlobs({ n: 300, clusters: 6, dim: 96, seed: 4, spread: 0.8 });
  const rng = createRng(99);
  // Eight quotes about nothing the others talk about: random directions, far from every blob.
  const strays = Array.from({ length: 8 }, (_, i) => ({ id: 1000 + i, text: 'something else entirely', vector: randomUnit(rng, 96) }));
  const quotes = [...blobs, ...strays];

  it('sets them aside in one last group flagged outlier, outside the theme count', () => {
    const result = clusterThemes({ quotes, seed: 1, k: 6 });
    const outlier = result.themes.at(-1)!;
    expect(result.k).toBe(6);
    expect(result.themes).toHaveLength(7);
    expect(outlier).toMatchObject({ outlier: true, label: 'Fits no theme', keywords: [] });
    expect(outlier.quoteIds).toEqual(expect.arrayContaining(strays.map((q) => q.id)));
    expect(outlier.quoteIds.length).toBeLessThanOrEqual(strays.length + 3);
    expect(result.themes.slice(0, -1).every((t) => t.outlier === undefined)).toBe(true);
    expect(result.themes.flatMap((t) => t.quoteIds).sort((a, b) => a - b)).toEqual(quotes.map((q) => q.id));
  });

  it('keeps every quote in a theme when asked not to set any aside', () => {
    const result = clusterThemes({ quotes, seed: 1, k: 6, outliers: false });
    expect(result.themes).toHaveLength(6);
    expect(result.themes.some((t) => t.outlier)).toBe(false);
  });

  it('keeps a small theme merged into a bigger one rather than calling it outliers', () => {
    // 7 themes asked for, 8 planted: the blobs sharing a centroid sit far from it (about 100
    // quotes fall below the closeness cutoff), but each is close to its own kind.
    const eight = syntheticBlobs({ n: 400, clusters: 8, dim: 96, seed: 8, spread: 0.6 });
    const result = clusterThemes({ quotes: eight, seed: 1, k: 7 });
    expect(result.themes.find((t) => t.outlier)?.quoteIds.length ?? 0).toBeLessThanOrEqual(3);
  });

  it('finds none among fewer than 20 quotes', () => {
    expect(findOutliers(toMatrix(quotes.slice(-19).map((q) => q.vector)), new Float64Array(19).fill(0.5))).toEqual([]);
    const result = clusterThemes({ quotes: [...blobs.slice(0, 12), ...strays.slice(0, 2)], seed: 1, k: 2 });
    expect(result.themes.some((t) => t.outlier)).toBe(false);
  });
});
