import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, purity, vMeasure } from '../../../electron/core/synthesis/metrics';

describe('clustering metrics (values from the scikit-learn documentation)', () => {
  it('v-measure of [0,0,1,1] vs [0,0,1,2] is 0.8, homogeneity 1, completeness 2/3', () => {
    const score = vMeasure([0, 0, 1, 1], [0, 0, 1, 2]);
    expect(score.vMeasure).toBeCloseTo(0.8, 10);
    expect(score.homogeneity).toBeCloseTo(1, 10);
    expect(score.completeness).toBeCloseTo(2 / 3, 10);
  });

  it('v-measure of [0,0,1,2] vs [0,0,1,1] swaps homogeneity and completeness', () => {
    const score = vMeasure([0, 0, 1, 2], [0, 0, 1, 1]);
    expect(score.homogeneity).toBeCloseTo(2 / 3, 10);
    expect(score.completeness).toBeCloseTo(1, 10);
    expect(score.vMeasure).toBeCloseTo(0.8, 10);
  });

  it('v-measure of everything in one cluster against distinct classes is 0', () => {
    expect(vMeasure([0, 1, 2, 3], [0, 0, 0, 0]).vMeasure).toBeCloseTo(0, 10);
  });

  it('adjusted Rand of [0,0,1,1] vs [0,0,1,2] is 0.5714…', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714, 8);
  });

  it('adjusted Rand ignores label names and is 1 for equal partitions', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
  });

  it('adjusted Rand of a class split across every cluster is -0.5 (sklearn example)', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 10);
  });

  it('purity counts the majority class per cluster', () => {
    expect(purity([0, 0, 1, 1, 1], [0, 0, 0, 1, 1])).toBeCloseTo(4 / 5, 10);
  });

  it('rejects labelings of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(/length/);
  });
});
