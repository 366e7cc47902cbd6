import type { App, Session, WebContents } from 'electron';

/** Only the bundled renderer (file://) and, in development, the local dev server may load. */
export function isAllowedUrl(url: string, devServerUrl?: string): boolean {
  if (url.startsWith('file://') || url.startsWith('devtools://')) return true;
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return url.startsWith('data:') || url.startsWith('blob:');
}

/** Electron's security checklist: every outgoing request cancelled, permissions refused. */
export function hardenSession(session: Session, devServerUrl?: string): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedUrl(details.url, devServerUrl) });
  });
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setProxy({ mode: 'direct' }).catch(() => undefined);
}

/** No navigation, redirects, new windows or webviews, in any web contents the app ever creates. */
export function hardenWebContents(app: App, devServerUrl?: string): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAllowedUrl(url, devServerUrl) || url !== contents.getURL()) e.preventDefault();
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
