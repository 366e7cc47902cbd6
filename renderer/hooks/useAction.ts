import { useCallback, useState } from 'react';
import { errorMessage } from '../bridge';

/**
 * One user action against the core at a time: `busy` while it runs, the core's message in
 * `error` when it fails, and `onDone` only after it succeeded. With `report`, the message goes
 * there instead (e.g. to the shell, when the control that started the action may be gone by then).
 */
export function useAction(report?: (message: string | null) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = report ?? setError;
  const run = useCallback(
    async (action: () => Promise<unknown>, onDone?: () => void) => {
      setBusy(true);
      show(null);
      try {
        await action();
        onDone?.();
      } catch (err) {
        show(errorMessage(err));
      } finally {
        setBusy(false);
      }
    },
    [show],
  );
  const clearError = useCallback(() => show(null), [show]);
  return { busy, error, run, clearError };
}
