// npx tsx scripts/bench/export.run.ts [nPersonas]
// Exports n synthetic personas as PDF (n cards + an (n + 1)-page deck) and prints the timings.
import { benchExport } from './export';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 20);
  const coldStart = performance.now();
  const r = await benchExport(n);
  const pages = 2 * n + 1;
  console.log(`${n} personas as PDF: ${n} one-page cards + a ${n + 1}-page deck (${pages} pages)`);
  console.log(`  total (warm)  : ${r.seconds.toFixed(2)} s`);
  console.log(`  per persona   : ${r.perPersonaMs.toFixed(0)} ms`);
  console.log(`  per PDF page  : ${((r.seconds * 1000) / pages).toFixed(0)} ms`);
  console.log(`  CPU time      : ${r.cpuSeconds.toFixed(2)} s (${((r.cpuSeconds * 1000) / pages).toFixed(0)} ms per page)`);
  console.log(`  peak RSS      : ${r.peakMB.toFixed(0)} MB`);
  console.log(`  process total : ${((performance.now() - coldStart) / 1000).toFixed(2)} s (includes the one-off react-pdf and font load)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
