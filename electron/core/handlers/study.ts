// app:* and study:*: status, create/open/close, the recent list, research questions.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { IpcFailure } from '../../../shared/ipc/contract';
import { setResearchQuestions } from '../db/queries/study';
import { transformStudy } from '../encryption';
import { modelStatus } from '../embeddings/model';
import type { Core } from '../service';
import { withExtension } from '../studyPath';
import type { DomainHandlers } from './types';

export function studyHandlers(core: Core): DomainHandlers<'app' | 'study'> {
  return {
    'app:status': () => ({ model: modelStatus(core.modelsDir), version: core.version() }),
    'study:create': async ({ path, createFolders, passphrase }) => {
      const full = withExtension(path);
      if (existsSync(full)) throw new IpcFailure('exists', `${full}: already exists; open it instead`);
      // A mistyped folder is not created silently: the researcher confirms, then the call says createFolders.
      if (!existsSync(dirname(full)) && !createFolders) {
        throw new IpcFailure('no_folder', `The folder ${dirname(full)} does not exist. Create it and the study in it?`);
      }
      mkdirSync(dirname(full), { recursive: true });
      return core.openStudy(full, true, passphrase);
    },
    'study:open': ({ path, passphrase }) => core.openStudy(path, false, passphrase),
    'study:close': async () => {
      await core.closeStudy();
      return null;
    },
    'study:info': () => core.info(),
    'study:recent': () => core.recent(),
    'study:encryption': async ({ action, passphrase, newPassphrase }) => {
      if (action !== 'encrypt' && !passphrase) throw new IpcFailure('invalid_input', 'give the study\'s current passphrase');
      const study = core.requireStudy();
      const path = study.path;
      // The old key stays in memory until the end: a failed transform reopens the old study without asking.
      const keepOldKey = study.retainKey();
      try {
        await core.closeStudy();
        try {
          transformStudy(path, action, { passphrase, newPassphrase });
        } catch (err) {
          await core.openStudy(path, false).catch(() => undefined);
          throw err;
        }
        return core.changed(`study ${action}ed`, await core.openStudy(path, false, action === 'decrypt' ? undefined : newPassphrase));
      } finally {
        keepOldKey();
      }
    },
    'study:setQuestions': ({ questions }) => {
      setResearchQuestions(core.db(), questions);
      return core.changed('research questions edited', core.info()!);
    },
  };
}
