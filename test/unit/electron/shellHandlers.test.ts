// `shell:showItem` reveals a path in the file manager; it must only ever be a file Grounded wrote
// (an export of this session) or the open study, whatever path a renderer sends.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { JobFinished } from '../../../shared/domain';
import { runHandler } from '../../../shared/ipc/contract';
import { shellHandlers, showablePaths } from '../../../electron/main/shellHandlers';

function fakeHost(studyPath: string | null) {
  const events = new EventEmitter();
  return {
    host: {
      invoke: async () => ({ ok: true, value: studyPath === null ? null : { path: studyPath } }),
      on: (event: string, listener: (p: JobFinished) => void) => {
        events.on(event, listener);
        return () => events.off(event, listener);
      },
    } as never,
    finish: (files: string[]) => events.emit('jobs:finished', { jobId: '1', kind: 'export', status: 'completed', result: { export: { files } } }),
  };
}

function setup(studyPath: string | null) {
  const shown: string[] = [];
  const shell = { showItemInFolder: (p: string) => shown.push(p) };
  const { host, finish } = fakeHost(studyPath);
  const handlers = shellHandlers({} as never, shell as never, () => null, showablePaths(host));
  const show = (path: string) => runHandler(handlers, 'shell:showItem', { path });
  return { shown, finish, show };
}

describe('shell:showItem', () => {
  it('shows the exported files and their folder, and the open study', async () => {
    const { shown, finish, show } = setup('/home/r/studies/s.grounded');
    finish(['/home/r/out/01-maya.pdf', '/home/r/out/personas-deck.pdf']);
    for (const path of ['/home/r/out/01-maya.pdf', '/home/r/out/personas-deck.pdf', '/home/r/out', '/home/r/studies/s.grounded']) {
      expect(await show(path), path).toEqual({ ok: true, value: null });
    }
    expect(shown).toEqual(['/home/r/out/01-maya.pdf', '/home/r/out/personas-deck.pdf', '/home/r/out', '/home/r/studies/s.grounded']);
  });

  it('refuses every other path, including ones that resolve outside what was written', async () => {
    const { shown, finish, show } = setup('/home/r/studies/s.grounded');
    finish(['/home/r/out/01-maya.pdf']);
    for (const path of ['/etc/passwd', '/home/r/out/../.ssh/id_rsa', '/home/r/out/evil.desktop', '/home/r/studies', 'relative.pdf']) {
      expect(await show(path), path).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(shown).toEqual([]);
  });

  it('with no study open and nothing exported, shows nothing', async () => {
    const { shown, show } = setup(null);
    expect(await show('/home/r/studies/s.grounded')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(shown).toEqual([]);
  });
});
