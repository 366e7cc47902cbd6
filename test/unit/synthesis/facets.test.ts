import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../shared/ipc/contract';
import { classifyFacets, FACET_DESCRIPTIONS, FACET_PROTOTYPES, FACETS } from '../../../electron/core/synthesis/facets';
import { FACET_EXAMPLES } from '../../../electron/core/synthesis/facetExamples';
import { createRng } from '../../../electron/core/synthesis/random';
import { plantedStudy, randomUnit } from './fixtures';

describe('facet prototypes', () => {
  it.each(FACETS)('has 30-60 distinct first-person sentences for %s, within what a researcher may save', (facet) => {
    const sentences = FACET_PROTOTYPES[facet];
    expect(sentences.length).toBeGreaterThanOrEqual(30);
    expect(sentences.length).toBeLessThanOrEqual(60);
    expect(() => parseInput('facets:setPrototypes', { prototypes: FACET_PROTOTYPES })).not.toThrow();
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(sentences).toEqual([...FACET_DESCRIPTIONS[facet], ...FACET_EXAMPLES[facet]]);
    // The descriptions speak as an interviewee would; the examples are real interview quotes.
    for (const sentence of FACET_DESCRIPTIONS[facet]) expect(sentence).toMatch(/\b(I|my|me|we|our)\b/i);
  });
});

describe('classifyFacets', () => {
  const study = plantedStudy([3, 3]);
  const vectors = new Map(study.quotes.map((q) => [q.id, q.vector]));

  it('assigns each quote the facet of its nearest prototype', () => {
    const facets = classifyFacets(vectors, study.prototypeVectors);
    expect(facets.size).toBe(study.quotes.length);
    const correct = study.quotes.filter((q) => facets.get(q.id)?.facet === q.facet).length;
    expect(correct / study.quotes.length).toBeGreaterThanOrEqual(0.95);
  });

  it('gives confidence in 0..1, higher when the lead is clear', () => {
    const facets = classifyFacets(vectors, study.prototypeVectors);
    for (const { confidence } of facets.values()) {
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    const goal = study.prototypeVectors.goal[0]!;
    const frustration = study.prototypeVectors.frustration[0]!;
    const between = goal.map((x, t) => x + frustration[t]!);
    const result = classifyFacets(new Map([[1, goal], [2, between]]), study.prototypeVectors);
    expect(result.get(1)!.confidence).toBeGreaterThan(result.get(2)!.confidence);
  });

  it('refuses a facet without prototypes', () => {
    expect(() => classifyFacets(vectors, { ...study.prototypeVectors, context: [] })).toThrow(/context/);
  });
});

describe('the six facets and "other"', () => {
  const study = plantedStudy([3, 3]);

  it('covers goal, frustration, behavior, context, mental model and decision factor', () => {
    expect(FACETS).toEqual(['goal', 'frustration', 'behavior', 'context', 'mentalModel', 'decisionFactor']);
    expect(Object.keys(FACET_PROTOTYPES).sort()).toEqual([...FACETS].sort());
  });

  it('calls a quote far from every prototype "other"', () => {
    const rng = createRng(3);
    // Orthogonal to every prototype: its best facet scores about 0.
    const far = randomUnit(rng);
    const prototypes = Object.values(study.prototypeVectors).flat();
    for (let round = 0; round < 20; round++) {
      for (const p of prototypes) {
        const d = far.reduce((sum, x, t) => sum + x * p[t]!, 0);
        for (let t = 0; t < far.length; t++) far[t]! -= d * p[t]!;
      }
    }
    const norm = Math.hypot(...far);
    const result = classifyFacets(new Map([[1, far.map((x) => x / norm)], [2, study.prototypeVectors.goal[0]!]]), study.prototypeVectors);
    expect(result.get(1)!.facet).toBe('other');
    expect(result.get(2)!.facet).toBe('goal');
    expect(classifyFacets(new Map([[1, far.map((x) => x / norm)]]), study.prototypeVectors, { minSimilarity: -1 }).get(1)!.facet).not.toBe('other');
  });

  it('can call a thin lead "other" when asked to', () => {
    const goal = study.prototypeVectors.goal[0]!;
    const frustration = study.prototypeVectors.frustration[0]!;
    const between = goal.map((x, t) => x + frustration[t]!);
    const vectors = new Map([[1, between]]);
    expect(classifyFacets(vectors, study.prototypeVectors).get(1)!.facet).not.toBe('other');
    expect(classifyFacets(vectors, study.prototypeVectors, { otherBelow: 1.01 }).get(1)!.facet).toBe('other');
  });

  it('takes any prototypes, e.g. a researcher’s own, and scores by the closest few', () => {
    const one = { ...study.prototypeVectors, goal: [study.prototypeVectors.goal[0]!] };
    expect(classifyFacets(new Map([[1, study.prototypeVectors.goal[0]!]]), one).get(1)!.facet).toBe('goal');
    expect(() => classifyFacets(new Map(), study.prototypeVectors, { topPrototypes: 0 })).toThrow(/topPrototypes/);
  });
});
