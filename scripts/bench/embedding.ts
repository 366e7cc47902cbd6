// Grounded's embedder against a bare onnxruntime-node session on the same ONNX file, texts and
// batches: how much the transformers.js pipeline costs over the runtime itself.
import type * as OrtModule from 'onnxruntime-node';
import { join } from 'node:path';
import { AutoTokenizer, type Tensor } from '@huggingface/transformers';
import { createEmbedder } from '../../electron/core/embeddings/embedder';
import { MODEL_DIM, MODEL_MAX_TOKENS, ONNX_FILE, defaultModelsDir, modelDir } from '../../electron/core/embeddings/model';

// onnxruntime-node comes in through @huggingface/transformers rather than as a dependency of
// ours; requiring it by name gets the same copy the pipeline runs on.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ort = require('onnxruntime-node') as typeof OrtModule;

export interface EmbeddingBench {
  /** Through createEmbedder(). */
  quotesPerSecond: number;
  /** Tokenizer + InferenceSession.run + hand-written mean pooling and L2 normalisation. */
  rawQuotesPerSecond: number;
  /** quotesPerSecond / rawQuotesPerSecond: 1 means the pipeline costs nothing on top. */
  ratio: number;
  /** The process's peak resident memory (both paths loaded), in MB. */
  peakRssMB: number;
  /** Largest difference between the two paths' vectors, to show they compute the same thing. */
  maxAbsDiff: number;
}

type Vectors = Float32Array[];

async function rawEmbedder(modelsDir: string) {
  const dir = modelDir(modelsDir);
  const tokenizer = await AutoTokenizer.from_pretrained(dir, { local_files_only: true });
  const session = await ort.InferenceSession.create(join(dir, ONNX_FILE.path));
  const toOrt = (t: Tensor) => new ort.Tensor('int64', t.data as BigInt64Array, t.dims);

  async function embedBatch(texts: string[]): Promise<Vectors> {
    const enc = tokenizer(texts, { padding: true, truncation: true, max_length: MODEL_MAX_TOKENS });
    const mask = enc.attention_mask as Tensor;
    const out = await session.run({
      input_ids: toOrt(enc.input_ids as Tensor),
      attention_mask: toOrt(mask),
      token_type_ids: toOrt(enc.token_type_ids as Tensor),
    });
    const hidden = out.last_hidden_state!.data as Float32Array;
    const [batch, seq] = mask.dims as [number, number];
    const maskData = mask.data as BigInt64Array;
    const vectors: Vectors = [];
    for (let b = 0; b < batch; b++) {
      const v = new Float32Array(MODEL_DIM);
      let count = 0;
      for (let s = 0; s < seq; s++) {
        if (maskData[b * seq + s] === 0n) continue;
        count++;
        const base = (b * seq + s) * MODEL_DIM;
        for (let d = 0; d < MODEL_DIM; d++) v[d]! += hidden[base + d]!;
      }
      let norm = 0;
      for (let d = 0; d < MODEL_DIM; d++) norm += (v[d]! /= count) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < MODEL_DIM; d++) v[d]! /= norm;
      vectors.push(v);
    }
    return vectors;
  }

  return {
    embedBatch,
    dispose: () => session.release(),
  };
}

/** Seconds one call takes, and what it returned. */
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e9, value];
}

export async function benchEmbedding(texts: string[], batchSize: number, rounds = 3): Promise<EmbeddingBench> {
  if (texts.length === 0) throw new RangeError('benchEmbedding needs at least one text');
  const modelsDir = defaultModelsDir();
  // The embedder groups texts of similar length; handing both paths the texts already in that
  // order makes their batches identical, so only the per-batch work differs.
  const sorted = [...texts].sort((a, b) => a.length - b.length);
  const embedder = await createEmbedder({ modelsDir, batchSize });
  const raw = await rawEmbedder(modelsDir);
  try {
    // Warm both sessions up (first runs allocate arenas and pick kernels).
    await embedder.embed(sorted.slice(0, batchSize));
    await raw.embedBatch(sorted.slice(0, batchSize));

    // The two paths take turns batch by batch, so load from anything else on a shared 2-core
    // machine falls on both alike; each total is summed over every round.
    const seconds = { ours: 0, raw: 0 };
    let ours: Vectors = [];
    let bare: Vectors = [];
    for (let r = 0; r < rounds; r++) {
      ours = [];
      bare = [];
      for (let i = 0; i < sorted.length; i += batchSize) {
        const batch = sorted.slice(i, i + batchSize);
        const oursFirst = (i / batchSize) % 2 === 0;
        const [b0, vb0] = oursFirst ? [0, []] : await timed(() => raw.embedBatch(batch));
        const [a, va] = await timed(() => embedder.embed(batch));
        const [b, vb] = oursFirst ? await timed(() => raw.embedBatch(batch)) : [b0, vb0];
        seconds.ours += a;
        seconds.raw += b;
        ours.push(...va);
        bare.push(...vb);
      }
    }
    const quotesPerSecond = (sorted.length * rounds) / seconds.ours;
    const rawQuotesPerSecond = (sorted.length * rounds) / seconds.raw;

    let maxAbsDiff = 0;
    ours.forEach((v, i) => v.forEach((x, d) => (maxAbsDiff = Math.max(maxAbsDiff, Math.abs(x - bare[i]![d]!)))));
    return {
      quotesPerSecond,
      rawQuotesPerSecond,
      ratio: quotesPerSecond / rawQuotesPerSecond,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      maxAbsDiff,
    };
  } finally {
    await embedder.dispose();
    await raw.dispose();
  }
}
