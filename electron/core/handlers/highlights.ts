// highlights:*: the researcher's highlighted passages; each edit re-derives only its own transcript's
// quotes, and is undoable (curation/edits.ts).
import { createHighlight, editHighlight, removeHighlight } from '../curation/edits';
import { listHighlights } from '../db/queries/highlights';
import type { Core } from '../service';
import type { DomainHandlers } from './types';

export function highlightHandlers(core: Core): DomainHandlers<'highlights'> {
  return {
    'highlights:list': ({ transcriptId }) => listHighlights(core.db(), transcriptId),
    'highlights:create': ({ turnId, start, end, tags }) => core.changed('highlight added', createHighlight(core.db(), turnId, start, end, tags)),
    'highlights:update': ({ id, start, end, tags }) => core.changed('highlight edited', editHighlight(core.db(), id, { start, end, tags })),
    'highlights:delete': ({ id }) => {
      removeHighlight(core.db(), id);
      return core.changed('highlight removed', null);
    },
  };
}
