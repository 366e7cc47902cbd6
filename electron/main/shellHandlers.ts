import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { DialogKind, Handlers, ShellChannel } from '../../shared/ipc/contract';
import { TRANSCRIPT_EXTENSIONS } from '../../shared/transcriptFiles';

const transcriptFilters = [
  { name: 'Transcripts', extensions: [...TRANSCRIPT_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] },
];
const studyFilters = [{ name: 'Grounded study', extensions: ['grounded'] }];

/** Native dialogs and the file manager: what only the Electron shell can do. */
export function shellHandlers(dialog: Dialog, shell: Shell, window: () => BrowserWindow | null): Handlers<ShellChannel> {
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
    'shell:showItem': ({ path }) => {
      shell.showItemInFolder(path);
      return null;
    },
  };
}
