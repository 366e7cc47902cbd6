// Row-major matrices of unit vectors in one flat Float32Array: no arrays of arrays, so the
// hot loops in k-means and silhouette walk contiguous memory.

export interface VectorMatrix {
  /** n rows of `dim` floats, row i at [i * dim, (i + 1) * dim). Every row has unit L2 norm. */
  readonly data: Float32Array;
  readonly n: number;
  readonly dim: number;
}

/**
 * Packs vectors into a matrix and L2-normalises every row. The embedder already emits unit
 * vectors; renormalising is idempotent for them and keeps the "cosine = dot" identity exact,
 * which silhouette and k-means rely on.
 */
export function toMatrix(vectors: readonly Float32Array[], dim?: number): VectorMatrix {
  const width = dim ?? vectors[0]?.length ?? 0;
  const data = new Float32Array(vectors.length * width);
  vectors.forEach((vector, i) => {
    if (vector.length !== width) {
      throw new Error(`vector ${i} has ${vector.length} dims, expected ${width}`);
    }
    data.set(vector, i * width);
  });
  const matrix = { data, n: vectors.length, dim: width };
  for (let i = 0; i < matrix.n; i++) normalizeRow(data, i * width, width);
  return matrix;
}

/** Rows `indices` of `matrix`, copied into a new matrix. */
export function selectRows(matrix: VectorMatrix, indices: ArrayLike<number>): VectorMatrix {
  const { dim } = matrix;
  const data = new Float32Array(indices.length * dim);
  for (let r = 0; r < indices.length; r++) {
    const from = indices[r]! * dim;
    data.set(matrix.data.subarray(from, from + dim), r * dim);
  }
  return { data, n: indices.length, dim };
}

/** Dot product of a[aOff..aOff+dim) and b[bOff..bOff+dim); unrolled by 4 for V8. */
export function dotAt(a: Float32Array, aOff: number, b: Float32Array, bOff: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  const end4 = dim - (dim % 4);
  for (; i < end4; i += 4) {
    s0 += a[aOff + i]! * b[bOff + i]!;
    s1 += a[aOff + i + 1]! * b[bOff + i + 1]!;
    s2 += a[aOff + i + 2]! * b[bOff + i + 2]!;
    s3 += a[aOff + i + 3]! * b[bOff + i + 3]!;
  }
  for (; i < dim; i++) s0 += a[aOff + i]! * b[bOff + i]!;
  return s0 + s1 + s2 + s3;
}

export function dot(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`dot of ${a.length}- and ${b.length}-dim vectors`);
  return dotAt(a, 0, b, 0, a.length);
}

/** Scales data[off..off+dim) to unit length; throws on a zero or non-finite row. */
export function normalizeRow(data: Float32Array | Float64Array, off: number, dim: number): void {
  let sq = 0;
  for (let i = 0; i < dim; i++) sq += data[off + i]! * data[off + i]!;
  const norm = Math.sqrt(sq);
  if (!(norm > 0) || !Number.isFinite(norm)) {
    throw new Error(`cannot normalise a vector with norm ${norm}`);
  }
  for (let i = 0; i < dim; i++) data[off + i]! /= norm;
}

/** The normalised mean of some vectors (a cosine centroid). */
export function meanDirection(vectors: readonly Float32Array[], dim: number): Float32Array {
  if (vectors.length === 0) throw new Error('meanDirection of no vectors');
  const sum = new Float64Array(dim);
  for (const vector of vectors) {
    if (vector.length !== dim) throw new Error(`vector has ${vector.length} dims, expected ${dim}`);
    for (let i = 0; i < dim; i++) sum[i]! += vector[i]!;
  }
  const out = Float32Array.from(sum);
  normalizeRow(out, 0, dim);
  return out;
}
