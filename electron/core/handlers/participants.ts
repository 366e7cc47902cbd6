// participants:*: profiles, merges, consent withdrawal and the participant sheet.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { IpcFailure } from '../../../shared/ipc/contract';
import { listParticipants } from '../db/queries/participants';
import { listParticipantDetails, mergeParticipants, updateProfile } from '../db/queries/profiles';
import { removeParticipant } from '../db/queries/removeParticipant';
import { applySheet } from '../participants/sheet';
import type { Core } from '../service';
import type { DomainHandlers } from './types';

export function participantHandlers(core: Core): DomainHandlers<'participants'> {
  return {
    'participants:list': () => listParticipants(core.db()),
    'participants:details': () => listParticipantDetails(core.db()),
    'participants:update': ({ id, patch }) => core.changed('participant edited', updateProfile(core.db(), id, patch)),
    'participants:merge': ({ fromId, intoId }) => {
      mergeParticipants(core.db(), fromId, intoId);
      return core.changed('participants merged', listParticipantDetails(core.db()));
    },
    'participants:remove': ({ id }) => core.changed('participant removed', removeParticipant(core.db(), id)),
    'participants:importSheet': async ({ path }) => {
      const csv = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw new IpcFailure('unreadable', `${basename(path)}: cannot read (${err.code ?? err.message})`);
      });
      return core.changed('participant sheet imported', applySheet(core.db(), basename(path), csv));
    },
  };
}
