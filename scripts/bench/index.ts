// `npm run bench`: Grounded's figures printed beside a raw baseline doing the same work, as ratios.
// Timings live here, never in tests. Run it on an idle machine: 2 cores are easily disturbed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { parseTranscript, detectInterviewer } from '../../electron/core/importers/parse';
import { extractQuotes } from '../../electron/core/quotes/extract';
import { defaultModelsDir, modelStatus } from '../../electron/core/embeddings/model';
import { syntheticBlobs } from '../../electron/core/synthesis/syntheticData';
import { benchClustering } from './clustering';
import { benchEmbedding } from './embedding';
import { benchEncryption, printEncryption } from './encryption';
import { benchExport } from './export';
import { benchImport } from './importing';
import { benchProjection, landmarks } from './projection';
import { benchRawPdf } from './rawPdf';
import { benchSearch } from './search';

const fixtures = join(__dirname, '..', '..', 'test', 'fixtures', 'transcripts');
const row = (what: string, ours: string, raw: string, ratio: number) =>
  console.log(`${what.padEnd(40)} ${ours.padStart(16)} ${raw.padStart(16)} ${(Number.isFinite(ratio) ? ratio.toFixed(2) : '—').padStart(7)}`);

function fixtureQuotes(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(fixtures).filter((x) => /\.(txt|md|vtt)$/.test(x))) {
    const parsed = parseTranscript(f, readFileSync(join(fixtures, f)));
    const interviewer = detectInterviewer(parsed.turns);
    for (const q of extractQuotes(parsed.turns, (s) => s !== interviewer)) out.push(q.text);
  }
  return out;
}

function rawKmeansSeconds(n: number, k: number): number {
  const data = syntheticBlobs({ n, clusters: 20, dim: 384, seed: 1, spread: 1.5 }).map((q) => Array.from(q.vector));
  const t = performance.now();
  mlKmeans(data, k, { initialization: 'kmeans++', seed: 1, maxIterations: 100 });
  return (performance.now() - t) / 1000;
}

/** Grounded's themes against scikit-learn KMeans on labelled public data, when ../shared/data is here. */
function clusteringQuality(): void {
  const data = process.env.GROUNDED_SHARED_DATA ?? join(__dirname, '..', '..', '..', 'shared', 'data');
  const sets: [string, string[]][] = [
    ['banking77', [join(data, 'clustering', 'banking77', 'test.csv'), '--text', 'text', '--label', 'category']],
    ['clinc150', ['--clinc', join(data, 'clustering', 'clinc150', 'data_full.json'), '--split', 'test']],
  ];
  for (const [name, args] of sets) {
    const file = args[0] === '--clinc' ? args[1]! : args[0]!;
    if (!existsSync(file)) {
      console.log(`${name}: skipped, ${file} is not on this machine (set GROUNDED_SHARED_DATA)`);
      continue;
    }
    const r = spawnSync(join('node_modules', '.bin', 'tsx'), [join('scripts', 'bench', 'clusterEval.ts'), ...args], { encoding: 'utf8' });
    const line = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
    if (r.status !== 0 || !line) {
      console.log(`${name}: clustering benchmark failed: ${r.stderr.trim().split('\n').pop()}`);
      continue;
    }
    const q = JSON.parse(line) as { n: number; goldK: number; vMeasure: number; ari: number; autoK: number; autoVMeasure: number; seconds: number; peakMB: number; sklearn: { vMeasure: number; ari: number; seconds: number; peakMB: number } };
    row(`${name} n=${q.n} k=${q.goldK}: V-measure`, q.vMeasure.toFixed(3), q.sklearn.vMeasure.toFixed(3), q.vMeasure / q.sklearn.vMeasure);
    row(`${name}: ARI`, q.ari.toFixed(3), q.sklearn.ari.toFixed(3), q.ari / q.sklearn.ari);
    row(`${name}: seconds`, q.seconds.toFixed(2), q.sklearn.seconds.toFixed(2), q.sklearn.seconds / q.seconds);
    console.log(`  baseline: scikit-learn KMeans (n_init=10) on the same vectors; auto k ${q.autoK} (V ${q.autoVMeasure.toFixed(3)}); peak ${q.peakMB.toFixed(0)} vs ${q.sklearn.peakMB.toFixed(0)} MB`);
  }
}

async function main(): Promise<void> {
  console.log(`Grounded benchmarks — node ${process.version}, ${cpus().length} cores\n`);
  console.log(`${'measure'.padEnd(40)} ${'grounded'.padStart(16)} ${'raw baseline'.padStart(16)} ${'ratio'.padStart(7)}`);

  const imp = await benchImport(1000, fixtures);
  row(`import ${imp.files} files, ${imp.mb.toFixed(1)} MB (MB/s)`, imp.importMBps.toFixed(2), imp.bareFtsMBps.toFixed(2), imp.importMBps / imp.bareFtsMBps);
  row('import, preparing on one thread (MB/s)', imp.oneThreadMBps.toFixed(2), imp.bareFtsMBps.toFixed(2), imp.oneThreadMBps / imp.bareFtsMBps);
  row('parsing alone (MB/s)', imp.parseOnlyMBps.toFixed(2), '', Number.NaN);
  console.log(
    `  grounded: the import job (${imp.workers} prepare worker${imp.workers === 1 ? '' : 's'} beside the writer; parse, roles, quotes, turns + FTS5 + quotes written, one transaction per file);`,
  );
  console.log('  baseline: bare SQLite storing the parsed turns with the same FTS5 index, one transaction per file, no app code; ratio = grounded / baseline');

  const search = await benchSearch();
  for (const r of search.rows) {
    row(`search ${(search.words / 1e6).toFixed(1)}M words: ${r.query} (ms)`, r.ms.toFixed(2), r.rawMs.toFixed(2), r.rawMs / r.ms);
  }
  console.log('  grounded: ranked hits with snippets and total count (first 50); baseline: bare FTS5 MATCH, first 50 rowids');

  const status = modelStatus(defaultModelsDir());
  if (status.available) {
    const texts = fixtureQuotes();
    const emb = await benchEmbedding(texts, 32);
    row(`embed ${texts.length} quotes, batch 32 (q/s)`, emb.quotesPerSecond.toFixed(1), emb.rawQuotesPerSecond.toFixed(1), emb.ratio);
    console.log(`  baseline: bare onnxruntime-node on the same ONNX file and batches; peak RSS ${emb.peakRssMB.toFixed(0)} MB`);
  } else {
    console.log(`embedding: skipped — ${status.reason}`);
  }

  for (const n of [1000, 10000, 50000]) {
    const c = benchClustering(n);
    const raw = n <= 10000 ? rawKmeansSeconds(n, c.k) : NaN;
    row(`cluster ${n} quotes into themes (s)`, c.seconds.toFixed(2), Number.isNaN(raw) ? 'skipped' : raw.toFixed(2), raw / c.seconds);
    console.log(
      `  k chosen ${c.k}; cpu ${c.cpuSeconds.toFixed(2)} s; peak ${c.peakMB.toFixed(0)} MB; baseline: one ml-kmeans run at that k` +
        (n > 10000 ? ' (skipped above 10k: it takes minutes)' : ' (ratio = baseline / grounded time)'),
    );
  }
  clusteringQuality();

  const map = benchProjection(5000);
  row(`2-D quote map, ${map.n} quotes (s)`, map.seconds.toFixed(2), map.rawSeconds.toFixed(2), map.rawSeconds / map.seconds);
  row('2-D map: 10-NN kept on the map', map.preserved.toFixed(3), map.rawPreserved.toFixed(3), map.preserved / map.rawPreserved);
  console.log(`  grounded: UMAP on ${landmarks} landmarks, the rest placed by nearest landmarks; baseline: UMAP on every quote (ratio = baseline / grounded time)`);

  const pdf = await benchExport(4);
  const raw = await benchRawPdf(4);
  row('export 4 personas + deck, PDF (ms/persona)', pdf.perPersonaMs.toFixed(0), raw.perPersonaMs.toFixed(0), raw.perPersonaMs / pdf.perPersonaMs);
  console.log(`  baseline: react-pdf rendering the same text unstyled, no avatar or fitting; peak ${pdf.peakMB.toFixed(0)} MB`);

  console.log('');
  printEncryption(await benchEncryption());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
