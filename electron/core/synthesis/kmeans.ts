// Spherical k-means over unit vectors: cosine similarity is the dot product, centroids are
// renormalised means, and inertia is the summed cosine distance (1 - x·c).
//
// Why hand-written rather than ml-kmeans: ml-kmeans takes number[][] and scans every centroid
// for every point on every iteration; at 10k × 384 it was several times slower than this (see
// the lead's report and scripts/bench/clustering.ts). Speed here comes from three things:
//   - a flat Float32Array matrix and an unrolled dot product;
//   - Hamerly's bounds (one upper, one lower bound per point), so after the first passes most
//     points skip the scan over centroids altogether;
//   - for large n, restarts run on a seeded sample and only the best solution is refined on
//     every row.

import { createRng, deriveSeed, sampleIndices, type Rng } from './random';
import { dotAt, selectRows, type VectorMatrix } from './vectors';

export interface KMeansOptions {
  seed: number;
  /** Independent k-means++ starts; the lowest inertia wins. Default 4. */
  nInit?: number;
  /** Lloyd iterations per start. Default 100. */
  maxIter?: number;
  /** Stop once no centroid moves farther than this (Euclidean, on the unit sphere). Default 1e-4. */
  tol?: number;
  /** Above this many rows, the restarts run on a seeded sample of this size. Default 5000. */
  sampleSize?: number;
}

export interface KMeansResult {
  k: number;
  /** Cluster index per row, 0..k-1. */
  labels: Int32Array;
  /** k unit rows of `dim` floats. */
  centroids: Float32Array;
  /** Sum over rows of 1 - x·centroid. */
  inertia: number;
  /** Lloyd iterations of the returned solution (the final refinement, for sampled runs). */
  iterations: number;
}

export const KMEANS_DEFAULTS = { nInit: 4, maxIter: 100, tol: 1e-4, sampleSize: 5000 } as const;

export function kmeans(matrix: VectorMatrix, k: number, options: KMeansOptions): KMeansResult {
  if (!Number.isInteger(k) || k < 1 || k > matrix.n) {
    throw new Error(`k must be an integer in 1..${matrix.n}, got ${k}`);
  }
  const nInit = options.nInit ?? KMEANS_DEFAULTS.nInit;
  const maxIter = options.maxIter ?? KMEANS_DEFAULTS.maxIter;
  const tol = options.tol ?? KMEANS_DEFAULTS.tol;
  const sampleSize = Math.max(k, options.sampleSize ?? KMEANS_DEFAULTS.sampleSize);

  const sampled = matrix.n > sampleSize;
  const fitRows = sampled
    ? selectRows(matrix, sampleIndices(matrix.n, sampleSize, createRng(deriveSeed(options.seed, 9001))))
    : matrix;

  let best: KMeansResult | null = null;
  for (let start = 0; start < nInit; start++) {
    const rng = createRng(deriveSeed(options.seed, start));
    const result = lloyd(fitRows, k, kmeansPlusPlus(fitRows, k, rng), maxIter, tol);
    if (best === null || result.inertia < best.inertia) best = result;
  }
  if (best === null) throw new Error('nInit must be at least 1');
  return sampled ? lloyd(matrix, k, best.centroids.slice(), maxIter, tol) : best;
}

/** k-means++ seeding (D² sampling; for unit vectors 1 - x·c is half the squared distance). */
export function kmeansPlusPlus(matrix: VectorMatrix, k: number, rng: Rng): Float32Array {
  const { data, n, dim } = matrix;
  const centroids = new Float32Array(k * dim);
  const nearest = new Float64Array(n);
  let pick = rng.int(n);
  for (let c = 0; c < k; c++) {
    centroids.set(data.subarray(pick * dim, (pick + 1) * dim), c * dim);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - dotAt(data, i * dim, centroids, c * dim, dim));
      if (c === 0 || d < nearest[i]!) nearest[i] = d;
      total += nearest[i]!;
    }
    if (c + 1 === k) break;
    // All remaining points sit on a centroid (duplicates): any point will do.
    if (!(total > 0)) {
      pick = rng.int(n);
      continue;
    }
    let target = rng.next() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i]!;
      if (target < 0) {
        pick = i;
        break;
      }
    }
  }
  return centroids;
}

/** Euclidean distance between unit vectors from their dot product. */
const chord = (dotProduct: number): number => Math.sqrt(Math.max(0, 2 - 2 * dotProduct));

/** Lloyd's iterations with Hamerly's bounds, from the given centroids (modified in place). */
function lloyd(matrix: VectorMatrix, k: number, centroids: Float32Array, maxIter: number, tol: number): KMeansResult {
  const { data, n, dim } = matrix;
  const labels = new Int32Array(n);
  const upper = new Float64Array(n); // >= distance to own centroid
  const lower = new Float64Array(n); // <= distance to any other centroid
  const dots = new Float64Array(k);

  const scan = (i: number): void => {
    let best = 0;
    let bestDot = -Infinity;
    let secondDot = -Infinity;
    for (let c = 0; c < k; c++) {
      const d = dotAt(data, i * dim, centroids, c * dim, dim);
      dots[c] = d;
      if (d > bestDot) {
        secondDot = bestDot;
        bestDot = d;
        best = c;
      } else if (d > secondDot) {
        secondDot = d;
      }
    }
    labels[i] = best;
    upper[i] = chord(bestDot);
    lower[i] = k > 1 ? chord(secondDot) : Infinity;
  };

  for (let i = 0; i < n; i++) scan(i);

  const sums = new Float64Array(k * dim);
  const counts = new Int32Array(k);
  const previous = new Float32Array(k * dim);
  const shift = new Float64Array(k);
  const halfGap = new Float64Array(k);
  let iterations = 0;

  while (iterations < maxIter) {
    iterations++;
    previous.set(centroids);
    recomputeCentroids(matrix, k, labels, centroids, sums, counts, upper, lower);

    let maxShift = 0;
    let maxShiftAt = -1;
    let secondShift = 0;
    for (let c = 0; c < k; c++) {
      let sq = 0;
      for (let t = 0; t < dim; t++) {
        const delta = centroids[c * dim + t]! - previous[c * dim + t]!;
        sq += delta * delta;
      }
      shift[c] = Math.sqrt(sq);
      if (shift[c]! > maxShift) {
        secondShift = maxShift;
        maxShift = shift[c]!;
        maxShiftAt = c;
      } else if (shift[c]! > secondShift) {
        secondShift = shift[c]!;
      }
    }
    if (maxShift === 0) break;

    for (let c = 0; c < k; c++) {
      let nearestDot = -Infinity;
      for (let o = 0; o < k; o++) {
        if (o !== c) nearestDot = Math.max(nearestDot, dotAt(centroids, c * dim, centroids, o * dim, dim));
      }
      halfGap[c] = k > 1 ? chord(nearestDot) / 2 : Infinity;
    }

    let changed = 0;
    for (let i = 0; i < n; i++) {
      const own = labels[i]!;
      upper[i] += shift[own]!;
      lower[i] -= own === maxShiftAt ? secondShift : maxShift;
      const bound = Math.max(halfGap[own]!, lower[i]!);
      if (upper[i]! <= bound) continue;
      upper[i] = chord(dotAt(data, i * dim, centroids, own * dim, dim));
      if (upper[i]! <= bound) continue;
      scan(i);
      if (labels[i] !== own) changed++;
    }
    if (changed === 0 || maxShift < tol) break;
  }

  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += Math.max(0, 1 - dotAt(data, i * dim, centroids, labels[i]! * dim, dim));
  return { k, labels, centroids, inertia, iterations };
}

/**
 * M-step: centroid = normalised mean of its rows. An emptied cluster takes over the row
 * farthest from its own centroid, so k clusters stay k clusters.
 */
function recomputeCentroids(
  matrix: VectorMatrix,
  k: number,
  labels: Int32Array,
  centroids: Float32Array,
  sums: Float64Array,
  counts: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): void {
  const { data, n, dim } = matrix;
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    counts[c]!++;
    const row = i * dim;
    const at = c * dim;
    for (let t = 0; t < dim; t++) sums[at + t]! += data[row + t]!;
  }

  for (let c = 0; c < k; c++) {
    if (counts[c]! > 0) continue;
    let far = -1;
    let farDistance = -1;
    for (let i = 0; i < n; i++) {
      if (counts[labels[i]!]! < 2) continue;
      const d = 1 - dotAt(data, i * dim, centroids, labels[i]! * dim, dim);
      if (d > farDistance) {
        farDistance = d;
        far = i;
      }
    }
    if (far < 0) continue; // every cluster is a singleton: nothing to steal from
    const from = labels[far]!;
    for (let t = 0; t < dim; t++) {
      sums[from * dim + t]! -= data[far * dim + t]!;
      sums[c * dim + t] = data[far * dim + t]!;
    }
    counts[from]!--;
    counts[c] = 1;
    labels[far] = c;
    upper[far] = 0;
    lower[far] = 0; // forces a fresh scan next pass
  }

  for (let c = 0; c < k; c++) {
    if (counts[c] === 0) continue; // keep the old centroid
    let sq = 0;
    for (let t = 0; t < dim; t++) sq += sums[c * dim + t]! * sums[c * dim + t]!;
    // Opposite rows can cancel exactly; keep the old direction rather than divide by zero.
    if (!(sq > 0)) continue;
    const norm = Math.sqrt(sq);
    for (let t = 0; t < dim; t++) centroids[c * dim + t] = sums[c * dim + t]! / norm;
  }
}

