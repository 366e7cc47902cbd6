// themes:*, quotes:*, facets:* and synthesis:*: what synthesis found and the researcher's corrections to it.
import { correctFacet } from '../curation/edits';
import { mergeThemes, moveQuotes, renameTheme, setThemeHidden, splitTheme } from '../db/queries/curation';
import { listFacets } from '../db/queries/facets';
import { listQuotes } from '../db/queries/quotes';
import { listThemes, mapPoints } from '../db/queries/synthesis';
import { quoteContext, themeQuotesPage } from '../db/queries/themeQuotes';
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
    'quotes:setFacet': ({ quoteId, facet }) => core.changed('facet corrected', correctFacet(core.db(), quoteId, facet)),
    // Curation (issue 9): each edit is undoable (history:undo), see db/queries/curation.ts.
    'themes:rename': ({ id, label }) => core.changed('theme renamed', renameTheme(core.db(), id, label)),
    'themes:merge': ({ ids, label }) => core.changed('themes merged', mergeThemes(core.db(), ids, label)),
    'themes:split': ({ id, quoteIds, label }) => core.changed('theme split', splitTheme(core.db(), id, quoteIds, label)),
    'themes:moveQuotes': ({ fromId, toId, quoteIds }) => core.changed('quotes moved', moveQuotes(core.db(), fromId, toId, quoteIds)),
    'themes:setHidden': ({ id, hidden }) => core.changed(hidden ? 'theme hidden' : 'theme shown', setThemeHidden(core.db(), id, hidden)),
    'themes:quotes': (filter) => themeQuotesPage(core.db(), filter),
    'quotes:context': ({ id }) => quoteContext(core.db(), id),
    'synthesis:plan': () => synthesisPlan(core.db()),
    'facets:prototypes': () => prototypesView(),
    'facets:setPrototypes': ({ prototypes }) => {
      setStudyPrototypes(core.db(), prototypes as FacetPrototypes | null);
      return core.changed('facet prototypes edited', prototypesView());
    },
  };
}
