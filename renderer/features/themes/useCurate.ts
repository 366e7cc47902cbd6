import { useAction } from '../../hooks/useAction';
import { useWorkspace } from '../evidence/workspace';

/**
 * Runs one curation edit. The core announces the change ('study:changed') and every list refetches;
 * a failure is shown by the shell, since the menu that started the edit may be gone by then.
 */
export function useCurate() {
  const { setFailure } = useWorkspace();
  const { run, busy } = useAction(setFailure);
  return { run, busy };
}
