// Defence in depth: the core has no reason to reach any host, so in the processes that run it
// (the Electron core worker, the CLI) every outgoing connection fails loudly instead of leaking.
// Listening sockets (the test harness) are unaffected. Inline data: URLs are not requests.
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';

export class NetworkBlockedError extends Error {
  readonly code = 'network_blocked';
  constructor(what: string) {
    super(`Grounded never uses the network; blocked ${what}`);
  }
}

let installed = false;

export function installNetworkGuard(): void {
  if (installed) return;
  installed = true;
  const block = (what: string) => () => {
    throw new NetworkBlockedError(what);
  };
  net.Socket.prototype.connect = block('a socket connection') as never;
  net.connect = net.createConnection = block('a socket connection') as never;
  tls.connect = block('a TLS connection') as never;
  // Listening on 127.0.0.1 (the test harness) "looks up" the literal address: no query is sent.
  const originalLookup = dns.lookup;
  dns.lookup = ((hostname: string, ...rest: unknown[]) => {
    if (net.isIP(hostname) !== 0) return (originalLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
    throw new NetworkBlockedError(`a DNS lookup of ${hostname}`);
  }) as never;
  dns.resolve = block('a DNS query') as never;
  const originalFetch = globalThis.fetch;
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('data:')) return originalFetch(input, init);
    return Promise.reject(new NetworkBlockedError(`a request to ${url}`));
  }) as typeof fetch;
}
