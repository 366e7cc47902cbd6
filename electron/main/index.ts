// Electron glue: lifecycle, window, menu, security, IPC registration. The work happens in the core
// worker (electron/core), so this thread only relays.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, session, shell } from 'electron';
import type { EventName, MenuCommand } from '../../shared/ipc/contract';
import { createWorkerCoreHost } from '../core/host/workerHost';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { hardenSession, hardenWebContents, isOurMainFrame, secureWebPreferences, type TrustedRenderer } from './security';
import { shellHandlers, showablePaths } from './shellHandlers';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererIndex = join(__dirname, '../renderer/index.html');
const trusted: TrustedRenderer = { indexFile: rendererIndex, devServerUrl };
let win: BrowserWindow | null = null;

// better-sqlite3-multiple-ciphers built for Electron's ABI lives apart from the Node build that `npm test` uses.
const electronSqlite = join(app.getAppPath(), 'build', 'electron', 'better_sqlite3_multiple_ciphers.node');
if (!process.env.GROUNDED_SQLITE_BINDING && existsSync(electronSqlite)) process.env.GROUNDED_SQLITE_BINDING = electronSqlite;

app.enableSandbox();
hardenWebContents(app, trusted);

const host = createWorkerCoreHost(join(__dirname, 'core.worker.js'), { settingsDir: app.getPath('userData') });

function send(event: EventName | 'menu:command', payload: unknown): void {
  win?.webContents.send('grounded:event', event, payload);
}
for (const event of ['jobs:progress', 'jobs:finished', 'study:changed'] as const) host.on(event, (p) => send(event, p));

async function refreshMenu(): Promise<void> {
  const r = await host.invoke('study:recent', {});
  const recent = r.ok ? r.value : [];
  const onCommand = (command: MenuCommand, path?: string) => send('menu:command', { command, path });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(recent, onCommand, process.platform === 'darwin')));
}
host.on('study:changed', () => void refreshMenu());

function createWindow(): void {
  win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Grounded',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererIndex);
}

app.whenReady().then(async () => {
  hardenSession(session.defaultSession, trusted);
  registerIpc(ipcMain, host, shellHandlers(dialog, shell, () => win, showablePaths(host)), (event) => isOurMainFrame(event, win, trusted));
  await refreshMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (e) => {
  if (quitting) return;
  e.preventDefault();
  quitting = true;
  void host.close().finally(() => app.quit());
});
