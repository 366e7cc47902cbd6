// jobs:*: long work (import, synthesis, export) started and cancelled; progress arrives as events.
import type { Core } from '../service';
import type { DomainHandlers } from './types';

export function jobHandlers(core: Core): DomainHandlers<'jobs'> {
  return {
    'jobs:start': (spec) => ({ jobId: core.startJob(spec).jobId }),
    'jobs:cancel': ({ jobId }) => {
      core.jobs.cancel(jobId);
      return null;
    },
  };
}
