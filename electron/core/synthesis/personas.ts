// Participants -> persona groups. A participant is described by two unit blocks, weighted
// equally: what they say (the normalised mean of their quote vectors) and what they talk about
// (their share of quotes per theme). Each block is centred on the participants' mean first:
// every participant's mean vector points roughly the same way (same product, same interview
// guide), so without centring the cosines would all sit near 0.9 and the theme block would
// decide alone.

import { kmeans } from './kmeans';
import { createRng, deriveSeed } from './random';
import { silhouetteScore } from './silhouette';
import { dotAt, toMatrix, type VectorMatrix } from './vectors';

export type PersonaCount = 'auto' | 2 | 3 | 4;

export interface GroupPersonasInput {
  participants: readonly { id: number; quoteIds: readonly number[] }[];
  quoteVectors: ReadonlyMap<number, Float32Array>;
  /** Theme index (0..themeCount-1) per quote id; quotes without a theme are skipped. */
  themeOf: ReadonlyMap<number, number>;
  themeCount: number;
  k: PersonaCount;
  seed: number;
}

export interface PersonaGrouping {
  k: number;
  /** Silhouette (cosine) per candidate k, keyed by k. Empty when no choice was made. */
  scores: Record<string, number>;
  /** Participant ids per persona, ascending; personas largest first. */
  groups: number[][];
  /**
   * Whether splitting the participants into 2-4 groups is clearly better than one group: the
   * best silhouette beats that of every one of NULL_REFERENCES reference studies without groups
   * (p < 0.05). False lets the UI say that no grouping is clearly better than one group.
   */
  clearlyBetterThanOne: boolean;
  /** Per participant id: cosine to their persona's centroid in the grouping space, clamped to 0..1. */
  fit: Map<number, number>;
}

const MAX_PERSONAS = 4;
/** Reference studies for `clearlyBetterThanOne`: beating all of 19 is a p < 0.05 test. */
export const NULL_REFERENCES = 19;

/**
 * Small studies are handled explicitly rather than by clustering noise:
 *   - participants without any embedded quote cannot be placed and are left out of every group;
 *   - 0 participants: no personas; 1 participant: one persona;
 *   - 'auto' tries k in 2..min(4, n - 1) (a persona per participant says nothing), so with
 *     2 participants 'auto' gives one persona of both;
 *   - a fixed k larger than n is lowered to n (singleton personas, as asked).
 */
export function groupPersonas(input: GroupPersonasInput): PersonaGrouping {
  const placed = input.participants
    .map((participant) => ({
      id: participant.id,
      vectors: participant.quoteIds.flatMap((id) => {
        const vector = input.quoteVectors.get(id);
        return vector ? [{ id, vector }] : [];
      }),
    }))
    .filter((participant) => participant.vectors.length > 0);
  const n = placed.length;
  if (n === 0) return { k: 0, scores: {}, groups: [], clearlyBetterThanOne: false, fit: new Map() };

  const candidates =
    input.k === 'auto'
      ? range(2, Math.min(MAX_PERSONAS, n - 1))
      : [Math.min(assertPersonaCount(input.k), n)];
  if (candidates.length === 0 || candidates[0] === 1) {
    const ids = placed.map((p) => p.id).sort((a, b) => a - b);
    return { k: 1, scores: {}, groups: [ids], clearlyBetterThanOne: false, fit: new Map(ids.map((id) => [id, 1])) };
  }

  const matrix = toMatrix(
    participantVectors(
      placed.map((p) => p.vectors),
      input.themeOf,
      input.themeCount,
    ),
  );
  const scores: Record<string, number> = {};
  let best: { k: number; labels: Int32Array; score: number } | null = null;
  for (const k of candidates) {
    // Tens of participants: ten restarts cost nothing and steady the choice of k.
    const fit = kmeans(matrix, k, { seed: deriveSeed(input.seed, k), nInit: 10 });
    const score = silhouetteScore(matrix, fit.labels);
    scores[String(k)] = score;
    if (best === null || score > best.score) best = { k, labels: fit.labels, score };
  }

  const groups: number[][] = Array.from({ length: best!.k }, () => []);
  best!.labels.forEach((label, row) => groups[label]!.push(placed[row]!.id));
  const ordered = groups
    .filter((group) => group.length > 0)
    .map((group) => group.sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!);

  const autoCandidates = range(2, Math.min(MAX_PERSONAS, n - 1));
  const bestAuto =
    input.k === 'auto' ? best!.score : Math.max(-1, ...autoCandidates.map((k) => bestSilhouette(matrix, [k], input.seed)));
  return {
    k: ordered.length,
    scores,
    groups: ordered,
    clearlyBetterThanOne: autoCandidates.length > 0 && beatsReferenceStudies(matrix, bestAuto, autoCandidates, input.seed),
    fit: fitToCentroid(matrix, best!.labels, placed.map((p) => p.id)),
  };
}

function bestSilhouette(matrix: VectorMatrix, candidates: readonly number[], seed: number): number {
  let best = -1;
  for (const k of candidates) {
    const fit = kmeans(matrix, k, { seed: deriveSeed(seed, k), nInit: 10 });
    best = Math.max(best, silhouetteScore(matrix, fit.labels));
  }
  return best;
}

/**
 * The test behind `clearlyBetterThanOne` (Tibshirani's gap-statistic reference, scored by
 * silhouette): reference studies draw every participant uniformly within the range the real
 * participants span along each principal axis, so they keep the shape and spread of the study but
 * have no groups. Shuffling each feature instead was measured too weak: a single planted group
 * whose participants differ along one axis (more of theme A, less of theme B) still "beat" it.
 */
function beatsReferenceStudies(matrix: VectorMatrix, observed: number, candidates: readonly number[], seed: number): boolean {
  const { n, dim, data } = matrix;
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let t = 0; t < dim; t++) mean[t]! += data[i * dim + t]! / n;
  const centred = Float64Array.from(data, (x, at) => x - mean[at % dim]!);
  const gram = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let sum = 0;
      for (let t = 0; t < dim; t++) sum += centred[i * dim + t]! * centred[j * dim + t]!;
      return sum;
    }),
  );
  const { values, vectors } = symmetricEigen(gram);
  const top = Math.max(...values);
  // Principal axes v = Xcᵀu / √λ and each participant's score on them, u·√λ.
  const axes: { direction: Float64Array; lo: number; hi: number }[] = [];
  values.forEach((value, j) => {
    if (!(value > 1e-9 * top)) return;
    const root = Math.sqrt(value);
    const direction = new Float64Array(dim);
    for (let i = 0; i < n; i++) for (let t = 0; t < dim; t++) direction[t]! += (centred[i * dim + t]! * vectors[i]![j]!) / root;
    const scores = vectors.map((row) => row[j]! * root);
    axes.push({ direction, lo: Math.min(...scores), hi: Math.max(...scores) });
  });

  const rng = createRng(deriveSeed(seed, 4242));
  for (let r = 0; r < NULL_REFERENCES; r++) {
    const rows = Array.from({ length: n }, () => {
      const row = Float32Array.from(mean);
      for (const { direction, lo, hi } of axes) {
        const score = lo + rng.next() * (hi - lo);
        for (let t = 0; t < dim; t++) row[t]! += score * direction[t]!;
      }
      if (!row.some((x) => x !== 0)) row[0] = 1e-6; // a point at the origin has no direction
      return row;
    });
    if (bestSilhouette(toMatrix(rows), candidates, deriveSeed(seed, 5000 + r)) >= observed) return false;
  }
  return true;
}

/** Eigenvalues and eigenvectors (as columns: vectors[i][j] is component i of vector j) by cyclic Jacobi. */
function symmetricEigen(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p]![q]!) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]!), vectors: v };
}

/** Cosine of each row to its group's mean direction, clamped to 0..1; singletons fit 1. */
function fitToCentroid(matrix: VectorMatrix, labels: Int32Array, ids: readonly number[]): Map<number, number> {
  const { n, dim, data } = matrix;
  const k = Math.max(...labels) + 1;
  const sums = new Float64Array(k * dim);
  for (let i = 0; i < n; i++) for (let t = 0; t < dim; t++) sums[labels[i]! * dim + t]! += data[i * dim + t]!;
  const centroids = new Float32Array(k * dim);
  for (let c = 0; c < k; c++) {
    let sq = 0;
    for (let t = 0; t < dim; t++) sq += sums[c * dim + t]! ** 2;
    const norm = Math.sqrt(sq) || 1;
    for (let t = 0; t < dim; t++) centroids[c * dim + t] = sums[c * dim + t]! / norm;
  }
  const fit = new Map<number, number>();
  ids.forEach((id, i) => {
    const cosine = dotAt(data, i * dim, centroids, labels[i]! * dim, dim);
    fit.set(id, Math.min(1, Math.max(0, cosine)));
  });
  return fit;
}

function assertPersonaCount(k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new Error(`persona count must be 'auto' or a positive integer, got ${k}`);
  return k;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** [√½ · centred mean direction, √½ · centred theme profile], unit length overall. */
function participantVectors(
  quoteSets: readonly { id: number; vector: Float32Array }[][],
  themeOf: ReadonlyMap<number, number>,
  themeCount: number,
): Float32Array[] {
  const dim = quoteSets[0]![0]!.vector.length;
  const semantic = quoteSets.map((quotes) => {
    const sum = new Float64Array(dim);
    for (const { vector } of quotes) {
      if (vector.length !== dim) throw new Error(`quote vector has ${vector.length} dims, expected ${dim}`);
      for (let t = 0; t < dim; t++) sum[t]! += vector[t]!;
    }
    return unit(sum);
  });
  const profiles = quoteSets.map((quotes) => {
    const shares = new Float64Array(themeCount);
    for (const { id } of quotes) {
      const theme = themeOf.get(id);
      if (theme === undefined) continue;
      if (!(theme >= 0 && theme < themeCount)) throw new Error(`theme ${theme} outside 0..${themeCount - 1}`);
      shares[theme]!++;
    }
    return unit(shares);
  });

  const combine = (a: Float64Array[], b: Float64Array[]): Float32Array[] =>
    a.map((left, i) => {
      const out = new Float32Array(dim + themeCount);
      left.forEach((value, t) => (out[t] = value * Math.SQRT1_2));
      b[i]!.forEach((value, t) => (out[dim + t] = value * Math.SQRT1_2));
      return out;
    });
  const centred = combine(centre(semantic), centre(profiles));
  // A participant exactly at the mean (e.g. identical participants) has no direction left:
  // fall back to the uncentred blocks for everyone rather than invent one.
  const degenerate = centred.some((vector) => !vector.some((value) => value !== 0));
  return degenerate ? combine(semantic, profiles) : centred;
}

function centre(vectors: Float64Array[]): Float64Array[] {
  const dim = vectors[0]?.length ?? 0;
  const mean = new Float64Array(dim);
  for (const vector of vectors) for (let t = 0; t < dim; t++) mean[t]! += vector[t]! / vectors.length;
  return vectors.map((vector) => unit(vector.map((value, t) => value - mean[t]!)));
}

/** Scaled to unit length; an all-zero (or numerically zero) vector stays zero. */
function unit(vector: Float64Array): Float64Array {
  let sq = 0;
  for (const value of vector) sq += value * value;
  const norm = Math.sqrt(sq);
  return norm > 1e-9 ? vector.map((value) => value / norm) : new Float64Array(vector.length);
}
