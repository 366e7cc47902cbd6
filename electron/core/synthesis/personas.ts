// Participants -> persona groups. A participant is described by up to three unit blocks, weighted
// equally: what they say (the normalised mean of their quote vectors), what they talk about (their
// share of quotes per theme) and, when quote texts are given, the words they use (LSA of their own
// words: participantWords.ts). Each block is centred on the participants' mean first: every
// participant's mean vector points roughly the same way (same product, same interview guide), so
// without centring the cosines would all sit near 0.9 and one block would decide alone.

import { kmeans } from './kmeans';
import { createRng, deriveSeed } from './random';
import { wordSpace } from './participantWords';
import { silhouetteScore } from './silhouette';
import { symmetricEigen } from './symmetricEigen';
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
  /**
   * Quote text per quote id. When given, a third block describes each participant by their own
   * words (see participantWords.ts); quotes without text add no words.
   */
  quoteTexts?: ReadonlyMap<number, string>;
  /** How 'auto' picks k (see chooseK); default 'silhouette'. 'excess' is kept for benches. */
  kChoice?: 'silhouette' | 'excess';
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

  const autoCandidates = range(2, Math.min(MAX_PERSONAS, n - 1));
  const candidates = input.k === 'auto' ? autoCandidates : [Math.min(assertPersonaCount(input.k), n)];
  if (candidates.length === 0 || candidates[0] === 1) {
    const ids = placed.map((p) => p.id).sort((a, b) => a - b);
    return { k: 1, scores: {}, groups: [ids], clearlyBetterThanOne: false, fit: new Map(ids.map((id) => [id, 1])) };
  }

  const matrix = toMatrix(participantVectors(placed, input));
  // Every k in 2..4 is scored whatever was asked: the reference test needs them all.
  const fits = new Map<number, { labels: Int32Array; score: number }>();
  for (const k of new Set([...autoCandidates, ...candidates])) {
    // Tens of participants: ten restarts cost nothing and steady the choice of k.
    const fit = kmeans(matrix, k, { seed: deriveSeed(input.seed, k), nInit: 10 });
    fits.set(k, { labels: fit.labels, score: silhouetteScore(matrix, fit.labels) });
  }
  const reference = autoCandidates.length > 0 ? referenceSilhouettes(matrix, autoCandidates, input.seed) : [];
  const chosen = input.k === 'auto' ? chooseK(autoCandidates, fits, reference, input.kChoice ?? 'silhouette') : candidates[0]!;
  const scores: Record<string, number> = {};
  for (const k of candidates) scores[String(k)] = fits.get(k)!.score;
  const labels = fits.get(chosen)!.labels;

  const groups: number[][] = Array.from({ length: chosen }, () => []);
  labels.forEach((label, row) => groups[label]!.push(placed[row]!.id));
  const ordered = groups
    .filter((group) => group.length > 0)
    .map((group) => group.sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!);

  const bestObserved = Math.max(...autoCandidates.map((k) => fits.get(k)!.score));
  return {
    k: ordered.length,
    scores,
    groups: ordered,
    clearlyBetterThanOne:
      reference.length > 0 && reference.every((perK) => Math.max(...perK.values()) < bestObserved),
    fit: fitToCentroid(matrix, labels, placed.map((p) => p.id)),
  };
}

/**
 * The k for 'auto'. 'silhouette' takes the best silhouette. 'excess' takes the k whose silhouette
 * stands highest above what the same k scores on the reference studies without groups (a gap
 * statistic scored by silhouette). Measured with the words block: on planted 2-group studies
 * (test/unit/synthesis/fixtures.ts) 'excess' answered 4, because each group's continuous spread
 * in word choice scores a little above the references, while 'silhouette' answered 2, 2, 3 and 2
 * for [5,5], [5,4], [4,4,4] and [6,6]; both found 2, 3 and 4 real domains (personasRealText) and
 * 2 on ai-at-work. Ties go to the smaller k.
 */
function chooseK(
  candidates: readonly number[],
  fits: ReadonlyMap<number, { score: number }>,
  reference: readonly ReadonlyMap<number, number>[],
  rule: 'silhouette' | 'excess',
): number {
  let best = candidates[0]!;
  let bestValue = -Infinity;
  for (const k of candidates) {
    const expected = rule === 'excess' && reference.length > 0 ? reference.reduce((sum, perK) => sum + perK.get(k)!, 0) / reference.length : 0;
    const value = fits.get(k)!.score - expected;
    if (value > bestValue + 1e-12) {
      best = k;
      bestValue = value;
    }
  }
  return best;
}

function silhouettesFor(matrix: VectorMatrix, candidates: readonly number[], seed: number): Map<number, number> {
  const scores = new Map<number, number>();
  for (const k of candidates) {
    const fit = kmeans(matrix, k, { seed: deriveSeed(seed, k), nInit: 10 });
    scores.set(k, silhouetteScore(matrix, fit.labels));
  }
  return scores;
}

/**
 * Silhouette per candidate k on each of NULL_REFERENCES reference studies: the test behind
 * `clearlyBetterThanOne` and the 'excess' choice of k (Tibshirani's gap-statistic reference,
 * scored by silhouette). Reference studies draw every participant uniformly within the range the real
 * participants span along each principal axis, so they keep the shape and spread of the study but
 * have no groups. Shuffling each feature instead was measured too weak: a single planted group
 * whose participants differ along one axis (more of theme A, less of theme B) still "beat" it.
 */
function referenceSilhouettes(matrix: VectorMatrix, candidates: readonly number[], seed: number): Map<number, number>[] {
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
  return Array.from({ length: NULL_REFERENCES }, (_, r) => {
    const rows = Array.from({ length: n }, () => {
      const row = Float32Array.from(mean);
      for (const { direction, lo, hi } of axes) {
        const score = lo + rng.next() * (hi - lo);
        for (let t = 0; t < dim; t++) row[t]! += score * direction[t]!;
      }
      if (!row.some((x) => x !== 0)) row[0] = 1e-6; // a point at the origin has no direction
      return row;
    });
    return silhouettesFor(toMatrix(rows), candidates, deriveSeed(seed, 5000 + r));
  });
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

/**
 * Blocks, each centred on the participants' mean and scaled to unit length, then weighted
 * equally (1/√blocks) so the whole row has unit length: the centred mean direction of the
 * participant's quote vectors, their centred share of quotes per theme and, with texts, the
 * LSA coordinates of their own words.
 */
function participantVectors(
  placed: readonly { id: number; vectors: readonly { id: number; vector: Float32Array }[] }[],
  input: Pick<GroupPersonasInput, 'participants' | 'themeOf' | 'themeCount' | 'quoteTexts'>,
): Float32Array[] {
  const quoteSets = placed.map((p) => p.vectors);
  const { themeOf, themeCount } = input;
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
  const blocks = [semantic, profiles];
  const texts = input.quoteTexts;
  if (texts) {
    // All of the participant's quotes, embedded or not: words need no vector.
    const quoteIdsOf = new Map(input.participants.map((p) => [p.id, p.quoteIds]));
    const documents = placed.map((p) => (quoteIdsOf.get(p.id) ?? []).map((id) => texts.get(id) ?? '').join('\n'));
    blocks.push(wordSpace(documents).map(unit));
  }

  const combine = (parts: Float64Array[][]): Float32Array[] => {
    const weight = 1 / Math.sqrt(parts.length);
    const width = parts.reduce((sum, part) => sum + (part[0]?.length ?? 0), 0);
    return placed.map((_, i) => {
      const out = new Float32Array(width);
      let at = 0;
      for (const part of parts) {
        part[i]!.forEach((value, t) => (out[at + t] = value * weight));
        at += part[i]!.length;
      }
      return out;
    });
  };
  const centred = combine(blocks.map(centre));
  // A participant exactly at the mean (e.g. identical participants) has no direction left:
  // fall back to the uncentred blocks for everyone rather than invent one.
  const degenerate = centred.some((vector) => !vector.some((value) => value !== 0));
  return degenerate ? combine(blocks) : centred;
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
