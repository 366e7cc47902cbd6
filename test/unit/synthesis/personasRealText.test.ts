// Persona grouping on real sentences and the real on-device model: participants planted from the
// labelled quotes in test/fixtures/facets/labelled-quotes.csv, whose 320 rows are five domains of
// 64 consecutive quotes (money, health, developer tools, public services, travel). A participant
// who speaks from one domain belongs to that domain's group; a study of participants who each
// speak a little from every domain has no groups. Skips when the model is not provisioned.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../../electron/core/embeddings/embedder';
import { adjustedRandIndex } from '../../../electron/core/synthesis/metrics';
import { groupPersonas, type PersonaCount } from '../../../electron/core/synthesis/personas';
import { clusterThemes } from '../../../electron/core/synthesis/themes';
import { modelReady } from '../../helpers/core';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'facets', 'labelled-quotes.csv');
const DOMAIN_ROWS = 64;
const QUOTES_EACH = 8;

const rows = (parse(readFileSync(FIXTURE), { columns: true }) as { text: string }[]).map((row) => row.text);

interface Study {
  participants: { id: number; quoteIds: number[] }[];
  groupOf: Map<number, number>;
}

/**
 * Domain d gives 8 participants, participant p its rows d·64 + p + 8j (j < 8): the rows run
 * facet by facet, so the stride gives everyone a mix of goals, frustrations, habits...
 */
function domainStudy(domains: readonly number[]): Study {
  const participants: Study['participants'] = [];
  const groupOf = new Map<number, number>();
  domains.forEach((domain, group) => {
    for (let p = 0; p < DOMAIN_ROWS / QUOTES_EACH; p++) {
      const id = participants.length + 1;
      participants.push({ id, quoteIds: Array.from({ length: QUOTES_EACH }, (_, j) => domain * DOMAIN_ROWS + p + QUOTES_EACH * j) });
      groupOf.set(id, group);
    }
  });
  return { participants, groupOf };
}

/** 40 participants, participant p its rows p + 40j: a little of every domain each, no groups. */
function mixedStudy(): Study {
  const count = rows.length / QUOTES_EACH;
  const participants = Array.from({ length: count }, (_, p) => ({
    id: p + 1,
    quoteIds: Array.from({ length: QUOTES_EACH }, (_, j) => p + count * j),
  }));
  return { participants, groupOf: new Map() };
}

describe.skipIf(!modelReady)('persona grouping on real sentences', () => {
  let vectors: Float32Array[];
  beforeAll(async () => {
    const embedder = await createEmbedder();
    vectors = await embedder.embed(rows);
    await embedder.dispose();
  }, 300_000);

  function group(study: Study, k: PersonaCount) {
    const ids = study.participants.flatMap((p) => p.quoteIds);
    const quotes = ids.map((id) => ({ id, text: rows[id]!, vector: vectors[id]! }));
    const themes = clusterThemes({ quotes, seed: 5 }).themes.filter((theme) => !theme.outlier);
    const themeOf = new Map<number, number>();
    themes.forEach((theme, index) => theme.quoteIds.forEach((id) => themeOf.set(id, index)));
    const result = groupPersonas({
      participants: study.participants,
      quoteVectors: new Map(quotes.map((q) => [q.id, q.vector])),
      quoteTexts: new Map(quotes.map((q) => [q.id, q.text])),
      themeOf,
      themeCount: themes.length,
      k,
      seed: 11,
    });
    const truth: number[] = [];
    const found: number[] = [];
    result.groups.forEach((members, persona) =>
      members.forEach((id) => {
        truth.push(study.groupOf.get(id)!);
        found.push(persona);
      }),
    );
    return { result, ari: adjustedRandIndex(truth, found) };
  }

  it.each([
    [[0, 2]],
    [[1, 2, 3]],
    [[0, 1, 3, 4]],
  ])('finds the %j domains as that many personas on auto, and says the grouping is real', (domains) => {
    const { result, ari } = group(domainStudy(domains), 'auto');
    expect(result.k).toBe(domains.length);
    expect(ari).toBeGreaterThanOrEqual(0.9);
    expect(result.clearlyBetterThanOne).toBe(true);
  });

  it('recovers three domains when asked for 3', () => {
    expect(group(domainStudy([0, 1, 2]), 3).ari).toBeGreaterThanOrEqual(0.9);
  });

  it('says no grouping is clearly better than one when everyone speaks from every domain', () => {
    const { result } = group(mixedStudy(), 'auto');
    expect(result.k).toBeGreaterThanOrEqual(2);
    expect(result.clearlyBetterThanOne).toBe(false);
  });
});
