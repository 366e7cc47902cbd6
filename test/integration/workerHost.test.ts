// The Electron app's core runs in a worker thread (out/main/core.worker.js); main only relays.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobFinished } from '../../shared/domain';
import { createWorkerCoreHost } from '../../electron/core/host/workerHost';
import { goodTranscripts } from '../helpers/core';
import { useTmpDir } from '../helpers/tmp';

const workerFile = join(__dirname, '..', '..', 'out', 'main', 'core.worker.js');
const tmp = useTmpDir();

describe('the core in a worker thread', () => {
  it('answers the contract, validates input and streams job events', async () => {
    expect(existsSync(workerFile), 'run npm run build first').toBe(true);
    const dir = tmp();
    const host = createWorkerCoreHost(workerFile, { settingsDir: join(dir, 'settings') });
    try {
      expect(await host.invoke('study:info', {})).toEqual({ ok: true, value: null });
      const bad = await host.invoke('study:create', { path: 42 } as never);
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const created = await host.invoke('study:create', { path: join(dir, 'w') });
      expect(created).toMatchObject({ ok: true, value: { name: 'w', path: join(dir, 'w.grounded') } });

      const finished = new Promise<JobFinished>((resolve) => host.on('jobs:finished', resolve));
      const progress: number[] = [];
      host.on('jobs:progress', (p) => progress.push(p.done));
      const started = await host.invoke('jobs:start', { kind: 'import', paths: goodTranscripts.slice(0, 2) });
      expect(started.ok).toBe(true);
      const f = await finished;
      expect(f).toMatchObject({ status: 'completed', kind: 'import' });
      expect(f.result?.imports?.map((r) => r.status)).toEqual(['ok', 'ok']);
      expect(progress.length).toBeGreaterThan(0);
      const list = await host.invoke('transcripts:list', {});
      expect(list.ok && list.value.length).toBe(2);
      expect(await host.invoke('study:recent', {})).toEqual({ ok: true, value: [join(dir, 'w.grounded')] });
    } finally {
      await host.close();
    }
  });
});
