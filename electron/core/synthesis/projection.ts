// A 2-D map of quotes for the theme view: UMAP (umap-js) over the quote vectors, seeded so the
// same study draws the same map. UMAP's cost grows faster than the quotes (25 s at 5k on 2 cores),
// so above PROJECTION_LANDMARKS quotes it is fitted on a seeded sample of them (the landmarks) and
// every other quote is placed among its nearest landmarks: 5k quotes then take 5 s and 15k about
// 6 s (npm run bench). Heavy all the same: run it in a worker.

import { UMAP } from 'umap-js';
import { createDotWorkspace, strideFor } from './dotKernel';
import { createRng } from './random';

export const PROJECTION_PARAMS = { nNeighbors: 15, minDist: 0.1 } as const;
/** Quotes above which UMAP sees a sample and the rest are placed by their nearest sampled quotes. */
export const PROJECTION_LANDMARKS = 1000;
/** Landmarks a placed quote is averaged over, weighted by similarity. */
const PLACE_NEIGHBOURS = 6;
/** Softmax temperature on cosine similarity: the nearest landmark dominates, close seconds count. */
const PLACE_TEMPERATURE = 0.02;

/**
 * x, y interleaved per vector: [x0, y0, x1, y1, ...], scaled into [-1, 1] on the wider axis and
 * centred. Euclidean distance between unit vectors orders neighbours as cosine does. Fewer than
 * 3 vectors get fixed positions (there is no neighbourhood to embed).
 */
export function projectQuotes2d(vectors: readonly Float32Array[], seed: number, landmarks = PROJECTION_LANDMARKS): Float32Array {
  const n = vectors.length;
  const out = new Float32Array(n * 2);
  if (n < 3) {
    if (n === 2) out.set([-0.5, 0, 0.5, 0]);
    return out;
  }
  const raw = n <= landmarks ? fitUmap(vectors, seed) : fitWithLandmarks(vectors, seed, landmarks);

  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity; // prettier-ignore
  for (let i = 0; i < n; i++) {
    const x = raw[2 * i]!;
    const y = raw[2 * i + 1]!;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const scale = Math.max(maxX - minX, maxY - minY) / 2 || 1;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  for (let i = 0; i < n; i++) {
    out[2 * i] = (raw[2 * i]! - cx) / scale;
    out[2 * i + 1] = (raw[2 * i + 1]! - cy) / scale;
  }
  return out;
}

/** UMAP coordinates, interleaved, unscaled. */
function fitUmap(vectors: readonly Float32Array[], seed: number): Float64Array {
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(PROJECTION_PARAMS.nNeighbors, vectors.length - 1),
    minDist: PROJECTION_PARAMS.minDist,
    random: createRng(seed).next,
  });
  const embedding = umap.fit(vectors.map((vector) => Array.from(vector))) as [number, number][];
  const xy = new Float64Array(vectors.length * 2);
  embedding.forEach(([x, y], i) => {
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
  });
  return xy;
}

/** UMAP on `count` sampled vectors; each other vector at the similarity-weighted mean of its nearest landmarks. */
function fitWithLandmarks(vectors: readonly Float32Array[], seed: number, count: number): Float64Array {
  const n = vectors.length;
  const dim = vectors[0]!.length;
  // A seeded partial Fisher-Yates shuffle picks the landmarks; kept in their original order.
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed ^ 0x5bd1e995);
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(n - i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const chosen = order.slice(0, count).sort((a, b) => a - b);
  const landmarkXy = fitUmap(
    chosen.map((i) => vectors[i]!),
    seed,
  );

  const xy = new Float64Array(n * 2);
  const isLandmark = new Uint8Array(n);
  chosen.forEach((i, k) => {
    isLandmark[i] = 1;
    xy[2 * i] = landmarkXy[2 * k]!;
    xy[2 * i + 1] = landmarkXy[2 * k + 1]!;
  });

  // Workspace: the landmarks' rows, one query row, then one score per landmark.
  const stride = strideFor(dim);
  const space = createDotWorkspace((count + 1) * stride + count, dim);
  chosen.forEach((i, k) => space.view.set(vectors[i]!, k * stride));
  const queryAt = count * stride;
  const scoresAt = queryAt + stride;
  const best = new Int32Array(PLACE_NEIGHBOURS);
  const bestScore = new Float64Array(PLACE_NEIGHBOURS);
  for (let i = 0; i < n; i++) {
    if (isLandmark[i]) continue;
    space.view.set(vectors[i]!, queryAt);
    space.scan(queryAt, 0, count, scoresAt);
    bestScore.fill(-Infinity);
    best.fill(-1);
    for (let k = 0; k < count; k++) {
      const s = space.view[scoresAt + k]!;
      if (s <= bestScore[PLACE_NEIGHBOURS - 1]!) continue;
      let at = PLACE_NEIGHBOURS - 1;
      while (at > 0 && s > bestScore[at - 1]!) {
        bestScore[at] = bestScore[at - 1]!;
        best[at] = best[at - 1]!;
        at--;
      }
      bestScore[at] = s;
      best[at] = k;
    }
    let wx = 0, wy = 0, total = 0; // prettier-ignore
    for (let r = 0; r < PLACE_NEIGHBOURS && best[r]! >= 0; r++) {
      const w = Math.exp((bestScore[r]! - bestScore[0]!) / PLACE_TEMPERATURE);
      wx += w * landmarkXy[2 * best[r]!]!;
      wy += w * landmarkXy[2 * best[r]! + 1]!;
      total += w;
    }
    xy[2 * i] = wx / total;
    xy[2 * i + 1] = wy / total;
  }
  return xy;
}
