// Preparing a file (read, decode, parse, roles, quotes) is pure and takes about as long as writing
// it, so an import job hands it to worker threads and writes each file while the next ones are
// being prepared. Results come back in file order; a worker that fails falls back to this thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
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

/** Spreads requests over `size` workers running `workerFile`, the least busy first. */
export function workerPreparer(workerFile: string, size: number): Preparer {
  interface Slot {
    worker: Worker;
    busy: number;
    broken: boolean;
    waiting: Map<number, { path: string; choices?: SpeakerChoices; resolve: (p: Prepared) => void }>;
  }
  let nextId = 1;
  const slots: Slot[] = Array.from({ length: size }, () => {
    const slot: Slot = { worker: new Worker(workerFile), busy: 0, broken: false, waiting: new Map() };
    slot.worker.on('message', (m: PrepareReply) => {
      const w = slot.waiting.get(m.id);
      slot.waiting.delete(m.id);
      slot.busy--;
      w?.resolve(m.prepared);
    });
    const fail = () => {
      if (slot.broken) return;
      slot.broken = true;
      // What this worker held is prepared here instead; nothing is lost or reported twice.
      for (const w of slot.waiting.values()) void prepareFromDisk(w.path, w.choices).then(w.resolve);
      slot.waiting.clear();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', fail);
    return slot;
  });
  return {
    parallel: size,
    prepare: (path, choices) => {
      const live = slots.filter((s) => !s.broken);
      if (live.length === 0) return prepareFromDisk(path, choices);
      const slot = live.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy++;
      return new Promise<Prepared>((resolve) => {
        slot.waiting.set(id, { path, choices, resolve });
        slot.worker.postMessage({ id, path, choices } satisfies PrepareRequest);
      });
    },
    close: async () => {
      for (const s of slots) s.broken = true; // an exit from terminate() is not a failure
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
