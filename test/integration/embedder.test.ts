// The real on-device model: shape, normalisation, determinism and a semantic sanity check.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, type Embedder } from '../../electron/core/embeddings/embedder';
import { MODEL_ID, ONNX_FILE, defaultModelsDir, modelDir, modelStatus } from '../../electron/core/embeddings/model';

const modelsDir = defaultModelsDir();
const status = modelStatus(modelsDir);
if (!status.available) {
  console.warn(`Skipping the real-model embedder tests: ${status.reason}`);
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

function norm(v: Float32Array): number {
  return Math.sqrt(cosine(v, v));
}

describe.skipIf(!status.available)('embedder with the real model', () => {
  let embedder: Embedder;

  beforeAll(async () => {
    embedder = await createEmbedder({ modelsDir, batchSize: 4 });
  });
  afterAll(async () => {
    await embedder?.dispose();
  });

  it('names the model and the exact ONNX bytes it loaded', () => {
    expect(embedder.modelId).toBe(MODEL_ID);
    expect(embedder.dim).toBe(384);
    const onDisk = createHash('sha256')
      .update(readFileSync(join(modelDir(modelsDir), ONNX_FILE.path)))
      .digest('hex');
    expect(embedder.modelHash).toBe(onDisk);
  });

  it('returns one unit-length 384-dim vector per text, empty text included', async () => {
    const vectors = await embedder.embed(['I love the new dashboard', '', 'ok']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(384);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(await embedder.embed([])).toEqual([]);
  });

  it('gives identical vectors for the same text across calls', async () => {
    const texts = ['The onboarding emails were confusing', 'I mostly use it on my phone'];
    const first = await embedder.embed(texts);
    const second = await embedder.embed(texts);
    expect(second).toEqual(first);
  });

  it('puts paraphrases closer together than unrelated sentences', async () => {
    const [exportButton, exportHard, cycling, priceHigh, tooExpensive] = await embedder.embed([
      "I can't find the export button",
      'Exporting is hard to locate',
      'I cycle to work every day',
      'The subscription price is too high for us',
      'It costs too much for a small team',
    ]);
    expect(cosine(exportButton!, exportHard!)).toBeGreaterThan(0.5);
    expect(cosine(exportButton!, exportHard!)).toBeGreaterThan(cosine(exportButton!, cycling!) + 0.3);
    expect(cosine(priceHigh!, tooExpensive!)).toBeGreaterThan(cosine(priceHigh!, exportHard!) + 0.2);
  });

  it('gives the same vector whether a text is embedded alone or in a padded batch', async () => {
    const texts = [
      'short',
      'A much longer sentence, so that every shorter one in its batch gets padded quite a lot.',
      'Search never finds the notes I wrote last week',
      'Dark mode please',
      'We export everything to spreadsheets because the reports are not flexible enough',
      'It crashed twice',
    ];
    const batched = await embedder.embed(texts);
    for (const [i, text] of texts.entries()) {
      const [alone] = await embedder.embed([text]);
      for (let d = 0; d < 384; d++) expect(Math.abs(alone![d]! - batched[i]![d]!)).toBeLessThan(1e-5);
    }
  });

  it('truncates at 256 tokens, like sentence-transformers', async () => {
    // About 300 tokens: past 256, so the ending is cut, but within the tokenizer's own 512.
    const long = 'the team sat on the call '.repeat(50);
    const [a, b] = await embedder.embed([long, `${long} and then a completely different ending about bicycles`]);
    expect(cosine(a!, b!)).toBeCloseTo(1, 6);
  });
});

describe('embedder without the model', () => {
  it('refuses with model_unavailable and says how to provision it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'grounded-no-model-'));
    try {
      await expect(createEmbedder({ modelsDir: empty })).rejects.toMatchObject({
        code: 'model_unavailable',
        message: expect.stringContaining('npm run provision-model'),
      });
      expect(modelStatus(empty)).toMatchObject({ available: false, modelId: MODEL_ID });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
