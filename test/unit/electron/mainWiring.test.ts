// The Electron entry, wired against a fake `electron` module (the binary cannot run here) and a
// fake core host: on ready it hardens the session, registers the one IPC handler, sets the menu
// and opens a sandboxed window on the bundled renderer.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from './fakeElectron';

const fake = createFakeElectron();
let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((r) => (resolveReady = r));
const windows: FakeBrowserWindow[] = [];
const menus: unknown[] = [];
const sent: unknown[][] = [];

class FakeBrowserWindow extends EventEmitter {
  static getAllWindows = () => windows;
  loaded: string[] = [];
  webContents = { id: 3, mainFrame: { url: '', parent: null }, send: (...args: unknown[]) => sent.push(args) };
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super();
    windows.push(this);
  }
  loadFile(path: string) {
    this.loaded.push(path);
    return Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show() {}
}

vi.mock('electron', () => ({
  app: Object.assign(fake.app, { whenReady: () => ready }),
  session: { defaultSession: fake.session },
  ipcMain: fake.ipcMain,
  BrowserWindow: FakeBrowserWindow,
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => menus.push(m) },
  dialog: {},
  shell: {},
}));

const hostEvents = new EventEmitter();
vi.mock('../../../electron/core/host/workerHost', () => ({
  createWorkerCoreHost: () => ({
    invoke: async (channel: string) => (channel === 'study:recent' ? { ok: true, value: ['/r/a.grounded'] } : { ok: true, value: null }),
    on: (event: string, l: (p: unknown) => void) => {
      hostEvents.on(event, l);
      return () => hostEvents.off(event, l);
    },
    close: async () => undefined,
  }),
}));

describe('electron/main/index.ts', () => {
  it('wires security, IPC, menu and a sandboxed window once the app is ready', async () => {
    await import('../../../electron/main/index');
    expect(fake.handlers.has('grounded:invoke')).toBe(false); // nothing before ready
    resolveReady();
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.handlers.has('grounded:invoke')).toBe(true);
    expect(fake.request('https://example.com/')).toBe(true);
    expect(menus).toHaveLength(1);
    expect(windows).toHaveLength(1);
    const win = windows[0]!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(win.options.webPreferences.preload)).toMatch(/preload[/\\]index\.js$/);
    expect(win.loaded[0]).toMatch(/renderer[/\\]index\.html$/);

    // IPC from the window's main frame showing our page is relayed; the same URL in a subframe is not.
    const mainFrame = win.webContents.mainFrame;
    mainFrame.url = `file://${String(win.loaded[0])}`;
    const invoke = fake.handlers.get('grounded:invoke')!;
    expect(await invoke({ sender: { id: 3 }, senderFrame: mainFrame }, 'study:info', {})).toEqual({ ok: true, value: null });
    expect(await invoke({ sender: { id: 3 }, senderFrame: { url: mainFrame.url, parent: mainFrame } }, 'study:info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    hostEvents.emit('jobs:progress', { jobId: 'j', kind: 'import', done: 1, total: 2, message: 'm' });
    expect(sent).toContainEqual(['grounded:event', 'jobs:progress', { jobId: 'j', kind: 'import', done: 1, total: 2, message: 'm' }]);
  });
});
