// The whole synthesis in one call: quotes -> themes -> persona groups -> facets -> draft cards.
// Pure and deterministic: no database, no model, no clock; the same input gives byte-identical
// output. The caller (the synthesize job) embeds quotes and FACET_PROTOTYPES beforehand and
// persists the result in one transaction.
//
// Input
//   quotes                 every embedded participant quote: { id, participantId, text, vector }
//                          (vector: 384 floats from all-MiniLM-L6-v2, unit length)
//   participants           { id, name } for naming people in summaries
//   facetPrototypeVectors  embeddings of the facet prototypes, per facet (and "other": trainingSentences)
//   facetPrototypeTexts?   those sentences, same order, so the facet classifier can read their words
//   seed                   all randomness derives from it
//   themeCount?            fixed number of themes; chosen by silhouette when omitted
//   personaCount?          'auto' (default: 2..4 by silhouette) or a fixed 2 | 3 | 4
//
// Output
//   themes    { k, themes: [{ label, keywords, quoteIds (most central first), centroid, outlier? }], scores }
//             themes 0..k-1, then the group of quotes that fit no theme (outlier: true) if any
//   facets    Map quote id -> { facet, confidence }
//   personas  { k, scores (silhouette per candidate k), groups (participant ids), clearlyBetterThanOne,
//               fit (participant id -> 0..1), drafts: DraftPersona[] }

import { draftPersonas, type DraftPersona, type DraftQuote } from './draftPersonas';
import { classifyFacets, type FacetLabel, type FacetAssignment, type PerLabel } from './facets';
import { groupPersonas, type PersonaCount, type PersonaGrouping } from './personas';
import { deriveSeed } from './random';
import { clusterThemes, type ClusterThemesResult } from './themes';

export interface SynthesisInput {
  quotes: readonly DraftQuote[];
  participants: readonly { id: number; name: string }[];
  facetPrototypeVectors: PerLabel<Float32Array>;
  /**
   * The sentences behind facetPrototypeVectors, same order (trainingSentences(prototypes), with
   * "other"): with them the facet classifier also reads the words of quotes and prototypes.
   */
  facetPrototypeTexts?: PerLabel<string>;
  seed: number;
  themeCount?: number;
  /** Set aside quotes that fit no theme (default true). */
  outliers?: boolean;
  personaCount?: PersonaCount;
  /** The researcher's facet corrections by quote id: they replace the suggestion, at full confidence. */
  facetOverrides?: ReadonlyMap<number, FacetLabel>;
  /** Every speaker name and alias of the study: never part of a theme label. */
  names?: readonly string[];
  /**
   * Themes already clustered by synthesisThemes(input) (and relabelled with embedded candidate
   * phrases by the job); clustered here when omitted.
   */
  themes?: ClusterThemesResult;
}

export interface SynthesisOutput {
  themes: ClusterThemesResult;
  facets: Map<number, FacetAssignment>;
  personas: PersonaGrouping & { drafts: DraftPersona[] };
}

/** The themes synthesize() clusters for this input: the job calls it first to embed label candidates. */
export function synthesisThemes(input: SynthesisInput): ClusterThemesResult {
  return clusterThemes({
    quotes: input.quotes,
    seed: deriveSeed(input.seed, 1),
    k: input.themeCount,
    outliers: input.outliers,
    names: input.names,
  });
}

export function synthesize(input: SynthesisInput): SynthesisOutput {
  const themes = input.themes ?? synthesisThemes(input);
  // Personas and drafts see the themes proper: quotes that fit no theme have no theme index.
  const realThemes = themes.themes.filter((theme) => !theme.outlier);
  const themeOf = new Map<number, number>();
  realThemes.forEach((theme, index) => theme.quoteIds.forEach((id) => themeOf.set(id, index)));
  const quoteVectors = new Map(input.quotes.map((quote) => [quote.id, quote.vector]));
  const quoteIdsOf = new Map<number, number[]>();
  for (const quote of input.quotes) {
    const ids = quoteIdsOf.get(quote.participantId) ?? [];
    ids.push(quote.id);
    quoteIdsOf.set(quote.participantId, ids);
  }

  const grouping = groupPersonas({
    participants: input.participants.map((p) => ({ id: p.id, quoteIds: quoteIdsOf.get(p.id) ?? [] })),
    quoteVectors,
    themeOf,
    themeCount: realThemes.length,
    k: input.personaCount ?? 'auto',
    seed: deriveSeed(input.seed, 2),
    quoteTexts: new Map(input.quotes.map((quote) => [quote.id, quote.text])),
  });
  const facetTexts = input.facetPrototypeTexts && { quotes: new Map(input.quotes.map((quote) => [quote.id, quote.text])), prototypes: input.facetPrototypeTexts };
  const facets = classifyFacets(quoteVectors, input.facetPrototypeVectors, { texts: facetTexts });
  for (const [quoteId, facet] of input.facetOverrides ?? []) if (facets.has(quoteId)) facets.set(quoteId, { facet, confidence: 1 });
  const drafts = draftPersonas({
    groups: grouping.groups,
    quotes: input.quotes,
    themes: realThemes,
    facets,
    participants: input.participants,
    fit: grouping.fit,
  });
  return { themes, facets, personas: { ...grouping, drafts } };
}
