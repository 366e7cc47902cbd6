import { useCallback, useEffect, useRef, useState } from 'react';

const FLASH_MS = 2400;

/**
 * Scrolls a turn into view and lights it up briefly: on arrival from a search hit (once the turns
 * are rendered) and whenever `scrollTo` is called, e.g. from the highlights list.
 */
export function useFocusTurn(focus: { turnId: number; nonce: number } | null, ready: boolean) {
  const [flashId, setFlashId] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const scrollTo = useCallback((turnId: number) => {
    document.getElementById(`turn-${turnId}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    // Off for a frame first, so jumping to the same turn twice replays the animation.
    setFlashId(null);
    requestAnimationFrame(() => setFlashId(turnId));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFlashId(null), FLASH_MS);
  }, []);

  useEffect(() => {
    if (focus && ready) scrollTo(focus.turnId);
  }, [focus, ready, scrollTo]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { flashId, scrollTo };
}
