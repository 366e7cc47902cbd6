import { useCallback, useEffect } from 'react';
import { call, errorMessage } from '../../bridge';
import { useCoreQuery } from '../../hooks/useCoreQuery';

/** True where the browser's own undo belongs: text fields and editable content. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(target.type);
  return false;
}

/** Which shortcut a key press is: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo. */
export function historyShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/**
 * The study's undo history (kept in the study file by the core): its state, refreshed whenever the
 * study changes, and undo/redo from the buttons or the keyboard, anywhere but inside a text field.
 */
export function useHistory(onError: (message: string | null) => void) {
  const state = useCoreQuery('history:state', {});
  const { refetch } = state;
  const step = useCallback(
    async (which: 'undo' | 'redo') => {
      onError(null);
      try {
        await call(which === 'undo' ? 'history:undo' : 'history:redo', {});
      } catch (err) {
        onError(errorMessage(err));
      } finally {
        refetch();
      }
    },
    [onError, refetch],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const which = historyShortcut(e);
      if (!which || isTextEntry(e.target)) return;
      e.preventDefault();
      // Not gated on the state shown: it may lag a just-finished edit, and the core answers a stray Ctrl+Z with no change.
      void step(which);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  return { state: state.data, undo: () => step('undo'), redo: () => step('redo') };
}
