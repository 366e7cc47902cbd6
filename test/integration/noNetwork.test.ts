// The core must not open any socket during import, synthesis and export: not to the internet,
// not even to loopback. Every way Node has to reach the network is watched while it works.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import dgram from 'node:dgram';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coreWithStudy, goodTranscripts, importAll, modelReady } from '../helpers/core';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();

function watchNetwork(): { calls: string[] } {
  const calls: string[] = [];
  const spy = (obj: object, name: string, allow: (arg: unknown) => boolean = () => false) => {
    const target = obj as Record<string, (...a: unknown[]) => unknown>;
    const original = target[name]!;
    vi.spyOn(target, name).mockImplementation(function (this: unknown, ...args: unknown[]) {
      if (allow(args[0])) return original.apply(this, args);
      calls.push(`${name}(${String(JSON.stringify(args[0])).slice(0, 80)})`);
      throw new Error(`network call ${name} during a core job`);
    });
  };
  spy(net.Socket.prototype, 'connect');
  spy(net, 'createConnection');
  spy(net, 'connect');
  spy(tls, 'connect');
  spy(http, 'request');
  spy(http, 'get');
  spy(https, 'request');
  spy(https, 'get');
  spy(dns, 'lookup');
  spy(dns, 'resolve');
  spy(dgram, 'createSocket');
  // react-pdf's layout engine loads its WebAssembly from an inline data: URL, which is no request.
  spy(globalThis, 'fetch', (url) => String(url).startsWith('data:'));
  return { calls };
}

afterEach(() => vi.restoreAllMocks());

describe('no network, ever', () => {
  it('the watch itself catches a connection attempt', async () => {
    const { calls } = watchNetwork();
    expect(() => fetch('http://127.0.0.1:9/')).toThrow();
    expect(() => net.connect(9, '127.0.0.1')).toThrow();
    expect(calls.length).toBe(2);
  });

  it.skipIf(!modelReady)('import, synthesis and export open no socket', async () => {
    const dir = tmp();
    const { calls } = watchNetwork();
    const core = await coreWithStudy(dir);
    await importAll(core, goodTranscripts);
    const synth = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 1 }).done;
    expect(synth.status, JSON.stringify(synth.error)).toBe('completed');
    for (const format of ['pdf', 'md', 'json'] as const) {
      const f = await core.startJob({ kind: 'export', format, outDir: join(dir, 'out') }).done;
      expect(f.status, JSON.stringify(f.error)).toBe('completed');
    }
    await core.close();
    expect(calls).toEqual([]);
  });
});
