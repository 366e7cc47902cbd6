import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents, isAllowedUrl, secureWebPreferences } from '../../../electron/main/security';
import { createFakeElectron, createFakeWebContents } from './fakeElectron';

describe('Electron security defaults', () => {
  it('cancels every outgoing request and lets the bundled renderer load', () => {
    const fake = createFakeElectron();
    hardenSession(fake.session as never);
    for (const url of ['https://example.com/', 'http://127.0.0.1:9/x', 'wss://telemetry.example/', 'https://fonts.googleapis.com/css']) {
      expect(fake.request(url), url).toBe(true);
    }
    expect(fake.request('file:///app/out/renderer/index.html')).toBe(false);
  });

  it('allows the dev server only when one is configured', () => {
    expect(isAllowedUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAllowedUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
  });

  it('refuses every permission request and check', () => {
    const fake = createFakeElectron();
    hardenSession(fake.session as never);
    expect(fake.askPermission('media')).toBe(false);
    expect(fake.askPermission('notifications')).toBe(false);
    expect(fake.checkPermission()).toBe(false);
  });

  it('denies navigation, redirects, webviews and new windows', () => {
    const fake = createFakeElectron();
    hardenWebContents(fake.app as never);
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
