import { useEffect, useRef } from 'react';
import type { EventName, Events } from '../../shared/ipc/contract';
import { getBridge } from '../bridge';

/**
 * The one way components subscribe to core events. The latest callback is kept in a ref so
 * callers may pass inline functions without resubscribing on every render, and the effect always
 * returns the bridge's unsubscribe.
 */
export function useBridgeEvent<E extends EventName>(event: E, callback: (payload: Events[E]) => void): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => getBridge().on(event, (payload) => latest.current(payload)), [event]);
}
