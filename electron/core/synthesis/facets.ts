// Which persona section a quote feeds: goal, frustration, behaviour, context, mental model or
// decision factor (the six facets of the persona method), or "other" when no facet is a clear
// fit. There is no language model on the device, so each facet is described by first-person
// prototype sentences; the caller embeds them with the same model as the quotes. A ridge
// classifier (facetModel.ts) is fitted on the prototypes each run, on each sentence's embedding
// and its word cues (facetCues.ts: a wanted outcome, a complaint, a habit, a belief, ...), and a
// positive statement is never a frustration (polarity.ts).
//
// The prototypes are editable: FACET_PROTOTYPES is the default set, and classifyFacets trains on
// whichever sentences the researcher keeps. Accuracy of the defaults on labelled interview
// quotes: scripts/bench/facetAccuracy.ts.

import { copyRows, createDotWorkspace } from './dotKernel';
import { cueFeatures } from './facetCues';
import { FACET_DESCRIPTIONS } from './facetDescriptions';
import { FACET_EXAMPLES, OTHER_EXAMPLES } from './facetExamples';
import { CUE_SCALE, facetFeatures, fitRidge, linearScores, RIDGE_LAMBDA } from './facetModel';
import { isPositiveStatement } from './polarity';

import { FACET_LABELS, FACETS, type FacetLabel, type FacetName } from '../../../shared/vocabularies';

export { FACET_LABELS, FACETS, type FacetLabel };
export type Facet = FacetName;
/** Prototype sentences per facet, as the researcher may edit them. */
export type FacetPrototypes = Record<Facet, string[]>;
/** Per facet, and optionally for "other" (OTHER_EXAMPLES), one entry per prototype sentence. */
export type PerLabel<T> = Readonly<Record<Facet, readonly T[]>> & { readonly other?: readonly T[] };

export { FACET_DESCRIPTIONS };

/**
 * The default prototypes: each facet's descriptions, then labelled interview quotes of it
 * (facetExamples.ts). With the earlier nearest-prototype rule, adding the quotes raised held-out
 * accuracy from 53.9% to 61.7%. The last 8 descriptions of each facet were added for the ridge
 * classifier: cross-validated on the tuning rows, embeddings alone 83.3% -> 87.5% (with the cues
 * 91-92% either way; they widen what the embeddings have seen beyond the three tuning domains).
 */
export const FACET_PROTOTYPES: FacetPrototypes = Object.fromEntries(
  FACETS.map((facet) => [facet, [...FACET_DESCRIPTIONS[facet], ...FACET_EXAMPLES[facet]]]),
) as FacetPrototypes;

export interface FacetAssignment {
  facet: FacetLabel;
  /**
   * 0..1, from the lead of the best facet over the runner-up (see MARGIN_FOR_FULL_CONFIDENCE).
   * Below OTHER_BELOW_CONFIDENCE the facet is "other", and this is the confidence it fell short with.
   */
  confidence: number;
}

/**
 * What the classifier trains on: the study's prototypes, plus the built-in sentences that fit no
 * facet (OTHER_EXAMPLES). Embed all of them and pass texts and vectors to classifyFacets.
 */
export function trainingSentences(prototypes: FacetPrototypes): Record<FacetLabel, string[]> {
  return { ...prototypes, other: OTHER_EXAMPLES };
}

/**
 * A lead of 0.5 over the runner-up in ridge score counts as full confidence: the scores are fitted
 * to 1 for the right facet and 0 for the others, so half that gap is a clear preference.
 *
 * Measured (scripts/bench/facetAccuracy.ts): leave-one-domain-out on the tuning rows 91.1% (the
 * earlier nearest-prototype rule: 70.8%); on the held-out rows, domains never tuned on, 83.6%
 * (before: 61.7%), recall goal 85%, frustration 60%, behaviour 80%, context 100%, mental model
 * 85%, decision factor 90%, "other" 88%.
 */
export const MARGIN_FOR_FULL_CONFIDENCE = 0.5;
/**
 * Quotes below this confidence stay out of drafted bullets (isDraftable). Cross-validated on the
 * tuning rows: every quote 90.6% right; at 0.1, 90% kept and 92.5% right; at 0.2, 84% kept and
 * 96.3% right; at 0.3, 78% and 96.6%; higher cuts drop quotes faster than errors. Held out: 78%
 * of quotes kept, 92.0% of them right (83.6% over all).
 */
export const DRAFT_MIN_CONFIDENCE = 0.2;
/**
 * "Other" thresholds. With "other" sentences to learn from (trainingSentences), the classifier
 * decides "other" itself: the similarity cut below only cost accuracy then (cross-validated on
 * the tuning rows: 90.1% without it, 85.4% with it at 0.2). Without them (vectors alone, or
 * "nearest" scoring), a quote whose best facet scores under 0.2 cosine (mean over its
 * TOP_PROTOTYPES closest prototypes) is "other": small talk and logistics sit far from every
 * prototype. Calling a thin lead "other" is off by default: the confidence is there for
 * isDraftable to weigh.
 */
export const OTHER_BELOW_CONFIDENCE = 0;
export const OTHER_BELOW_SIMILARITY = 0.2;
/** Prototypes per facet that a facet's similarity averages (leave-one-out on the tuning rows: 10). */
export const TOP_PROTOTYPES = 10;

/** A facet a drafted bullet may rest on: a real facet, suggested with enough confidence (or set by the researcher, at 1). */
export function isDraftable(assignment: FacetAssignment): boolean {
  return assignment.facet !== 'other' && assignment.confidence >= DRAFT_MIN_CONFIDENCE;
}

export interface ClassifyFacetsOptions {
  /**
   * The quotes' and the prototypes' texts, for the word cues and the polarity rule. Without them
   * the classifier learns from the embeddings alone (planted vectors in tests have no words).
   */
  texts?: { quotes: ReadonlyMap<number, string>; prototypes: PerLabel<string> };
  /** 'ridge' (default) or 'nearest': the earlier rule, the facet whose closest prototypes are closest. */
  scoring?: 'ridge' | 'nearest';
  /** Default true: use the word cues when texts are given (false measures the embeddings alone). */
  cues?: boolean;
  /** Default RIDGE_LAMBDA (facetModel.ts). */
  ridgeLambda?: number;
  /** Default CUE_SCALE (facetModel.ts). */
  cueScale?: number;
  /** Default true: a positive statement is never a frustration (needs texts). */
  polarityRule?: boolean;
  /** Default TOP_PROTOTYPES. */
  topPrototypes?: number;
  /** Default OTHER_BELOW_CONFIDENCE; 0 never answers "other" for a thin lead. */
  otherBelow?: number;
  /**
   * A best facet similarity under this is "other" whatever its score. Default OTHER_BELOW_SIMILARITY,
   * or off when "other" prototype vectors are given to learn from.
   */
  minSimilarity?: number;
}

/**
 * Facet per quote id. A ridge classifier is fitted on the prototypes (and "other" sentences, when
 * given) and scores each quote; a quote far from every facet's prototypes is "other". Vectors are
 * L2-normalised here. Every facet needs at least one prototype.
 */
export function classifyFacets(
  quoteVectors: ReadonlyMap<number, Float32Array>,
  prototypeVectors: PerLabel<Float32Array>,
  options: ClassifyFacetsOptions = {},
): Map<number, FacetAssignment> {
  const topPrototypes = options.topPrototypes ?? TOP_PROTOTYPES;
  const otherBelow = options.otherBelow ?? OTHER_BELOW_CONFIDENCE;
  const texts = options.texts;
  const useCues = texts !== undefined && options.cues !== false;
  const polarityRule = texts !== undefined && options.polarityRule !== false;
  const cueScale = options.cueScale ?? CUE_SCALE;
  if (!(Number.isInteger(topPrototypes) && topPrototypes >= 1)) throw new Error(`topPrototypes must be a positive integer, got ${topPrototypes}`);
  for (const facet of FACETS) {
    if (!prototypeVectors[facet] || prototypeVectors[facet].length === 0) {
      throw new Error(`no prototype vectors for facet "${facet}"`);
    }
  }
  const labels = FACET_LABELS.filter((label) => (prototypeVectors[label]?.length ?? 0) > 0);
  const nearest = options.scoring === 'nearest';
  // A classifier that learned "other" from sentences decides it; otherwise a quote far from
  // every facet is "other".
  const minSimilarity = options.minSimilarity ?? (!nearest && labels.includes('other') ? -Infinity : OTHER_BELOW_SIMILARITY);
  const needSimilarity = nearest || minSimilarity > -Infinity;
  if (texts) {
    for (const label of labels) {
      if (texts.prototypes[label]?.length !== prototypeVectors[label]!.length) {
        throw new Error(`"${label}" has ${prototypeVectors[label]!.length} prototype vectors but ${texts.prototypes[label]?.length ?? 0} texts`);
      }
    }
  }
  const result = new Map<number, FacetAssignment>();
  if (quoteVectors.size === 0) return result;
  const dim = prototypeVectors.goal[0]!.length;

  // Similarity per facet: the mean cosine to its closest prototypes (the "nearest" score, and
  // what decides that a quote is far from every facet).
  const prototypes = FACETS.flatMap((facet, f) => prototypeVectors[facet].map((vector) => ({ f, vector })));
  const stride = Math.ceil(dim / 16) * 16;
  const ws = createDotWorkspace((prototypes.length + 1) * stride + prototypes.length, dim);
  copyRows(ws, unitRows(prototypes.map((p) => p.vector), dim), prototypes.length, dim, 0);
  const slot = prototypes.length * stride;
  const out = slot + stride;
  const perFacet = FACETS.map(() => [] as number[]);
  const similarity = new Float64Array(FACETS.length);

  const model = nearest
      ? null
      : (() => {
          const rows: Float64Array[] = [];
          const y: number[] = [];
          labels.forEach((label, c) => {
            const units = unitRows(prototypeVectors[label]!, dim);
            prototypeVectors[label]!.forEach((_, i) => {
              rows.push(facetFeatures(units.subarray(i * dim, (i + 1) * dim), useCues ? cueFeatures(texts!.prototypes[label]![i]!) : null, cueScale));
              y.push(c);
            });
          });
          return fitRidge(rows, y, labels.length, options.ridgeLambda ?? RIDGE_LAMBDA);
        })();
  const scores = new Float64Array(labels.length);

  for (const [id, vector] of quoteVectors) {
    const unit = unitRows([vector], dim);
    if (needSimilarity) {
      ws.view.set(unit, slot);
      ws.scan(slot, 0, prototypes.length, out);
      perFacet.forEach((list) => (list.length = 0));
      prototypes.forEach(({ f }, p) => perFacet[f]!.push(ws.view[out + p]!));
      perFacet.forEach((list, f) => {
        list.sort((a, b) => b - a);
        const top = list.slice(0, topPrototypes);
        similarity[f] = top.reduce((sum, x) => sum + x, 0) / top.length;
      });
    }
    const bestSimilarity = needSimilarity ? Math.max(...similarity) : Infinity;

    let margin: number;
    let best: FacetLabel;
    if (model) {
      let text: string | undefined;
      if (texts) {
        text = texts.quotes.get(id);
        if (text === undefined) throw new Error(`no text for quote ${id}`);
      }
      linearScores(model, facetFeatures(unit, useCues ? cueFeatures(text!) : null, cueScale), scores);
      // A positive statement is never a frustration: it takes its next best label.
      const barred = polarityRule && isPositiveStatement(text!) ? labels.indexOf('frustration') : -1;
      ({ best, margin } = leader(labels, scores, barred));
      margin /= MARGIN_FOR_FULL_CONFIDENCE;
    } else {
      ({ best, margin } = leader(FACETS, similarity, -1));
      margin /= NEAREST_MARGIN_FOR_FULL_CONFIDENCE;
    }
    const confidence = Math.max(0, Math.min(1, margin));
    const facet = confidence < otherBelow || bestSimilarity < minSimilarity ? 'other' : best;
    result.set(id, { facet, confidence });
  }
  return result;
}

/** With "nearest" scoring, a 0.1 cosine lead counts as full confidence. */
const NEAREST_MARGIN_FOR_FULL_CONFIDENCE = 0.1;

function leader(labels: readonly FacetLabel[], scores: ArrayLike<number>, barred: number): { best: FacetLabel; margin: number } {
  let top = -1;
  let second = -Infinity;
  for (let c = 0; c < labels.length; c++) {
    if (c === barred) continue;
    if (top < 0 || scores[c]! > scores[top]!) {
      if (top >= 0) second = Math.max(second, scores[top]!);
      top = c;
    } else second = Math.max(second, scores[c]!);
  }
  return { best: labels[top]!, margin: scores[top]! - second };
}

function unitRows(vectors: readonly Float32Array[], dim: number): Float32Array {
  const out = new Float32Array(vectors.length * dim);
  vectors.forEach((vector, i) => {
    if (vector.length !== dim) throw new Error(`vector has ${vector.length} dims, expected ${dim}`);
    let sq = 0;
    for (let t = 0; t < dim; t++) sq += vector[t]! * vector[t]!;
    const norm = Math.sqrt(sq);
    if (!(norm > 0)) throw new Error('cannot classify a zero vector');
    for (let t = 0; t < dim; t++) out[i * dim + t] = vector[t]! / norm;
  });
  return out;
}
