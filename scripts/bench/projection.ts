// The 2-D quote map: Grounded's projection (UMAP on at most PROJECTION_LANDMARKS quotes, the rest
// placed among their nearest landmarks) against UMAP fitted on every quote, on the same vectors.
// Quality is neighbourhood preservation: of each sampled quote's 10 nearest quotes by cosine, the
// share that are also among its 10 nearest on the map.

import { PROJECTION_LANDMARKS, projectQuotes2d } from '../../electron/core/synthesis/projection';
import { syntheticBlobs } from '../../electron/core/synthesis/syntheticData';

export interface ProjectionBench {
  n: number;
  seconds: number;
  rawSeconds: number;
  preserved: number;
  rawPreserved: number;
}

const K = 10;

function preservation(vectors: Float32Array[], xy: Float32Array, sample: number[]): number {
  let kept = 0;
  for (const i of sample) {
    const v = vectors[i]!;
    const byCosine = vectors
      .map((w, j) => {
        let dot = 0;
        for (let d = 0; d < v.length; d++) dot += v[d]! * w[d]!;
        return [j, dot] as const;
      })
      .filter(([j]) => j !== i)
      .sort((a, b) => b[1] - a[1])
      .slice(0, K)
      .map(([j]) => j);
    const onMap = new Set(
      vectors
        .map((_, j) => [j, (xy[2 * j]! - xy[2 * i]!) ** 2 + (xy[2 * j + 1]! - xy[2 * i + 1]!) ** 2] as const)
        .filter(([j]) => j !== i)
        .sort((a, b) => a[1] - b[1])
        .slice(0, K)
        .map(([j]) => j),
    );
    kept += byCosine.filter((j) => onMap.has(j)).length;
  }
  return kept / (sample.length * K);
}

export function benchProjection(n: number): ProjectionBench {
  const vectors = syntheticBlobs({ n, clusters: 20, dim: 384, seed: 2, spread: 1.5 }).map((q) => q.vector);
  let t = performance.now();
  const xy = projectQuotes2d(vectors, 1);
  const seconds = (performance.now() - t) / 1000;
  t = performance.now();
  const rawXy = projectQuotes2d(vectors, 1, Number.POSITIVE_INFINITY);
  const rawSeconds = (performance.now() - t) / 1000;
  const sample = Array.from({ length: 200 }, (_, i) => Math.floor((i * n) / 200));
  return { n, seconds, rawSeconds, preserved: preservation(vectors, xy, sample), rawPreserved: preservation(vectors, rawXy, sample) };
}

export const landmarks = PROJECTION_LANDMARKS;
