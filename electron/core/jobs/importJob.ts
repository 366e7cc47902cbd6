import { basename } from 'node:path';
import type { ImportFileResult, JobFinished, SpeakerChoices } from '../../../shared/domain';
import type { Db } from '../db/open';
import { collectFiles } from '../ingest/collectFiles';
import { ingestFile, writePrepared } from '../ingest/ingestFile';
import { preparerFor, type Preparer } from '../ingest/preparePool';
import type { Prepared } from '../ingest/prepare';
import type { JobContext } from './runner';

/** Files prepared ahead of the one being written: enough to keep every preparer busy, few enough
 * that a batch of large files does not sit in memory at once. */
const lookahead = (preparer: Preparer) => 2 + 2 * preparer.parallel;

/**
 * Imports files and folders from disk, one transaction per file; a cancel keeps what was imported.
 * Files are prepared (read, parsed, quotes found) ahead, by worker threads for big batches, and
 * written in the order given, so ids and results follow the files.
 */
export async function runImportJob(
  db: Db,
  paths: string[],
  ctx: JobContext,
  speakers: Record<string, SpeakerChoices> = {},
  /** Who prepares the files; by default worker threads for a big batch, else this thread. */
  preparerOf: (files: number) => Preparer = preparerFor,
): Promise<JobFinished['result']> {
  const { files, errors } = await collectFiles(paths);
  const preparer = preparerOf(files.length);
  const results: ImportFileResult[] = [...errors];
  const ahead: Promise<Prepared>[] = [];
  let queued = 0;
  const window = lookahead(preparer);
  try {
    for (const [i, path] of files.entries()) {
      while (queued < files.length && ahead.length < window) {
        const next = files[queued++]!;
        ahead.push(preparer.prepare(next, speakers[next]));
      }
      if (ctx.signal.aborted) break;
      ctx.progress(i, files.length, `Importing ${basename(path)}`);
      const prepared = await ahead.shift()!;
      results.push(prepared.ok ? writePrepared(db, prepared.transcript) : prepared.result);
    }
  } finally {
    await preparer.close();
  }
  ctx.progress(results.length - errors.length, files.length, 'Import finished');
  return { imports: results };
}

/** Imports files whose bytes came with the request (drag and drop in a browser). */
export async function runImportContentJob(
  db: Db,
  files: { name: string; dataBase64: string }[],
  ctx: JobContext,
): Promise<JobFinished['result']> {
  const results: ImportFileResult[] = [];
  for (const [i, f] of files.entries()) {
    if (ctx.signal.aborted) break;
    ctx.progress(i, files.length, `Importing ${f.name}`);
    results.push(await ingestFile(db, { path: basename(f.name), bytes: Buffer.from(f.dataBase64, 'base64') }));
    await new Promise((r) => setImmediate(r)); // let a cancel arrive between files
  }
  ctx.progress(results.length, files.length, 'Import finished');
  return { imports: results };
}
