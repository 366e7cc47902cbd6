import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents, isAllowedUrl, isOurMainFrame, isTrustedSender, secureWebPreferences } from '../../../electron/main/security';
import { createFakeElectron, createFakeWebContents } from './fakeElectron';

const bundle = { indexFile: '/app/out/renderer/index.html' };
const dev = { indexFile: '/app/out/renderer/index.html', devServerUrl: 'http://localhost:51730' };

describe('Electron security defaults', () => {
  it('cancels every outgoing request and lets the bundled renderer load', () => {
    const fake = createFakeElectron();
    hardenSession(fake.session as never, bundle);
    for (const url of ['https://example.com/', 'http://127.0.0.1:9/x', 'wss://telemetry.example/', 'https://fonts.googleapis.com/css']) {
      expect(fake.request(url), url).toBe(true);
    }
    expect(fake.request('file:///app/out/renderer/index.html')).toBe(false);
  });

  it('allows the dev server only when one is configured, by exact origin', () => {
    expect(isAllowedUrl('http://localhost:51730/', bundle)).toBe(false);
    expect(isAllowedUrl('http://localhost:51730/src/main.tsx', dev)).toBe(true);
    for (const url of ['http://localhost:51730.evil/', 'http://localhost:517301/', 'https://localhost:51730/', 'http://localhost:51730@evil.example/', 'http://127.0.0.1:51730/']) {
      expect(isAllowedUrl(url, dev), url).toBe(false);
      expect(isTrustedSender(url, dev), url).toBe(false);
    }
    // In development the bundle on disk is not the renderer.
    expect(isTrustedSender('file:///app/out/renderer/index.html', dev)).toBe(false);
  });

  it('lets requests reach only the bundled renderer\'s own folder: no other file, no host, no blob: or devtools:', () => {
    expect(isAllowedUrl('file:///app/out/renderer/assets/index-3f2a.js', bundle)).toBe(true);
    expect(isAllowedUrl('data:font/woff2;base64,AAAA', bundle)).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'file:///app/out/renderer-evil/x.js',
      'file:///app/out/renderer/../main/index.js',
      'file:///app/out/renderer/%2e%2e/main/index.js',
      'file://host/share/app/out/renderer/index.html',
      'file://localhost.evil/app/out/renderer/index.html',
      'blob:file:///0b6f-4c1e',
      'devtools://devtools/bundled/inspector.html',
      'https://example.com/',
      'not a url',
    ]) {
      expect(isAllowedUrl(url, bundle), url).toBe(false);
    }
  });

  it('takes IPC only from the bundled index.html itself', () => {
    expect(isTrustedSender('file:///app/out/renderer/index.html', bundle)).toBe(true);
    expect(isTrustedSender('file:///app/out/renderer/index.html#/study', bundle)).toBe(true);
    for (const url of [
      'file:///app/out/renderer/other.html',
      'file:///tmp/evil.html',
      'file://host/app/out/renderer/index.html',
      'data:text/html,<script>1</script>',
      'blob:file:///0b6f-4c1e',
      'devtools://devtools/bundled/inspector.html',
      '',
    ]) {
      expect(isTrustedSender(url, bundle), url).toBe(false);
    }
  });

  it('takes IPC only from the main frame of our own window, whatever URL another frame shows', () => {
    const index = 'file:///app/out/renderer/index.html';
    const mainFrame = { url: index, parent: null, processId: 4, routingId: 1 };
    const win = { webContents: { id: 7, mainFrame } };
    const from = (senderFrame: unknown, id = 7) => isOurMainFrame({ sender: { id }, senderFrame } as never, win, bundle);
    expect(from(mainFrame)).toBe(true);
    // Electron may hand out a fresh wrapper for the same frame: same process and routing ids.
    expect(from({ ...mainFrame })).toBe(true);
    // An iframe of our page showing our index.html.
    expect(from({ url: index, parent: mainFrame, processId: 4, routingId: 2 })).toBe(false);
    // Another frame with no parent and our URL: a second window, or another web contents.
    expect(from({ url: index, parent: null, processId: 9, routingId: 1 })).toBe(false);
    expect(from(mainFrame, 8)).toBe(false);
    // Our main frame after it navigated elsewhere (navigation is denied, but the check holds alone).
    expect(from({ ...mainFrame, url: 'data:text/html,<script>1</script>' })).toBe(false);
    expect(from(null)).toBe(false);
    expect(isOurMainFrame({ sender: { id: 7 }, senderFrame: mainFrame }, null, bundle)).toBe(false);
  });

  it('refuses every permission request and check', () => {
    const fake = createFakeElectron();
    hardenSession(fake.session as never, bundle);
    expect(fake.askPermission('media')).toBe(false);
    expect(fake.askPermission('notifications')).toBe(false);
    expect(fake.checkPermission()).toBe(false);
  });

  it('denies navigation, redirects, webviews and new windows', () => {
    const fake = createFakeElectron();
    hardenWebContents(fake.app as never, bundle);
    const { contents, fire } = createFakeWebContents('file:///app/out/renderer/index.html');
    fake.app.emit('web-contents-created', {}, contents);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-attach-webview', {}, {})).toBe(true);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWebPreferences('/p.js');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  });
});
