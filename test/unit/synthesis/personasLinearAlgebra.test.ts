// The linear algebra under persona grouping: the symmetric eigen-decomposition and the word
// space (LSA) of participants' own words.
import { describe, expect, it } from 'vitest';
import { wordSpace } from '../../../electron/core/synthesis/participantWords';
import { createRng } from '../../../electron/core/synthesis/random';
import { symmetricEigen } from '../../../electron/core/synthesis/symmetricEigen';

function randomSymmetric(n: number, seed: number): number[][] {
  const rng = createRng(seed);
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i]![j] = a[j]![i] = rng.gaussian();
  return a;
}

describe('symmetricEigen', () => {
  it.each([1, 2, 7, 60])('gives A·v = λ·v with orthonormal v for a random %i x %i matrix', (n) => {
    const a = randomSymmetric(n, n);
    const { values, vectors } = symmetricEigen(a);
    expect(values).toEqual([...values].sort((x, y) => x - y));
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const av = a[i]!.reduce((sum, x, k) => sum + x * vectors[k]![j]!, 0);
        expect(av).toBeCloseTo(values[j]! * vectors[i]![j]!, 9);
      }
      for (let m = 0; m < n; m++) {
        const dot = vectors.reduce((sum, row) => sum + row[j]! * row[m]!, 0);
        expect(dot).toBeCloseTo(j === m ? 1 : 0, 9);
      }
    }
  });

  it('knows a diagonal matrix and refuses a ragged one', () => {
    expect(symmetricEigen([[3, 0], [0, -1]]).values).toEqual([-1, 3]);
    expect(symmetricEigen([])).toEqual({ values: [], vectors: [] });
    expect(() => symmetricEigen([[1, 2], [3]])).toThrow(/square/);
  });
});

describe('wordSpace', () => {
  const docs = [
    'the glaze cracked in the kiln, the clay was too wet',
    'clay and glaze again: the kiln runs hot',
    'my kiln and my clay studio',
    'the assay failed, the reagent and the pipette were fine',
    'pipette the reagent, run the assay twice',
    'assay results from the reagent batch',
  ];

  it('places people who share their words together, apart from the others', () => {
    const rows = wordSpace(docs);
    expect(rows).toHaveLength(6);
    const cosine = (a: Float64Array, b: Float64Array) =>
      a.reduce((sum, x, t) => sum + x * b[t]!, 0) / Math.hypot(...a) / Math.hypot(...b);
    for (const [i, j] of [[0, 1], [1, 2], [3, 4], [4, 5]] as const) expect(cosine(rows[i]!, rows[j]!)).toBeGreaterThan(0.5);
    for (const i of [0, 1, 2]) for (const j of [3, 4, 5]) expect(cosine(rows[i]!, rows[j]!)).toBeLessThan(0);
  });

  it('keeps at most n - 1 components (and as many as asked), centred on the mean', () => {
    // Six documents span at most five centred directions; here the shared words span three.
    expect(wordSpace(docs)[0]).toHaveLength(3);
    expect(wordSpace(docs, { components: 2 })[0]).toHaveLength(2);
    const rows = wordSpace(docs, { components: 3 });
    for (let t = 0; t < 3; t++) expect(rows.reduce((sum, row) => sum + row[t]!, 0)).toBeCloseTo(0, 9);
  });

  it('ignores words only one person uses, and is empty for nobody', () => {
    expect(wordSpace(['kiln', 'assay', 'pipette'])).toEqual([new Float64Array(0), new Float64Array(0), new Float64Array(0)]);
    expect(wordSpace([])).toEqual([]);
  });
});
