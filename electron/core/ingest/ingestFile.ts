import type { ImportFileResult, SpeakerChoices } from '../../../shared/domain';
import { transaction, type Db } from '../db/open';
import { findTranscriptByHash, insertTranscript, insertTurns } from '../db/queries/transcripts';
import { prepareTranscript, type PreparedTranscript, type SourceFile } from './prepare';
import { insertQuoteRows, linkSpeakers } from './writeTranscript';

export type { SourceFile } from './prepare';

/** Parses one file and writes it: see prepareTranscript and writePrepared. */
export async function ingestFile(db: Db, file: SourceFile, choices?: SpeakerChoices): Promise<ImportFileResult> {
  const prepared = await prepareTranscript(file, choices);
  return prepared.ok ? writePrepared(db, prepared.transcript) : prepared.result;
}

/**
 * One file, one transaction: a failure leaves nothing of the file in the study. The transcript,
 * its turns (indexed for search by the turns_fts trigger), its speakers and participants and its
 * quotes are written together or not at all. Synchronous, so no other work interleaves.
 */
export function writePrepared(db: Db, p: PreparedTranscript): ImportFileResult {
  try {
    const written = transaction(db, () => {
      // Inside the write transaction (BEGIN IMMEDIATE): an import of the same file running at the
      // same time in another process either sees this one's row or waits for it, and says skipped.
      const dup = findTranscriptByHash(db, p.contentHash);
      if (dup) return dup;
      const id = insertTranscript(db, {
        fileName: p.fileName,
        sourcePath: p.path,
        format: p.format,
        contentHash: p.contentHash,
        interviewDate: p.interviewDate,
        detected: p.detected,
      });
      const turnIds = insertTurns(db, id, p.turns);
      const roles = new Map(p.roles);
      const participantIds = linkSpeakers(db, id, [...roles.keys()], roles, p.sameAcrossFiles);
      insertQuoteRows(
        db,
        id,
        p.quotes.map((q) => {
          const speaker = p.turns[q.turnIndex]!.speaker;
          return { turnId: turnIds[q.turnIndex]!, participantId: participantIds.get(speaker)!, text: q.text, textHash: q.textHash, start: q.start, end: q.end, highlightId: null };
        }),
      );
      return id;
    });
    if (typeof written !== 'number') {
      return { path: p.path, status: 'skipped', message: `${p.fileName}: already imported (same content as ${written.fileName})`, transcriptId: written.id };
    }
    const transcriptId = written;
    const speakers = new Set(p.turns.map((t) => t.speaker)).size;
    return { path: p.path, status: 'ok', message: `${p.fileName}: ${p.detected}, ${p.turns.length} turns, ${speakers} speakers`, transcriptId };
  } catch (err) {
    return { path: p.path, status: 'error', message: `${p.fileName}: could not import (${(err as Error).message})` };
  }
}
