// Facet classification with the real model on test/fixtures/facets/labelled-quotes.csv: 320
// interview-style quotes (text,facet), 50 per facet and 20 "other", in five domains of 64 rows.
//
//   Rows   1-192  budgeting, health, developer tools (64 rows each): the tuning split. The
//                 classifier, its settings, the cue words and the "other" thresholds were
//                 chosen looking at these only. Their labelled quotes are also default
//                 prototypes (facetExamples.ts), so plain accuracy on them is not a test; --cv
//                 scores each tuning domain with the prototypes of the other two.
//   Rows 193-320  public services, travel: held out; domains the prototypes were never tuned on.
//
//   npx tsx scripts/bench/facetAccuracy.ts         held-out accuracy, confusion, draftable share, time
//   npx tsx scripts/bench/facetAccuracy.ts --cv    leave-one-domain-out on the tuning rows, per option
//                                          (--cv --sweep: also per ridge penalty and cue scale)
//
// Row numbers count data rows from 1 (the header is row 0).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmbedder } from '../../electron/core/embeddings/embedder';
import {
  classifyFacets,
  DRAFT_MIN_CONFIDENCE,
  FACET_LABELS,
  FACET_PROTOTYPES,
  isDraftable,
  trainingSentences,
  type ClassifyFacetsOptions,
  type FacetAssignment,
  type FacetLabel,
  type FacetPrototypes,
} from '../../electron/core/synthesis/facets';
import { readColumns } from './delimited';

export const FACET_FIXTURE = join(__dirname, '..', '..', 'test', 'fixtures', 'facets', 'labelled-quotes.csv');
/** Data rows 1..TUNING_ROWS tuned on; the rest held out. */
export const TUNING_ROWS = 192;
/** Rows per domain: the tuning split is three domains, the held-out split two. */
const DOMAIN_ROWS = 64;
const LABELS = FACET_LABELS;

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
  /** The training sentences (the prototypes and the "other" sentences) and their vectors. */
  sentences: Record<FacetLabel, string[]>;
  sentenceVectors: Record<FacetLabel, Float32Array[]>;
}

/** Embeds the fixture and the training sentences with the on-device model (throws when it is absent). */
export async function embedFixture(prototypes: FacetPrototypes = FACET_PROTOTYPES): Promise<EmbeddedFixture> {
  const quotes = loadLabelledQuotes();
  const sentences = trainingSentences(prototypes);
  const embedder = await createEmbedder();
  try {
    const quoteVectors = await embedder.embed(quotes.map((q) => q.text));
    const sentenceVectors = Object.fromEntries(
      await Promise.all(LABELS.map(async (label) => [label, await embedder.embed(sentences[label])] as const)),
    ) as Record<FacetLabel, Float32Array[]>;
    return { quotes, quoteVectors, sentences, sentenceVectors };
  } finally {
    await embedder.dispose();
  }
}

/** Assignments for some fixture rows, trained on the training sentences minus any of those rows' own texts. */
function assignRows(fixture: EmbeddedFixture, rows: readonly LabelledQuote[], options: ClassifyFacetsOptions): Map<number, FacetAssignment> {
  const own = new Set(rows.map((q) => q.text));
  const keep = (label: FacetLabel) => fixture.sentences[label].map((text, i) => ({ text, vector: fixture.sentenceVectors[label][i]! })).filter((p) => !own.has(p.text));
  const kept = Object.fromEntries(LABELS.map((label) => [label, keep(label)]));
  const vectorOf = new Map(fixture.quotes.map((q, i) => [q.row, fixture.quoteVectors[i]!]));
  return classifyFacets(
    new Map(rows.map((q) => [q.row, vectorOf.get(q.row)!])),
    Object.fromEntries(LABELS.map((label) => [label, kept[label]!.map((p) => p.vector)])) as Record<FacetLabel, Float32Array[]>,
    {
      ...options,
      texts: {
        quotes: new Map(rows.map((q) => [q.row, q.text])),
        prototypes: Object.fromEntries(LABELS.map((label) => [label, kept[label]!.map((p) => p.text)])) as Record<FacetLabel, string[]>,
      },
    },
  );
}

function scoreRows(quotes: readonly LabelledQuote[], assigned: ReadonlyMap<number, FacetAssignment>): SplitScore {
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
}

/** Recall of one label: the share of its gold rows given that label. */
export function recall(split: SplitScore, label: FacetLabel): number {
  const row = split.confusion[label];
  const total = LABELS.reduce((sum, p) => sum + row[p], 0);
  return total === 0 ? 0 : row[label] / total;
}

/** Accuracy with the default training sentences (the tuning rows are among them, so only heldOut tests anything). */
export function scoreFixture(fixture: EmbeddedFixture, options: ClassifyFacetsOptions = {}): FacetAccuracy & { assigned: Map<number, FacetAssignment> } {
  const tuningRows = fixture.quotes.filter((q) => q.row <= TUNING_ROWS);
  const heldOutRows = fixture.quotes.filter((q) => q.row > TUNING_ROWS);
  // Held-out rows are never among the training sentences, so one classification serves all rows.
  const all = classifyAll(fixture, options);
  return {
    all: scoreRows(fixture.quotes, all),
    tuning: scoreRows(tuningRows, all),
    heldOut: scoreRows(heldOutRows, all),
    assigned: all,
  };
}

function classifyAll(fixture: EmbeddedFixture, options: ClassifyFacetsOptions): Map<number, FacetAssignment> {
  return classifyFacets(new Map(fixture.quoteVectors.map((vector, i) => [fixture.quotes[i]!.row, vector])), fixture.sentenceVectors, {
    ...options,
    texts: { quotes: new Map(fixture.quotes.map((q) => [q.row, q.text])), prototypes: fixture.sentences },
  });
}

/**
 * Leave-one-domain-out on the tuning rows: each tuning domain is classified with the training
 * sentences minus its own rows (the descriptions, the other two domains' rows, the written
 * "other" sentences), so no row is scored by a model that saw it.
 */
export function crossValidate(fixture: EmbeddedFixture, options: ClassifyFacetsOptions = {}): SplitScore & { assigned: Map<number, FacetAssignment> } {
  const tuning = fixture.quotes.filter((q) => q.row <= TUNING_ROWS);
  const assigned = new Map<number, FacetAssignment>();
  for (let domain = 0; domain * DOMAIN_ROWS < TUNING_ROWS; domain++) {
    const rows = tuning.filter((q) => Math.floor((q.row - 1) / DOMAIN_ROWS) === domain);
    for (const [row, a] of assignRows(fixture, rows, options)) assigned.set(row, a);
  }
  return { ...scoreRows(tuning, assigned), assigned };
}

/** Share of non-"other" assignments at or above a confidence cut, and the accuracy of those. */
export function draftableAt(quotes: readonly LabelledQuote[], assigned: ReadonlyMap<number, FacetAssignment>, cut: number): { share: number; accuracy: number } {
  const kept = quotes.filter((q) => {
    const a = assigned.get(q.row)!;
    return a.facet !== 'other' && a.confidence >= cut;
  });
  const right = kept.filter((q) => assigned.get(q.row)!.facet === q.facet).length;
  return { share: kept.length / quotes.length, accuracy: kept.length === 0 ? 0 : right / kept.length };
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

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const recalls = (split: SplitScore) => LABELS.map((label) => `${label} ${pct(recall(split, label))}`).join(', ');

async function main(): Promise<void> {
  const fixture = await embedFixture();
  if (process.argv.includes('--cv')) {
    // Tuning rows only: the held-out rows play no part in choosing an option.
    const options: [string, ClassifyFacetsOptions][] = [
      ['nearest prototypes (before)', { scoring: 'nearest' }],
      ['ridge on embeddings', { cues: false, polarityRule: false }],
      ['ridge on embeddings + cues', { polarityRule: false }],
      ['ridge + cues + polarity rule (default)', {}],
    ];
    for (const [name, option] of options) {
      const cv = crossValidate(fixture, option);
      console.log(`${name.padEnd(40)} ${pct(cv.accuracy)}  (${recalls(cv)})`);
    }
    if (process.argv.includes('--sweep')) {
      for (const ridgeLambda of [0.5, 1, 2, 4]) {
        const line = [0.1, 0.2, 0.3, 0.4, 0.5, 0.7].map((cueScale) => `cues x${cueScale}: ${pct(crossValidate(fixture, { ridgeLambda, cueScale }).accuracy)}`);
        console.log(`  lambda ${ridgeLambda}: ${line.join(', ')}`);
      }
    }
    const cv = crossValidate(fixture);
    const tuning = fixture.quotes.filter((q) => q.row <= TUNING_ROWS);
    console.log('\ndraftable cut (cross-validated): share of quotes kept, accuracy of those');
    for (const cut of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) {
      const { share, accuracy } = draftableAt(tuning, cv.assigned, cut);
      console.log(`  confidence >= ${cut.toFixed(1)}: ${pct(share)} kept, ${pct(accuracy)} right`);
    }
    return;
  }
  const result = scoreFixture(fixture);
  console.log(`facet accuracy (chance: 1 in 7 labels)`);
  console.log(`  held-out rows ${TUNING_ROWS + 1}-${fixture.quotes.length} (public services, travel): ${pct(result.heldOut.accuracy)} of ${result.heldOut.rows}`);
  console.log(`  tuning rows 1-${TUNING_ROWS} (budgeting, health, dev tools; also default prototypes, so not a test): ${pct(result.tuning.accuracy)} of ${result.tuning.rows}`);
  console.log(`  all: ${pct(result.all.accuracy)} of ${result.all.rows}\n`);
  console.log(`held-out confusion:\n${formatConfusion(result.heldOut)}\n`);
  const heldOut = fixture.quotes.filter((q) => q.row > TUNING_ROWS);
  const draftable = heldOut.filter((q) => isDraftable(result.assigned.get(q.row)!));
  const right = draftable.filter((q) => result.assigned.get(q.row)!.facet === q.facet).length;
  console.log(`held-out quotes draftable (facet not "other", confidence >= ${DRAFT_MIN_CONFIDENCE}): ${draftable.length} of ${heldOut.length} (${pct(draftable.length / heldOut.length)}), ${pct(right / Math.max(1, draftable.length))} right\n`);
  timeTenThousand(fixture);
}

/** CPU time to classify 10k quotes (the fixture's vectors and texts, repeated), training included. */
function timeTenThousand(fixture: EmbeddedFixture): void {
  const n = 10_000;
  const vectors = new Map<number, Float32Array>();
  const texts = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const q = i % fixture.quotes.length;
    vectors.set(i, fixture.quoteVectors[q]!);
    // A distinct text per quote, so nothing can be cached by text.
    texts.set(i, `${fixture.quotes[q]!.text} ${i}`);
  }
  for (const scoring of ['nearest', 'ridge'] as const) {
    const started = process.cpuUsage();
    const wall = performance.now();
    classifyFacets(vectors, fixture.sentenceVectors, { scoring, texts: { quotes: texts, prototypes: fixture.sentences } });
    const cpu = process.cpuUsage(started);
    console.log(`classify ${n} quotes (${scoring}): ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, ${((performance.now() - wall) / 1000).toFixed(2)} s wall`);
  }
}

if ((process.argv[1] ?? '').replace(/\\/g, '/').endsWith('scripts/bench/facetAccuracy.ts')) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
