// A core that dies in its worker (out of heap on a hostile file, a native fault) must not take
// the app with it: the calls it held fail with a clear error, and the calls after it work.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkerCoreHost } from '../../electron/core/host/workerHost';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();

/** A stand-in core worker speaking the host protocol: study:info answers which incarnation it is;
 * transcripts:list exhausts the heap; study:close exits the thread. */
function fakeCore(dir: string): string {
  const file = join(dir, 'fake-core.worker.cjs');
  writeFileSync(
    file,
    `const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.type === 'close') return parentPort.postMessage({ type: 'closed', id: m.id });
  if (m.channel === 'transcripts:list') { const hog = []; for (;;) hog.push(new Array(1e6).fill(threadId)); }
  if (m.channel === 'study:close') process.exit(7);
  parentPort.postMessage({ type: 'result', id: m.id, result: { ok: true, value: threadId } });
});
`,
  );
  return file;
}

describe('the core worker host', () => {
  it('restarts a core that ran out of heap: the call it held fails with core_crashed, later calls work', async () => {
    const host = createWorkerCoreHost(fakeCore(tmp()), { settingsDir: tmp() }, { heapMb: 32 });
    const changes: unknown[] = [];
    host.on('study:changed', (p) => changes.push(p));
    try {
      const first = await host.invoke('study:info', {});
      expect(first.ok).toBe(true);
      const crashed = await host.invoke('transcripts:list', {});
      expect(crashed).toMatchObject({ ok: false, error: { code: 'core_crashed', message: expect.stringMatching(/ran out of memory.*restarted/) } });
      expect(changes).toEqual([{ reason: 'core restarted' }]);
      const after = await host.invoke('study:info', {});
      expect(after.ok).toBe(true);
      // A new worker thread answered.
      expect(after.ok && first.ok && after.value !== first.value).toBe(true);
    } finally {
      await host.close();
    }
  });

  it('a core that exits is restarted too; one that keeps dying fails calls instead of hanging them', async () => {
    const host = createWorkerCoreHost(fakeCore(tmp()), { settingsDir: tmp() }, { heapMb: 32, maxRestarts: 2 });
    try {
      expect(await host.invoke('study:close', {})).toMatchObject({ ok: false, error: { code: 'core_crashed', message: expect.stringMatching(/exit code 7/) } });
      expect((await host.invoke('study:info', {})).ok).toBe(true);
      expect((await host.invoke('study:close', {})).ok).toBe(false);
      expect((await host.invoke('study:close', {})).ok).toBe(false);
      expect((await host.invoke('study:close', {})).ok).toBe(false);
      expect(await host.invoke('study:info', {})).toMatchObject({ ok: false, error: { code: 'core_crashed', message: /keeps stopping/ } });
    } finally {
      await host.close();
    }
  });

  it('stops and restarts a core that stops answering; a busy core is given far longer, and one that reports is left alone', async () => {
    const file = join(tmp(), 'stuck-core.worker.cjs');
    // study:info answers which incarnation; transcripts:list blocks the thread for good while the
    // call waits; study:recent works 4 s synchronously (past every bound), posting progress all along; jobs:start is a
    // job silent for 1.5 s between two reports (a clustering step); study:close answers, then
    // blocks the idle thread for good.
    writeFileSync(
      file,
      `const { parentPort, threadId } = require('node:worker_threads');
const busy = (ms, report) => { const until = Date.now() + ms; let last = 0; while (Date.now() < until) if (report && Date.now() - last > 50) { last = Date.now(); report(); } };
parentPort.on('message', (m) => {
  if (m.type === 'close') return parentPort.postMessage({ type: 'closed', id: m.id });
  if (m.type === 'ping') return parentPort.postMessage({ type: 'pong', id: m.id });
  if (m.channel === 'transcripts:list') for (;;);
  if (m.channel === 'study:recent') busy(4000, () => parentPort.postMessage({ type: 'event', event: 'jobs:progress', payload: Date.now() }));
  if (m.channel === 'jobs:start') {
    parentPort.postMessage({ type: 'event', event: 'jobs:progress', payload: { jobId: 'j1', done: 0, total: 1 } });
    busy(1500);
    parentPort.postMessage({ type: 'event', event: 'jobs:finished', payload: { jobId: 'j1', status: 'completed' } });
  }
  if (m.channel === 'study:close') setTimeout(() => { for (;;); }, 20);
  parentPort.postMessage({ type: 'result', id: m.id, result: { ok: true, value: threadId } });
});
`,
    );
    const host = createWorkerCoreHost(file, { settingsDir: tmp() }, { hangMs: 400, busyHangMs: 3000, heartbeatMs: 50 });
    const changes: unknown[] = [];
    host.on('study:changed', (p) => changes.push(p));
    try {
      const first = await host.invoke('study:info', {});
      expect(first.ok).toBe(true);
      // Busy past the bounds, but reporting: left alone; silent past the idle bound in a job: left alone.
      expect(await host.invoke('study:recent', {})).toEqual(first);
      expect(await host.invoke('jobs:start', { kind: 'synthesize' })).toEqual(first);
      expect(changes).toEqual([]);
      // Stuck in a call: stopped after the busy bound, the call fails with a clear error.
      const stuck = await host.invoke('transcripts:list', {});
      expect(stuck).toMatchObject({ ok: false, error: { code: 'core_crashed', message: expect.stringMatching(/did not answer for 3 s.*restarted/) } });
      expect(changes).toEqual([{ reason: 'core restarted' }]);
      const second = await host.invoke('study:info', {});
      expect(second.ok && first.ok && second.value !== first.value).toBe(true);
      // Stuck while idle: stopped after the idle bound, before any call waits on it.
      expect((await host.invoke('study:close', {})).ok).toBe(true);
      await expect.poll(() => changes.length, { timeout: 10_000 }).toBe(2);
      const third = await host.invoke('study:info', {});
      expect(third.ok && second.ok && third.value !== second.value).toBe(true);
    } finally {
      await host.close();
    }
  }, 30_000);
});
