import { describe, expect, it } from 'vitest';
import { groupPersonas, type GroupPersonasInput, type PersonaCount } from '../../../electron/core/synthesis/personas';
import { plantedStudy } from './fixtures';

type PlantedInput = GroupPersonasInput & { groupOf: Map<number, number> };

function inputFor(groups: number[], k: PersonaCount = 'auto', seed = 1): PlantedInput {
  const study = plantedStudy(groups);
  const themeOf = new Map(study.quotes.map((q) => [q.id, q.theme]));
  return {
    participants: study.participants.map((p) => ({
      id: p.id,
      quoteIds: study.quotes.filter((q) => q.participantId === p.id).map((q) => q.id),
    })),
    quoteVectors: new Map(study.quotes.map((q) => [q.id, q.vector])),
    themeOf,
    themeCount: groups.length * 2 + 1,
    k,
    seed,
    groupOf: study.groupOf,
  };
}

describe('groupPersonas', () => {
  it('recovers two planted participant groups with auto k', () => {
    const input = inputFor([5, 4]);
    const result = groupPersonas(input);
    expect(result.k).toBe(2);
    expect(Object.keys(result.scores).sort()).toEqual(['2', '3', '4']);
    expect(result.scores['2']).toBe(Math.max(...Object.values(result.scores)));
    for (const group of result.groups) {
      expect(new Set(group.map((id) => input.groupOf.get(id))).size).toBe(1);
    }
    expect(result.groups.map((g) => g.length)).toEqual([5, 4]);
  });

  it('recovers three planted groups with auto k', () => {
    const result = groupPersonas(inputFor([4, 4, 4]));
    expect(result.k).toBe(3);
  });

  it.each([[[5, 5]], [[4, 4, 4]], [[4, 4, 4, 4]], [[6, 3, 3]]])(
    'with their words too, finds %j planted groups as that many personas, each group whole',
    (groups) => {
      const study = plantedStudy(groups);
      const input = { ...inputFor(groups), quoteTexts: new Map(study.quotes.map((q) => [q.id, q.text])) };
      const result = groupPersonas(input);
      expect(result.k).toBe(groups.length);
      expect(result.clearlyBetterThanOne).toBe(true);
      for (const group of result.groups) expect(new Set(group.map((id) => input.groupOf.get(id))).size).toBe(1);
    },
  );

  it('with their words too, still says no grouping is clearly better than one for one group', () => {
    const study = plantedStudy([12]);
    const result = groupPersonas({ ...inputFor([12], 'auto', 2), quoteTexts: new Map(study.quotes.map((q) => [q.id, q.text])) });
    expect(result.clearlyBetterThanOne).toBe(false);
  });

  it('honours a fixed k', () => {
    const result = groupPersonas(inputFor([5, 4], 3));
    expect(result.k).toBe(3);
    expect(Object.keys(result.scores)).toEqual(['3']);
    expect(result.groups.flat().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(groupPersonas(inputFor([3, 3, 3], 'auto', 9)))).toBe(
      JSON.stringify(groupPersonas(inputFor([3, 3, 3], 'auto', 9))),
    );
  });

  it('gives no persona without participants and one for a single participant', () => {
    expect(groupPersonas(inputFor([]))).toEqual({ k: 0, scores: {}, groups: [], clearlyBetterThanOne: false, fit: new Map() });
    expect(groupPersonas(inputFor([1]))).toEqual({
      k: 1,
      scores: {},
      groups: [[1]],
      clearlyBetterThanOne: false,
      fit: new Map([[1, 1]]),
    });
  });

  it('with 2 participants: one persona on auto, two singletons when asked for 2', () => {
    expect(groupPersonas(inputFor([1, 1])).groups).toEqual([[1, 2]]);
    expect(groupPersonas(inputFor([1, 1], 2)).groups).toEqual([[1], [2]]);
  });

  it('with 3 participants, auto only tries k = 2; a fixed 4 becomes 3 singletons', () => {
    const auto = groupPersonas(inputFor([2, 1]));
    expect(auto.k).toBe(2);
    expect(Object.keys(auto.scores)).toEqual(['2']);
    expect(groupPersonas(inputFor([2, 1], 4)).groups).toEqual([[1], [2], [3]]);
  });

  it('leaves out participants without embedded quotes', () => {
    const input = inputFor([3, 3]);
    const result = groupPersonas({ ...input, participants: [...input.participants, { id: 99, quoteIds: [] }] });
    expect(result.groups.flat()).not.toContain(99);
  });

  it('copes with identical participants', () => {
    const vector = new Float32Array([1, 0, 0, 0]);
    const result = groupPersonas({
      participants: [1, 2, 3, 4].map((id) => ({ id, quoteIds: [id] })),
      quoteVectors: new Map([1, 2, 3, 4].map((id) => [id, vector])),
      themeOf: new Map([1, 2, 3, 4].map((id) => [id, 0])),
      themeCount: 1,
      k: 'auto',
      seed: 1,
    });
    expect(result.groups.flat().sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('whether any grouping is clearly better than one group', () => {
  it.each([
    [[5, 4], 1],
    [[4, 4, 4], 1],
    [[3, 3, 2], 2],
  ])('says yes for planted groups %j', (groups, seed) => {
    expect(groupPersonas(inputFor(groups, 'auto', seed)).clearlyBetterThanOne).toBe(true);
  });

  it.each([[[6]], [[12]]])('says no for participants drawn from one group %j, though k-means still splits them', (groups) => {
    const result = groupPersonas(inputFor(groups, 'auto', 2));
    expect(result.k).toBeGreaterThanOrEqual(2);
    expect(result.clearlyBetterThanOne).toBe(false);
  });

  it('answers for 2-4 groups whatever k was asked for', () => {
    expect(groupPersonas(inputFor([5, 4], 4, 1)).clearlyBetterThanOne).toBe(true);
    expect(groupPersonas(inputFor([1, 1], 2)).clearlyBetterThanOne).toBe(false); // 2 people: nothing to test
  });
});

describe('participant fit', () => {
  it('is 0..1 for every placed participant, lower for one who sits between groups', () => {
    const input = inputFor([4, 4]);
    // Participant 9 says half of what group 0 says and half of what group 1 says.
    const between = { id: 9, quoteIds: [...input.participants[0]!.quoteIds.slice(0, 12), ...input.participants[4]!.quoteIds.slice(0, 12)] };
    const result = groupPersonas({ ...input, participants: [...input.participants, between] });
    expect([...result.fit.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const fit of result.fit.values()) {
      expect(fit).toBeGreaterThanOrEqual(0);
      expect(fit).toBeLessThanOrEqual(1);
    }
    const others = [...result.fit].filter(([id]) => id !== 9).map(([, fit]) => fit);
    expect(result.fit.get(9)!).toBeLessThan(Math.min(...others));
  });
});
