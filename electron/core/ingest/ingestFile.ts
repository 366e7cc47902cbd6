import { basename } from 'node:path';
import type { ImportFileResult } from '../../../shared/domain';
import { transaction, type Db } from '../db/open';
import { findTranscriptByHash, insertTranscript, insertTurns } from '../db/queries/transcripts';
import { ImportError, detectInterviewer, parseTranscriptFile } from '../importers/parse';
import { assignSpeakersAndQuotes } from './writeTranscript';

export interface SourceFile {
  /** Where it came from: a path on disk, or a dropped file's name. */
  path: string;
  bytes: Uint8Array;
}

/**
 * One file, one transaction: a failure leaves nothing of the file in the study. Parsing is async
 * (Word documents are unzipped) and finishes before the transaction opens, which stays synchronous
 * so no other work can interleave with its writes.
 */
export async function ingestFile(db: Db, file: SourceFile): Promise<ImportFileResult> {
  const name = basename(file.path);
  try {
    const parsed = await parseTranscriptFile(name, file.bytes);
    const dup = findTranscriptByHash(db, parsed.contentHash);
    if (dup) return { path: file.path, status: 'skipped', message: `${name}: already imported (same content as ${dup.fileName})`, transcriptId: dup.id };
    const transcriptId = transaction(db, () => {
      const id = insertTranscript(db, {
        fileName: name,
        sourcePath: file.path,
        format: parsed.format,
        contentHash: parsed.contentHash,
        interviewDate: parsed.interviewDate,
        detected: parsed.detected,
      });
      insertTurns(db, id, parsed.turns);
      assignSpeakersAndQuotes(db, id, detectInterviewer(parsed.turns));
      return id;
    });
    const speakers = new Set(parsed.turns.map((t) => t.speaker)).size;
    return {
      path: file.path,
      status: 'ok',
      message: `${name}: ${parsed.detected}, ${parsed.turns.length} turns, ${speakers} speakers`,
      transcriptId,
    };
  } catch (err) {
    const message = err instanceof ImportError ? err.message : `${name}: could not import (${(err as Error).message})`;
    return { path: file.path, status: 'error', message };
  }
}
