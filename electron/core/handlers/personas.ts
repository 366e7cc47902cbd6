// personas:*: the persona cards and the researcher's edits to them.
import { editPersona } from '../curation/edits';
import { listPersonas } from '../db/queries/synthesis';
import type { Core } from '../service';
import type { DomainHandlers } from './types';

export function personaHandlers(core: Core): DomainHandlers<'personas'> {
  return {
    'personas:list': () => listPersonas(core.db()),
    'personas:update': ({ id, patch }) => core.changed('persona edited', editPersona(core.db(), id, patch)),
  };
}
