import { describe, expect, it } from 'vitest';
import { carryPersonas, carryThemes, type OldTheme } from '../../../electron/core/synthesis/carryOver';

describe('carryPersonas', () => {
  it('keeps the Jaccard heirs and gives a curated orphan the free persona sharing most of its participants', () => {
    const old = [
      { id: 10, name: 'Edited', participantIds: [1, 2, 3, 4, 5], curated: true },
      { id: 11, name: 'Other', participantIds: [6, 7], curated: false },
    ];
    // Participants 1..5 split over two new personas: neither reaches 1/3 Jaccard with a new participant mix.
    const fresh = [{ participantIds: [6, 7, 8] }, { participantIds: [1, 2, 9, 10, 11, 12] }, { participantIds: [3, 13, 14, 15, 16, 17] }];
    const { heirs, lost } = carryPersonas(old, fresh);
    expect(heirs[0]).toBe(11);
    expect(heirs[1]).toBe(10);
    expect(heirs[2]).toBeNull();
    expect(lost).toEqual([]);
  });

  it('names a curated persona whose participants are all elsewhere, and ignores an uncurated one', () => {
    const old = [
      { id: 1, name: 'Kept', participantIds: [1, 2], curated: true },
      { id: 2, name: 'Gone', participantIds: [3], curated: true },
      { id: 3, name: 'Drafted', participantIds: [4], curated: false },
    ];
    const { heirs, lost } = carryPersonas(old, [{ participantIds: [1, 2] }, { participantIds: [5, 6] }]);
    expect(heirs).toEqual([1, null]);
    expect(lost).toEqual(['Gone']);
  });
});

describe('carryThemes', () => {
  const theme = (label: string, quoteIds: number[], flags: Partial<OldTheme> = {}): OldTheme => ({
    label,
    quoteIds,
    hidden: false,
    curated: false,
    outlier: false,
    ...flags,
  });

  it('carries a renamed label and a hidden flag to the new theme holding most of their quotes', () => {
    const old = [theme('Funding', [1, 2, 3, 4], { curated: true }), theme('Noise', [5, 6, 7], { hidden: true }), theme('Plain', [8, 9])];
    const fresh = [
      { label: 'grant', quoteIds: [8, 9, 10], outlier: false },
      { label: 'money', quoteIds: [1, 2, 3, 11, 12], outlier: false },
      { label: 'weather', quoteIds: [5, 6, 13], outlier: false },
      { label: 'Other', quoteIds: [4, 7], outlier: true },
    ];
    const { carried, lost } = carryThemes(old, fresh);
    expect(carried[0]).toBeNull();
    expect(carried[1]).toEqual({ label: 'Funding', hidden: false, curated: true, from: 'Funding' });
    expect(carried[2]).toEqual({ label: 'weather', hidden: true, curated: false, from: 'Noise' });
    expect(carried[3]).toBeNull();
    expect(lost).toEqual([]);
  });

  it('names a curated theme scattered over new themes (no one holds 40%), and never targets the outlier group', () => {
    const old = [theme('Scattered', [1, 2, 3, 4, 5, 6], { curated: true }), theme('Into outliers', [7, 8], { curated: true })];
    const fresh = [
      { label: 'a', quoteIds: [1, 2], outlier: false },
      { label: 'b', quoteIds: [3, 4], outlier: false },
      { label: 'c', quoteIds: [5, 6], outlier: false },
      { label: 'Other', quoteIds: [7, 8], outlier: true },
    ];
    const { carried, lost } = carryThemes(old, fresh);
    expect(carried.every((c) => c === null)).toBe(true);
    expect(lost).toEqual(['Scattered', 'Into outliers']);
  });

  it('maps one to one: two curated themes that land in the same new theme do not both take it', () => {
    const old = [theme('First', [1, 2, 3], { curated: true }), theme('Second', [4, 5], { curated: true })];
    const fresh = [{ label: 'merged', quoteIds: [1, 2, 3, 4, 5], outlier: false }];
    const { carried, lost } = carryThemes(old, fresh);
    expect(carried[0]?.label).toBe('First');
    expect(lost).toEqual(['Second']);
  });
});
