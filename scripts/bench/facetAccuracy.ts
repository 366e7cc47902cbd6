// Facet classification with the real model on test/fixtures/facets/labelled-quotes.csv: 320
// interview-style quotes (text,facet), 50 per facet and 20 "other", in five domains of 64 rows.
//
//   Rows   1-192  budgeting, health, developer tools: the tuning split. Prototype sentences,
//                 TOP_PROTOTYPES and the "other" thresholds were chosen looking at these only.
//                 Their labelled quotes are also default prototypes (facetExamples.ts), so
//                 accuracy on them (and --sweep) is not a test; TOP_PROTOTYPES was chosen by
//                 leave-one-out on them.
//   Rows 193-320  public services, travel: held out; domains the prototypes were never tuned on.
//
//   npx tsx scripts/bench/facetAccuracy.ts            accuracy and confusion matrices
//   npx tsx scripts/bench/facetAccuracy.ts --sweep    tuning-split accuracy per setting
//
// Row numbers count data rows from 1 (the header is row 0).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmbedder } from '../../electron/core/embeddings/embedder';
import {
  classifyFacets,
  FACET_PROTOTYPES,
  FACETS,
  type ClassifyFacetsOptions,
  type Facet,
  type FacetLabel,
  type FacetPrototypes,
} from '../../electron/core/synthesis/facets';
import { readColumns } from './delimited';

export const FACET_FIXTURE = join(__dirname, '..', '..', 'test', 'fixtures', 'facets', 'labelled-quotes.csv');
/** Data rows 1..TUNING_ROWS tuned on; the rest held out. */
export const TUNING_ROWS = 192;
const LABELS: readonly FacetLabel[] = [...FACETS, 'other'];

export interface LabelledQuote {
  row: number;
  text: string;
  facet: FacetLabel;
}

export function loadLabelledQuotes(file = FACET_FIXTURE): LabelledQuote[] {
  const { texts, labels } = readColumns(readFileSync(file, 'utf8'), 'text', 'facet');
  return texts.map((text, i) => {
    const facet = labels[i] as FacetLabel;
    if (!LABELS.includes(facet)) throw new Error(`row ${i + 1}: unknown facet "${labels[i]}"`);
    return { row: i + 1, text, facet };
  });
}

export interface SplitScore {
  rows: number;
  accuracy: number;
  /** confusion[gold][predicted] = count, over FACETS and "other". */
  confusion: Record<FacetLabel, Record<FacetLabel, number>>;
}

export interface FacetAccuracy {
  all: SplitScore;
  tuning: SplitScore;
  heldOut: SplitScore;
}

export interface EmbeddedFixture {
  quotes: LabelledQuote[];
  quoteVectors: Float32Array[];
  prototypeVectors: Record<Facet, Float32Array[]>;
}

/** Embeds the fixture and the prototypes with the on-device model (throws when it is absent). */
export async function embedFixture(prototypes: FacetPrototypes = FACET_PROTOTYPES): Promise<EmbeddedFixture> {
  const quotes = loadLabelledQuotes();
  const embedder = await createEmbedder();
  try {
    const quoteVectors = await embedder.embed(quotes.map((q) => q.text));
    const prototypeVectors = Object.fromEntries(
      await Promise.all(FACETS.map(async (facet) => [facet, await embedder.embed(prototypes[facet])] as const)),
    ) as Record<Facet, Float32Array[]>;
    return { quotes, quoteVectors, prototypeVectors };
  } finally {
    await embedder.dispose();
  }
}

export function scoreFixture(fixture: EmbeddedFixture, options: ClassifyFacetsOptions = {}): FacetAccuracy {
  const assigned = classifyFacets(
    new Map(fixture.quoteVectors.map((vector, i) => [fixture.quotes[i]!.row, vector])),
    fixture.prototypeVectors,
    options,
  );
  const score = (quotes: LabelledQuote[]): SplitScore => {
    const confusion = Object.fromEntries(
      LABELS.map((gold) => [gold, Object.fromEntries(LABELS.map((predicted) => [predicted, 0]))]),
    ) as SplitScore['confusion'];
    let correct = 0;
    for (const quote of quotes) {
      const predicted = assigned.get(quote.row)!.facet;
      confusion[quote.facet][predicted]++;
      if (predicted === quote.facet) correct++;
    }
    return { rows: quotes.length, accuracy: quotes.length === 0 ? 0 : correct / quotes.length, confusion };
  };
  return {
    all: score(fixture.quotes),
    tuning: score(fixture.quotes.filter((q) => q.row <= TUNING_ROWS)),
    heldOut: score(fixture.quotes.filter((q) => q.row > TUNING_ROWS)),
  };
}

export function formatConfusion(split: SplitScore): string {
  const short: Record<FacetLabel, string> = {
    goal: 'goal',
    frustration: 'frust',
    behavior: 'behav',
    context: 'ctx',
    mentalModel: 'mental',
    decisionFactor: 'decide',
    other: 'other',
  };
  const header = `${'gold \\ predicted'.padEnd(16)}${LABELS.map((l) => short[l].padStart(7)).join('')}  recall`;
  const lines = LABELS.map((gold) => {
    const row = split.confusion[gold];
    const total = LABELS.reduce((sum, p) => sum + row[p], 0);
    const recall = total === 0 ? '    -' : `${((100 * row[gold]) / total).toFixed(0).padStart(4)}%`;
    return `${gold.padEnd(16)}${LABELS.map((p) => String(row[p]).padStart(7)).join('')}  ${recall}`;
  });
  return [header, ...lines].join('\n');
}

async function main(): Promise<void> {
  const fixture = await embedFixture();
  if (process.argv.includes('--sweep')) {
    // Tuning split only: the held-out rows play no part in choosing a setting.
    for (const topPrototypes of [1, 2, 3]) {
      for (const otherBelow of [0, 0.05, 0.1, 0.15, 0.2]) {
        for (const minSimilarity of [0, 0.15, 0.2, 0.25]) {
          const { tuning } = scoreFixture(fixture, { topPrototypes, otherBelow, minSimilarity });
          console.log(`top=${topPrototypes} otherBelow=${otherBelow} minSimilarity=${minSimilarity}: tuning ${(100 * tuning.accuracy).toFixed(1)}%`);
        }
      }
    }
    return;
  }
  const result = scoreFixture(fixture);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`facet accuracy (chance: 1 in 7 labels)`);
  console.log(`  held-out rows ${TUNING_ROWS + 1}-${fixture.quotes.length} (public services, travel): ${pct(result.heldOut.accuracy)} of ${result.heldOut.rows}`);
  console.log(`  tuning rows 1-${TUNING_ROWS} (budgeting, health, dev tools; also default prototypes, so not a test): ${pct(result.tuning.accuracy)} of ${result.tuning.rows}`);
  console.log(`  all: ${pct(result.all.accuracy)} of ${result.all.rows}\n`);
  console.log(`held-out confusion:\n${formatConfusion(result.heldOut)}\n`);
  console.log(`all rows confusion:\n${formatConfusion(result.all)}`);
}

if ((process.argv[1] ?? '').replace(/\\/g, '/').endsWith('scripts/bench/facetAccuracy.ts')) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
