import { basename } from 'node:path';
import type { ImportFileResult, SpeakerChoices } from '../../../shared/domain';
import type { ParsedTranscript } from '../importers/parse';
import { transaction, type Db } from '../db/open';
import { findTranscriptByHash, insertTranscript, insertTurns } from '../db/queries/transcripts';
import { ImportError, detectInterviewer, parseTranscriptFile } from '../importers/parse';
import { applyRoles, proposeRoles } from './writeTranscript';

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
export async function ingestFile(db: Db, file: SourceFile, choices?: SpeakerChoices): Promise<ImportFileResult> {
  const name = basename(file.path);
  try {
    const parsed = withRenames(await parseTranscriptFile(name, file.bytes), choices?.renames);
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
      const roles = proposeRoles(parsed.turns, detectInterviewer(parsed.turns));
      for (const [speaker, role] of Object.entries(choices?.roles ?? {})) if (roles.has(speaker)) roles.set(speaker, role);
      applyRoles(db, id, roles);
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

/** Applies the researcher's renames; consecutive turns that now share a speaker stay separate turns. */
function withRenames(parsed: ParsedTranscript, renames: Record<string, string> | undefined): ParsedTranscript {
  if (!renames || Object.keys(renames).length === 0) return parsed;
  return { ...parsed, turns: parsed.turns.map((t) => ({ ...t, speaker: renames[t.speaker] ?? t.speaker })) };
}
