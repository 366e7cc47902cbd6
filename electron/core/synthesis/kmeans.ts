// Spherical k-means over unit vectors: cosine similarity is the dot product, centroids are
// renormalised means, and inertia is the summed cosine distance (1 - x·c).
//
// Hand-written rather than ml-kmeans, which takes number[][] and scans every centroid for every
// point on every pass: measured on the 2-core target at 10k × 384, one ml-kmeans start took
// 17.6 s for k = 20 (29 s for k = 40) against 0.4 s (0.7 s) here. Speed comes from:
//   - dot products in a WebAssembly SIMD kernel over one flat, padded Float32 buffer;
//   - Hamerly's bounds (one upper, one lower bound per point): once clusters settle, most
//     points skip the scan over centroids;
//   - for large n, the restarts run on a seeded sample and only the best one is refined on
//     every row.
//
// Quality against scikit-learn's KMeans (n_init=10) on the same MiniLM vectors, V-measure at the
// gold k, mean over 10 seeds, restarts as clusterThemes sets them (scripts/bench/clusterEval.ts):
// banking77 0.800 (sklearn 0.794 over 6 seeds), CLINC150 0.898 (sklearn 0.896). Greedy k-means++
// seeding and Hartigan single-point moves after Lloyd's (see Space) brought it there from about
// 0.78 and 0.89.

import { copyRows, createDotWorkspace, type DotWorkspace } from './dotKernel';
import { createRng, deriveSeed, sampleIndices, type Rng } from './random';
import { selectRows, type VectorMatrix } from './vectors';

export interface KMeansOptions {
  seed: number;
  /** Independent k-means++ starts; the lowest inertia wins. Default 4. */
  nInit?: number;
  /** Lloyd iterations per start. Default 100. */
  maxIter?: number;
  /** Stop once no centroid moves farther than this (Euclidean, on the unit sphere). Default 1e-4. */
  tol?: number;
  /** Above this many rows, the restarts run on a seeded sample of this size. Default 4000. */
  sampleSize?: number;
  /** Passes of single-point moves after Lloyd's (see Space.refine). Default 4; 0 turns them off. */
  refinePasses?: number;
}

export interface KMeansResult {
  k: number;
  /** Cluster index per row, 0..k-1. */
  labels: Int32Array;
  /** k unit rows of `dim` floats. */
  centroids: Float32Array;
  /** Sum over rows of 1 - x·centroid. */
  inertia: number;
  /** Lloyd iterations of the returned solution (of the final refinement, for sampled runs). */
  iterations: number;
}

export const KMEANS_DEFAULTS = { nInit: 4, maxIter: 100, tol: 1e-4, sampleSize: 4000, refinePasses: 4 } as const;

export function kmeans(matrix: VectorMatrix, k: number, options: KMeansOptions): KMeansResult {
  if (!Number.isInteger(k) || k < 1 || k > matrix.n) {
    throw new Error(`k must be an integer in 1..${matrix.n}, got ${k}`);
  }
  const nInit = options.nInit ?? KMEANS_DEFAULTS.nInit;
  if (!(nInit >= 1)) throw new Error(`nInit must be at least 1, got ${nInit}`);
  const maxIter = options.maxIter ?? KMEANS_DEFAULTS.maxIter;
  const tol = options.tol ?? KMEANS_DEFAULTS.tol;
  const sampleSize = Math.max(k, options.sampleSize ?? KMEANS_DEFAULTS.sampleSize);
  const refinePasses = options.refinePasses ?? KMEANS_DEFAULTS.refinePasses;

  const sampled = matrix.n > sampleSize;
  const fitRows = sampled
    ? selectRows(matrix, sampleIndices(matrix.n, sampleSize, createRng(deriveSeed(options.seed, 9001))))
    : matrix;

  const space = new Space(fitRows, k);
  let best: KMeansResult | null = null;
  for (let start = 0; start < nInit; start++) {
    space.kmeansPlusPlus(createRng(deriveSeed(options.seed, start)));
    // Sampled restarts only pick a start for the full data, which is refined once at the end.
    const result = space.refine(space.lloyd(maxIter, tol), sampled ? 0 : refinePasses);
    if (best === null || result.inertia < best.inertia) best = result;
  }
  if (!sampled) return best!;

  const full = new Space(matrix, k);
  full.setCentroids(best!.centroids);
  return full.refine(full.lloyd(maxIter, tol), refinePasses);
}

/** An index drawn with probability weights[i] / total. */
function sampleByWeight(weights: Float64Array, total: number, rng: Rng): number {
  let target = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i]!;
    if (target < 0) return i;
  }
  return weights.length - 1;
}

/** Euclidean distance between unit vectors from their dot product. */
const chord = (dotProduct: number): number => Math.sqrt(Math.max(0, 2 - 2 * dotProduct));

/** Rows, centroids and a scratch row of dot products, laid out in one SIMD workspace. */
class Space {
  private readonly ws: DotWorkspace;
  private readonly n: number;
  private readonly dim: number;
  private readonly stride: number;
  private readonly cents: number;
  private readonly out: number;

  constructor(
    matrix: VectorMatrix,
    private readonly k: number,
  ) {
    this.n = matrix.n;
    this.dim = matrix.dim;
    const stride = Math.ceil(matrix.dim / 16) * 16;
    this.ws = createDotWorkspace((matrix.n + k) * stride + Math.max(matrix.n, k), matrix.dim);
    this.stride = this.ws.stride;
    this.cents = matrix.n * this.stride;
    this.out = (matrix.n + k) * this.stride;
    copyRows(this.ws, matrix.data, matrix.n, matrix.dim, 0);
  }

  setCentroids(centroids: Float32Array): void {
    copyRows(this.ws, centroids, this.k, this.dim, this.cents);
  }

  /**
   * Greedy k-means++ seeding (Arthur & Vassilvitskii; scikit-learn's default): each new centroid
   * is the best of 2 + ⌊ln k⌋ D²-sampled candidates, the one that most lowers the summed
   * distance to the nearest centroid. For unit vectors 1 - x·c is half the squared distance.
   * Against plain D² sampling (one candidate) this lifted V-measure on banking77 by about a
   * point per start (see scripts/bench/clusterEval.ts).
   */
  kmeansPlusPlus(rng: Rng): void {
    const { ws, n, k, stride, cents, out } = this;
    const view = ws.view;
    const trials = 2 + Math.floor(Math.log(k));
    let nearest = new Float64Array(n);
    let candidateNearest = new Float64Array(n);
    let bestNearest = new Float64Array(n);

    const first = rng.int(n);
    view.copyWithin(cents, first * stride, (first + 1) * stride);
    ws.scan(cents, 0, n, out);
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.max(0, 1 - view[out + i]!);
      total += nearest[i]!;
    }
    for (let c = 1; c < k; c++) {
      let bestPick = -1;
      let bestTotal = Infinity;
      for (let trial = 0; trial < trials; trial++) {
        const pick = total > 0 ? sampleByWeight(nearest, total, rng) : rng.int(n); // all on centroids: any will do
        ws.scan(pick * stride, 0, n, out);
        let candidateTotal = 0;
        for (let i = 0; i < n; i++) {
          const d = Math.min(nearest[i]!, Math.max(0, 1 - view[out + i]!));
          candidateNearest[i] = d;
          candidateTotal += d;
        }
        if (candidateTotal < bestTotal) {
          bestTotal = candidateTotal;
          bestPick = pick;
          [bestNearest, candidateNearest] = [candidateNearest, bestNearest];
        }
      }
      view.copyWithin(cents + c * stride, bestPick * stride, (bestPick + 1) * stride);
      [nearest, bestNearest] = [bestNearest, nearest];
      total = bestTotal;
    }
  }

  /** Lloyd's iterations with Hamerly's bounds, from the centroids in the workspace. */
  lloyd(maxIter: number, tol: number): KMeansResult {
    const { ws, n, k, dim, stride, cents, out } = this;
    const view = ws.view;
    const labels = new Int32Array(n);
    const upper = new Float64Array(n); // >= distance to own centroid
    const lower = new Float64Array(n); // <= distance to every other centroid

    const scan = (i: number): void => {
      ws.scan(i * stride, cents, k, out);
      let best = 0;
      let bestDot = -Infinity;
      let secondDot = -Infinity;
      for (let c = 0; c < k; c++) {
        const d = view[out + c]!;
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

    // Per-cluster sums of rows, kept up to date as points move, so the M-step costs O(k·dim)
    // plus O(dim) per moved point instead of a full pass over the rows.
    const sums = new Float64Array(k * dim);
    const counts = new Int32Array(k);
    const move = (i: number, from: number, to: number): void => {
      counts[from]!--;
      counts[to]!++;
      for (let t = 0; t < dim; t++) {
        const x = view[i * stride + t]!;
        sums[from * dim + t]! -= x;
        sums[to * dim + t]! += x;
      }
    };
    for (let i = 0; i < n; i++) {
      const c = labels[i]!;
      counts[c]!++;
      for (let t = 0; t < dim; t++) sums[c * dim + t]! += view[i * stride + t]!;
    }

    const previous = new Float32Array(k * stride);
    const shift = new Float64Array(k);
    const halfGap = new Float64Array(k);
    let iterations = 0;
    while (iterations < maxIter) {
      iterations++;
      previous.set(view.subarray(cents, cents + k * stride));
      this.recomputeCentroids(labels, sums, counts, move, upper, lower);

      let maxShift = 0;
      let maxShiftAt = -1;
      let secondShift = 0;
      for (let c = 0; c < k; c++) {
        let sq = 0;
        for (let t = 0; t < dim; t++) {
          const delta = view[cents + c * stride + t]! - previous[c * stride + t]!;
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
        ws.scan(cents + c * stride, cents, k, out);
        let nearestDot = -Infinity;
        for (let o = 0; o < k; o++) if (o !== c) nearestDot = Math.max(nearestDot, view[out + o]!);
        halfGap[c] = k > 1 ? chord(nearestDot) / 2 : Infinity;
      }

      let changed = 0;
      for (let i = 0; i < n; i++) {
        const own = labels[i]!;
        upper[i]! += shift[own]!;
        lower[i]! -= own === maxShiftAt ? secondShift : maxShift;
        const bound = Math.max(halfGap[own]!, lower[i]!);
        if (upper[i]! <= bound) continue;
        upper[i] = chord(ws.dot(i * stride, cents + own * stride));
        if (upper[i]! <= bound) continue;
        scan(i);
        if (labels[i] !== own) {
          move(i, own, labels[i]!);
          changed++;
        }
      }
      if (changed === 0 || maxShift < tol) break;
    }

    let inertia = 0;
    for (let i = 0; i < n; i++) inertia += Math.max(0, 1 - ws.dot(i * stride, cents + labels[i]! * stride));
    const centroids = new Float32Array(k * dim);
    for (let c = 0; c < k; c++) centroids.set(view.subarray(cents + c * stride, cents + c * stride + dim), c * dim);
    return { k, labels, centroids, inertia, iterations };
  }

  /**
   * Hartigan's single-point moves for the spherical objective Σ_c |S_c| (S_c the sum of cluster
   * c's rows; maximising it is minimising the inertia): a row moves from A to B when
   * |S_A - x| + |S_B + x| > |S_A| + |S_B|, and both centroids are updated at once. Lloyd's
   * iterations stop where no row is nearer another centroid; these moves also account for how a
   * row pulls its own centroid, and get out of many of Lloyd's local optima. On banking77 at
   * k = 77 they lifted V-measure by about a point per start (scripts/bench/clusterEval.ts).
   * A pass costs one scan of the rows against the centroids, like one unbounded Lloyd iteration.
   */
  refine(start: KMeansResult, maxPasses: number): KMeansResult {
    if (maxPasses <= 0 || this.k < 2) return start;
    const { ws, n, k, dim, stride, cents, out } = this;
    const view = ws.view;
    const labels = start.labels.slice();
    const sums = new Float64Array(k * dim);
    const counts = new Int32Array(k);
    const norms = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const c = labels[i]!;
      counts[c]!++;
      for (let t = 0; t < dim; t++) sums[c * dim + t]! += view[i * stride + t]!;
    }
    const writeCentroid = (c: number): void => {
      let sq = 0;
      for (let t = 0; t < dim; t++) sq += sums[c * dim + t]! * sums[c * dim + t]!;
      norms[c] = Math.sqrt(sq);
      if (!(norms[c]! > 0)) return; // rows cancelling out exactly: keep the old direction
      for (let t = 0; t < dim; t++) view[cents + c * stride + t] = sums[c * dim + t]! / norms[c]!;
    };
    for (let c = 0; c < k; c++) writeCentroid(c);

    let passes = 0;
    for (; passes < maxPasses; passes++) {
      let moved = 0;
      for (let i = 0; i < n; i++) {
        const from = labels[i]!;
        if (counts[from]! < 2) continue; // never empty a cluster
        ws.scan(i * stride, cents, k, out);
        const sFrom = norms[from]!;
        // x·S_c = |S_c| · (x·c_c), and |x| = 1.
        const leave = Math.sqrt(Math.max(0, sFrom * sFrom - 2 * sFrom * view[out + from]! + 1)) - sFrom;
        let best = -1;
        let bestGain = 1e-9; // float noise is no reason to move
        for (let c = 0; c < k; c++) {
          if (c === from) continue;
          const sTo = norms[c]!;
          const gain = leave + Math.sqrt(sTo * sTo + 2 * sTo * view[out + c]! + 1) - sTo;
          if (gain > bestGain) {
            bestGain = gain;
            best = c;
          }
        }
        if (best < 0) continue;
        for (let t = 0; t < dim; t++) {
          const x = view[i * stride + t]!;
          sums[from * dim + t]! -= x;
          sums[best * dim + t]! += x;
        }
        counts[from]!--;
        counts[best]!++;
        labels[i] = best;
        writeCentroid(from);
        writeCentroid(best);
        moved++;
      }
      if (moved === 0) break;
    }

    let inertia = 0;
    for (let i = 0; i < n; i++) inertia += Math.max(0, 1 - ws.dot(i * stride, cents + labels[i]! * stride));
    const centroids = new Float32Array(k * dim);
    for (let c = 0; c < k; c++) centroids.set(view.subarray(cents + c * stride, cents + c * stride + dim), c * dim);
    return { k, labels, centroids, inertia, iterations: start.iterations + passes };
  }

  /**
   * M-step: centroid = normalised mean of its rows. An emptied cluster takes over the row
   * farthest from its own centroid, so k clusters stay k clusters.
   */
  private recomputeCentroids(
    labels: Int32Array,
    sums: Float64Array,
    counts: Int32Array,
    move: (i: number, from: number, to: number) => void,
    upper: Float64Array,
    lower: Float64Array,
  ): void {
    const { ws, n, k, dim, stride, cents } = this;
    const view = ws.view;

    for (let c = 0; c < k; c++) {
      if (counts[c]! > 0) continue;
      let far = -1;
      let farDistance = -1;
      for (let i = 0; i < n; i++) {
        if (counts[labels[i]!]! < 2) continue;
        const d = 1 - ws.dot(i * stride, cents + labels[i]! * stride);
        if (d > farDistance) {
          farDistance = d;
          far = i;
        }
      }
      if (far < 0) continue; // every cluster is a singleton: nothing to take over
      move(far, labels[far]!, c);
      labels[far] = c;
      upper[far] = 0;
      lower[far] = 0; // forces a fresh scan on the next pass
    }

    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue;
      let sq = 0;
      for (let t = 0; t < dim; t++) sq += sums[c * dim + t]! * sums[c * dim + t]!;
      // Empty, or rows that cancel out exactly: keep the old centroid rather than divide by 0.
      if (!(sq > 0)) continue;
      const norm = Math.sqrt(sq);
      for (let t = 0; t < dim; t++) view[cents + c * stride + t] = sums[c * dim + t]! / norm;
    }
  }
}
