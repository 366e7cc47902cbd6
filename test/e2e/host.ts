// The core the e2e test drives: the real one, in this process. Without the provisioned model the
// core refuses to synthesize, so the test then injects a small deterministic embedder (hashed bag
// of words) — the UI flow is what is under test here, not the quality of the themes.
import { createHash } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import type { Embedder } from '../../electron/core/embeddings/embedder';
import type { CoreHost } from '../../electron/core/host/types';

const DIM = 256;

export function hashedWordsEmbedder(): Embedder {
  const embedOne = (text: string) => {
    const v = new Float32Array(DIM);
    // A small constant component keeps a quote with no long word from being the zero vector.
    v[0] = 0.25;
    for (const word of text.toLowerCase().match(/[a-z]{4,}/g) ?? []) {
      v[1 + (createHash('sha1').update(word).digest().readUInt16LE(0) % (DIM - 1))]! += 1;
    }
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  };
  return {
    modelId: 'test/hashed-words',
    modelHash: 'test',
    dim: DIM,
    embed: async (texts) => texts.map(embedOne),
    dispose: async () => {},
  };
}

export async function createE2EHost(settingsDir: string): Promise<CoreHost> {
  const { createCoreHost } = await import('../../electron/core/host/inProcess');
  const host = await createCoreHost({ settingsDir });
  const status = await host.invoke('app:status', {});
  if (status.ok && status.value.model.available) return host;
  await host.close();
  return createCoreHost({ settingsDir, createEmbedder: async () => hashedWordsEmbedder() });
}

/** Debian's Chromium (apt-get install -y chromium), or the one GROUNDED_CHROMIUM names. */
export const CHROMIUM = process.env.GROUNDED_CHROMIUM ?? '/usr/bin/chromium';

/** Chromium headless, with nothing of its own that could reach the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
