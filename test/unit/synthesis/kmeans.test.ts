import { describe, expect, it } from 'vitest';
import { kmeans } from '../../../electron/core/synthesis/kmeans';
import { adjustedRandIndex, purity } from '../../../electron/core/synthesis/metrics';
import { syntheticBlobs } from '../../../electron/core/synthesis/syntheticData';
import { toMatrix } from '../../../electron/core/synthesis/vectors';

function blobs(n: number, clusters: number, dim: number, seed = 3, spread = 1) {
  const quotes = syntheticBlobs({ n, clusters, dim, seed, spread });
  return { matrix: toMatrix(quotes.map((q) => q.vector)), truth: quotes.map((q) => q.truth) };
}

describe('kmeans', () => {
  it('recovers planted clusters on the unit sphere', () => {
    const { matrix, truth } = blobs(600, 6, 64);
    const result = kmeans(matrix, 6, { seed: 1 });
    expect(adjustedRandIndex(truth, result.labels)).toBeGreaterThanOrEqual(0.95);
    expect(purity(truth, result.labels)).toBeGreaterThanOrEqual(0.95);
  });

  it('recovers planted clusters at 384 dims through the sampled path', () => {
    const { matrix, truth } = blobs(3000, 12, 384, 5, 1.2);
    const result = kmeans(matrix, 12, { seed: 2, sampleSize: 600 });
    expect(adjustedRandIndex(truth, result.labels)).toBeGreaterThanOrEqual(0.95);
  });

  it('is deterministic for a seed, byte for byte', () => {
    const { matrix } = blobs(400, 5, 32, 9, 2.5); // heavy overlap: many places to diverge
    const first = kmeans(matrix, 5, { seed: 42 });
    const second = kmeans(matrix, 5, { seed: 42 });
    expect(Buffer.from(second.centroids.buffer)).toEqual(Buffer.from(first.centroids.buffer));
    expect([...second.labels]).toEqual([...first.labels]);
    expect(second.inertia).toBe(first.inertia);
  });

  it('returns unit centroids and an inertia equal to the summed cosine distance', () => {
    const { matrix } = blobs(200, 4, 16);
    const result = kmeans(matrix, 4, { seed: 1 });
    let inertia = 0;
    for (let c = 0; c < 4; c++) {
      let sq = 0;
      for (let t = 0; t < 16; t++) sq += result.centroids[c * 16 + t]! ** 2;
      expect(Math.sqrt(sq)).toBeCloseTo(1, 5);
    }
    for (let i = 0; i < matrix.n; i++) {
      let d = 0;
      for (let t = 0; t < 16; t++) d += matrix.data[i * 16 + t]! * result.centroids[result.labels[i]! * 16 + t]!;
      inertia += 1 - d;
    }
    expect(result.inertia).toBeCloseTo(inertia, 3);
  });

  it('keeps the lowest inertia over restarts', () => {
    const { matrix } = blobs(300, 8, 16, 4, 2);
    const single = kmeans(matrix, 8, { seed: 5, nInit: 1 });
    const several = kmeans(matrix, 8, { seed: 5, nInit: 6 });
    expect(several.inertia).toBeLessThanOrEqual(single.inertia);
  });

  it('handles k = 1 and k = n', () => {
    const { matrix } = blobs(10, 2, 8);
    expect(new Set(kmeans(matrix, 1, { seed: 1 }).labels)).toEqual(new Set([0]));
    expect(new Set(kmeans(matrix, 10, { seed: 1 }).labels).size).toBe(10);
  });

  it('survives duplicate vectors without empty-cluster crashes', () => {
    const same = new Float32Array([0.6, 0.8, 0, 0]);
    const matrix = toMatrix([same, same, same, same, new Float32Array([0, 0, 1, 0])]);
    const result = kmeans(matrix, 3, { seed: 1 });
    expect(result.labels.every((label) => label >= 0 && label < 3)).toBe(true);
    expect(result.labels[4]).not.toBe(result.labels[0]);
  });

  it('rejects an impossible k', () => {
    const { matrix } = blobs(5, 1, 8);
    expect(() => kmeans(matrix, 6, { seed: 1 })).toThrow(/k must be/);
    expect(() => kmeans(matrix, 0, { seed: 1 })).toThrow(/k must be/);
  });
});

describe('kmeans refinement', () => {
  it('never raises the inertia Lloyd’s iterations reached, and keeps every cluster non-empty', () => {
    const { matrix } = blobs(500, 10, 32, 6, 3); // heavy overlap: room for single-point moves
    for (const seed of [1, 2, 3]) {
      const lloyd = kmeans(matrix, 10, { seed, nInit: 1, refinePasses: 0 });
      const refined = kmeans(matrix, 10, { seed, nInit: 1 });
      expect(refined.inertia).toBeLessThanOrEqual(lloyd.inertia + 1e-9);
      expect(new Set(refined.labels).size).toBe(10);
    }
  });

  it('reports the inertia and unit centroids of the labels it returns', () => {
    const { matrix } = blobs(300, 6, 16, 2, 2.5);
    const result = kmeans(matrix, 6, { seed: 4 });
    let inertia = 0;
    for (let c = 0; c < 6; c++) {
      const rows = [...result.labels.keys()].filter((i) => result.labels[i] === c);
      const mean = new Float64Array(16);
      for (const i of rows) for (let t = 0; t < 16; t++) mean[t]! += matrix.data[i * 16 + t]!;
      const norm = Math.hypot(...mean);
      for (let t = 0; t < 16; t++) expect(result.centroids[c * 16 + t]!).toBeCloseTo(mean[t]! / norm, 4);
      for (const i of rows) {
        let d = 0;
        for (let t = 0; t < 16; t++) d += matrix.data[i * 16 + t]! * (mean[t]! / norm);
        inertia += 1 - d;
      }
    }
    expect(result.inertia).toBeCloseTo(inertia, 3);
  });
});
