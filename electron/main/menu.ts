import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';

/** File > New, Open, Open Recent, Import, Export, Close; the renderer carries each command out. */
export function menuTemplate(
  recent: string[],
  send: (command: MenuCommand, path?: string) => void,
  isMac: boolean,
): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Study…', accelerator: 'CmdOrCtrl+N', click: () => send('newStudy') },
      { label: 'Open Study…', accelerator: 'CmdOrCtrl+O', click: () => send('openStudy') },
      {
        label: 'Open Recent',
        submenu: recent.length
          ? recent.map((path) => ({ label: path, click: () => send('openRecent', path) }))
          : [{ label: 'No recent studies', enabled: false }],
      },
      { type: 'separator' },
      { label: 'Import Transcripts…', accelerator: 'CmdOrCtrl+I', click: () => send('import') },
      { label: 'Export Personas…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
      { type: 'separator' },
      { label: 'Close Study', accelerator: 'CmdOrCtrl+W', click: () => send('closeStudy') },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}
