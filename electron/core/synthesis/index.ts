// The synthesis core's public surface. The job calls `synthesize`; the rest is exported for
// tests, the benchmark and the quality harness.

export { synthesize, type SynthesisInput, type SynthesisOutput } from './synthesize';
export { clusterThemes, type ClusterThemesInput, type ClusterThemesResult, type ThemeCluster } from './themes';
export { findOutliers, OUTLIER_RULES } from './outliers';
export { chooseThemeCount, themeCountCandidates, type ThemeCountChoice } from './themeCount';
export { groupPersonas, NULL_REFERENCES, type GroupPersonasInput, type PersonaGrouping, type PersonaCount } from './personas';
export {
  classifyFacets,
  DRAFT_MIN_CONFIDENCE,
  FACETS,
  FACET_LABELS,
  FACET_PROTOTYPES,
  isDraftable,
  trainingSentences,
  type ClassifyFacetsOptions,
  type Facet,
  type FacetAssignment,
  type FacetLabel,
  type FacetPrototypes,
} from './facets';
export {
  draftPersonas,
  DRAFT_RULES,
  type DraftBullet,
  type DraftPersona,
  type DraftPersonasInput,
  type DraftSection,
  type DraftQuote,
} from './draftPersonas';
export { kmeans, type KMeansOptions, type KMeansResult } from './kmeans';
export { saturationCurve, saturationNote, SATURATION_RULES, type SaturationInterview, type SaturationPoint } from './saturation';
export { matchPersonas, MATCH_MIN_JACCARD } from './matchPersonas';
export { projectQuotes2d } from './projection';
export { silhouetteScore, sampledSilhouetteScore } from './silhouette';
export { classTfIdf, labelFromKeywords, tokenize } from './keywords';
export { shortenQuote } from './bulletText';
export { adjustedRandIndex, vMeasure, purity } from './metrics';
export { createRng } from './random';
export { toMatrix, type VectorMatrix } from './vectors';
