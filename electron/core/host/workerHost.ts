import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { IpcResult } from '../../../shared/ipc/contract';
import type { FromWorker, ToWorker } from './protocol';
import type { CoreHost } from './types';

/** A CoreHost whose core runs in a worker thread (the Electron app). */
export function createWorkerCoreHost(workerFile: string, data: { settingsDir: string; modelsDir?: string }): CoreHost {
  const worker = new Worker(workerFile, { workerData: data });
  const events = new EventEmitter();
  const pending = new Map<number, (r: IpcResult<unknown>) => void>();
  let nextId = 1;
  let closed: (() => void) | null = null;
  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'core_crashed', message } });
    pending.clear();
  };
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'result') {
      pending.get(m.id)?.(m.result);
      pending.delete(m.id);
    } else if (m.type === 'event') events.emit(m.event, m.payload);
    else if (m.type === 'closed') closed?.();
  });
  worker.on('error', (err) => failAll(`The core stopped: ${err.message}`));
  worker.on('exit', (code) => failAll(`The core exited (${code})`));
  const post = (m: ToWorker) => worker.postMessage(m);
  return {
    invoke: (channel, input) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve as (r: IpcResult<unknown>) => void);
        post({ type: 'invoke', id, channel, input });
      }),
    on: (event, listener) => {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        closed = resolve;
        post({ type: 'close', id: nextId++ });
        setTimeout(resolve, 5000).unref();
      });
      await worker.terminate();
    },
  };
}
