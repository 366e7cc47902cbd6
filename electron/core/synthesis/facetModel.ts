// The trained part of facet classification: ridge regression from a quote's features (its unit
// embedding, then its word cues from facetCues.ts) to one-hot facet targets, fitted on the
// prototype sentences each time facets are classified. The prototypes are the training set, so a
// researcher's own prototypes (prototypeStore.ts) retrain it: there are no stored weights.
//
// Why ridge: on leave-one-domain-out cross-validation over the tuning rows of the labelled quotes
// (scripts/bench/facetAccuracy.ts --cv), ridge, shrinkage LDA and logistic regression on the
// embeddings all beat the nearest-prototype score (82%, 84%, 82% against 69%; adding the kNN
// scores to them gained at most a point), and with the cues ridge led (91% against 90% for LDA
// and 87% for logistic regression). Ridge has a closed form, so it is exact, deterministic and
// fits ~350 sentences in well under 100 ms.

/**
 * Cues enter the features at this scale next to a unit embedding (each of its 384 coordinates is
 * ~0.05), so that the shared penalty lets them count without swamping the meaning of the
 * sentence. Chosen with RIDGE_LAMBDA by cross-validation on the tuning rows (--cv --sweep): at
 * lambda 1, 0.1: 88.5%, 0.2: 90.6%, 0.3-0.5: 91.1%, 0.7: 90.6%; no cues: 87.0%. Lambda 2 is
 * within a row of it (91.7% at 0.4 only), lambda 0.5 and 4 lower: the middle of the plateau.
 */
export const CUE_SCALE = 0.4;
/** Ridge penalty: see CUE_SCALE. */
export const RIDGE_LAMBDA = 1;

/** One row of features: the unit embedding, then the cues times cueScale. */
export function facetFeatures(unitVector: Float32Array, cues: Float64Array | null, cueScale = CUE_SCALE): Float64Array {
  const out = new Float64Array(unitVector.length + (cues?.length ?? 0));
  out.set(unitVector);
  if (cues) for (let i = 0; i < cues.length; i++) out[unitVector.length + i] = cueScale * cues[i]!;
  return out;
}

export interface LinearModel {
  classes: number;
  dim: number;
  /** classes x (dim + 1): the weights of class c, then its intercept. */
  weights: Float64Array;
}

/**
 * Ridge regression on one-hot targets: minimises |XW + 1b - Y|^2 + lambda |W|^2 (the intercept is
 * not penalised) through the normal equations, solved by Cholesky in float64. Rows are used in
 * the order given, so the same rows give bit-identical weights.
 */
export function fitRidge(rows: readonly Float64Array[], labels: readonly number[], classes: number, lambda: number): LinearModel {
  if (rows.length === 0 || rows.length !== labels.length) throw new Error(`fitRidge needs one label per row, got ${rows.length} rows and ${labels.length} labels`);
  if (!(lambda > 0)) throw new Error(`ridge lambda must be positive, got ${lambda}`);
  const dim = rows[0]!.length;
  const size = dim + 1;
  // Upper triangle of [X 1]^T [X 1], and [X 1]^T Y.
  const gram = new Float64Array(size * size);
  const rhs = new Float64Array(classes * size);
  const row = new Float64Array(size);
  rows.forEach((x, r) => {
    if (x.length !== dim) throw new Error(`feature row ${r} has ${x.length} values, expected ${dim}`);
    const y = labels[r]!;
    if (!(Number.isInteger(y) && y >= 0 && y < classes)) throw new Error(`label ${y} out of range 0..${classes - 1}`);
    row.set(x);
    row[dim] = 1;
    for (let i = 0; i < size; i++) {
      const xi = row[i]!;
      if (xi === 0) continue;
      const base = i * size;
      for (let j = i; j < size; j++) gram[base + j]! += xi * row[j]!;
      rhs[y * size + i]! += xi;
    }
  });
  for (let i = 0; i < size; i++) for (let j = 0; j < i; j++) gram[i * size + j] = gram[j * size + i]!;
  for (let i = 0; i < dim; i++) gram[i * size + i]! += lambda;
  // The intercept is unpenalised; a tiny ridge keeps the system definite if every row is zero.
  gram[dim * size + dim]! += 1e-9;
  choleskyInPlace(gram, size);
  const weights = new Float64Array(classes * size);
  for (let c = 0; c < classes; c++) weights.set(choleskySolve(gram, size, rhs.subarray(c * size, (c + 1) * size)), c * size);
  return { classes, dim, weights };
}

/** Scores per class for one feature row (higher is more likely; ~1 for a clear member). */
export function linearScores(model: LinearModel, x: Float64Array, out = new Float64Array(model.classes)): Float64Array {
  const size = model.dim + 1;
  for (let c = 0; c < model.classes; c++) {
    const base = c * size;
    let s = model.weights[base + model.dim]!;
    for (let t = 0; t < model.dim; t++) s += model.weights[base + t]! * x[t]!;
    out[c] = s;
  }
  return out;
}

/** Lower-triangular L with A = L L^T, written over A's lower triangle. */
function choleskyInPlace(a: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! * a[j * n + k]!;
    if (!(d > 0)) throw new Error('ridge system is not positive definite');
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = s / ljj;
    }
  }
}

function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}
