import { useState } from 'react';
import { call, errorMessage } from '../../bridge';
import { usePickPaths } from '../../components/PathPrompt';
import { useBridgeEvent } from '../../hooks/useBridgeEvent';
import { createStudyAsking } from './createStudy';
import { openStudyAsking, type AskPassphrase } from './PassphrasePrompt';

/**
 * File > New Study, Open Study, Open Recent and Close Study from Electron's menu, wherever the
 * researcher is. Import and Export are handled by the study shell.
 */
export function useStudyMenu(
  onChanged: () => void,
  askCreateFolders: (message: string) => Promise<boolean>,
  askPassphrase: AskPassphrase,
): { error: string | null } {
  const pickPaths = usePickPaths();
  const [error, setError] = useState<string | null>(null);
  useBridgeEvent('menu:command', ({ command, path }) => {
    const run = async () => {
      if (command === 'newStudy' || command === 'openStudy') {
        const picked = (await pickPaths(command === 'newStudy' ? 'createStudy' : 'openStudy'))?.[0];
        if (!picked) return;
        if (command === 'newStudy') await createStudyAsking(picked, askCreateFolders);
        else await openStudyAsking(picked, askPassphrase);
      } else if (command === 'openRecent' && path) await openStudyAsking(path, askPassphrase);
      else if (command === 'closeStudy') await call('study:close', {});
      else return;
      onChanged();
    };
    setError(null);
    run().catch((err: unknown) => setError(errorMessage(err)));
  });
  return { error };
}
