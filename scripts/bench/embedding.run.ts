// npx tsx scripts/bench/embedding.run.ts [count] [batchSize]
// Embeds banking77 utterances (short, quote-like) with Grounded's embedder and with bare
// onnxruntime-node, and prints both throughputs.
import { existsSync, readFileSync } from 'node:fs';
import { benchEmbedding } from './embedding';
import { defaultModelsDir, modelStatus } from '../../electron/core/embeddings/model';

const DATA = '/work/shared/data/clustering/banking77/test.csv';

/** banking77's test.csv is `text,category`: the label never holds a comma, the text may be quoted. */
function readTexts(file: string, count: number): string[] {
  const texts: string[] = [];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
    const m = /^(?:"((?:[^"]|"")*)"|([^"]*)),[^,]+$/.exec(line);
    if (m) texts.push((m[1] ?? m[2]!).replaceAll('""', '"'));
    if (texts.length === count) break;
  }
  return texts;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 500);
  const batchSize = Number(process.argv[3] ?? 32);
  if (!existsSync(DATA)) {
    console.log(`Skipped: ${DATA} is not on this machine.`);
    return;
  }
  const status = modelStatus(defaultModelsDir());
  if (!status.available) {
    console.log(`Skipped: ${status.reason}`);
    return;
  }
  const texts = readTexts(DATA, count);
  const r = await benchEmbedding(texts, batchSize);
  console.log(`${texts.length} banking77 texts, batch ${batchSize}`);
  console.log(`  grounded embedder : ${r.quotesPerSecond.toFixed(1)} quotes/s`);
  console.log(`  raw onnxruntime   : ${r.rawQuotesPerSecond.toFixed(1)} quotes/s`);
  console.log(`  ratio             : ${r.ratio.toFixed(3)}`);
  console.log(`  peak RSS          : ${r.peakRssMB.toFixed(0)} MB`);
  console.log(`  max |diff|        : ${r.maxAbsDiff.toExponential(2)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
