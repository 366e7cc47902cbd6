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

  it('stops and restarts a core that stops answering; a busy core that reports progress is left alone', async () => {
    const file = join(tmp(), 'stuck-core.worker.cjs');
    // study:info answers which incarnation; transcripts:list blocks the thread for good (a hang,
    // not a crash); study:recent works for 1.5 s synchronously but posts progress all along;
    // jobs:start starts a job that is silent for 1.5 s between two reports (a clustering step).
    writeFileSync(
      file,
      `const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.type === 'close') return parentPort.postMessage({ type: 'closed', id: m.id });
  if (m.type === 'ping') return parentPort.postMessage({ type: 'pong', id: m.id });
  if (m.channel === 'transcripts:list') for (;;);
  if (m.channel === 'jobs:start') {
    parentPort.postMessage({ type: 'event', event: 'jobs:progress', payload: { jobId: 'j1', done: 0, total: 1 } });
    const until = Date.now() + 1500;
    while (Date.now() < until);
    parentPort.postMessage({ type: 'event', event: 'jobs:finished', payload: { jobId: 'j1', status: 'completed' } });
  }
  if (m.channel === 'study:recent') {
    const until = Date.now() + 1500;
    let last = 0;
    while (Date.now() < until) if (Date.now() - last > 50) { last = Date.now(); parentPort.postMessage({ type: 'event', event: 'jobs:progress', payload: last }); }
  }
  parentPort.postMessage({ type: 'result', id: m.id, result: { ok: true, value: threadId } });
});
`,
    );
    const host = createWorkerCoreHost(file, { settingsDir: tmp() }, { hangMs: 600, jobHangMs: 10_000, heartbeatMs: 100 });
    const changes: unknown[] = [];
    host.on('study:changed', (p) => changes.push(p));
    try {
      const first = await host.invoke('study:info', {});
      expect(first.ok).toBe(true);
      expect(await host.invoke('study:recent', {})).toEqual(first);
      expect(await host.invoke('jobs:start', { kind: 'synthesize' })).toEqual(first);
      expect(changes).toEqual([]);
      const stuck = await host.invoke('transcripts:list', {});
      expect(stuck).toMatchObject({ ok: false, error: { code: 'core_crashed', message: expect.stringMatching(/did not answer for 1 s.*restarted/) } });
      expect(changes).toEqual([{ reason: 'core restarted' }]);
      const after = await host.invoke('study:info', {});
      expect(after.ok && first.ok && after.value !== first.value).toBe(true);
    } finally {
      await host.close();
    }
  }, 30_000);
});
