// A 2-D map of quotes for the theme view: UMAP (umap-js) over the quote vectors, seeded so the
// same study draws the same map. Heavy (seconds at a few thousand quotes): run it in a worker.

import { UMAP } from 'umap-js';
import { createRng } from './random';

export const PROJECTION_PARAMS = { nNeighbors: 15, minDist: 0.1 } as const;

/**
 * x, y interleaved per vector: [x0, y0, x1, y1, ...], scaled into [-1, 1] on the wider axis and
 * centred. Euclidean distance between unit vectors orders neighbours as cosine does. Fewer than
 * 3 vectors get fixed positions (there is no neighbourhood to embed).
 */
export function projectQuotes2d(vectors: readonly Float32Array[], seed: number): Float32Array {
  const n = vectors.length;
  const out = new Float32Array(n * 2);
  if (n < 3) {
    if (n === 2) out.set([-0.5, 0, 0.5, 0]);
    return out;
  }
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(PROJECTION_PARAMS.nNeighbors, n - 1),
    minDist: PROJECTION_PARAMS.minDist,
    random: createRng(seed).next,
  });
  const embedding = umap.fit(vectors.map((vector) => Array.from(vector)));

  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity; // prettier-ignore
  for (const [x, y] of embedding as [number, number][]) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const scale = Math.max(maxX - minX, maxY - minY) / 2 || 1;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  embedding.forEach(([x, y], i) => {
    out[2 * i] = (x! - cx) / scale;
    out[2 * i + 1] = (y! - cy) / scale;
  });
  return out;
}
