// highlights:*: the researcher's highlighted passages; each edit re-derives only its own transcript's quotes.
import type { StudyDb } from '../db/open';
import { transaction } from '../db/open';
import { deleteHighlight, insertHighlight, listHighlights, updateHighlight } from '../db/queries/highlights';
import { getTranscript } from '../db/queries/transcripts';
import { applyRoles } from '../ingest/writeTranscript';
import type { Core } from '../service';
import type { DomainHandlers } from './types';

/** Re-derives a transcript's quotes with its current speaker roles (quote ids are kept where the text holds). */
function rederive(db: StudyDb['db'], transcriptId: number): void {
  applyRoles(db, transcriptId, new Map(getTranscript(db, transcriptId).speakers.map((sp) => [sp.name, sp.role])));
}

export function highlightHandlers(core: Core): DomainHandlers<'highlights'> {
  return {
    'highlights:list': ({ transcriptId }) => listHighlights(core.db(), transcriptId),
    'highlights:create': ({ turnId, start, end, tags }) => {
      const db = core.db();
      const created = transaction(db, () => {
        const h = insertHighlight(db, turnId, start, end, tags);
        rederive(db, h.transcriptId);
        return h;
      });
      return core.changed('highlight added', listHighlights(db, created.transcriptId).find((x) => x.id === created.id)!);
    },
    'highlights:update': ({ id, start, end, tags }) => {
      const db = core.db();
      const transcriptId = transaction(db, () => {
        const tid = updateHighlight(db, id, { start, end, tags });
        rederive(db, tid);
        return tid;
      });
      return core.changed('highlight edited', listHighlights(db, transcriptId).find((x) => x.id === id)!);
    },
    'highlights:delete': ({ id }) => {
      const db = core.db();
      transaction(db, () => rederive(db, deleteHighlight(db, id)));
      return core.changed('highlight removed', null);
    },
  };
}
