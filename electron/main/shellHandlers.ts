import { dirname, resolve } from 'node:path';
import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { JobFinished } from '../../shared/domain';
import { IpcFailure, type DialogKind, type Handlers, type ShellChannel } from '../../shared/ipc/contract';
import type { CoreHost } from '../core/host/types';
import { TRANSCRIPT_EXTENSIONS } from '../../shared/transcriptFiles';

const transcriptFilters = [
  { name: 'Transcripts', extensions: [...TRANSCRIPT_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] },
];
const studyFilters = [{ name: 'Grounded study', extensions: ['grounded'] }];

/**
 * The paths `shell:showItem` may reveal: files Grounded wrote (this session's exports, and their
 * folders) and the open study. A compromised renderer cannot make the file manager open (and on
 * some desktops run) whatever path it likes.
 */
export function showablePaths(host: Pick<CoreHost, 'invoke' | 'on'>): (path: string) => Promise<boolean> {
  const written = new Set<string>();
  host.on('jobs:finished', (f: JobFinished) => {
    for (const file of f.result?.export?.files ?? []) {
      written.add(resolve(file));
      written.add(dirname(resolve(file)));
    }
  });
  return async (path) => {
    const full = resolve(path);
    if (written.has(full)) return true;
    const info = await host.invoke('study:info', {});
    return info.ok && info.value !== null && resolve(info.value.path) === full;
  };
}

/** Native dialogs and the file manager: what only the Electron shell can do. */
export function shellHandlers(
  dialog: Dialog,
  shell: Shell,
  window: () => BrowserWindow | null,
  canShow: (path: string) => Promise<boolean> = async () => false,
): Handlers<ShellChannel> {
  const pick = async (kind: DialogKind): Promise<string[]> => {
    const win = window();
    if (kind === 'createStudy') {
      const r = win
        ? await dialog.showSaveDialog(win, { title: 'New study', filters: studyFilters, defaultPath: 'study.grounded' })
        : await dialog.showSaveDialog({ title: 'New study', filters: studyFilters, defaultPath: 'study.grounded' });
      return r.canceled || !r.filePath ? [] : [r.filePath];
    }
    const props: Record<Exclude<DialogKind, 'createStudy'>, Electron.OpenDialogOptions> = {
      openStudy: { title: 'Open study', filters: studyFilters, properties: ['openFile'] },
      importFiles: { title: 'Import transcripts', filters: transcriptFilters, properties: ['openFile', 'multiSelections'] },
      importFolder: { title: 'Import a folder of transcripts', properties: ['openDirectory'] },
      exportDir: { title: 'Export personas to…', properties: ['openDirectory', 'createDirectory'] },
    };
    const r = win ? await dialog.showOpenDialog(win, props[kind]) : await dialog.showOpenDialog(props[kind]);
    return r.canceled ? [] : r.filePaths;
  };
  return {
    'dialog:pick': async ({ kind }) => ({ paths: await pick(kind) }),
    'shell:showItem': async ({ path }) => {
      if (!(await canShow(path))) throw new IpcFailure('forbidden', `${path}: Grounded shows only files it wrote and the open study`);
      shell.showItemInFolder(resolve(path));
      return null;
    },
  };
}
