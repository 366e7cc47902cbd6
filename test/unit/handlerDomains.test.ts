// The core's handlers are split by domain: each file owns exactly the channels of its prefixes, and together
// they cover the whole core contract once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreContract } from '../../shared/ipc/contract';
import { backupHandlers } from '../../electron/core/handlers/backups';
import { exportHandlers } from '../../electron/core/handlers/export';
import { highlightHandlers } from '../../electron/core/handlers/highlights';
import { historyHandlers } from '../../electron/core/handlers/history';
import { jobHandlers } from '../../electron/core/handlers/jobs';
import { participantHandlers } from '../../electron/core/handlers/participants';
import { personaHandlers } from '../../electron/core/handlers/personas';
import { studyHandlers } from '../../electron/core/handlers/study';
import { themeHandlers } from '../../electron/core/handlers/themes';
import { transcriptHandlers } from '../../electron/core/handlers/transcripts';
import { Core } from '../../electron/core/service';

describe('handlers by domain', () => {
  const core = new Core({ settingsDir: mkdtempSync(join(tmpdir(), 'grounded-domains-')) });
  const domains: [string[], object][] = [
    [['app', 'study'], studyHandlers(core)],
    [['transcripts', 'search'], transcriptHandlers(core)],
    [['participants'], participantHandlers(core)],
    [['highlights'], highlightHandlers(core)],
    [['themes', 'quotes', 'facets', 'synthesis'], themeHandlers(core)],
    [['personas'], personaHandlers(core)],
    [['jobs'], jobHandlers(core)],
    [['history'], historyHandlers(core)],
    [['export'], exportHandlers(core)],
    [['backups'], backupHandlers(core)],
  ];

  it('each domain file handles only channels of its own prefixes', () => {
    for (const [prefixes, handlers] of domains) {
      for (const channel of Object.keys(handlers)) expect(prefixes, channel).toContain(channel.split(':')[0]);
    }
  });

  it('together they handle every core channel exactly once', () => {
    const all = domains.flatMap(([, h]) => Object.keys(h));
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(Object.keys(coreContract).sort());
    expect(Object.keys(core.handlers()).sort()).toEqual(Object.keys(coreContract).sort());
  });
});
