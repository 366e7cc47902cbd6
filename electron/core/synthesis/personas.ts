// Participants -> persona groups. A participant is described by two unit blocks, weighted
// equally: what they say (the normalised mean of their quote vectors) and what they talk about
// (their share of quotes per theme). Each block is centred on the participants' mean first:
// every participant's mean vector points roughly the same way (same product, same interview
// guide), so without centring the cosines would all sit near 0.9 and the theme block would
// decide alone.

import { kmeans } from './kmeans';
import { deriveSeed } from './random';
import { silhouetteScore } from './silhouette';
import { toMatrix } from './vectors';

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
}

const MAX_PERSONAS = 4;

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
  if (n === 0) return { k: 0, scores: {}, groups: [] };

  const candidates =
    input.k === 'auto'
      ? range(2, Math.min(MAX_PERSONAS, n - 1))
      : [Math.min(assertPersonaCount(input.k), n)];
  if (candidates.length === 0 || candidates[0] === 1) {
    return { k: 1, scores: {}, groups: [placed.map((p) => p.id).sort((a, b) => a - b)] };
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
  return { k: ordered.length, scores, groups: ordered };
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
