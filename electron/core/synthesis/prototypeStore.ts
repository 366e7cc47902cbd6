// The facet prototype sentences a study uses: the defaults, or the researcher's own wording,
// kept in the study file so a run can always be repeated with what it used.
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { getMeta, setMeta } from '../db/queries/study';
import { FACETS, FACET_PROTOTYPES, type FacetPrototypes } from './facets';

const KEY = 'facetPrototypes';

export function studyPrototypes(db: Db): { prototypes: FacetPrototypes; custom: boolean } {
  const raw = getMeta(db, KEY);
  if (!raw) return { prototypes: FACET_PROTOTYPES, custom: false };
  const stored = JSON.parse(raw) as Partial<FacetPrototypes>;
  // A facet added in a later version falls back to its defaults.
  const prototypes = Object.fromEntries(FACETS.map((f) => [f, stored[f]?.length ? stored[f] : FACET_PROTOTYPES[f]])) as FacetPrototypes;
  return { prototypes, custom: true };
}

/** Saves the researcher's prototypes; null restores the defaults. */
export function setStudyPrototypes(db: Db, prototypes: FacetPrototypes | null): void {
  setMeta(db, KEY, prototypes ? JSON.stringify(prototypes) : '');
}

export function prototypesHash(prototypes: FacetPrototypes): string {
  return createHash('sha256').update(JSON.stringify(FACETS.map((f) => prototypes[f]))).digest('hex');
}
