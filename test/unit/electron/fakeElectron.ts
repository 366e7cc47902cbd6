// A stand-in for the `electron` module: the binary cannot run here, so the glue is tested against
// recorded calls. Only what electron/main uses is modelled.
import { EventEmitter } from 'node:events';

export function createFakeElectron() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const app = Object.assign(new EventEmitter(), {
    getPath: () => '/tmp/grounded-fake-userdata',
    getAppPath: () => '/tmp/grounded-fake-app',
    enableSandbox: () => undefined,
    whenReady: () => new Promise(() => undefined),
    quit: () => undefined,
  });
  const webRequestListeners: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)[] = [];
  let permissionRequest: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
  let permissionCheck: (() => boolean) | null = null;
  const session = {
    webRequest: { onBeforeRequest: (l: (typeof webRequestListeners)[number]) => webRequestListeners.push(l) },
    setPermissionRequestHandler: (h: typeof permissionRequest) => (permissionRequest = h),
    setPermissionCheckHandler: (h: typeof permissionCheck) => (permissionCheck = h),
    setProxy: async () => undefined,
  };
  const ipcMain = {
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
  };
  return {
    app,
    session,
    ipcMain,
    handlers,
    /** What the session decided for a request to url. */
    request(url: string): boolean {
      let cancelled = false;
      for (const l of webRequestListeners) l({ url }, (r) => (cancelled = r.cancel));
      return cancelled;
    },
    askPermission(name: string): boolean {
      let granted = true;
      permissionRequest?.({}, name, (ok) => (granted = ok));
      return granted;
    },
    checkPermission: () => permissionCheck?.() ?? true,
  };
}

export function createFakeWebContents(url: string) {
  const contents = Object.assign(new EventEmitter(), {
    getURL: () => url,
    openHandler: null as null | ((d: { url: string }) => { action: string }),
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      this.openHandler = h;
    },
  });
  /** Emits a cancellable event; returns true when a listener prevented it. */
  const fire = (event: string, ...args: unknown[]) => {
    let prevented = false;
    contents.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  };
  return { contents, fire };
}
