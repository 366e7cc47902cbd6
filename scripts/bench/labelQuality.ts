// Theme label quality against gold intent names: cluster a labelled set at its gold k, and for
// each cluster take the cosine (same embedding model) between its label and the name of its
// majority intent ("card_arrival" -> "card arrival"). Key-phrase labels (labels.ts, candidates
// embedded like the synthesize job does) beside today's c-TF-IDF top words (labelFromKeywords),
// on the same clusters. Also the share of labels that labelReasons rejects.
//
//   npx tsx scripts/bench/labelQuality.ts [sharedDataDir]     (default ../shared/data)
//
// labelQuality() is exported for `npm run bench:insight`.

import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { labelReasons } from '../../electron/core/synthesis/checks/label';
import { classTfIdf, labelFromKeywords } from '../../electron/core/synthesis/keywords';
import { clusterThemes, relabelThemes } from '../../electron/core/synthesis/themes';
import { embedCached, loadBanking77, loadClinc150, type LabelledSet } from './themeData';

export interface LabelQuality {
  dataset: string;
  clusters: number;
  /** Mean cosine of key-phrase labels to the majority intent name. */
  keyPhrase: number;
  /** Mean cosine of today's c-TF-IDF labels ("a · b · c") to the majority intent name. */
  cTfIdf: number;
  /** Share of labels labelReasons rejects (filler, a name, too long). */
  badKeyPhrase: number;
  badCTfIdf: number;
  examples: { gold: string; keyPhrase: string; cTfIdf: string }[];
}

const dot = (a: Float32Array, b: Float32Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** Label quality of one labelled set, clustered at gold k with seed 42. */
export async function labelQuality(set: LabelledSet, seed = 42): Promise<LabelQuality> {
  const vectors = await embedCached(set.texts);
  const quotes = set.texts.map((text, i) => ({ id: i + 1, text, vector: vectors[i]! }));
  const goldNames = [...new Set(set.gold)].sort();
  const clustered = clusterThemes({ quotes, seed, k: goldNames.length, outliers: false });

  const candidates = [...new Set(clustered.themes.flatMap((t) => t.candidates.map((c) => c.phrase.toLowerCase())))].sort();
  const candidateVectors = await embedCached(candidates);
  const phraseVectors = new Map(candidates.map((phrase, i) => [phrase, candidateVectors[i]!]));
  const themes = relabelThemes(clustered, quotes, [], phraseVectors).themes;

  // Today's labels on the same clusters.
  const themeOf = new Int32Array(quotes.length);
  themes.forEach((theme, t) => theme.quoteIds.forEach((id) => (themeOf[id - 1] = t)));
  const words = classTfIdf(set.texts, themeOf, themes.length);
  const oldLabels = words.map((terms) => labelFromKeywords(terms.map((t) => t.term)));

  const majority = themes.map((theme) => {
    const counts = new Map<string, number>();
    for (const id of theme.quoteIds) counts.set(set.gold[id - 1]!, (counts.get(set.gold[id - 1]!) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0].replace(/_/g, ' ');
  });
  const newLabels = themes.map((theme) => theme.label);
  const [goldV, newV, oldV] = await Promise.all([embedCached(majority), embedCached(newLabels), embedCached(oldLabels)]);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  const round = (x: number) => Number(x.toFixed(4));
  return {
    dataset: set.name,
    clusters: themes.length,
    keyPhrase: round(mean(themes.map((_, t) => dot(newV[t]!, goldV[t]!)))),
    cTfIdf: round(mean(themes.map((_, t) => dot(oldV[t]!, goldV[t]!)))),
    badKeyPhrase: round(mean(newLabels.map((l) => (labelReasons(l, []).length > 0 ? 1 : 0)))),
    badCTfIdf: round(mean(oldLabels.map((l) => (labelReasons(l, []).length > 0 ? 1 : 0)))),
    examples: themes.slice(0, 12).map((_, t) => ({ gold: majority[t]!, keyPhrase: newLabels[t]!, cTfIdf: oldLabels[t]! })),
  };
}

/** Both public intent sets, when the shared data is on this machine. */
export async function labelQualityAll(dataDir: string): Promise<LabelQuality[]> {
  const banking = join(dataDir, 'clustering', 'banking77', 'test.csv');
  const clinc = join(dataDir, 'clustering', 'clinc150', 'data_full.json');
  const out: LabelQuality[] = [];
  if (existsSync(banking)) out.push(await labelQuality(loadBanking77(banking)));
  if (existsSync(clinc)) out.push(await labelQuality(loadClinc150(clinc)));
  return out;
}

if ((process.argv[1] ?? '').replace(/\\/g, '/').endsWith('scripts/bench/labelQuality.ts')) {
  const dir = process.argv[2] ?? join(__dirname, '..', '..', '..', 'shared', 'data');
  labelQualityAll(dir)
    .then((rows) => rows.forEach((row) => console.log(JSON.stringify(row))))
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
