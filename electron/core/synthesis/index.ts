// The synthesis core's public surface. The job calls `synthesize`; the rest is exported for
// tests, the benchmark and the quality harness.

export { synthesize, type SynthesisInput, type SynthesisOutput } from './synthesize';
export { clusterThemes, type ClusterThemesInput, type ClusterThemesResult, type ThemeCluster } from './themes';
export { chooseThemeCount, themeCountCandidates, type ThemeCountChoice } from './themeCount';
export { groupPersonas, type GroupPersonasInput, type PersonaGrouping, type PersonaCount } from './personas';
export { classifyFacets, FACETS, FACET_PROTOTYPES, type Facet, type FacetAssignment } from './facets';
export {
  draftPersonas,
  DRAFT_RULES,
  type DraftPersona,
  type DraftPersonasInput,
  type DraftQuote,
} from './draftPersonas';
export { kmeans, type KMeansOptions, type KMeansResult } from './kmeans';
export { silhouetteScore, sampledSilhouetteScore } from './silhouette';
export { classTfIdf, labelFromKeywords, tokenize } from './keywords';
export { shortenQuote } from './bulletText';
export { adjustedRandIndex, vMeasure, purity } from './metrics';
export { createRng } from './random';
export { toMatrix, type VectorMatrix } from './vectors';
