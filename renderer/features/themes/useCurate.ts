import { useCallback, useState } from 'react';
import { errorMessage } from '../../bridge';
import { useWorkspace } from '../evidence/workspace';

/**
 * Runs one curation edit. The core announces the change ('study:changed') and every list refetches;
 * a failure is shown by the shell, since the menu that started the edit may be gone by then.
 */
export function useCurate() {
  const { setFailure } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<unknown>, onDone?: () => void) => {
      setBusy(true);
      setFailure(null);
      try {
        await action();
        onDone?.();
      } catch (err) {
        setFailure(errorMessage(err));
      } finally {
        setBusy(false);
      }
    },
    [setFailure],
  );
  return { run, busy };
}
