// Mean silhouette coefficient with cosine distance (sklearn's metric='cosine').
//
// For unit rows the cosine distance 1 - x·y is linear in y, so the mean distance from x to a
// whole cluster C is 1 - x·(ΣC)/|C|. That makes the score exact in O(n·k·dim) — one k-means
// pass — instead of O(n²·dim), so there is no need to sample even at 50k rows. A sampled
// score (seeded) is still offered for callers that want a fixed budget.

import { copyRows, createDotWorkspace } from './dotKernel';
import { createRng, sampleIndices } from './random';
import type { VectorMatrix } from './vectors';

/**
 * Mean silhouette over `rows` (all rows by default). Rows in singleton clusters score 0, as in
 * sklearn. Returns 0 when there are fewer than 2 non-empty clusters (the score is undefined).
 */
export function silhouetteScore(matrix: VectorMatrix, labels: ArrayLike<number>, rows?: ArrayLike<number>): number {
  const { data, n, dim } = matrix;
  if (labels.length !== n) throw new Error(`${labels.length} labels for ${n} rows`);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0) throw new Error(`label ${label} at row ${i} is not a cluster index`);
    k = Math.max(k, label + 1);
  }

  const sums = new Float64Array(k * dim);
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    sizes[c]!++;
    for (let t = 0; t < dim; t++) sums[c * dim + t]! += data[i * dim + t]!;
  }
  const clusters = sizes.reduce((count, size) => count + (size > 0 ? 1 : 0), 0);
  if (clusters < 2) return 0;
  // Rows, then cluster sums, then a scratch row: one scan per row gives x·ΣC for every C.
  const stride = Math.ceil(dim / 16) * 16;
  const ws = createDotWorkspace((n + k) * stride + k, dim);
  copyRows(ws, data, n, dim, 0);
  copyRows(ws, Float32Array.from(sums), k, dim, n * stride);
  const out = (n + k) * stride;

  const count = rows?.length ?? n;
  let total = 0;
  for (let r = 0; r < count; r++) {
    const i = rows ? rows[r]! : r;
    const own = labels[i]!;
    const ownSize = sizes[own]!;
    if (ownSize < 2) continue; // singleton: s(i) = 0
    ws.scan(i * stride, n * stride, k, out);
    // Σ over the other members of (1 - x·y) = (|C| - 1) - (x·ΣC - x·x), with x·x = 1.
    const a = (ownSize - ws.view[out + own]!) / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue;
      b = Math.min(b, 1 - ws.view[out + c]! / sizes[c]!);
    }
    const denominator = Math.max(a, b);
    if (denominator > 0) total += (b - a) / denominator;
  }
  return count === 0 ? 0 : total / count;
}

/** Silhouette averaged over a seeded sample of at most `sampleSize` rows (cluster means use every row). */
export function sampledSilhouetteScore(
  matrix: VectorMatrix,
  labels: ArrayLike<number>,
  sampleSize: number,
  seed: number,
): number {
  if (matrix.n <= sampleSize) return silhouetteScore(matrix, labels);
  return silhouetteScore(matrix, labels, sampleIndices(matrix.n, sampleSize, createRng(seed)));
}
