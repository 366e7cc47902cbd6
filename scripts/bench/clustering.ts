// Clustering benchmark: themes for n synthetic quotes (seeded gaussian blobs on the unit sphere
// with planted words), timed end to end through clusterThemes — choosing k, k-means and c-TF-IDF
// labels. Budget on the 2-core target: 10k quotes < 2 s, 50k < 15 s.
//
//   npx tsx scripts/bench/clustering.ts 1000 10000 50000

import { syntheticBlobs } from '../../electron/core/synthesis/syntheticData';
import { clusterThemes } from '../../electron/core/synthesis/themes';

export interface ClusteringBench {
  n: number;
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds of the process over the same span: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  /** Peak resident set size of the process so far (includes generating the data). */
  peakMB: number;
  /** Number of themes chosen. */
  k: number;
}

/**
 * Blobs are drawn with spread 1.5 (a quote's cosine to its blob centre ≈ 0.55, to a sibling ≈
 * 0.3), closer to real MiniLM themes than tight blobs, so k-means needs realistic iteration
 * counts. 20 blobs are planted whatever n is; the chosen k is reported.
 */
export function benchClustering(n: number, dim = 384, seed = 1): ClusteringBench {
  const quotes = syntheticBlobs({ n, clusters: 20, dim, seed, spread: 1.5 });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = clusterThemes({ quotes, seed });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { n, seconds, cpuSeconds, peakMB: Math.round(process.resourceUsage().maxRSS / 1024), k: result.k };
}

const invokedDirectly = (process.argv[1] ?? '').replace(/\\/g, '/').endsWith('scripts/bench/clustering.ts');
if (invokedDirectly) {
  const sizes = process.argv.slice(2).map(Number);
  for (const n of sizes.length > 0 ? sizes : [1000, 10_000, 50_000]) {
    const { seconds, cpuSeconds, peakMB, k } = benchClustering(n);
    const cpu = cpuSeconds.toFixed(2);
    console.log(`clustering n=${n}: ${seconds.toFixed(2)} s (cpu ${cpu} s), k=${k}, peak RSS ${peakMB} MB`);
  }
}
