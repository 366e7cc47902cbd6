// history:*: undo and redo of curation edits, kept in the study file so they survive a restart.
import { redoEdit, undoEdit } from '../curation/edits';
import { historyState } from '../db/queries/history';
import type { Core } from '../service';
import type { DomainHandlers } from './types';

export function historyHandlers(core: Core): DomainHandlers<'history'> {
  return {
    'history:state': () => historyState(core.db()),
    // With nothing to undo (or redo) the state comes back unchanged: a stray Ctrl+Z is no error.
    'history:undo': () => core.changed('edit undone', undoEdit(core.db())),
    'history:redo': () => core.changed('edit redone', redoEdit(core.db())),
  };
}
