// export:*: what a pseudonymised export would replace, shown before it runs. The export itself is a job (jobs:start).
import { pseudonymisedCards } from '../jobs/exportJob';
import type { Core } from '../service';
import type { DomainHandlers } from './types';

export function exportHandlers(core: Core): DomainHandlers<'export'> {
  return {
    'export:preview': ({ personaIds }) => pseudonymisedCards(core.db(), core.info()!, personaIds).preview,
  };
}
