// history:*: undo and redo of curation edits, kept in the study file so they survive a restart.
import { IpcFailure } from '../../../shared/ipc/contract';
import type { Core } from '../service';
import type { DomainHandlers } from './types';

export function historyHandlers(_core: Core): DomainHandlers<'history'> {
  return {
    'history:state': () => ({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }),
    'history:undo': () => {
      throw new IpcFailure('not_implemented', 'Not implemented yet');
    },
    'history:redo': () => {
      throw new IpcFailure('not_implemented', 'Not implemented yet');
    },
  };
}
