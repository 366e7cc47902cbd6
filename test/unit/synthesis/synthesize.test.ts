import { describe, expect, it } from 'vitest';
import { synthesize, type SynthesisInput } from '../../../electron/core/synthesis/synthesize';
import { createRng } from '../../../electron/core/synthesis/random';
import { plantedStudy, randomUnit } from './fixtures';

const serialise = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v instanceof Map ? [...v.entries()] : v instanceof Float32Array ? Array.from(v) : v,
  );

function input(groups: number[], seed: number, extra: Partial<SynthesisInput> = {}): SynthesisInput {
  const study = plantedStudy(groups, 24, 11);
  return {
    quotes: study.quotes,
    participants: study.participants,
    facetPrototypeVectors: study.prototypeVectors,
    seed,
    ...extra,
  };
}

describe('synthesize', () => {
  it('gives byte-identical output for the same input and seed', () => {
    expect(serialise(synthesize(input([3, 3, 2], 5)))).toBe(serialise(synthesize(input([3, 3, 2], 5))));
  });

  it('depends on the seed', () => {
    const base = serialise(synthesize(input([3, 3, 2], 1)));
    const others = [2, 3, 4, 5].map((seed) => serialise(synthesize(input([3, 3, 2], seed))));
    expect(others.some((other) => other !== base)).toBe(true);
  });

  it('honours theme and persona count overrides', () => {
    const output = synthesize(input([4, 4], 1, { themeCount: 3, personaCount: 3 }));
    expect(output.themes.k).toBe(3);
    expect(output.personas.k).toBe(3);
    expect(output.personas.drafts).toHaveLength(3);
  });

  it('reports persona scores per candidate k when choosing automatically', () => {
    const output = synthesize(input([4, 4], 1));
    expect(output.personas.k).toBe(2);
    expect(Object.keys(output.personas.scores)).toEqual(['2', '3', '4']);
  });

  it('copes with an empty study', () => {
    const output = synthesize({ ...input([], 1) });
    expect(output.themes.k).toBe(0);
    expect(output.personas).toEqual({ k: 0, scores: {}, groups: [], clearlyBetterThanOne: false, fit: new Map(), drafts: [] });
  });

  it.each([
    ['one quote', 1],
    ['three quotes', 3],
  ])('copes with %s', (_, count) => {
    const base = input([1, 1], 1);
    const quotes = base.quotes.filter((q) => q.participantId === 1).slice(0, count);
    const output = synthesize({ ...base, quotes });
    expect(output.themes.k).toBe(1);
    expect(output.personas.groups).toEqual([[1]]); // participant 2 has no quotes left
    expect(output.personas.drafts[0]!.participantIds).toEqual([1]);
  });
});

describe('synthesize with quotes that fit no theme', () => {
  it('lists them last as the outlier group and gives them no theme in the personas', () => {
    const base = input([3, 3], 1);
    const rng = createRng(5);
    const strays = Array.from({ length: 6 }, (_, i) => ({
      id: 10_000 + i,
      participantId: 1 + (i % 6),
      text: 'an aside about the weather',
      vector: randomUnit(rng),
    }));
    const output = synthesize({ ...base, quotes: [...base.quotes, ...strays] });
    const outlier = output.themes.themes.at(-1)!;
    expect(outlier.outlier).toBe(true);
    expect(outlier.quoteIds).toEqual(expect.arrayContaining(strays.map((q) => q.id)));
    expect(output.themes.themes.filter((t) => !t.outlier)).toHaveLength(output.themes.k);
    for (const draft of output.personas.drafts) {
      for (const t of draft.themeIndexes) expect(t).toBeLessThan(output.themes.k);
    }
  });

  it('keeps them in themes when outliers are turned off', () => {
    const output = synthesize(input([3, 3], 1, { outliers: false }));
    expect(output.themes.themes.some((t) => t.outlier)).toBe(false);
  });
});
