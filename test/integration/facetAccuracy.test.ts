// Facet classification with the real on-device model on the labelled quotes in
// test/fixtures/facets/labelled-quotes.csv (see scripts/bench/facetAccuracy.ts for the report and
// which rows were tuned on). Skips when the model is not provisioned.
import { beforeAll, describe, expect, it } from 'vitest';
import { embedFixture, scoreFixture, type EmbeddedFixture } from '../../scripts/bench/facetAccuracy';
import { modelReady } from '../helpers/core';

if (!modelReady) console.warn('Skipping the facet accuracy test: the embedding model is not provisioned (npm run provision-model)');

describe.skipIf(!modelReady)('facet classification with the real model', () => {
  let fixture: EmbeddedFixture;
  beforeAll(async () => {
    fixture = await embedFixture();
  });

  // Measured with the default prototypes: 53.9% held out (rows 193-320), 69.3% on the tuning
  // rows, 63.1% overall, against 1 in 7 by chance. The floors leave about 8 points for model or
  // runtime drift; a broken prototype set or scoring rule falls well below them.
  it('classifies held-out quotes well above chance', () => {
    const { heldOut, all } = scoreFixture(fixture);
    expect(heldOut.rows).toBe(128);
    expect(heldOut.accuracy).toBeGreaterThanOrEqual(0.46);
    expect(all.accuracy).toBeGreaterThanOrEqual(0.55);
  });

  it('recognises every facet at least sometimes, and keeps "other" for what fits none', () => {
    const { all } = scoreFixture(fixture);
    for (const [facet, row] of Object.entries(all.confusion)) {
      expect(row[facet as keyof typeof row], `${facet} never recognised`).toBeGreaterThan(0);
    }
  });
});
