// themes:*, quotes:*, facets:* and synthesis:*: what synthesis found and the researcher's corrections to it.
import { IpcFailure } from '../../../shared/ipc/contract';
import { listFacets, setFacet } from '../db/queries/facets';
import { listQuotes } from '../db/queries/quotes';
import { listThemes, mapPoints } from '../db/queries/synthesis';
import { FACET_PROTOTYPES, type FacetPrototypes } from '../synthesis/facets';
import { setStudyPrototypes, studyPrototypes } from '../synthesis/prototypeStore';
import { synthesisSummary } from '../synthesis/summary';
import { synthesisPlan } from '../synthesis/plan';
import type { Core } from '../service';
import type { DomainHandlers } from './types';

export function themeHandlers(core: Core): DomainHandlers<'themes' | 'quotes' | 'facets' | 'synthesis'> {
  const prototypesView = () => {
    const { prototypes, custom } = studyPrototypes(core.db());
    return { prototypes, defaults: FACET_PROTOTYPES, custom };
  };
  return {
    'themes:list': () => listThemes(core.db()),
    'themes:map': () => mapPoints(core.db()),
    'synthesis:summary': () => synthesisSummary(core.db()),
    'quotes:list': (filter) => listQuotes(core.db(), filter),
    'quotes:facets': ({ ids }) => listFacets(core.db(), ids),
    'quotes:setFacet': ({ quoteId, facet }) => core.changed('facet corrected', setFacet(core.db(), quoteId, facet)),
    // Curation (issue 9): implemented in db/queries/curation.ts.
    'themes:rename': () => notYet(),
    'themes:merge': () => notYet(),
    'themes:split': () => notYet(),
    'themes:moveQuotes': () => notYet(),
    'themes:setHidden': () => notYet(),
    'themes:quotes': () => notYet(),
    'quotes:context': () => notYet(),
    'synthesis:plan': () => synthesisPlan(core.db()),
    'facets:prototypes': () => prototypesView(),
    'facets:setPrototypes': ({ prototypes }) => {
      setStudyPrototypes(core.db(), prototypes as FacetPrototypes | null);
      return core.changed('facet prototypes edited', prototypesView());
    },
  };
}

function notYet(): never {
  throw new IpcFailure('not_implemented', 'Not implemented yet');
}
