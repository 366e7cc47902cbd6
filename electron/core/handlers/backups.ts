// backups:*: the open study's automatic backups (list, settings, back up now) and restoring one.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { restoreStudy } from '../backup';
import type { Core } from '../service';
import { listBackups, pruneBackups, requireListedBackup, saveBeforeRestore } from '../studyBackups';
import { withExtension } from '../studyPath';
import type { DomainHandlers } from './types';

export function backupHandlers(core: Core): DomainHandlers<'backups'> {
  const store = core.backupSettings;
  const studyPath = (given?: string) => (given ? withExtension(resolve(given)) : core.requireStudy().path);
  return {
    'backups:list': ({ study }) => {
      const path = studyPath(study);
      const problem = core.openPath() === path ? core.studyBackups().problem : null;
      return { ...store.get(path), backups: listBackups(store, path), ...(problem ? { problem } : {}) };
    },
    'backups:settings': () => store.get(studyPath()),
    'backups:setSettings': ({ folder, keep }) => {
      const settings = store.set(studyPath(), { folder, keep });
      // A lower number applies at once, not at the next backup.
      pruneBackups(store, studyPath());
      return core.changed('backup settings', settings);
    },
    'backups:now': async () => core.changed('backed up', await core.studyBackups().now()),
    'backups:delete': ({ paths }) => {
      const path = studyPath();
      // Every path is checked before any is deleted: a wrong one deletes nothing.
      const chosen = paths.map((p) => requireListedBackup(store, path, p));
      for (const b of chosen) rmSync(b.path, { force: true });
      return core.changed('backups deleted', { ...store.get(path), backups: listBackups(store, path) });
    },
    'backups:restore': async ({ path, study }) => {
      const target = studyPath(study);
      const chosen = requireListedBackup(store, target, path);
      const reopen = core.openPath() === target;
      // An encrypted study's key stays in memory across the close: the copy saved first, the
      // backup (same key and salt unless the passphrase changed since) and the reopen need no passphrase.
      const keepKey = reopen ? core.requireStudy().retainKey() : () => {};
      try {
        // Closing first: jobs cancelled, the daily timer stopped, no copy in flight, the file released.
        await core.closeStudy();
        const savedAs = await saveBeforeRestore(store, target, core.backupClock.now());
        try {
          restoreStudy(chosen.path, target, { force: true });
        } catch (err) {
          if (reopen) await core.openStudy(target, false).catch(() => undefined);
          throw err;
        }
        const info = await core.openStudy(target, false);
        return core.changed('restored from a backup', { study: info, savedAs });
      } finally {
        keepKey();
      }
    },
  };
}
