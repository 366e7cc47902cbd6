import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, startHarness, type Harness } from '../../electron/core/harness/server';
import type { CoreHost } from '../../electron/core/host/types';
import type { EventName, Events } from '../../shared/ipc/contract';

/** A CoreHost that answers `study:info` and lets the test push events and count listeners. */
function fakeHost() {
  const emitter = new EventEmitter();
  const calls: string[] = [];
  const host: CoreHost = {
    invoke: async (channel) => {
      calls.push(channel);
      return channel === 'study:info' ? { ok: true, value: null } : { ok: false, error: { code: 'no_study', message: 'No study' } };
    },
    on: (event, listener) => {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    close: async () => {},
  };
  const emit = <E extends EventName>(event: E, payload: Events[E]) => emitter.emit(event, payload);
  const listeners = () => emitter.eventNames().reduce((n, e) => n + emitter.listenerCount(e), 0);
  return { host, calls, emit, listeners };
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP, so the test controls the Host header and un-normalised paths. */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('harness server', () => {
  let dir: string;
  let harness: Harness;
  let fake: ReturnType<typeof fakeHost>;
  const ipc = (channel: string, headers: Record<string, string>, body = '{}') =>
    request(harness.port, { method: 'POST', path: `/ipc/${encodeURIComponent(channel)}`, headers: { 'content-type': 'application/json', ...headers }, body });
  const auth = () => ({ authorization: `Bearer ${harness.token}` });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-harness-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Grounded</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
    fake = fakeHost();
    harness = await startHarness({ host: fake.host, rendererDir: join(dir, 'renderer') });
  });

  afterAll(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a loopback URL carrying a 32-byte hex token', () => {
    expect(harness.token).toMatch(/^[0-9a-f]{64}$/);
    expect(harness.url).toBe(`http://127.0.0.1:${harness.port}/#token=${harness.token}`);
  });

  it('binds 127.0.0.1 only', async () => {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '::1', port: harness.port });
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    if (existsSync('/proc/net/tcp')) {
      const portHex = harness.port.toString(16).toUpperCase().padStart(4, '0');
      const listening = readFileSync('/proc/net/tcp', 'utf8')
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((cols) => cols[1]?.endsWith(`:${portHex}`) && cols[3] === '0A');
      expect(listening.map((cols) => cols[1])).toEqual([`0100007F:${portHex}`]);
    }
  });

  it('serves index.html for / with the CSP and a content type', async () => {
    const res = await request(harness.port, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Grounded</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const js = await request(harness.port, { path: '/assets/app.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request(harness.port, { path: '/missing.js' })).status).toBe(404);
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt'])(
    'rejects path traversal: %s',
    async (path) => {
      const res = await request(harness.port, { path });
      expect([400, 403, 404]).toContain(res.status);
      expect(res.body).not.toContain('TOP-SECRET');
    },
  );

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${harness.port}`, `127.0.0.1:${harness.port + 1}`]) {
      const page = await request(harness.port, { path: '/', headers: { host } });
      expect(page.status).toBe(421);
      const call = await ipc('study:info', { host, ...auth() });
      expect(call.status).toBe(421);
    }
    expect((await request(harness.port, { path: '/', headers: { host: `localhost:${harness.port}` } })).status).toBe(200);
  });

  it('answers 401 without a token and with a wrong one', async () => {
    const before = fake.calls.length;
    const none = await ipc('study:info', {});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await ipc('study:info', { authorization: `Bearer ${'0'.repeat(64)}` });
    expect(wrong.status).toBe(401);
    const short = await ipc('study:info', { authorization: 'Bearer x' });
    expect(short.status).toBe(401);
    expect(fake.calls.length).toBe(before);
    expect((await request(harness.port, { path: '/events?token=nope' })).status).toBe(401);
  });

  it('routes core channels to the host', async () => {
    const res = await ipc('study:info', auth());
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: null });
    expect(fake.calls).toContain('study:info');
  });

  it('answers shell channels itself', async () => {
    const pick = await ipc('dialog:pick', auth(), JSON.stringify({ kind: 'openStudy' }));
    expect(JSON.parse(pick.body)).toEqual({ ok: true, value: { unsupported: true } });
    const show = await ipc('shell:showItem', auth(), JSON.stringify({ path: '/tmp/x.pdf' }));
    expect(JSON.parse(show.body)).toEqual({ ok: true, value: null });
    const bad = await ipc('dialog:pick', auth(), JSON.stringify({ kind: 'nope' }));
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fake.calls).not.toContain('dialog:pick');
  });

  it('answers an unknown channel with an error result', async () => {
    for (const channel of ['nope:nothing', 'toString', '__proto__']) {
      const res = await ipc(channel, auth());
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('refuses bad JSON, GET on /ipc, a cross-origin caller and bodies over 64 MB', async () => {
    expect((await ipc('study:info', auth(), '{not json')).status).toBe(400);
    expect((await request(harness.port, { path: '/ipc/study:info', headers: auth() })).status).toBe(405);
    expect((await ipc('study:info', { ...auth(), origin: 'http://evil.example' })).status).toBe(403);
    const big = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: harness.port, method: 'POST', path: '/ipc/study:info', headers: { host: `127.0.0.1:${harness.port}`, ...auth(), 'content-length': String(65 * 1024 * 1024) } },
        (res) => (res.resume(), resolve(res.statusCode ?? 0)),
      );
      req.on('error', reject);
      req.write('{"a":"');
    });
    expect(big).toBe(413);
  });

  it('streams host events over SSE and unsubscribes when the client leaves', async () => {
    const baseline = fake.listeners();
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: harness.port, path: `/events?token=${harness.token}`, headers: { host: `127.0.0.1:${harness.port}` } },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('event: jobs:progress')) {
              req.destroy();
              resolve(text);
            }
          });
          // The subscription is in place once headers arrive.
          setTimeout(() => fake.emit('jobs:progress', { jobId: 'j1', kind: 'import', done: 1, total: 3, message: 'p01.txt' }), 20);
        },
      );
      req.on('error', reject);
    });
    const block = received.split('\n\n').find((b) => b.startsWith('event: jobs:progress'));
    expect(block).toBe(`event: jobs:progress\ndata: ${JSON.stringify({ jobId: 'j1', kind: 'import', done: 1, total: 3, message: 'p01.txt' })}`);
    await expect.poll(() => fake.listeners()).toBe(baseline);
  });
});
