// Theme clustering against gold labels, beside scikit-learn on the same vectors.
//
//   npm run bench:cluster -- data.csv --text text --label category [--limit N] [--seed S]
//   npm run bench:cluster -- data.tsv --text 0 --label 1            (no header: 0-based columns)
//   npm run bench:cluster -- --clinc data_full.json --split test
//
// Embeds the texts once with Grounded's embedder (cached as raw float32 in the temp folder, keyed
// by the file's sha256, the columns, the limit and the model), clusters them with clusterThemes at
// k = number of gold labels and with k chosen automatically, then runs scikit-learn's KMeans
// (n_init=10, same k) on the same vectors in scripts/bench/sklearn_kmeans.py. Each side runs in
// its own child process, so seconds and peakMB are the clustering's alone, not the model's.
// Prints one JSON object.

import { execFileSync, fork, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { adjustedRandIndex, vMeasure } from '../../electron/core/synthesis/metrics';
import { clusterThemes, type ClusterThemesResult } from '../../electron/core/synthesis/themes';
import { readColumns } from './delimited';

const DIM = 384;
const SKLEARN_N_INIT = 10;

interface Dataset {
  name: string;
  texts: string[];
  labels: Int32Array;
  goldK: number;
  /** Identifies the texts for the vector cache. */
  key: string;
}

interface GroundedRun {
  vMeasure: number;
  ari: number;
  k: number;
  seconds: number;
  outliers: number;
  scores: Record<string, number>;
}

function parseArgs(argv: string[]) {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
      flags.set(arg.slice(2), value);
      i++;
    } else positional.push(arg);
  }
  return { flags, positional };
}

/** A seeded subset of `limit` rows, in file order (the files are often sorted by label). */
function limitRows(count: number, limit: number, seed: number): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  if (limit >= count) return all;
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, limit).sort((a, b) => a - b);
}

function loadDataset(flags: Map<string, string>, positional: string[]): Dataset {
  const clinc = flags.get('clinc');
  const path = clinc ?? positional[0];
  if (!path) throw new Error('usage: bench:cluster <file> --text <column> --label <column> [--limit N] | --clinc <json> --split test');
  const bytes = readFileSync(path);
  let texts: string[];
  let names: string[];
  if (clinc) {
    const split = flags.get('split') ?? 'test';
    const rows = (JSON.parse(bytes.toString('utf8')) as Record<string, [string, string][]>)[split];
    if (!rows) throw new Error(`${path} has no split "${split}"`);
    texts = rows.map((row) => row[0]);
    names = rows.map((row) => row[1]);
  } else {
    const text = flags.get('text');
    const label = flags.get('label');
    if (!text || !label) throw new Error('--text and --label are required (column names, or 0-based numbers)');
    const delimiter = flags.get('delimiter') ?? (/\.tsv$/i.test(path) ? '\t' : ',');
    ({ texts, labels: names } = readColumns(bytes.toString('utf8'), text, label, delimiter));
  }
  const limit = flags.has('limit') ? Number(flags.get('limit')) : Infinity;
  if (!(limit > 0)) throw new Error(`--limit must be a positive number, got ${flags.get('limit')}`);
  const keep = limitRows(texts.length, limit, 1234);
  texts = keep.map((i) => texts[i]!);
  names = keep.map((i) => names[i]!);

  const ids = new Map<string, number>();
  const labels = Int32Array.from(names, (name) => {
    if (!ids.has(name)) ids.set(name, ids.size);
    return ids.get(name)!;
  });
  const key = createHash('sha256')
    .update(bytes)
    .update(JSON.stringify([flags.get('split'), flags.get('text'), flags.get('label'), limit]))
    .digest('hex');
  const file = basename(path, extname(path));
  // "banking77/test.csv" says more than "test".
  const name = /^(test|train|val|dev|data.*)$/i.test(file) ? `${basename(dirname(path))}/${file}` : file;
  return { name: clinc ? `${name}:${flags.get('split') ?? 'test'}` : name, texts, labels, goldK: ids.size, key };
}

/** Vectors for the texts, from the cache or embedded now with Grounded's embedder. */
async function vectorsFor(dataset: Dataset): Promise<string> {
  const { ONNX_FILE } = await import('../../electron/core/embeddings/model');
  const dir = join(tmpdir(), 'grounded-bench-vectors');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${dataset.key.slice(0, 24)}-${ONNX_FILE.sha256.slice(0, 8)}.f32`);
  if (existsSync(file) && readFileSync(file).byteLength === dataset.texts.length * DIM * 4) {
    console.error(`vectors: cached ${file}`);
    return file;
  }
  const { createEmbedder } = await import('../../electron/core/embeddings/embedder');
  const embedder = await createEmbedder();
  const started = performance.now();
  try {
    const out = new Float32Array(dataset.texts.length * DIM);
    const chunk = 512;
    for (let i = 0; i < dataset.texts.length; i += chunk) {
      const vectors = await embedder.embed(dataset.texts.slice(i, i + chunk));
      vectors.forEach((vector, j) => out.set(vector, (i + j) * DIM));
      console.error(`embedded ${Math.min(i + chunk, dataset.texts.length)}/${dataset.texts.length}`);
    }
    writeFileSync(`${file}.part`, Buffer.from(out.buffer));
    renameSync(`${file}.part`, file);
  } finally {
    await embedder.dispose();
  }
  console.error(`vectors: embedded in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${file}`);
  return file;
}

function readVectors(file: string): Float32Array[] {
  const bytes = readFileSync(file);
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return Array.from({ length: all.length / DIM }, (_, i) => all.slice(i * DIM, (i + 1) * DIM));
}

/** Row -> theme index; the outlier group counts as one more cluster in the scores. */
function rowLabels(result: ClusterThemesResult, n: number): Int32Array {
  const labels = new Int32Array(n).fill(-1);
  result.themes.forEach((theme, t) => theme.quoteIds.forEach((id) => (labels[id - 1] = t)));
  return labels;
}

/** Child process: one clusterThemes run, so its time and memory are measured alone. */
function groundedChild(
  vectorsFile: string,
  textsFile: string,
  labelsFile: string,
  k: string,
  seed: number,
  outliers: boolean,
): GroundedRun {
  const texts = JSON.parse(readFileSync(textsFile, 'utf8')) as string[];
  const truthBytes = readFileSync(labelsFile);
  const truth = new Int32Array(truthBytes.buffer, truthBytes.byteOffset, truthBytes.byteLength / 4);
  const quotes = readVectors(vectorsFile).map((vector, i) => ({ id: i + 1, text: texts[i]!, vector }));
  const started = performance.now();
  const result = clusterThemes({ quotes, seed, k: k === 'auto' ? undefined : Number(k), outliers });
  const seconds = (performance.now() - started) / 1000;
  const labels = rowLabels(result, quotes.length);
  if (labels.includes(-1)) throw new Error('clusterThemes left a quote out of every theme');
  return {
    vMeasure: vMeasure(truth, labels).vMeasure,
    ari: adjustedRandIndex(truth, labels),
    k: result.k,
    seconds,
    outliers: result.themes.find((theme) => theme.outlier)?.quoteIds.length ?? 0,
    scores: result.scores,
  };
}

/**
 * This process's peak resident memory. On Linux VmHWM, because getrusage's maxrss survives exec:
 * a child forked from the parent would report at least the parent's peak (the model included).
 */
function peakRssMB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function runGrounded(args: string[]): Promise<GroundedRun & { peakMB: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve(message as GroundedRun & { peakMB: number }));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`clustering child exited with ${code}`))));
  });
}

/** python3 with scikit-learn and NumPy: found, or installed once with pip, or null with why. */
function python(): { ok: true } | { ok: false; reason: string } {
  const probe = () => spawnSync('python3', ['-c', 'import sklearn, numpy'], { encoding: 'utf8' });
  let found = probe();
  if (found.error) return { ok: false, reason: `python3 not found (${found.error.message})` };
  if (found.status !== 0) {
    console.error('sklearn: scikit-learn/NumPy absent; installing with `python3 -m pip install --quiet scikit-learn numpy`');
    spawnSync('python3', ['-m', 'pip', 'install', '--quiet', 'scikit-learn', 'numpy'], { stdio: 'inherit' });
    found = probe();
    if (found.status !== 0) return { ok: false, reason: `scikit-learn/NumPy unavailable: ${found.stderr.trim().split('\n').pop()}` };
  }
  return { ok: true };
}

async function main(): Promise<void> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const seed = Number(flags.get('seed') ?? 42);
  const dataset = loadDataset(flags, positional);
  const vectorsFile = await vectorsFor(dataset);
  const labelsFile = vectorsFile.replace(/\.f32$/, '.labels.i32');
  const textsFile = vectorsFile.replace(/\.f32$/, '.texts.json');
  writeFileSync(labelsFile, Buffer.from(dataset.labels.buffer));
  writeFileSync(textsFile, JSON.stringify(dataset.texts));

  const common = [vectorsFile, textsFile, labelsFile];
  // At gold k without the outlier group, to compare like with like against scikit-learn; then
  // as the app runs it (outliers set aside), at gold k and at the automatic k.
  const gold = await runGrounded([...common, String(dataset.goldK), String(seed), 'no-outliers']);
  const goldOutliers = await runGrounded([...common, String(dataset.goldK), String(seed), 'outliers']);
  const auto = await runGrounded([...common, 'auto', String(seed), 'outliers']);

  let sklearn: Record<string, unknown> = { skipped: true };
  const py = python();
  if (!py.ok) {
    console.error(`sklearn: skipped — ${py.reason}`);
    sklearn = { skipped: py.reason };
  } else {
    const script = join(__dirname, 'sklearn_kmeans.py');
    const args = [script, vectorsFile, labelsFile, String(DIM), String(dataset.goldK), String(seed), String(SKLEARN_N_INIT)];
    const out = execFileSync('python3', args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    const parsed = JSON.parse(out) as { vMeasure: number; ari: number; seconds: number; peakMB: number };
    sklearn = { vMeasure: parsed.vMeasure, ari: parsed.ari, seconds: parsed.seconds, peakMB: parsed.peakMB };
  }

  const round = (x: number, digits = 4) => Number(x.toFixed(digits));
  console.log(
    JSON.stringify({
      dataset: dataset.name,
      n: dataset.texts.length,
      goldK: dataset.goldK,
      vMeasure: round(gold.vMeasure),
      ari: round(gold.ari),
      withOutliers: { vMeasure: round(goldOutliers.vMeasure), ari: round(goldOutliers.ari), outliers: goldOutliers.outliers },
      autoK: auto.k,
      autoVMeasure: round(auto.vMeasure),
      autoAri: round(auto.ari),
      autoOutliers: auto.outliers,
      autoScores: auto.scores,
      seconds: round(gold.seconds, 2),
      autoSeconds: round(auto.seconds, 2),
      peakMB: gold.peakMB,
      sklearn,
    }),
  );
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  const [vectorsFile, textsFile, labelsFile, k, seed, outliers] = argv.slice(1) as [string, string, string, string, string, string];
  const run = groundedChild(vectorsFile, textsFile, labelsFile, k, Number(seed), outliers === 'outliers');
  process.send!({ ...run, peakMB: peakRssMB() }, () => process.exit(0));
} else if ((process.argv[1] ?? '').replace(/\\/g, '/').endsWith('scripts/bench/clusterEval.ts')) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
