import { describe, expect, it } from 'vitest';
import { projectQuotes2d } from '../../../electron/core/synthesis/projection';
import { syntheticBlobs } from '../../../electron/core/synthesis/syntheticData';

describe('projectQuotes2d', () => {
  const quotes = syntheticBlobs({ n: 120, clusters: 3, dim: 32, seed: 5, spread: 0.5 });
  const vectors = quotes.map((q) => q.vector);

  it('gives x, y per quote within [-1, 1], the same for the same seed', () => {
    const first = projectQuotes2d(vectors, 7);
    expect(first).toHaveLength(240);
    for (const value of first) expect(Math.abs(value)).toBeLessThanOrEqual(1 + 1e-6);
    expect(Buffer.from(projectQuotes2d(vectors, 7).buffer)).toEqual(Buffer.from(first.buffer));
  });

  it('keeps planted groups apart: each point is nearer its own group’s centre', () => {
    const xy = projectQuotes2d(vectors, 1);
    const centre = [0, 1, 2].map((b) => {
      const rows = quotes.flatMap((q, i) => (q.truth === b ? [i] : []));
      return [0, 1].map((axis) => rows.reduce((s, i) => s + xy[2 * i + axis]!, 0) / rows.length);
    });
    const nearest = quotes.map((_, i) => {
      const d = centre.map(([cx, cy]) => (xy[2 * i]! - cx!) ** 2 + (xy[2 * i + 1]! - cy!) ** 2);
      return d.indexOf(Math.min(...d));
    });
    const agree = nearest.filter((b, i) => b === quotes[i]!.truth).length;
    expect(agree / quotes.length).toBeGreaterThanOrEqual(0.95);
  });

  it('copes with fewer than 3 quotes', () => {
    expect(projectQuotes2d([], 1)).toHaveLength(0);
    expect(Array.from(projectQuotes2d(vectors.slice(0, 1), 1))).toEqual([0, 0]);
    expect(Array.from(projectQuotes2d(vectors.slice(0, 2), 1))).toEqual([-0.5, 0, 0.5, 0]);
    expect(projectQuotes2d(vectors.slice(0, 3), 1)).toHaveLength(6);
  });
});

describe('projectQuotes2d above the landmark count', () => {
  const quotes = syntheticBlobs({ n: 600, clusters: 4, dim: 48, seed: 9, spread: 0.5 });
  const vectors = quotes.map((q) => q.vector);

  it('fits UMAP on a sample and places the rest among their nearest landmarks: groups stay apart', () => {
    const xy = projectQuotes2d(vectors, 3, 150);
    expect(xy).toHaveLength(1200);
    for (const value of xy) expect(Math.abs(value)).toBeLessThanOrEqual(1 + 1e-6);
    const centre = [0, 1, 2, 3].map((b) => {
      const rows = quotes.flatMap((q, i) => (q.truth === b ? [i] : []));
      return [0, 1].map((axis) => rows.reduce((s, i) => s + xy[2 * i + axis]!, 0) / rows.length);
    });
    const nearest = quotes.map((_, i) => {
      const d = centre.map(([cx, cy]) => (xy[2 * i]! - cx!) ** 2 + (xy[2 * i + 1]! - cy!) ** 2);
      return d.indexOf(Math.min(...d));
    });
    expect(nearest.filter((b, i) => b === quotes[i]!.truth).length / quotes.length).toBeGreaterThanOrEqual(0.95);
  });

  it('draws the same map for the same seed, and a different sample for another', () => {
    const a = projectQuotes2d(vectors, 3, 150);
    expect(Buffer.from(projectQuotes2d(vectors, 3, 150).buffer)).toEqual(Buffer.from(a.buffer));
    expect(Buffer.from(projectQuotes2d(vectors, 4, 150).buffer)).not.toEqual(Buffer.from(a.buffer));
  });
});
