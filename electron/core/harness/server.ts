// The browser harness: serves the built renderer and speaks the IPC contract over HTTP + SSE, so
// the exact UI can be driven by a real browser (e2e tests, development) without Electron.
// It is a local tool, so it is locked down like one: loopback only, a random bearer token,
// a Host check against DNS rebinding, and the same CSP the app ships with.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  isChannel,
  runHandler,
  shellContract,
  type CoreChannel,
  eventNames,
  type Handlers,
  type IpcResult,
  type ShellChannel,
} from '../../../shared/ipc/contract';
import type { CoreHost } from '../host/types';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;
const EVENT_NAMES = eventNames;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/** The shell's side of the contract: a browser has no native dialogs and no file manager. */
const shellHandlers: Handlers<ShellChannel> = {
  'dialog:pick': () => ({ unsupported: true }),
  'shell:showItem': () => null,
};

export interface HarnessOptions {
  host: CoreHost;
  rendererDir: string;
  port?: number;
  log?: (line: string) => void;
}

export interface Harness {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** Compares secrets in constant time; hashing first makes the lengths equal. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: IpcResult<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

function failure(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const { host, log = () => {} } = opts;
  const root = resolve(opts.rendererDir);
  const token = randomBytes(32).toString('hex');
  const streams = new Set<ServerResponse>();
  let port = 0;

  const bearer = (req: IncomingMessage): string | null => {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer (\S+)$/.exec(header) : null;
    return match?.[1] ?? null;
  };

  const hostAllowed = (req: IncomingMessage): boolean => {
    const h = req.headers.host;
    return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
  };

  // Browsers always send Origin on cross-site POSTs; a page elsewhere must not reach /ipc even
  // if it somehow learned the token.
  const originAllowed = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  };

  async function handleIpc(req: IncomingMessage, res: ServerResponse, encodedName: string): Promise<void> {
    const given = bearer(req);
    if (!given || !sameSecret(given, token)) return sendResult(res, 401, failure('unauthorized', 'Missing or wrong token'));
    if (!originAllowed(req)) return sendResult(res, 403, failure('forbidden', 'Cross-origin request refused'));
    if (req.method !== 'POST') return sendResult(res, 405, failure('method_not_allowed', 'Use POST'));
    let name: string;
    try {
      name = decodeURIComponent(encodedName);
    } catch {
      name = encodedName;
    }
    if (!isChannel(name)) return sendResult(res, 404, failure('unknown_channel', `Unknown channel: ${name.slice(0, 100)}`));

    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        res.setHeader('connection', 'close');
        return sendResult(res, 413, failure('too_large', `Request body over ${MAX_BODY_BYTES} bytes`));
      }
      return sendResult(res, 400, failure('invalid_json', 'Request body is not JSON'));
    }

    const result = Object.prototype.hasOwnProperty.call(shellContract, name)
      ? await runHandler(shellHandlers, name, input)
      : await host.invoke(name as CoreChannel, input as never).catch((err: unknown) => failure('internal', String(err)));
    sendResult(res, 200, result);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const given = url.searchParams.get('token') ?? bearer(req);
    if (!given || !sameSecret(given, token)) return send(res, 401, 'Missing or wrong token');
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    // An event can race the client's disconnect; writing to a closed stream would throw.
    const write = (chunk: string) => {
      if (!res.destroyed && !res.writableEnded) res.write(chunk);
    };
    write('retry: 2000\n\n');
    const unsubscribes = EVENT_NAMES.map((event) =>
      host.on(event, (payload) => write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    const heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS);
    streams.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribes.forEach((off) => off());
      streams.delete(res);
    });
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'Bad path');
    }
    if (rel.includes('\0')) return send(res, 400, 'Bad path');
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = resolve(join(root, rel));
    const inside = relative(root, file);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
      return send(res, 403, 'Forbidden');
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(res, 404, 'Not found');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  const server = createServer((req, res) => {
    // DNS rebinding: a hostile name resolving to 127.0.0.1 still carries its own Host header.
    if (!hostAllowed(req)) return send(res, 421, 'Misdirected request');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return send(res, 400, 'Bad request');
    }
    // Through a promise, so a synchronous throw in a handler is answered, not a crashed process.
    const route = Promise.resolve().then(() =>
      url.pathname.startsWith('/ipc/')
        ? handleIpc(req, res, url.pathname.slice('/ipc/'.length))
        : url.pathname === '/events'
          ? handleEvents(req, res, url)
          : handleStatic(req, res, url),
    );
    route.catch((err: unknown) => {
      // The path only: a query string could carry the token.
      log(`harness: ${req.method} ${url.pathname} failed: ${String(err)}`);
      if (!res.headersSent) sendResult(res, 500, failure('internal', 'Harness error'));
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  log(`harness: serving ${root} on http://127.0.0.1:${port}`);

  return {
    url,
    token,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const res of streams) res.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
