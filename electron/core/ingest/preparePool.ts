// Preparing a file (read, decode, parse, roles, quotes) is pure and takes about as long as writing
// it, so an import job hands it to worker threads and writes each file while the next ones are
// being prepared. Results come back in file order. Each worker prepares one file at a time, so a
// worker that dies (out of heap on a hostile file) names the file that killed it: that file is
// reported as failed, never parsed again here, and a fresh worker takes the rest.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SpeakerChoices } from '../../../shared/domain';
import { appRoot } from '../paths';
import { prepareTranscript, type Prepared } from './prepare';
import { readSource } from './readSource';

export interface PrepareRequest {
  id: number;
  path: string;
  choices?: SpeakerChoices;
}
export interface PrepareReply {
  id: number;
  prepared: Prepared;
}
/** A worker's first message: it started, so a death from now on is the file's doing. */
export interface PrepareReady {
  ready: true;
}

export interface Preparer {
  /** How many files it prepares at once. */
  readonly parallel: number;
  /** Reads and prepares one file from disk. Never rejects: failures are the file's result line. */
  prepare(path: string, choices?: SpeakerChoices): Promise<Prepared>;
  close(): Promise<void>;
}

/** Prepares on the calling thread: small batches, and where no worker build exists. */
export function inThreadPreparer(): Preparer {
  return { parallel: 1, prepare: prepareFromDisk, close: async () => undefined };
}

async function prepareFromDisk(path: string, choices?: SpeakerChoices): Promise<Prepared> {
  const source = await readSource(path);
  return 'bytes' in source ? prepareTranscript(source, choices) : { ok: false, result: source };
}

/** The built worker entry, when there is one (after `npm run build`, and in the packaged app). */
export function prepareWorkerFile(): string | null {
  const file = join(appRoot(), 'out', 'main', 'prepare.worker.js');
  return existsSync(file) ? file : null;
}

/** Worker threads to use: one per core beside the writing thread, at least one, at most four. */
export function defaultPrepareWorkers(): number {
  const fromEnv = process.env.GROUNDED_PREPARE_WORKERS;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv)) return Math.min(8, Number(fromEnv));
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/**
 * Heap for one prepare worker. Within the importers' limits the largest legal Word document
 * peaks near 1.4 GB (see importers/docx.ts); past this the worker dies instead of the app.
 */
export const PREPARE_WORKER_HEAP_MB = 2048;
/** Fresh workers started after deaths, per batch; past that the batch goes on in this thread. */
const MAX_RESPAWNS = 8;

interface Job {
  id: number;
  path: string;
  choices?: SpeakerChoices;
  resolve: (p: Prepared) => void;
}

/** The result line of a file whose preparation killed its worker. */
export function killedWorkerResult(path: string, why: string): Prepared {
  const name = basename(path);
  return {
    ok: false,
    result: {
      path,
      status: 'error',
      message: `${name}: could not be read: preparing it stopped the import worker (${why}); the file may be damaged or built to exhaust memory`,
    },
  };
}

/** Spreads requests over `size` workers running `workerFile`, one file per worker at a time. */
export function workerPreparer(workerFile: string, size: number, opts: { heapMb?: number } = {}): Preparer {
  interface Slot {
    worker: Worker;
    job: Job | null;
    dead: boolean;
    ready: boolean;
  }
  let nextId = 1;
  let closing = false;
  let respawns = 0;
  const queue: Job[] = [];
  const slots: Slot[] = [];

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.dead || slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, path: job.path, choices: job.choices } satisfies PrepareRequest);
    }
    if (!slots.some((s) => !s.dead)) {
      // No worker left to take the rest: those files never hurt a worker, so this thread reads them.
      for (const job of queue.splice(0)) void prepareFromDisk(job.path, job.choices).then(job.resolve);
    }
  };

  const spawn = (): Slot => {
    const slot: Slot = {
      worker: new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: opts.heapMb ?? PREPARE_WORKER_HEAP_MB } }),
      job: null,
      dead: false,
      ready: false,
    };
    slot.worker.on('message', (m: PrepareReply | PrepareReady) => {
      if ('ready' in m) {
        slot.ready = true;
        return;
      }
      if (slot.job?.id !== m.id) return;
      const job = slot.job;
      slot.job = null;
      job.resolve(m.prepared);
      dispatch();
    });
    let why = 'it exited';
    slot.worker.on('error', (err: Error & { code?: string }) => {
      why = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : err.message;
    });
    slot.worker.on('exit', () => {
      if (slot.dead) return;
      slot.dead = true;
      if (closing) return; // an exit from terminate() is not a failure
      if (!slot.ready) {
        // It never started (a broken build): its file goes back in line, and no new worker would fare better.
        if (slot.job) queue.unshift(slot.job);
        slot.job = null;
        dispatch();
        return;
      }
      slot.job?.resolve(killedWorkerResult(slot.job.path, why));
      slot.job = null;
      if (respawns < MAX_RESPAWNS) {
        respawns++;
        slots[slots.indexOf(slot)] = spawn();
      }
      dispatch();
    });
    return slot;
  };
  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    parallel: size,
    prepare: (path, choices) =>
      new Promise<Prepared>((resolve) => {
        queue.push({ id: nextId++, path, choices, resolve });
        dispatch();
      }),
    close: async () => {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** The preparer for a batch of `files` files: workers when the batch is big enough to repay them. */
export function preparerFor(files: number): Preparer {
  const workerFile = prepareWorkerFile();
  const size = defaultPrepareWorkers();
  if (!workerFile || size === 0 || files < 4) return inThreadPreparer();
  return workerPreparer(workerFile, Math.min(size, files));
}
