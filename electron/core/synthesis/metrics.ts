// Clustering agreement scores, for tests and the quality harness (they need ground truth).
// Both match scikit-learn's definitions: adjusted_rand_score and v_measure_score (beta = 1).

/** Contingency counts between two labelings, with the row and column totals. */
function contingency(truth: ArrayLike<number>, predicted: ArrayLike<number>) {
  if (truth.length !== predicted.length) {
    throw new Error(`labelings differ in length: ${truth.length} vs ${predicted.length}`);
  }
  const cells = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    cells.set(`${t},${p}`, (cells.get(`${t},${p}`) ?? 0) + 1);
    rows.set(t, (rows.get(t) ?? 0) + 1);
    cols.set(p, (cols.get(p) ?? 0) + 1);
  }
  return { cells: [...cells.values()], rows: [...rows.values()], cols: [...cols.values()], n: truth.length };
}

const pairs = (count: number): number => (count * (count - 1)) / 2;

/** Adjusted Rand index: 1 for identical partitions, about 0 for random ones. */
export function adjustedRandIndex(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const { cells, rows, cols, n } = contingency(truth, predicted);
  const index = cells.reduce((sum, c) => sum + pairs(c), 0);
  const rowPairs = rows.reduce((sum, c) => sum + pairs(c), 0);
  const colPairs = cols.reduce((sum, c) => sum + pairs(c), 0);
  const expected = n < 2 ? 0 : (rowPairs * colPairs) / pairs(n);
  const max = (rowPairs + colPairs) / 2;
  // Both partitions trivial (one cluster each, or all singletons): sklearn calls that agreement.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

const entropy = (counts: readonly number[], n: number): number =>
  counts.reduce((sum, c) => (c > 0 ? sum - (c / n) * Math.log(c / n) : sum), 0);

export interface VMeasure {
  homogeneity: number;
  completeness: number;
  vMeasure: number;
}

/** Homogeneity (each cluster holds one class), completeness (each class in one cluster), and their harmonic mean. */
export function vMeasure(truth: ArrayLike<number>, predicted: ArrayLike<number>): VMeasure {
  const { n } = contingency(truth, predicted);
  if (n === 0) return { homogeneity: 1, completeness: 1, vMeasure: 1 };
  const byTruth = groupCounts(truth, predicted);
  const byPredicted = groupCounts(predicted, truth);
  const hTruth = entropy([...byTruth.values()].map((m) => sum(m)), n);
  const hPredicted = entropy([...byPredicted.values()].map((m) => sum(m)), n);
  const conditional = (groups: Map<number, Map<number, number>>): number =>
    [...groups.values()].reduce(
      (total, inner) => total + (sum(inner) / n) * entropy([...inner.values()], sum(inner)),
      0,
    );
  // H(truth | predicted) groups by predicted cluster; H(predicted | truth) by class.
  const homogeneity = hTruth === 0 ? 1 : 1 - conditional(byPredicted) / hTruth;
  const completeness = hPredicted === 0 ? 1 : 1 - conditional(byTruth) / hPredicted;
  const v = homogeneity + completeness === 0 ? 0 : (2 * homogeneity * completeness) / (homogeneity + completeness);
  return { homogeneity, completeness, vMeasure: v };
}

/** For each value of `outer`, the counts of `inner` values beside it. */
function groupCounts(outer: ArrayLike<number>, inner: ArrayLike<number>): Map<number, Map<number, number>> {
  const groups = new Map<number, Map<number, number>>();
  for (let i = 0; i < outer.length; i++) {
    const group = groups.get(outer[i]!) ?? new Map<number, number>();
    group.set(inner[i]!, (group.get(inner[i]!) ?? 0) + 1);
    groups.set(outer[i]!, group);
  }
  return groups;
}

const sum = (counts: Map<number, number>): number => [...counts.values()].reduce((a, b) => a + b, 0);

/** Share of rows whose cluster's majority class is their class. */
export function purity(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const byPredicted = groupCounts(predicted, truth);
  let majority = 0;
  for (const inner of byPredicted.values()) majority += Math.max(...inner.values());
  return truth.length === 0 ? 1 : majority / truth.length;
}
