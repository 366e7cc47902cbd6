import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { IpcResult } from '../../../shared/ipc/contract';
import type { FromWorker, ToWorker } from './protocol';
import type { CoreHost } from './types';

export interface WorkerHostOptions {
  /** The core's heap ceiling: past it the worker dies at once (and is restarted) rather than
   * thrashing the garbage collector for a minute while every call waits. */
  heapMb?: number;
  /** Restarts allowed in a row without a call answered in between; past that calls fail. */
  maxRestarts?: number;
  /** A core with nothing to do that sends nothing (no heartbeat reply) for this long is stuck: it is
   * stopped and started afresh. Tests shorten it. */
  hangMs?: number;
  /** The same while a call or a job is in progress: long synchronous work sends nothing either. */
  busyHangMs?: number;
  /** How often the host sends a heartbeat. */
  heartbeatMs?: number;
}

/** Room for synthesis on a large study (vectors, clustering) with a wide margin. */
export const CORE_WORKER_HEAP_MB = 4096;

/**
 * An idle core silent for a minute is stuck: nothing it was asked to do can keep its thread busy.
 * Anything it reports (an answer, job progress: a worker's postMessage reaches this thread even
 * while the worker's own loop is busy) counts as alive. The audit's stuck core kept every later
 * call waiting for good.
 */
export const CORE_HANG_MS = 60_000;
/**
 * While a call or a job is in progress the core may be silent for long and still be working: the
 * clustering and map layout of a synthesis, a VACUUM after a participant's removal or a rekey of a
 * large study are single synchronous steps. So a busy core is taken for stuck only after 15 silent
 * minutes: a backstop that never cuts legitimate work short on any study this app is built for.
 */
export const CORE_BUSY_HANG_MS = 15 * 60_000;

/**
 * A CoreHost whose core runs in a worker thread (the Electron app). A core that crashes (out of
 * heap, a native fault) fails the calls it held with `core_crashed`, tells the faces the study
 * changed (it is closed now), and is started afresh for the calls that follow.
 */
export function createWorkerCoreHost(
  workerFile: string,
  data: { settingsDir: string; modelsDir?: string },
  opts: WorkerHostOptions = {},
): CoreHost {
  const events = new EventEmitter();
  const pending = new Map<number, (r: IpcResult<unknown>) => void>();
  const maxRestarts = opts.maxRestarts ?? 3;
  let nextId = 1;
  let closing = false;
  let closed: (() => void) | null = null;
  let restartsInARow = 0;
  let worker: Worker | null = null;
  const hangMs = opts.hangMs ?? CORE_HANG_MS;
  const busyHangMs = opts.busyHangMs ?? CORE_BUSY_HANG_MS;
  /** Jobs that reported progress and have not finished. */
  const runningJobs = new Set<string>();
  const bound = () => (runningJobs.size > 0 || pending.size > 0 ? busyHangMs : hangMs);
  const heartbeatMs = opts.heartbeatMs ?? Math.max(10, Math.floor(hangMs / 6));
  /** Heartbeats in a row the core let pass in silence. Counted in beats, not wall time, so a
   * laptop waking from sleep (hours on the clock, no beat missed) does not look like a hang. */
  let silentBeats = 0;
  let heardSinceBeat = true;
  let stopHung = () => undefined as void;

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'core_crashed', message } });
    pending.clear();
  };

  const start = (): Worker => {
    const w = new Worker(workerFile, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: opts.heapMb ?? CORE_WORKER_HEAP_MB } });
    let why = '';
    w.on('message', (m: FromWorker) => {
      if (worker === w) heardSinceBeat = true;
      if (m.type === 'result') {
        restartsInARow = 0;
        pending.get(m.id)?.(m.result);
        pending.delete(m.id);
      } else if (m.type === 'event') {
        const job = (m.payload as { jobId?: unknown } | null)?.jobId;
        if (typeof job === 'string' && m.event === 'jobs:progress') runningJobs.add(job);
        if (typeof job === 'string' && m.event === 'jobs:finished') runningJobs.delete(job);
        events.emit(m.event, m.payload);
      }
      else if (m.type === 'closed') closed?.();
    });
    w.on('error', (err: Error & { code?: string }) => {
      why = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : err.message;
    });
    stopHung = () => {
      why = `it did not answer for ${Math.round(bound() / 1000)} s`;
      void w.terminate();
    };
    w.on('exit', (code) => {
      if (worker !== w) return;
      worker = null;
      runningJobs.clear();
      if (closing) return failAll('The core was closed');
      failAll(`The core stopped (${why || `exit code ${code}`}) and was restarted; the open study was closed, open it again`);
      events.emit('study:changed', { reason: 'core restarted' });
    });
    return w;
  };

  /** The running worker, started again after a crash unless it keeps crashing. */
  const live = (): Worker | null => {
    if (worker || closing) return worker;
    if (restartsInARow >= maxRestarts) return null;
    restartsInARow++;
    worker = start();
    return worker;
  };
  worker = start();

  const heartbeat = setInterval(() => {
    const w = worker;
    if (!w || closing) return;
    silentBeats = heardSinceBeat ? 0 : silentBeats + 1;
    heardSinceBeat = false;
    if (silentBeats * heartbeatMs >= bound()) {
      silentBeats = 0;
      heardSinceBeat = true;
      stopHung();
      return;
    }
    w.postMessage({ type: 'ping', id: nextId++ } satisfies ToWorker);
  }, heartbeatMs);
  heartbeat.unref();

  return {
    invoke: (channel, input) =>
      new Promise((resolve) => {
        const w = live();
        if (!w) {
          resolve({ ok: false, error: { code: 'core_crashed', message: 'The core keeps stopping; restart Grounded' } });
          return;
        }
        const id = nextId++;
        pending.set(id, resolve as (r: IpcResult<unknown>) => void);
        w.postMessage({ type: 'invoke', id, channel, input } satisfies ToWorker);
      }),
    on: (event, listener) => {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    close: async () => {
      closing = true;
      clearInterval(heartbeat);
      const w = worker;
      if (!w) return;
      await new Promise<void>((resolve) => {
        closed = resolve;
        w.postMessage({ type: 'close', id: nextId++ } satisfies ToWorker);
        setTimeout(resolve, 5000).unref();
      });
      await w.terminate();
    },
  };
}
