import { useCallback, useEffect, useState, type RefObject } from 'react';
import { selectionInTurn, type TurnSelection } from './selection';

const SETTLE_MS = 120;

/**
 * Follows the document selection and reports it when it covers text of one turn inside the
 * container. Nothing is reported while the mouse is still dragging, so the popover never jumps
 * in mid-selection; keyboard and programmatic selections settle after a short pause. A selection
 * that goes away (a click into the popover's own field) keeps the last one: `clear` drops it.
 */
export function useTurnSelection(container: RefObject<HTMLElement | null>) {
  const [selection, setSelection] = useState<TurnSelection | null>(null);

  useEffect(() => {
    let dragging = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const evaluate = () => {
      const within = container.current;
      const found = within ? selectionInTurn(document.getSelection(), within) : null;
      if (found) setSelection(found);
    };
    const settle = () => {
      clearTimeout(timer);
      timer = setTimeout(evaluate, SETTLE_MS);
    };
    const onSelectionChange = () => {
      if (!dragging) settle();
    };
    const onPointerDown = (e: PointerEvent) => {
      dragging = e.button === 0 && !!container.current?.contains(e.target as Node);
    };
    const onPointerUp = () => {
      if (!dragging) return;
      dragging = false;
      settle();
    };
    document.addEventListener('selectionchange', onSelectionChange);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('pointerup', onPointerUp);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', onSelectionChange);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('pointerup', onPointerUp);
    };
  }, [container]);

  const clear = useCallback(() => setSelection(null), []);
  return { selection, clear };
}
