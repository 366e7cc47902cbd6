import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for all three faces: the Electron main process and its core worker, the CLI and the
// test harness (Node entries under out/main), the preload, and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // DiceBear ships ES modules only; bundling it keeps the CommonJS main build loadable on
      // every Node and Electron version without require(esm).
      externalizeDeps: { exclude: ['@dicebear/core', '@dicebear/collection'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'core.worker': resolve(__dirname, 'electron/core/host/core.worker.ts'),
          'prepare.worker': resolve(__dirname, 'electron/core/ingest/prepare.worker.ts'),
          cli: resolve(__dirname, 'electron/core/cli/main.ts'),
          harness: resolve(__dirname, 'electron/core/harness/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
