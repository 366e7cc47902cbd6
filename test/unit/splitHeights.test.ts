import { describe, expect, it } from 'vitest';
import { splitHeights } from '../../electron/core/export/textFit';

describe('splitHeights', () => {
  it('gives every row what it asks when it fits, the spare room to the last row', () => {
    expect(splitHeights(300, [100, 50, 60])).toEqual([100, 50, 150]);
  });
  it('lets modest rows have their ask and splits the rest evenly among the greedy ones', () => {
    expect(splitHeights(300, [40, 500, 400])).toEqual([40, 130, 130]);
    expect(splitHeights(300, [500, 400, 500])).toEqual([100, 100, 100]);
  });
  it('keeps the two-row rule: a small first row keeps its demand', () => {
    expect(splitHeights(200, [60, 500])).toEqual([60, 140]);
    expect(splitHeights(200, [500, 60])).toEqual([140, 60]);
    expect(splitHeights(200, [500, 500])).toEqual([100, 100]);
  });
  it('never hands out more than the total', () => {
    for (const demands of [[10, 20, 300, 5], [99, 1, 1], [0, 0, 0]]) {
      expect(splitHeights(120, demands).reduce((a, b) => a + b, 0)).toBeCloseTo(120);
    }
  });
});
