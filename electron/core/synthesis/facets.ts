// Which persona section a quote feeds: goal, frustration, behaviour, context, mental model or
// decision factor (the six facets of the persona method), or "other" when no facet is a clear
// fit. There is no language model on the device, so each facet is described by a handful of
// first-person prototype sentences; the caller embeds them with the same model as the quotes, and
// a quote takes the facet whose closest prototypes are closest to it.
//
// The prototypes are editable: FACET_PROTOTYPES is the default set, and classifyFacets takes the
// vectors of whichever sentences the researcher keeps. Accuracy of the defaults on labelled
// interview quotes: scripts/bench/facetAccuracy.ts.

import { copyRows, createDotWorkspace } from './dotKernel';
import { FACET_EXAMPLES } from './facetExamples';

export const FACETS = ['goal', 'frustration', 'behavior', 'context', 'mentalModel', 'decisionFactor'] as const;
export type Facet = (typeof FACETS)[number];
/** A facet, or "other" for a quote that fits none clearly (small talk, logistics, asides). */
export type FacetLabel = Facet | 'other';
/** Prototype sentences per facet, as the researcher may edit them. */
export type FacetPrototypes = Record<Facet, string[]>;

/** Sentences written to describe each facet in first-person interview language. */
export const FACET_DESCRIPTIONS: FacetPrototypes = {
  goal: [
    'What I really want is to get this done without having to think about it.',
    'My goal is to spend less time on admin and more time on the things I care about.',
    'I wish I could see everything in one place at a glance.',
    'Ideally I would be able to sort the whole thing out in a few minutes.',
    'I would love a way to plan ahead instead of always reacting at the last minute.',
    'What matters most to me is that nothing falls through the cracks.',
    'I am hoping to get to a point where this is no longer a worry.',
    'The thing I am aiming for is to be able to do it all myself.',
    'What would really help me is knowing where I stand before it is too late.',
    'We are trying to get this sorted by the end of the year, that is the target.',
    'My hope is that one day I will not need anyone to help me with it.',
    'I want to be able to understand it well enough to explain it to someone else.',
  ],
  frustration: [
    'It drives me crazy when it breaks in the middle of something.',
    'The worst part is that I have to type the same information twice.',
    'I hate that I can never find what I need.',
    'It is so slow that I usually give up.',
    'It is confusing, I never know what I am supposed to do next.',
    'The error messages tell me nothing about what went wrong.',
    'It is so frustrating for me, waiting weeks and hearing nothing back.',
    'We pay far too much for what it actually does.',
    'It is really stressful, and it makes me anxious every time.',
    'Nobody tells me anything, I am just left in the dark.',
    'It is a nightmare, something always goes wrong and I have to sort it out.',
    'The annoying thing for me is that it never works the way it should.',
  ],
  behavior: [
    'Every Monday morning I go through everything from the week before.',
    'I usually check it first thing in the morning before anything else.',
    'I keep a spreadsheet where I write everything down.',
    'I take photos of the paperwork on my phone and sort them later.',
    'I always double-check it by hand before I send it off.',
    'When something goes wrong I search online or ask someone I know.',
    'I set reminders on my phone for everything.',
    'Once a week I sit down and tidy it all up.',
    'What I do is write a list the night before.',
    'I tend to leave it until the last minute and then do it all in one go.',
    'As soon as I get home I put everything in a folder.',
    'We always do it together on a Sunday evening.',
  ],
  context: [
    'I work in a small team at a hospital.',
    'I have been self-employed for about eight years.',
    'I live with my partner and our two children.',
    'I manage a team of five people.',
    'I am retired and live on my own.',
    'I am not very technical, I mostly use my phone.',
    'I travel a lot for work, so I am often away from home.',
    'I have a long-term health condition that affects my energy.',
    'We are a small organisation with very little money.',
    'English is my second language.',
    'I am in my first job after university.',
    'I look after my elderly mother as well as working full time.',
  ],
  mentalModel: [
    'In my head it works like a filing cabinet, everything has its own drawer.',
    'I always assumed the different parts were connected and shared the same information.',
    'The way I see it, if nobody tells me otherwise then everything is fine.',
    'I think of it as a kind of safety net rather than something I use every day.',
    'My understanding was that it would happen automatically in the background.',
    'I figured it was the same system underneath, just a different screen.',
    'To me it is basically a to-do list with extra steps.',
    'I thought that was how it is supposed to work, so I never questioned it.',
    'I picture it as a queue, and I am somewhere in the middle of it.',
    'I believe the more you put in, the more you get out of it.',
    'I see it like a bank account, you put something in now and take it out later.',
    'I had always thought it meant something completely different.',
  ],
  decisionFactor: [
    'What made me choose it in the end was the price.',
    'I went with that one because a friend recommended it.',
    'If it does not do this one thing, it is a deal breaker for me.',
    'The deciding factor for me was that it was the easiest to get started with.',
    'I would switch straight away if something cheaper came along.',
    'I picked it mainly because I trusted the company behind it.',
    'Reviews matter a lot to me before I commit to anything.',
    'It had to work with what I already have, otherwise it was not an option.',
    'I chose the closer one because convenience matters more to me than anything.',
    'If it is too complicated to set up, I will not bother with it at all.',
    'That is the reason I stayed with them, I could not face changing.',
    'I would only sign up if I knew exactly what happens to my data.',
  ],
};

/**
 * The default prototypes: each facet's descriptions, then labelled interview quotes of it
 * (facetExamples.ts). Adding the quotes and scoring on the 7 closest raised held-out accuracy
 * from 53.9% (descriptions alone, 3 closest) to 62.5%.
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
 * A 0.1 cosine lead over the runner-up facet counts as full confidence: with MiniLM, sentences
 * on the same subject differ by a few hundredths, so a tenth is a clear preference.
 */
export const MARGIN_FOR_FULL_CONFIDENCE = 0.1;
/**
 * "Other" thresholds, chosen on the tuning split of the labelled quotes (scripts/bench/
 * facetAccuracy.ts --sweep). A quote whose best facet scores under 0.2 cosine is "other": small
 * talk and logistics sit far from every prototype. Calling a thin lead "other" lowered accuracy
 * at every cut tried (0.05-0.2), since thin leads are still right more often than not, so it is
 * off by default and the confidence is left for the drafts to weigh.
 * A facet scores the mean cosine to its 10 closest prototypes, chosen by leave-one-out accuracy
 * on the tuning rows (1: 34.9%, 3: 43.2%, 5: 51.0%, 7: 56.3%, 10: 62.0%, 15: 62.0%). Held-out
 * accuracy of the defaults: 61.7% over six facets and "other" (chance 1 in 7); recall is best for
 * behaviour, context, decision factor and "other" (75-80%), then frustration (65%), weakest for
 * goal (40%) and mental model (25%).
 */
export const OTHER_BELOW_CONFIDENCE = 0;
export const OTHER_BELOW_SIMILARITY = 0.2;
export const TOP_PROTOTYPES = 10;

export interface ClassifyFacetsOptions {
  /** Default TOP_PROTOTYPES. */
  topPrototypes?: number;
  /** Default OTHER_BELOW_CONFIDENCE; 0 never answers "other" for a thin lead. */
  otherBelow?: number;
  /** Default OTHER_BELOW_SIMILARITY: a best facet score under this is "other" whatever its lead. */
  minSimilarity?: number;
}

/**
 * Facet per quote id: each facet scores the mean cosine to its `topPrototypes` closest
 * prototypes, and the best facet wins unless its lead is too thin to call ("other"). Vectors are
 * L2-normalised here. Every facet needs at least one prototype.
 */
export function classifyFacets(
  quoteVectors: ReadonlyMap<number, Float32Array>,
  prototypeVectors: Readonly<Record<Facet, readonly Float32Array[]>>,
  options: ClassifyFacetsOptions = {},
): Map<number, FacetAssignment> {
  const topPrototypes = options.topPrototypes ?? TOP_PROTOTYPES;
  const otherBelow = options.otherBelow ?? OTHER_BELOW_CONFIDENCE;
  const minSimilarity = options.minSimilarity ?? OTHER_BELOW_SIMILARITY;
  if (!(Number.isInteger(topPrototypes) && topPrototypes >= 1)) throw new Error(`topPrototypes must be a positive integer, got ${topPrototypes}`);
  for (const facet of FACETS) {
    if (!prototypeVectors[facet] || prototypeVectors[facet].length === 0) {
      throw new Error(`no prototype vectors for facet "${facet}"`);
    }
  }
  const prototypes = FACETS.flatMap((facet, f) => prototypeVectors[facet].map((vector) => ({ f, vector })));
  const result = new Map<number, FacetAssignment>();
  if (quoteVectors.size === 0) return result;
  const dim = prototypes[0]!.vector.length;

  // Prototypes, then one slot for the quote, then a scratch row of scores.
  const stride = Math.ceil(dim / 16) * 16;
  const ws = createDotWorkspace((prototypes.length + 1) * stride + prototypes.length, dim);
  copyRows(ws, unitRows(prototypes.map((p) => p.vector), dim), prototypes.length, dim, 0);
  const slot = prototypes.length * stride;
  const out = slot + stride;
  const perFacet = FACETS.map(() => [] as number[]);
  const score = new Float64Array(FACETS.length);

  for (const [id, vector] of quoteVectors) {
    ws.view.set(unitRows([vector], dim), slot);
    ws.scan(slot, 0, prototypes.length, out);
    perFacet.forEach((list) => (list.length = 0));
    prototypes.forEach(({ f }, p) => perFacet[f]!.push(ws.view[out + p]!));
    perFacet.forEach((list, f) => {
      list.sort((a, b) => b - a);
      const top = list.slice(0, topPrototypes);
      score[f] = top.reduce((sum, x) => sum + x, 0) / top.length;
    });
    let top = 0;
    for (let f = 1; f < FACETS.length; f++) if (score[f]! > score[top]!) top = f;
    let runnerUp = -Infinity;
    for (let f = 0; f < FACETS.length; f++) if (f !== top) runnerUp = Math.max(runnerUp, score[f]!);
    const confidence = Math.min(1, (score[top]! - runnerUp) / MARGIN_FOR_FULL_CONFIDENCE);
    result.set(id, { facet: confidence < otherBelow || score[top]! < minSimilarity ? 'other' : FACETS[top]!, confidence });
  }
  return result;
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
