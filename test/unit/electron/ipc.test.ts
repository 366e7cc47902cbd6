import { describe, expect, it } from 'vitest';
import { registerIpc } from '../../../electron/main/ipc';
import type { CoreHost } from '../../../electron/core/host/types';
import { createFakeElectron } from './fakeElectron';

function setup() {
  const fake = createFakeElectron();
  const calls: [string, unknown][] = [];
  const host: CoreHost = {
    invoke: async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: null as never };
    },
    on: () => () => undefined,
    close: async () => undefined,
  };
  registerIpc(
    fake.ipcMain as never,
    host,
    {
      'dialog:pick': async () => ({ paths: ['/home/r/study.grounded'] }),
      'shell:showItem': () => null,
    },
    (event) => (event.senderFrame?.url ?? '').startsWith('file://') && event.senderFrame?.parent === null,
  );
  const invoke = (url: string, channel: unknown, input: unknown) =>
    fake.handlers.get('grounded:invoke')!({ senderFrame: { url, parent: null } }, channel, input);
  const invokeFromFrame = (senderFrame: unknown, channel: unknown, input: unknown) =>
    fake.handlers.get('grounded:invoke')!({ senderFrame }, channel, input);
  return { invoke, invokeFromFrame, calls };
}

describe('the IPC entry point', () => {
  it('relays core channels to the core', async () => {
    const { invoke, calls } = setup();
    expect(await invoke('file:///app/index.html', 'study:info', {})).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['study:info', {}]]);
  });

  it('answers shell channels in main, with their input validated', async () => {
    const { invoke, calls } = setup();
    expect(await invoke('file:///app/index.html', 'dialog:pick', { kind: 'createStudy' })).toEqual({
      ok: true,
      value: { paths: ['/home/r/study.grounded'] },
    });
    const bad = (await invoke('file:///app/index.html', 'dialog:pick', { kind: 'rm -rf' })) as { ok: boolean; error: { code: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalid_input');
    expect(calls).toEqual([]);
  });

  it('rejects untrusted senders and unknown channels', async () => {
    const { invoke, calls } = setup();
    expect(await invoke('https://evil.example/', 'study:info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('file:///app/index.html', 'fs:readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(calls).toEqual([]);
  });

  it('gives the sender check the whole event, not only a URL: a subframe with our URL is refused', async () => {
    const { invokeFromFrame, calls } = setup();
    const main = { url: 'file:///app/index.html', parent: null };
    expect(await invokeFromFrame({ url: main.url, parent: main }, 'study:info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invokeFromFrame(null, 'study:info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });
});
