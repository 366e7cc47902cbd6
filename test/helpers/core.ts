import { join } from 'node:path';
import { createCoreHost } from '../../electron/core/host/inProcess';
import type { Core } from '../../electron/core/service';
import { modelStatus } from '../../electron/core/embeddings/model';
import { defaultModelsDir } from '../../electron/core/embeddings/model';

export const transcriptsDir = join(__dirname, '..', 'fixtures', 'transcripts');
/** The good interviews among the fixtures (the bad/ folder holds the broken ones). */
export const goodTranscripts = [
  'focus-call.vtt',
  'interview-alex.txt',
  'interview-dev.txt',
  'interview-jordan.txt',
  'interview-kai.txt',
  'interview-maria.md',
  'interview-sam.md',
].map((f) => join(transcriptsDir, f));

export const modelReady = modelStatus(defaultModelsDir()).available;

/** A core with its own settings folder and a new study at dir/study.grounded. */
export async function coreWithStudy(dir: string): Promise<Core> {
  const host = await createCoreHost({ settingsDir: join(dir, 'settings') });
  await host.core.openStudy(join(dir, 'study.grounded'), true);
  return host.core;
}

export async function importAll(core: Core, paths: string[]) {
  const finished = await core.startJob({ kind: 'import', paths }).done;
  return finished.result?.imports ?? [];
}
