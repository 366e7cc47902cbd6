import { describe, expect, it } from 'vitest';
import type { JobFinished, JobProgress } from '../../shared/domain';
import { JobRunner, throwIfCancelled } from '../../electron/core/jobs/runner';

function runner(intervalMs = 50) {
  const progress: JobProgress[] = [];
  const finished: JobFinished[] = [];
  const r = new JobRunner({ onProgress: (p) => progress.push(p), onFinished: (f) => finished.push(f) }, intervalMs);
  return { r, progress, finished };
}

describe('the job runner', () => {
  it('throttles progress but always delivers the last event, then the outcome', async () => {
    const { r, progress, finished } = runner(50);
    const { done } = r.start('import', async (ctx) => {
      for (let i = 1; i <= 1000; i++) ctx.progress(i, 1000, `file ${i}`);
      return { imports: [] };
    });
    const f = await done;
    expect(f.status).toBe('completed');
    expect(progress.length).toBeLessThan(5);
    expect(progress.at(-1)).toMatchObject({ done: 1000, total: 1000 });
    expect(finished).toEqual([f]);
  });

  it('cancels a running job and keeps what it committed', async () => {
    const { r } = runner();
    const committed: number[] = [];
    const { jobId, done } = r.start('synthesize', async (ctx) => {
      for (let i = 0; i < 100; i++) {
        throwIfCancelled(ctx.signal);
        committed.push(i);
        await new Promise((res) => setTimeout(res, 5));
      }
      return {};
    });
    await new Promise((res) => setTimeout(res, 30));
    r.cancel(jobId);
    const f = await done;
    expect(f.status).toBe('cancelled');
    expect(committed.length).toBeGreaterThan(0);
    expect(committed.length).toBeLessThan(100);
  });

  it('reports a failure with its code and message', async () => {
    const { r } = runner();
    const f = await r.start('export', async () => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    }).done;
    expect(f).toMatchObject({ status: 'failed', error: { code: 'ENOSPC', message: 'disk full' } });
  });

  it('runs jobs on one study one after another', async () => {
    const { r } = runner();
    const order: string[] = [];
    const a = r.start('import', async () => {
      order.push('a-start');
      await new Promise((res) => setTimeout(res, 20));
      order.push('a-end');
      return {};
    });
    const b = r.start('synthesize', async () => {
      order.push('b');
      return {};
    });
    await Promise.all([a.done, b.done]);
    expect(order).toEqual(['a-start', 'a-end', 'b']);
  });

  it('refuses to cancel a job that does not exist', () => {
    expect(() => runner().r.cancel('nope')).toThrow(/No running job/);
  });
});
