// The renderer's only door to the core. In Electron the preload exposes `window.grounded`;
// in the browser harness we speak the same contract over HTTP (invoke) and Server-Sent Events
// (events), authenticated with the token the harness put in the URL fragment.
import type { Bridge, Channel, EventName, Events, InputOf, IpcResult, OutputOf } from '../shared/ipc/contract';

declare global {
  interface Window {
    grounded?: Bridge;
  }
}

/** An IPC failure, rethrown on the renderer side with the core's code. */
export class IpcClientError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly channel?: Channel,
  ) {
    super(message);
    this.name = 'IpcClientError';
  }
}

interface HarnessParams {
  token: string;
  base: string;
}

/** Reads `token` (and optionally `base`) from the URL fragment first, then the query string. */
export function readHarnessParams(loc: Pick<Location, 'hash' | 'search' | 'origin'>): HarnessParams | null {
  const fromHash = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const fromQuery = new URLSearchParams(loc.search);
  const token = fromHash.get('token') ?? fromQuery.get('token');
  if (!token) return null;
  const base = (fromHash.get('base') ?? fromQuery.get('base') ?? loc.origin).replace(/\/+$/, '');
  return { token, base };
}

function isIpcResult(value: unknown): value is IpcResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createHarnessBridge({ token, base }: HarnessParams): Bridge {
  let source: EventSource | null = null;
  let listenerCount = 0;

  const invoke = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<IpcResult<OutputOf<C>>> => {
    let response: Response;
    try {
      response = await fetch(`${base}/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch (err) {
      return { ok: false, error: { code: 'transport', message: `Harness unreachable: ${String(err)}` } };
    }
    const body: unknown = await response.json().catch(() => null);
    if (isIpcResult(body)) return body as IpcResult<OutputOf<C>>;
    return { ok: false, error: { code: `http_${response.status}`, message: response.statusText || 'Bad response' } };
  };

  const on = <E extends EventName>(event: E, listener: (payload: Events[E]) => void): (() => void) => {
    source ??= new EventSource(`${base}/events?token=${encodeURIComponent(token)}`);
    const es = source;
    const handler = (message: MessageEvent<string>) => {
      listener(JSON.parse(message.data) as Events[E]);
    };
    es.addEventListener(event, handler);
    listenerCount += 1;
    return () => {
      es.removeEventListener(event, handler);
      listenerCount -= 1;
      // Closing when nobody listens keeps a reloaded page from holding a dead stream open.
      if (listenerCount === 0 && source === es) {
        es.close();
        source = null;
      }
    };
  };

  return { invoke, on };
}

let cached: Bridge | null = null;

export function getBridge(): Bridge {
  if (cached) return cached;
  if (window.grounded) return (cached = window.grounded);
  const params = readHarnessParams(window.location);
  if (!params) {
    throw new IpcClientError('no_bridge', 'No Electron preload and no harness token in the URL (#token=...).');
  }
  return (cached = createHarnessBridge(params));
}

/** Typed client: unwraps the IpcResult or throws an IpcClientError. */
export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await getBridge().invoke(channel, input);
  if (!result.ok) throw new IpcClientError(result.error.code, result.error.message, channel);
  return result.value;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
