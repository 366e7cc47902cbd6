// Every test process refuses outgoing connections to anything but loopback, so a test that
// reached the network would fail loudly instead of passing on a connected machine.
// The strict "no socket at all" check for the core lives in test/integration/noNetwork.test.ts.
import net from 'node:net';

const LOOPBACK = /^(127\.|::1$|localhost$|::ffff:127\.)/;
const originalConnect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string; port?: number } | number | string;
  let host: string | undefined;
  if (typeof first === 'object' && first !== null) {
    if (first.path) return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    host = first.host ?? 'localhost';
  } else if (typeof first === 'number') {
    host = typeof args[1] === 'string' ? args[1] : 'localhost';
  } else if (typeof first === 'string') {
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args); // IPC path
  }
  if (!host || !LOOPBACK.test(host)) {
    throw new Error(`Network access blocked in tests: tried to connect to ${host}`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
