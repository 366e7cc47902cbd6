// A planted study for persona tests: participants in known groups, each group talking about
// its own themes, every quote carrying one of four facet directions. Seeded and deterministic.

import { FACETS, type Facet } from '../../../electron/core/synthesis/facets';
import { createRng, type Rng } from '../../../electron/core/synthesis/random';
import { normalizeRow } from '../../../electron/core/synthesis/vectors';

export const DIM = 64;

export function randomUnit(rng: Rng, dim = DIM): Float32Array {
  const vector = new Float32Array(dim);
  for (let t = 0; t < dim; t++) vector[t] = rng.gaussian();
  normalizeRow(vector, 0, dim);
  return vector;
}

export function noisy(rng: Rng, parts: readonly [Float32Array, number][], noise: number, dim = DIM): Float32Array {
  const vector = new Float32Array(dim);
  for (const [direction, weight] of parts) for (let t = 0; t < dim; t++) vector[t]! += weight * direction[t]!;
  for (let t = 0; t < dim; t++) vector[t]! += (noise / Math.sqrt(dim)) * rng.gaussian();
  normalizeRow(vector, 0, dim);
  return vector;
}

export interface PlantedStudy {
  participants: { id: number; name: string }[];
  /** Planted group of each participant id. */
  groupOf: Map<number, number>;
  quotes: { id: number; participantId: number; text: string; vector: Float32Array; theme: number; facet: Facet }[];
  prototypeVectors: Record<Facet, Float32Array[]>;
}

const FILLER = 'so I think we usually just do it with the team and then we see how it goes from there'.split(' ');

/**
 * `groups[g]` participants in group g; group g talks about themes 2g and 2g+1 (80%) and a
 * shared theme (20%). Theme t's quotes use the planted words `themeword${t}a/b/c`.
 */
export function plantedStudy(groups: readonly number[], quotesPerParticipant = 24, seed = 7): PlantedStudy {
  const rng = createRng(seed);
  const themeCount = groups.length * 2 + 1;
  const shared = themeCount - 1;
  const themeDirections = Array.from({ length: themeCount }, () => randomUnit(rng));
  const facetDirections = FACETS.map(() => randomUnit(rng));

  const participants: PlantedStudy['participants'] = [];
  const groupOf = new Map<number, number>();
  const quotes: PlantedStudy['quotes'] = [];
  let quoteId = 1;
  groups.forEach((size, g) => {
    for (let p = 0; p < size; p++) {
      const id = participants.length + 1;
      participants.push({ id, name: `P${id}` });
      groupOf.set(id, g);
      for (let q = 0; q < quotesPerParticipant; q++) {
        const theme = rng.next() < 0.2 ? shared : 2 * g + rng.int(2);
        const f = rng.int(FACETS.length);
        const words = 6 + rng.int(20);
        const text = Array.from({ length: words }, (_, w) =>
          w % 3 === 0 ? `themeword${theme}${'abc'[rng.int(3)]}` : FILLER[rng.int(FILLER.length)],
        ).join(' ');
        quotes.push({
          id: quoteId++,
          participantId: id,
          text: `${text}.`,
          vector: noisy(rng, [[themeDirections[theme]!, 1], [facetDirections[f]!, 0.5]], 0.6),
          theme,
          facet: FACETS[f]!,
        });
      }
    }
  });
  const prototypeVectors = Object.fromEntries(
    FACETS.map((facet, f) => [facet, Array.from({ length: 10 }, () => noisy(rng, [[facetDirections[f]!, 1]], 0.3))]),
  ) as Record<Facet, Float32Array[]>;
  return { participants, groupOf, quotes, prototypeVectors };
}
