// Sentence embeddings on this machine: all-MiniLM-L6-v2 (int8 ONNX) through transformers.js and
// onnxruntime-node, mean-pooled and L2-normalised. Nothing here may touch the network.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import {
  MODEL_DIM,
  MODEL_DTYPE,
  MODEL_ID,
  MODEL_MAX_TOKENS,
  ONNX_FILE,
  defaultModelsDir,
  modelDir,
  modelStatus,
} from './model';

export interface Embedder {
  modelId: string;
  /** sha256 of the ONNX file, so a stored vector can be traced to the exact weights. */
  modelHash: string;
  dim: number;
  embed(texts: string[]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

export interface EmbedderOptions {
  modelsDir?: string;
  /** Texts per ONNX run; larger batches use more memory for little gain on a laptop CPU. */
  batchSize?: number;
}

export class ModelUnavailableError extends Error {
  readonly code = 'model_unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelUnavailableError';
  }
}

const DEFAULT_BATCH_SIZE = 32;

/**
 * transformers.js keeps its settings in one module-wide object; these are the same for every
 * embedder, so setting them again is harmless. Remote loading is off and `fetch` itself refuses,
 * so a missing file fails here instead of quietly going to huggingface.co.
 */
function lockDownTransformers(modelsDir: string): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir;
  env.useBrowserCache = false;
  env.useFSCache = false;
  env.useWasmCache = false;
  env.cacheDir = join(tmpdir(), 'grounded-transformers-cache');
  env.fetch = (input: RequestInfo | URL) =>
    Promise.reject(new Error(`Grounded never downloads models at run time (asked for ${String(input)})`));
}

export async function createEmbedder(opts: EmbedderOptions = {}): Promise<Embedder> {
  const modelsDir = opts.modelsDir ?? defaultModelsDir();
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);

  // The full sha256 check (cached per file) guarantees modelHash names the bytes actually loaded.
  const status = modelStatus(modelsDir, { verifyHashes: true });
  if (!status.available) throw new ModelUnavailableError(status.reason ?? `${MODEL_ID} is not available`);

  lockDownTransformers(modelsDir);
  let extractor: FeatureExtractionPipeline;
  try {
    // An absolute folder rather than the model id: transformers.js then reads exactly that
    // folder and never consults env.localModelPath, which another caller could have changed.
    extractor = await pipeline('feature-extraction', modelDir(modelsDir), {
      dtype: MODEL_DTYPE,
      device: 'cpu',
      local_files_only: true,
    });
  } catch (err) {
    throw new ModelUnavailableError(
      `The embedding model in ${modelDir(modelsDir)} could not be loaded: ${(err as Error).message}`,
      { cause: err },
    );
  }
  // tokenizer_config.json says 512, but sentence-transformers cuts this model at 256 tokens. The
  // pipeline truncates at the tokenizer's model_max_length, a getter over this (typed) config.
  extractor.tokenizer._tokenizerConfig.model_max_length = MODEL_MAX_TOKENS;
  if (extractor.tokenizer.model_max_length !== MODEL_MAX_TOKENS) {
    throw new Error('transformers.js no longer takes model_max_length from _tokenizerConfig; update createEmbedder');
  }

  let disposed = false;

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    const [rows, dim] = output.dims;
    if (rows !== texts.length || dim !== MODEL_DIM) {
      throw new Error(`Embedding output has shape [${output.dims.join(', ')}], expected [${texts.length}, ${MODEL_DIM}]`);
    }
    const data = output.data as Float32Array;
    return texts.map((_, i) => data.slice(i * MODEL_DIM, (i + 1) * MODEL_DIM));
  }

  return {
    modelId: MODEL_ID,
    modelHash: ONNX_FILE.sha256,
    dim: MODEL_DIM,
    async embed(texts: string[]): Promise<Float32Array[]> {
      if (disposed) throw new Error('This embedder was disposed');
      // Texts of similar length share a batch, so little time goes on padding. A text's vector
      // does not depend on its batch mates (pooling ignores padding), so the order is free.
      const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length || a - b);
      const result = new Array<Float32Array>(texts.length);
      for (let start = 0; start < order.length; start += batchSize) {
        const slice = order.slice(start, start + batchSize);
        const vectors = await embedBatch(slice.map((i) => texts[i]!));
        slice.forEach((i, j) => (result[i] = vectors[j]!));
      }
      return result;
    },
    async dispose(): Promise<void> {
      if (disposed) return;
      disposed = true;
      await extractor.dispose();
    },
  };
}
