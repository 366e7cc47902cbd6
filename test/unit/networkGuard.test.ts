import http from 'node:http';
import net from 'node:net';
import dns from 'node:dns';
import { describe, expect, it } from 'vitest';
import { installNetworkGuard } from '../../electron/core/networkGuard';

// Runs in its own test process (Vitest forks per file), so the guard cannot leak into others.
describe('the network guard of the core processes', () => {
  it('blocks sockets, HTTP, DNS and fetch, but not inline data: URLs', async () => {
    installNetworkGuard();
    expect(() => net.connect(80, '127.0.0.1')).toThrow(/never uses the network/);
    expect(() => http.get('http://127.0.0.1:9/')).toThrow(/never uses the network/);
    expect(() => dns.lookup('example.com', () => undefined)).toThrow(/DNS lookup/);
    await expect(fetch('https://huggingface.co/')).rejects.toThrow(/request to https:\/\/huggingface.co/);
    const data = await fetch('data:text/plain;base64,aGVsbG8=');
    expect(await data.text()).toBe('hello');
    // Serving on loopback still works: the harness listens while the guard is on.
    const server = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve, reject) => server.listen(0, '127.0.0.1', resolve).on('error', reject));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
