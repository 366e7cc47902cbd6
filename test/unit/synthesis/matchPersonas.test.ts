import { describe, expect, it } from 'vitest';
import { matchPersonas } from '../../../electron/core/synthesis/matchPersonas';

describe('matchPersonas', () => {
  it('maps each new persona to the old one sharing most participants', () => {
    const old = [
      { id: 10, participantIds: [1, 2, 3] },
      { id: 11, participantIds: [4, 5, 6] },
    ];
    expect(matchPersonas(old, [{ participantIds: [4, 5] }, { participantIds: [1, 2, 3, 6] }])).toEqual([11, 10]);
  });

  it('is one to one, best overlap first', () => {
    const old = [{ id: 1, participantIds: [1, 2, 3, 4] }];
    // Both overlap persona 1; the second overlaps more (3/4 vs 2/4) and takes it.
    expect(matchPersonas(old, [{ participantIds: [1, 2] }, { participantIds: [1, 2, 3] }])).toEqual([null, 1]);
  });

  it('leaves a new persona unmatched below a third of shared participants', () => {
    const old = [{ id: 1, participantIds: [1, 2, 3] }];
    expect(matchPersonas(old, [{ participantIds: [3, 4, 5] }])).toEqual([null]); // 1/5 = 0.2
    expect(matchPersonas(old, [{ participantIds: [2, 3, 4] }])).toEqual([1]); // 2/4 = 0.5
  });

  it('handles no old personas, no new ones, and empty groups', () => {
    expect(matchPersonas([], [{ participantIds: [1] }])).toEqual([null]);
    expect(matchPersonas([{ id: 1, participantIds: [1] }], [])).toEqual([]);
    expect(matchPersonas([{ id: 1, participantIds: [] }], [{ participantIds: [] }])).toEqual([null]);
  });

  it('breaks ties by order, so the result is deterministic', () => {
    const old = [
      { id: 1, participantIds: [1, 2] },
      { id: 2, participantIds: [1, 2] },
    ];
    expect(matchPersonas(old, [{ participantIds: [1, 2] }, { participantIds: [1, 2] }])).toEqual([1, 2]);
  });
});
