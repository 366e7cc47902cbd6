import { describe, expect, it } from 'vitest';
import { createRng } from '../../../electron/core/synthesis/random';
import { sampledSilhouetteScore, silhouetteScore } from '../../../electron/core/synthesis/silhouette';
import { toMatrix } from '../../../electron/core/synthesis/vectors';

const v = (...values: number[]) => new Float32Array(values);

/** O(n²) silhouette with cosine distance, straight from the definition. */
function bruteForce(vectors: Float32Array[], labels: number[]): number {
  const cosineDistance = (a: Float32Array, b: Float32Array) => {
    let dot = 0;
    let na = 0;
    let nb = 0;
    a.forEach((x, t) => {
      dot += x * b[t]!;
      na += x * x;
      nb += b[t]! * b[t]!;
    });
    return 1 - dot / Math.sqrt(na * nb);
  };
  const clusters = [...new Set(labels)];
  let total = 0;
  vectors.forEach((x, i) => {
    const meanTo = (c: number) => {
      const others = vectors.filter((_, j) => labels[j] === c && j !== i);
      return others.reduce((s, y) => s + cosineDistance(x, y), 0) / others.length;
    };
    if (labels.filter((l) => l === labels[i]).length < 2) return;
    const a = meanTo(labels[i]!);
    const b = Math.min(...clusters.filter((c) => c !== labels[i]).map(meanTo));
    total += (b - a) / Math.max(a, b);
  });
  return total / vectors.length;
}

describe('silhouetteScore (cosine)', () => {
  it('matches a hand-computed case', () => {
    // a=(1,0) b=(.6,.8) | c=(0,1) d=(-.6,.8). Cosine distances: ab .4, ac 1, ad 1.6, bc .2, bd .72, cd .2
    // s(a) = (1.3-.4)/1.3 = 9/13, s(b) = (.46-.4)/.46 = 3/23, s(c) = (.6-.2)/.6 = 2/3, s(d) = (1.16-.2)/1.16 = 24/29
    const matrix = toMatrix([v(1, 0), v(0.6, 0.8), v(0, 1), v(-0.6, 0.8)]);
    const expected = (9 / 13 + 3 / 23 + 2 / 3 + 24 / 29) / 4;
    expect(silhouetteScore(matrix, [0, 0, 1, 1])).toBeCloseTo(expected, 6);
  });

  it('matches the O(n²) definition on random data, singletons included', () => {
    const rng = createRng(4);
    const vectors = Array.from({ length: 60 }, () => Float32Array.from({ length: 24 }, () => rng.gaussian()));
    const labels = vectors.map((_, i) => (i === 59 ? 3 : i % 3));
    expect(silhouetteScore(toMatrix(vectors), labels)).toBeCloseTo(bruteForce(vectors, labels), 5);
  });

  it('is 0 with a single cluster and tends to 1 for tight, far clusters', () => {
    const matrix = toMatrix([v(1, 0.01), v(1, -0.01), v(-1, 0.01), v(-1, -0.01)]);
    expect(silhouetteScore(matrix, [0, 0, 0, 0])).toBe(0);
    expect(silhouetteScore(matrix, [0, 0, 1, 1])).toBeGreaterThan(0.99);
  });

  it('sampled score is seeded and close to the exact one', () => {
    const rng = createRng(8);
    const vectors = Array.from({ length: 400 }, (_, i) =>
      Float32Array.from({ length: 16 }, (_, t) => (t === i % 4 ? 3 : 0) + rng.gaussian()),
    );
    const matrix = toMatrix(vectors);
    const labels = vectors.map((_, i) => i % 4);
    const exact = silhouetteScore(matrix, labels);
    expect(sampledSilhouetteScore(matrix, labels, 150, 1)).toBe(sampledSilhouetteScore(matrix, labels, 150, 1));
    expect(sampledSilhouetteScore(matrix, labels, 150, 1)).toBeCloseTo(exact, 1);
  });
});
