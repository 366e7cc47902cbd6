import { basename } from 'node:path';
import type { FilePreview } from '../../../shared/domain';
import type { Db } from '../db/open';
import { findTranscriptByHash } from '../db/queries/transcripts';
import { ImportError, parseTranscriptFile } from '../importers/parse';
import { previewTranscript } from '../importers/preview';
import { readSource } from './readSource';
import { collectFiles } from './collectFiles';

/** Reads and parses files without writing anything: what the import would do, for the researcher to check. */
export async function previewFiles(db: Db, paths: string[]): Promise<FilePreview[]> {
  const { files, errors } = await collectFiles(paths);
  const out: FilePreview[] = errors.map((e) => ({ path: e.path, ok: false, message: e.message }));
  for (const path of files) {
    const source = await readSource(path);
    if (!('bytes' in source)) {
      out.push({ path, ok: false, message: source.message });
      continue;
    }
    try {
      const parsed = await parseTranscriptFile(basename(path), source.bytes);
      const preview = previewTranscript(parsed);
      out.push({
        path,
        ok: true,
        format: preview.format,
        detected: preview.detected,
        turns: parsed.turns.length,
        speakers: preview.speakers,
        textLabels: preview.textLabels,
        duplicateOf: findTranscriptByHash(db, parsed.contentHash)?.fileName ?? null,
      });
    } catch (err) {
      out.push({ path, ok: false, message: err instanceof ImportError ? err.message : `${basename(path)}: ${(err as Error).message}` });
    }
  }
  return out;
}
