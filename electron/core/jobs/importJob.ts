import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportFileResult, JobFinished, SpeakerChoices } from '../../../shared/domain';
import type { Db } from '../db/open';
import { collectFiles } from '../ingest/collectFiles';
import { ingestFile, type SourceFile } from '../ingest/ingestFile';
import { MAX_TRANSCRIPT_BYTES as MAX_FILE_BYTES } from '../importers/parse';
import type { JobContext } from './runner';

/** Imports files and folders from disk, one transaction per file; a cancel keeps what was imported. */
export async function runImportJob(
  db: Db,
  paths: string[],
  ctx: JobContext,
  speakers: Record<string, SpeakerChoices> = {},
): Promise<JobFinished['result']> {
  const { files, errors } = await collectFiles(paths);
  const results: ImportFileResult[] = [...errors];
  for (const [i, path] of files.entries()) {
    if (ctx.signal.aborted) break;
    ctx.progress(i, files.length, `Importing ${basename(path)}`);
    const source = await readSource(path);
    results.push('bytes' in source ? await ingestFile(db, source, speakers[path]) : source);
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

export async function readSource(path: string): Promise<SourceFile | ImportFileResult> {
  const name = basename(path);
  try {
    const s = await stat(path);
    if (!s.isFile()) return { path, status: 'error', message: `${name}: not a regular file` };
    if (s.size > MAX_FILE_BYTES) {
      const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
      return { path, status: 'error', message: `${name}: too large (${mb(s.size)}; the limit is ${mb(MAX_FILE_BYTES)})` };
    }
    return { path, bytes: await readFile(path) };
  } catch (err) {
    return { path, status: 'error', message: `${name}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
}
