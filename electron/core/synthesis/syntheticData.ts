// Seeded synthetic corpora for tests and benchmarks: gaussian blobs on the unit sphere with a
// planted vocabulary per blob. Never used on user data.

import { createRng } from './random';
import { normalizeRow } from './vectors';

export interface SyntheticQuote {
  id: number;
  text: string;
  vector: Float32Array;
  /** The blob the quote was drawn from. */
  truth: number;
}

export interface BlobOptions {
  n: number;
  clusters: number;
  dim?: number;
  seed?: number;
  /** Noise norm relative to the unit centre; 1 puts points at cosine ~0.7 to their centre. */
  spread?: number;
  /** Words planted in blob b's texts: `${b}` is replaced by the blob's letter code. */
  vocabulary?: (blob: number) => string[];
}

const FILLER = ['yeah', 'so', 'I', 'think', 'we', 'really', 'the', 'and', 'um', 'like', 'you', 'know', 'it', 'is'];

/** Blob b's planted words, e.g. "alphaqa", "alphaqb"… distinct per blob and never stop words. */
export function plantedWords(blob: number): string[] {
  const code = String.fromCharCode(97 + (blob % 26)) + String.fromCharCode(97 + Math.floor(blob / 26));
  return ['x', 'y', 'z', 'w'].map((suffix) => `topic${code}${suffix}`);
}

export function syntheticBlobs(options: BlobOptions): SyntheticQuote[] {
  const dim = options.dim ?? 384;
  const spread = options.spread ?? 1;
  const rng = createRng(options.seed ?? 1);
  const vocabulary = options.vocabulary ?? plantedWords;

  const centres = new Float32Array(options.clusters * dim);
  for (let b = 0; b < options.clusters; b++) {
    for (let t = 0; t < dim; t++) centres[b * dim + t] = rng.gaussian();
    normalizeRow(centres, b * dim, dim);
  }

  const noiseScale = spread / Math.sqrt(dim);
  const quotes: SyntheticQuote[] = [];
  for (let i = 0; i < options.n; i++) {
    const blob = i % options.clusters;
    const vector = new Float32Array(dim);
    for (let t = 0; t < dim; t++) vector[t] = centres[blob * dim + t]! + noiseScale * rng.gaussian();
    normalizeRow(vector, 0, dim);
    const words = vocabulary(blob);
    const text: string[] = [];
    for (let w = 0; w < 12; w++) {
      text.push(rng.next() < 0.35 ? words[rng.int(words.length)]! : FILLER[rng.int(FILLER.length)]!);
    }
    quotes.push({ id: i + 1, text: text.join(' '), vector, truth: blob });
  }
  return quotes;
}
