import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportFileResult } from '../../../shared/domain';
import { MAX_TRANSCRIPT_BYTES as MAX_FILE_BYTES } from '../importers/parse';
import type { SourceFile } from './prepare';

/**
 * A file's bytes, or its result line when it is not a regular file, too large or unreadable.
 * It is measured before it is opened (opening a FIFO would wait for a writer forever), and read
 * no further than that measure: a file that grows meanwhile (a log, a sync in progress) cannot
 * take the read past the limit.
 */
export async function readSource(path: string): Promise<SourceFile | ImportFileResult> {
  const name = basename(path);
  try {
    const s = await stat(path);
    if (!s.isFile()) return { path, status: 'error', message: `${name}: not a regular file` };
    if (s.size > MAX_FILE_BYTES) {
      const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
      return { path, status: 'error', message: `${name}: too large (${mb(s.size)}; the limit is ${mb(MAX_FILE_BYTES)})` };
    }
    const file = await open(path, 'r');
    try {
      const bytes = Buffer.alloc(s.size);
      let length = 0;
      for (let n = -1; n !== 0 && length < s.size; length += n) {
        ({ bytesRead: n } = await file.read(bytes, length, s.size - length, length));
      }
      return { path, bytes: bytes.subarray(0, length) };
    } finally {
      await file.close();
    }
  } catch (err) {
    return { path, status: 'error', message: `${name}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
}
