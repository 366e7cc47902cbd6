// Which persona section a quote feeds: goal, frustration, behaviour or context. There is no
// language model on the device, so each facet is described by a handful of first-person
// prototype sentences; the caller embeds them with the same model as the quotes, and a quote
// takes the facet whose closest prototype is closest to it.

import { copyRows, createDotWorkspace } from './dotKernel';

export const FACETS = ['goal', 'frustration', 'behavior', 'context'] as const;
export type Facet = (typeof FACETS)[number];

export const FACET_PROTOTYPES: Record<Facet, string[]> = {
  goal: [
    'What I really want is to get this done without thinking about it.',
    'My goal is to spend less time on admin and more time with clients.',
    'I wish I could see everything in one place at a glance.',
    'Ideally I would be able to finish the whole thing in a few minutes.',
    'The most important thing for me is that I can trust the numbers.',
    'I need to be able to share the results with my manager quickly.',
    'I would love a way to plan the week ahead without starting from scratch.',
    'What matters most to me is that nothing falls through the cracks.',
    'I want to feel confident that I have not missed anything.',
    'If it could remind me before the deadline, that would save me.',
    'I am hoping to grow the business without hiring more people.',
    'Success for me means my team can work without waiting on me.',
  ],
  frustration: [
    'It drives me crazy when it breaks in the middle of something.',
    'The worst part is that I have to type the same information twice.',
    'I hate that I can never find the file I need.',
    'It is so slow that I usually give up and do it by hand.',
    'Nothing syncs, so I end up with three different versions.',
    'I get annoyed when it logs me out for no reason.',
    'It is confusing, I never know which button to press.',
    'Every update moves things around and I have to relearn it.',
    'The error messages tell me nothing about what went wrong.',
    'I lost a whole afternoon of work because it did not save.',
    'We pay far too much for what it actually does.',
    'I am tired of chasing people to send me what I asked for.',
  ],
  behavior: [
    'Every Monday I go through all my receipts.',
    'I usually check my email first thing in the morning before anything else.',
    'I keep a spreadsheet where I write down every order.',
    'At the end of each month I export everything and send it to my accountant.',
    'I take photos of the paperwork on my phone and sort them later.',
    'Before a meeting I print the notes and highlight the key points.',
    'I always double-check the totals by hand before I send an invoice.',
    'Most days I work from my laptop at the kitchen table in the evening.',
    'I copy the numbers into a notebook so I have a backup.',
    'When something goes wrong I search online or ask a colleague.',
    'I set reminders on my phone for every deadline.',
    'Once a week I clean up my folders and delete old files.',
  ],
  context: [
    'I work in a small team at a hospital.',
    'I run a bakery with two employees and my partner.',
    'I have been a freelance designer for about eight years.',
    'Our company has around two hundred people across three offices.',
    'I manage a team of five in the finance department.',
    'I am a teacher, so my evenings are when I do the paperwork.',
    'We are a family business and my daughter helps with the computers.',
    'I am not very technical, I mostly use my phone.',
    'I travel a lot for work, so I am often on the train.',
    'My role is part operations and part customer support.',
    'I started the shop three years ago after leaving my office job.',
    'I look after my kids in the afternoon, so I work early mornings.',
  ],
};

export interface FacetAssignment {
  facet: Facet;
  /** 0..1, from the lead of the best facet over the runner-up (see MARGIN_FOR_FULL_CONFIDENCE). */
  confidence: number;
}

/**
 * A 0.1 cosine lead over the runner-up facet counts as full confidence: with MiniLM, sentences
 * on the same subject differ by a few hundredths, so a tenth is a clear preference.
 */
export const MARGIN_FOR_FULL_CONFIDENCE = 0.1;

/** Facet per quote id, by maximum cosine to each facet's prototypes. Vectors are L2-normalised here. */
export function classifyFacets(
  quoteVectors: ReadonlyMap<number, Float32Array>,
  prototypeVectors: Readonly<Record<Facet, readonly Float32Array[]>>,
): Map<number, FacetAssignment> {
  const prototypes = FACETS.flatMap((facet, f) => prototypeVectors[facet].map((vector) => ({ f, vector })));
  for (const facet of FACETS) {
    if (prototypeVectors[facet].length === 0) throw new Error(`no prototype vectors for facet "${facet}"`);
  }
  const result = new Map<number, FacetAssignment>();
  if (quoteVectors.size === 0) return result;
  const dim = prototypes[0]!.vector.length;

  // Prototypes, then one slot for the quote, then a scratch row of scores.
  const stride = Math.ceil(dim / 16) * 16;
  const ws = createDotWorkspace((prototypes.length + 1) * stride + prototypes.length, dim);
  copyRows(ws, unitRows(prototypes.map((p) => p.vector), dim), prototypes.length, dim, 0);
  const slot = prototypes.length * stride;
  const out = slot + stride;
  const best = new Float64Array(FACETS.length);

  for (const [id, vector] of quoteVectors) {
    ws.view.set(unitRows([vector], dim), slot);
    ws.scan(slot, 0, prototypes.length, out);
    best.fill(-Infinity);
    prototypes.forEach(({ f }, p) => (best[f] = Math.max(best[f]!, ws.view[out + p]!)));
    let top = 0;
    for (let f = 1; f < FACETS.length; f++) if (best[f]! > best[top]!) top = f;
    let runnerUp = -Infinity;
    for (let f = 0; f < FACETS.length; f++) if (f !== top) runnerUp = Math.max(runnerUp, best[f]!);
    const margin = best[top]! - runnerUp;
    result.set(id, { facet: FACETS[top]!, confidence: Math.min(1, margin / MARGIN_FOR_FULL_CONFIDENCE) });
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
