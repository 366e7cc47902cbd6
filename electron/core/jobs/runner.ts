import { randomUUID } from 'node:crypto';
import type { JobFinished, JobKind, JobProgress } from '../../../shared/domain';
import { IpcFailure, toIpcError } from '../../../shared/ipc/contract';

export interface JobContext {
  signal: AbortSignal;
  /** Throttled: at most one event per interval, but the last one is always delivered. */
  progress(done: number, total: number, message: string): void;
}

export type JobBody = (ctx: JobContext) => Promise<JobFinished['result']>;

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError();
}

interface Sinks {
  onProgress(p: JobProgress): void;
  onFinished(f: JobFinished): void;
}

/**
 * Runs long jobs one at a time per study (they all write to one SQLite file), reports throttled
 * progress and lets each be cancelled; what a job committed before cancelling stays.
 */
export class JobRunner {
  private readonly running = new Map<string, AbortController>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly sinks: Sinks,
    private readonly intervalMs = 100,
  ) {}

  start(kind: JobKind, body: JobBody): { jobId: string; done: Promise<JobFinished> } {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.running.set(jobId, controller);
    const done = (this.queue = this.queue.then(() => this.run(jobId, kind, controller, body)));
    return { jobId, done: done as Promise<JobFinished> };
  }

  cancel(jobId: string): void {
    const c = this.running.get(jobId);
    if (!c) throw new IpcFailure('not_found', `No running job ${jobId}`);
    c.abort();
  }

  cancelAll(): void {
    for (const c of this.running.values()) c.abort();
  }

  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  private async run(jobId: string, kind: JobKind, controller: AbortController, body: JobBody): Promise<JobFinished> {
    let last = 0;
    let pending: JobProgress | null = null;
    let timer: NodeJS.Timeout | null = null;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (pending) this.sinks.onProgress(pending);
      pending = null;
      last = Date.now();
    };
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (done, total, message) => {
        pending = { jobId, kind, done, total, message };
        const wait = this.intervalMs - (Date.now() - last);
        if (wait <= 0) flush();
        else timer ??= setTimeout(flush, wait);
      },
    };
    let finished: JobFinished;
    try {
      if (controller.signal.aborted) throw new CancelledError();
      const result = await body(ctx);
      finished = { jobId, kind, status: controller.signal.aborted ? 'cancelled' : 'completed', result };
    } catch (err) {
      finished =
        err instanceof CancelledError || controller.signal.aborted
          ? { jobId, kind, status: 'cancelled' }
          : { jobId, kind, status: 'failed', error: toIpcError(err) };
    } finally {
      flush();
      this.running.delete(jobId);
    }
    this.sinks.onFinished(finished);
    return finished;
  }
}

