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

  // Measured with the default prototypes: 61.7% held out (rows 193-320), against 1 in 7 by
  // chance and 53.9% before the tuning rows joined the prototypes. The tuning rows are now
  // prototypes themselves, so only the held-out rows test anything. The floor leaves about 8
  // points for model or runtime drift; a broken prototype set or scoring rule falls well below.
  it('classifies held-out quotes well above chance', () => {
    const { heldOut } = scoreFixture(fixture);
    expect(heldOut.rows).toBe(128);
    expect(heldOut.accuracy).toBeGreaterThanOrEqual(0.54);
  });

  it('recognises every facet at least sometimes, and keeps "other" for what fits none', () => {
    const { all } = scoreFixture(fixture);
    for (const [facet, row] of Object.entries(all.confusion)) {
      expect(row[facet as keyof typeof row], `${facet} never recognised`).toBeGreaterThan(0);
    }
  });
});
