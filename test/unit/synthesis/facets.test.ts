import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../shared/ipc/contract';
import {
  classifyFacets,
  DRAFT_MIN_CONFIDENCE,
  FACET_DESCRIPTIONS,
  FACET_PROTOTYPES,
  FACETS,
  isDraftable,
  trainingSentences,
  type Facet,
} from '../../../electron/core/synthesis/facets';
import { FACET_EXAMPLES, OTHER_EXAMPLES } from '../../../electron/core/synthesis/facetExamples';
import { fitRidge, linearScores } from '../../../electron/core/synthesis/facetModel';
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

  it('trains on the study prototypes plus built-in sentences that are no facet', () => {
    const custom = { ...FACET_PROTOTYPES, goal: ['I want it done by Friday.'] };
    const sentences = trainingSentences(custom);
    expect(sentences.goal).toEqual(['I want it done by Friday.']);
    expect(sentences.other).toBe(OTHER_EXAMPLES);
    expect(OTHER_EXAMPLES.length).toBeGreaterThanOrEqual(20);
    for (const facet of FACETS) for (const s of OTHER_EXAMPLES) expect(FACET_PROTOTYPES[facet]).not.toContain(s);
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

  it('refuses prototype texts that do not match the vectors', () => {
    const texts = Object.fromEntries(FACETS.map((f) => [f, study.prototypeVectors[f].map((_, i) => `${f} ${i}`)])) as Record<Facet, string[]>;
    const quotes = new Map(study.quotes.map((q) => [q.id, q.text]));
    expect(() => classifyFacets(vectors, study.prototypeVectors, { texts: { quotes, prototypes: texts } })).not.toThrow();
    expect(() => classifyFacets(vectors, study.prototypeVectors, { texts: { quotes, prototypes: { ...texts, goal: ['one'] } } })).toThrow(/goal/);
    expect(() => classifyFacets(vectors, study.prototypeVectors, { texts: { quotes: new Map(), prototypes: texts } })).toThrow(/no text/);
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

describe('polarity and confidence', () => {
  const study = plantedStudy([3, 3]);
  const prototypeTexts = Object.fromEntries(FACETS.map((f) => [f, study.prototypeVectors[f].map(() => 'The form is on the website.')])) as Record<Facet, string[]>;
  const frustration = study.prototypeVectors.frustration[0]!;

  it('never files a positive statement as a frustration', () => {
    const classify = (text: string) =>
      classifyFacets(new Map([[1, frustration]]), study.prototypeVectors, { texts: { quotes: new Map([[1, text]]), prototypes: prototypeTexts } }).get(1)!;
    expect(classify('The booking page keeps crashing, it is a nightmare.').facet).toBe('frustration');
    expect(classify('I love how quick and easy the booking page is now.').facet).not.toBe('frustration');
    expect(classify("It's not easy to book anything.").facet).toBe('frustration');
  });

  it('reads the words: a quote between two facets goes where its wording points', () => {
    const wording: Record<Facet, string> = {
      goal: 'What I really want is to be able to sort it myself.',
      frustration: 'I hate it, it is so annoying and it never works.',
      behavior: 'I usually check it every morning.',
      context: 'I have been a nurse for ten years.',
      mentalModel: 'I always assumed it worked like a queue.',
      decisionFactor: 'I chose it because it was cheaper.',
    };
    const texts = Object.fromEntries(FACETS.map((f) => [f, study.prototypeVectors[f].map(() => wording[f])])) as Record<Facet, string[]>;
    const goal = study.prototypeVectors.goal[0]!;
    const between = goal.map((x, t) => x + frustration[t]!);
    const classify = (text: string) =>
      classifyFacets(new Map([[1, between]]), study.prototypeVectors, { texts: { quotes: new Map([[1, text]]), prototypes: texts } }).get(1)!.facet;
    expect(classify('I just want to be able to do it on my own.')).toBe('goal');
    expect(classify('It is so annoying, I hate how it never works.')).toBe('frustration');
  });

  it('keeps "other" and thin leads out of drafts, and a researcher\'s correction in', () => {
    expect(DRAFT_MIN_CONFIDENCE).toBeGreaterThan(0);
    expect(isDraftable({ facet: 'goal', confidence: 1 })).toBe(true);
    expect(isDraftable({ facet: 'goal', confidence: DRAFT_MIN_CONFIDENCE })).toBe(true);
    expect(isDraftable({ facet: 'goal', confidence: DRAFT_MIN_CONFIDENCE / 2 })).toBe(false);
    expect(isDraftable({ facet: 'other', confidence: 1 })).toBe(false);
    const goal = study.prototypeVectors.goal[0]!;
    const between = goal.map((x, t) => x + frustration[t]!);
    const result = classifyFacets(new Map([[1, goal], [2, between]]), study.prototypeVectors);
    expect(isDraftable(result.get(1)!)).toBe(true);
    expect(result.get(2)!.confidence).toBeLessThan(result.get(1)!.confidence);
  });
});

describe('fitRidge', () => {
  it('separates classes a line separates, deterministically', () => {
    const rows = [
      [1, 0],
      [0.9, 0.2],
      [0, 1],
      [0.1, 0.8],
      [-1, -1],
      [-0.8, -1.1],
    ].map((r) => Float64Array.from(r));
    const labels = [0, 0, 1, 1, 2, 2];
    const model = fitRidge(rows, labels, 3, 0.01);
    rows.forEach((row, i) => {
      const scores = linearScores(model, row);
      expect(scores.indexOf(Math.max(...scores))).toBe(labels[i]);
    });
    expect(fitRidge(rows, labels, 3, 0.01).weights).toEqual(model.weights);
  });

  it('shrinks the weights as the penalty grows, and refuses bad input', () => {
    const rows = [Float64Array.from([1, 0]), Float64Array.from([0, 1])];
    const norm = (lambda: number) => Math.hypot(...fitRidge(rows, [0, 1], 2, lambda).weights.filter((_, i) => i % 3 !== 2));
    expect(norm(10)).toBeLessThan(norm(0.1));
    expect(() => fitRidge(rows, [0], 2, 1)).toThrow(/one label per row/);
    expect(() => fitRidge(rows, [0, 2], 2, 1)).toThrow(/out of range/);
    expect(() => fitRidge(rows, [0, 1], 2, 0)).toThrow(/positive/);
  });
});
