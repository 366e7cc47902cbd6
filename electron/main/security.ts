import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App, Session, WebContents } from 'electron';

/** Where our renderer comes from: the bundled index.html, or in development the dev server. */
export interface TrustedRenderer {
  /** Absolute path of the bundled renderer's index.html (out/renderer/index.html). */
  indexFile: string;
  /** The dev server (`electron-vite dev`), when there is one; it replaces the bundle. */
  devServerUrl?: string;
}

/** The local path of a file:// URL with no host (file://server/share is a network path). */
function localFile(url: URL): string | null {
  if (url.protocol !== 'file:' || url.host !== '') return null;
  try {
    return resolve(fileURLToPath(url));
  } catch {
    return null;
  }
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const sameOrigin = (url: URL, base: string): boolean => parse(base)?.origin === url.origin && url.origin !== 'null';

/**
 * What the renderer may load: files of the bundled renderer's own folder (its scripts, styles and
 * fonts), the dev server by exact origin (`http://localhost:5173.evil/` is another host), and
 * inline `data:` images and fonts. Never another file, a file on another host, `blob:` or
 * `devtools:`; every other request is cancelled.
 */
export function isAllowedUrl(url: string, trusted: TrustedRenderer): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'data:') return true;
  if (trusted.devServerUrl) return sameOrigin(u, trusted.devServerUrl);
  const file = localFile(u);
  const bundle = dirname(resolve(trusted.indexFile));
  return file !== null && file.startsWith(bundle + sep);
}

/**
 * Who may call the IPC: only our page itself, the bundled index.html (exactly) or a page of the
 * dev server (exact origin). Not a data: or blob: document, not devtools, not another file.
 */
export function isTrustedSender(url: string, trusted: TrustedRenderer): boolean {
  const u = parse(url);
  if (!u) return false;
  if (trusted.devServerUrl) return sameOrigin(u, trusted.devServerUrl);
  return localFile(u) === resolve(trusted.indexFile);
}

/** The parts of an IPC event and of our window that say which frame sent it. */
export interface SenderFrame {
  url: string;
  parent: unknown;
  processId?: number;
  routingId?: number;
}
export interface IpcSenderEvent {
  sender?: { id: number } | null;
  senderFrame?: SenderFrame | null;
}
export interface OurWindow {
  webContents: { id: number; mainFrame: SenderFrame };
}

/**
 * Who may call the IPC: the main frame of our own window showing our page. A URL alone is not
 * enough: an iframe (or another window the app never meant to open) can load our index.html too.
 * The frame is compared by identity and, should Electron hand out a fresh wrapper, by its
 * process and routing ids; it must have no parent and belong to our window's web contents.
 */
export function isOurMainFrame(event: IpcSenderEvent, win: OurWindow | null, trusted: TrustedRenderer): boolean {
  const frame = event.senderFrame;
  if (!frame || !win || frame.parent !== null) return false;
  if (event.sender?.id !== win.webContents.id) return false;
  const main = win.webContents.mainFrame;
  const same = frame === main || (frame.processId !== undefined && frame.processId === main.processId && frame.routingId === main.routingId);
  return same && isTrustedSender(frame.url, trusted);
}

/** Electron's security checklist: every outgoing request cancelled, permissions refused. */
export function hardenSession(session: Session, trusted: TrustedRenderer): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedUrl(details.url, trusted) });
  });
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setProxy({ mode: 'direct' }).catch(() => undefined);
}

/** No navigation, redirects, new windows or webviews, in any web contents the app ever creates. */
export function hardenWebContents(app: App, trusted: TrustedRenderer): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isTrustedSender(url, trusted) || url !== contents.getURL()) e.preventDefault();
    });
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export const secureWebPreferences = (preload: string) => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
});
