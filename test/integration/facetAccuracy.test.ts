// Facet classification with the real on-device model on the labelled quotes in
// test/fixtures/facets/labelled-quotes.csv (see scripts/bench/facetAccuracy.ts for the report and
// which rows were tuned on). Skips when the model is not provisioned.
import { beforeAll, describe, expect, it } from 'vitest';
import { crossValidate, embedFixture, recall, scoreFixture, TUNING_ROWS, type EmbeddedFixture } from '../../scripts/bench/facetAccuracy';
import { isDraftable } from '../../electron/core/synthesis/facets';
import { isPositiveStatement } from '../../electron/core/synthesis/polarity';
import { modelReady } from '../helpers/core';

if (!modelReady) console.warn('Skipping the facet accuracy test: the embedding model is not provisioned (npm run provision-model)');

describe.skipIf(!modelReady)('facet classification with the real model', () => {
  let fixture: EmbeddedFixture;
  beforeAll(async () => {
    fixture = await embedFixture();
  });

  // Measured with the default prototypes: 83.6% held out (rows 193-320, domains never tuned
  // on), goal recall 85%, frustration recall 60%; before the ridge classifier and its word cues,
  // 61.7%, 40% and 65%. The tuning rows are prototypes themselves, so only the held-out rows test
  // anything. The floors are the goals of issue 8: the accuracy floor leaves 8 points for drift,
  // the frustration floor none (12 of 20 right, the floor is 12).
  it('classifies held-out quotes with >= 75% accuracy, and finds goals and frustrations', () => {
    const { heldOut } = scoreFixture(fixture);
    expect(heldOut.rows).toBe(128);
    expect(heldOut.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(recall(heldOut, 'goal')).toBeGreaterThanOrEqual(0.6);
    expect(recall(heldOut, 'frustration')).toBeGreaterThanOrEqual(0.6);
  });

  it('is right more often on the quotes it would draft from', () => {
    const { heldOut, assigned } = scoreFixture(fixture);
    const rows = fixture.quotes.filter((q) => q.row > TUNING_ROWS && isDraftable(assigned.get(q.row)!));
    const right = rows.filter((q) => assigned.get(q.row)!.facet === q.facet).length;
    // Measured: 100 of 128 draftable, 92.0% of them right.
    expect(rows.length).toBeGreaterThanOrEqual(0.6 * heldOut.rows);
    expect(right / rows.length).toBeGreaterThan(heldOut.accuracy + 0.04);
  });

  it('never files a positive statement as a frustration', () => {
    const { assigned } = scoreFixture(fixture);
    const positive = fixture.quotes.filter((q) => isPositiveStatement(q.text));
    for (const q of positive) expect(assigned.get(q.row)!.facet, q.text).not.toBe('frustration');
  });

  // Each tuning domain scored by a model trained without it: 91.1% (the nearest-prototype rule:
  // 70.8%). A classifier that only remembered its prototypes would fall far below.
  it('generalises across tuning domains it was not trained on', () => {
    expect(crossValidate(fixture).accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('recognises every facet at least sometimes, and keeps "other" for what fits none', () => {
    const { all } = scoreFixture(fixture);
    for (const [facet, row] of Object.entries(all.confusion)) {
      expect(row[facet as keyof typeof row], `${facet} never recognised`).toBeGreaterThan(0);
    }
  });
});
