// Import throughput: generated transcripts imported into a fresh study (parse, quotes, SQLite
// writes with FTS5 indexing, one transaction per file) against the raw floors of the same work:
// bare SQLite storing and FTS5-indexing the parsed turns, and parsing alone.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStudyDb } from '../../electron/core/db/open';
import { defaultPrepareWorkers, inThreadPreparer, prepareWorkerFile, workerPreparer, type Preparer } from '../../electron/core/ingest/preparePool';
import { parseTranscript } from '../../electron/core/importers/parse';
import { runImportJob } from '../../electron/core/jobs/importJob';

export interface ImportBench {
  files: number;
  mb: number;
  /** The import job as the app runs it: prepare workers beside the writing thread. */
  importMBps: number;
  workers: number;
  /** The same job preparing on the writing thread. */
  oneThreadMBps: number;
  /** Parsing alone: decode and turns, no quotes, no SQLite. */
  parseOnlyMBps: number;
  /** Bare SQLite: the parsed turns into a table with an FTS5 index, one transaction per file. */
  bareFtsMBps: number;
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

async function timedImport(src: string, dir: string, name: string, preparerOf?: (files: number) => Preparer): Promise<number> {
  const study = openStudyDb(join(dir, name), { create: true });
  const ctx = { signal: new AbortController().signal, progress: () => undefined };
  const t = performance.now();
  const result = await runImportJob(study.db, [src], ctx, {}, preparerOf);
  const seconds = (performance.now() - t) / 1000;
  study.close();
  const failed = result?.imports?.filter((r) => r.status !== 'ok') ?? [];
  if (failed.length) throw new Error(`bench import failed: ${failed[0]!.message}`);
  return seconds;
}

/** The floor of storing and indexing the same turns: no quotes, no speakers, no app code. */
function bareFtsSeconds(dir: string, parsed: { speaker: string; text: string }[][]): number {
  const db = new Database(join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table turns (id integer primary key, file int, idx int, speaker text, text text);
    create virtual table turns_fts using fts5(text, content='turns', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
    create trigger turns_ai after insert on turns begin insert into turns_fts(rowid, text) values (new.id, new.text); end;`);
  const insert = db.prepare("insert into turns (file, idx, speaker, text) select ?, key, value ->> 0, value ->> 1 from json_each(?)");
  const t = performance.now();
  parsed.forEach((turns, i) => db.transaction(() => insert.run(i, JSON.stringify(turns.map((x) => [x.speaker, x.text]))))());
  const seconds = (performance.now() - t) / 1000;
  db.close();
  return seconds;
}

export async function benchImport(n: number, fixturesDir: string): Promise<ImportBench> {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-bench-import-'));
  try {
    const src = join(dir, 'transcripts');
    generateTranscripts(src, n, fixturesDir);
    const files = readdirSync(src).map((f) => join(src, f));
    const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
    const t = performance.now();
    const parsed = files.map((f) => parseTranscript(f, readFileSync(f)).turns);
    const parseSeconds = (performance.now() - t) / 1000;
    const bare = bareFtsSeconds(dir, parsed);
    const workerFile = prepareWorkerFile();
    const workers = workerFile ? defaultPrepareWorkers() : 0;
    const pooled = await timedImport(src, dir, 'pooled.grounded', workerFile && workers > 0 ? () => workerPreparer(workerFile, workers) : () => inThreadPreparer());
    const oneThread = await timedImport(src, dir, 'one-thread.grounded', () => inThreadPreparer());
    const mb = bytes / 1e6;
    return { files: n, mb, importMBps: mb / pooled, workers, oneThreadMBps: mb / oneThread, parseOnlyMBps: mb / parseSeconds, bareFtsMBps: mb / bare };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
