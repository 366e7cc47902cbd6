// transcripts:* and search:*: the transcripts, their speakers, previews, deletion and full-text search.
import { transaction } from '../db/open';
import { quoteIdsOfTranscript, remapQuoteReferences } from '../db/queries/evidence';
import { searchTurns } from '../db/queries/search';
import { deleteTranscript, getTranscript, listTranscripts } from '../db/queries/transcripts';
import { previewFiles } from '../ingest/previewFiles';
import { renameSpeaker, setInterviewer, setSpeakerRole } from '../ingest/speakers';
import type { Core } from '../service';
import type { DomainHandlers } from './types';

export function transcriptHandlers(core: Core): DomainHandlers<'transcripts' | 'search'> {
  return {
    'transcripts:list': () => listTranscripts(core.db()),
    'transcripts:get': ({ id }) => getTranscript(core.db(), id),
    'transcripts:setInterviewer': ({ id, speaker }) => core.changed('interviewer changed', setInterviewer(core.db(), id, speaker)),
    'transcripts:setSpeakerRole': ({ id, speaker, role }) =>
      core.changed('speaker role changed', setSpeakerRole(core.db(), id, speaker, role)),
    'transcripts:renameSpeaker': ({ id, from, to }) => core.changed('speaker renamed', renameSpeaker(core.db(), id, from, to)),
    'transcripts:preview': async ({ paths }) => ({ files: await previewFiles(core.db(), paths) }),
    'transcripts:delete': ({ id }) => {
      const db = core.db();
      const loss = transaction(db, () => {
        getTranscript(db, id);
        const lost = remapQuoteReferences(db, new Map(quoteIdsOfTranscript(db, id).map((q) => [q, null])));
        deleteTranscript(db, id);
        return lost;
      });
      return core.changed('transcript deleted', loss);
    },
    'search:query': ({ q, limit, ...filter }) => searchTurns(core.db(), q, limit, filter),
  };
}
