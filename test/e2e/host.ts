// The core the e2e test drives. Until the real core is wired end to end, this is the in-memory
// fake; switch with GROUNDED_E2E_CORE=real (the real core needs a provisioned model, or an
// injected embedder, to synthesize).
import type { CoreHost } from '../../electron/core/host/types';
import { createFakeCore } from './fakeCore';

export async function createE2EHost(settingsDir: string): Promise<CoreHost> {
  if (process.env.GROUNDED_E2E_CORE === 'real') {
    const { createCoreHost } = await import('../../electron/core/host/inProcess');
    return createCoreHost({ settingsDir });
  }
  return createFakeCore();
}
