import { describe, expect, it } from 'vitest';
import { classifyFacets, FACET_PROTOTYPES, FACETS } from '../../../electron/core/synthesis/facets';
import { plantedStudy } from './fixtures';

describe('facet prototypes', () => {
  it.each(FACETS)('has 8-15 distinct first-person sentences for %s', (facet) => {
    const sentences = FACET_PROTOTYPES[facet];
    expect(sentences.length).toBeGreaterThanOrEqual(8);
    expect(sentences.length).toBeLessThanOrEqual(15);
    expect(new Set(sentences).size).toBe(sentences.length);
    for (const sentence of sentences) expect(sentence).toMatch(/\b(I|my|me|we|our)\b/i);
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
