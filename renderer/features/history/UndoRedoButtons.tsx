import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp } from '@tabler/icons-react';
import { useWorkspace } from '../evidence/workspace';
import { useHistory } from './useHistory';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

/** Undo and redo of curation edits, with what each would do as its tooltip. */
export function UndoRedoButtons() {
  const { setFailure } = useWorkspace();
  const { state, undo, redo } = useHistory(setFailure);
  const undoLabel = state?.canUndo ? `Undo: ${state.undoLabel ?? 'last edit'} (${MOD}Z)` : 'Nothing to undo';
  const redoLabel = state?.canRedo ? `Redo: ${state.redoLabel ?? 'last undone edit'} (${MOD}Shift+Z)` : 'Nothing to redo';
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={undoLabel}>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={undoLabel} disabled={!state?.canUndo} bg={state?.canUndo ? undefined : 'transparent'} onClick={() => void undo()} data-testid="undo-button">
          <IconArrowBackUp size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={redoLabel}>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={redoLabel} disabled={!state?.canRedo} bg={state?.canRedo ? undefined : 'transparent'} onClick={() => void redo()} data-testid="redo-button">
          <IconArrowForwardUp size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
