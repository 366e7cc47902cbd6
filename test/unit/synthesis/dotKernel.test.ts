import { describe, expect, it } from 'vitest';
import { copyRows, createDotWorkspace, strideFor } from '../../../electron/core/synthesis/dotKernel';
import { createRng } from '../../../electron/core/synthesis/random';

function randomRows(n: number, dim: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * dim }, () => rng.gaussian());
}

function reference(data: Float32Array, a: number, b: number, dim: number): number {
  let sum = 0;
  for (let t = 0; t < dim; t++) sum += data[a * dim + t]! * data[b * dim + t]!;
  return sum;
}

describe('SIMD dot kernel', () => {
  it.each([1, 5, 16, 17, 64, 384, 385])('matches a float64 dot product at %i dims', (dim) => {
    const n = 7;
    const data = randomRows(n, dim, dim);
    const ws = createDotWorkspace(n * strideFor(dim) + n, dim);
    copyRows(ws, data, n, dim, 0);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const expected = reference(data, a, b, dim);
        expect(ws.dot(a * ws.stride, b * ws.stride)).toBeCloseTo(expected, 3);
      }
    }
  });

  it('scan writes one row against many, in order', () => {
    const dim = 40;
    const n = 9;
    const data = randomRows(n, dim, 3);
    const ws = createDotWorkspace(n * strideFor(dim) + n, dim);
    copyRows(ws, data, n, dim, 0);
    const out = n * ws.stride;
    ws.scan(2 * ws.stride, 0, n, out);
    for (let j = 0; j < n; j++) expect(ws.view[out + j]).toBeCloseTo(reference(data, 2, j, dim), 3);
  });

  it('gives bit-identical results in a fresh workspace', () => {
    const dim = 384;
    const data = randomRows(2, dim, 11);
    const first = createDotWorkspace(2 * dim, dim);
    const second = createDotWorkspace(2 * dim, dim);
    copyRows(first, data, 2, dim, 0);
    copyRows(second, data, 2, dim, 0);
    expect(Object.is(first.dot(0, dim), second.dot(0, dim))).toBe(true);
  });
});
