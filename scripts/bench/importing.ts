// Import throughput: generated transcripts imported into a fresh study (parse, quotes, SQLite
// writes, one transaction per file) against parsing alone, the raw floor of the same work.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStudyDb } from '../../electron/core/db/open';
import { parseTranscript } from '../../electron/core/importers/parse';
import { runImportJob } from '../../electron/core/jobs/importJob';

export interface ImportBench {
  files: number;
  mb: number;
  importMBps: number;
  parseOnlyMBps: number;
  ratio: number;
}

/** n transcripts made from the fixture interviews, each with its own speaker names and wording. */
export function generateTranscripts(dir: string, n: number, fixturesDir: string): void {
  const sources = readdirSync(fixturesDir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => readFileSync(join(fixturesDir, f), 'utf8'));
  mkdirSync(dir, { recursive: true });
  // About 40 KB each, the size of a one-hour interview: the fixture talk repeated with variations.
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    for (let r = 0; r < 8; r++) {
      parts.push(sources[(i + r) % sources.length]!.replace(/\b(budget|money|month|app|bank|plan)\b/g, (w) => `${w}${(i * 8 + r) % 97}`));
    }
    writeFileSync(join(dir, `t${String(i).padStart(5, '0')}.txt`), `${parts.join('\n\n')}\n\nInterviewer: Anything else, ${i}?\n`);
  }
}

export async function benchImport(n: number, fixturesDir: string): Promise<ImportBench> {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-bench-import-'));
  try {
    const src = join(dir, 'transcripts');
    generateTranscripts(src, n, fixturesDir);
    const files = readdirSync(src).map((f) => join(src, f));
    const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
    let t = performance.now();
    for (const f of files) parseTranscript(f, readFileSync(f));
    const parseSeconds = (performance.now() - t) / 1000;
    const study = openStudyDb(join(dir, 'bench.grounded'), { create: true });
    const ctx = { signal: new AbortController().signal, progress: () => undefined };
    t = performance.now();
    await runImportJob(study.db, [src], ctx);
    const importSeconds = (performance.now() - t) / 1000;
    study.close();
    const mb = bytes / 1e6;
    return { files: n, mb, importMBps: mb / importSeconds, parseOnlyMBps: mb / parseSeconds, ratio: parseSeconds / importSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
