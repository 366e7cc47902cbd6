import { useCallback, useEffect, useRef, useState } from 'react';
import type { CoreChannel, InputOf, OutputOf } from '../../shared/ipc/contract';
import { call, type IpcClientError } from '../bridge';
import { useBridgeEvent } from './useBridgeEvent';

export interface CoreQuery<T> {
  data: T | undefined;
  error: IpcClientError | Error | null;
  loading: boolean;
  refetch: () => void;
}

/**
 * Fetches one core channel and keeps it fresh: refetches when the input changes, when the study
 * changes and when a job finishes. Stale answers (an older request resolving late) are dropped.
 */
export function useCoreQuery<C extends CoreChannel>(
  channel: C,
  input: InputOf<C>,
  options: { enabled?: boolean } = {},
): CoreQuery<OutputOf<C>> {
  const enabled = options.enabled ?? true;
  const key = JSON.stringify(input);
  const [data, setData] = useState<OutputOf<C>>();
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [version, setVersion] = useState(0);
  const requestId = useRef(0);

  const refetch = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    if (!enabled) return;
    const id = ++requestId.current;
    setLoading(true);
    call(channel, JSON.parse(key) as InputOf<C>).then(
      (value) => {
        if (id !== requestId.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (id !== requestId.current) return;
        setError(err instanceof Error ? err : new Error(String(err)));
        setLoading(false);
      },
    );
  }, [channel, key, enabled, version]);

  useBridgeEvent('study:changed', refetch);
  useBridgeEvent('jobs:finished', refetch);

  return { data, error, loading, refetch };
}
