// The pure half of importing a file: bytes in, everything the study will store out (turns,
// proposed speaker roles, the participants' quotes with their hashes). No database, so it runs
// on the import job's thread or in a prepare worker (see preparePool.ts) while the job writes the
// file before it.
import { basename } from 'node:path';
import type { ImportFileResult, SpeakerChoices, SpeakerRole, TranscriptFormat } from '../../../shared/domain';
import { ImportError, detectInterviewer, parseTranscriptFile, type ParsedTranscript, type ParsedTurn } from '../importers/parse';
import { proposeAliases } from '../importers/aliases';
import { extractQuotes } from '../quotes/extract';
import { proposeRoles, textHash } from './roles';

export interface SourceFile {
  /** Where it came from: a path on disk, or a dropped file's name. */
  path: string;
  bytes: Uint8Array;
}

export interface PreparedQuote {
  turnIndex: number;
  text: string;
  textHash: string;
  start: number;
  end: number;
}

export interface PreparedTranscript {
  path: string;
  fileName: string;
  format: TranscriptFormat;
  detected: string;
  contentHash: string;
  interviewDate: string | null;
  turns: ParsedTurn[];
  /** Every speaker of the turns with the role proposed for it, the researcher's choices applied. */
  roles: [speaker: string, role: SpeakerRole][];
  /** Generic labels the researcher says are one person in every file (see linkSpeakers). */
  sameAcrossFiles: string[];
  /** The automatic quotes of the participants' turns (a new transcript has no highlights yet). */
  quotes: PreparedQuote[];
}

/** Either a transcript ready to write, or the file's result line (an error naming the file). */
export type Prepared = { ok: true; transcript: PreparedTranscript } | { ok: false; result: ImportFileResult };

export async function prepareTranscript(file: SourceFile, choices?: SpeakerChoices): Promise<Prepared> {
  const fileName = basename(file.path);
  try {
    const source = await parseTranscriptFile(fileName, file.bytes, { speakers: choices?.readAsSpeakers });
    // Proposed aliases ("Assistant" read as "AI") are renames the researcher's own renames override.
    const aliases = Object.fromEntries(proposeAliases(source.turns).map((a) => [a.label, a.into]));
    const parsed = withRenames(source, { ...aliases, ...choices?.renames });
    const { turns } = parsed;
    const roles = proposeRoles(turns, detectInterviewer(turns));
    for (const [speaker, role] of Object.entries(choices?.roles ?? {})) if (roles.has(speaker)) roles.set(speaker, role);
    const quotes = extractQuotes(turns, (speaker) => roles.get(speaker) === 'participant').map((q) => ({ ...q, textHash: textHash(q.text) }));
    return {
      ok: true,
      transcript: {
        path: file.path,
        fileName,
        format: parsed.format,
        detected: parsed.detected,
        contentHash: parsed.contentHash,
        interviewDate: parsed.interviewDate,
        turns,
        roles: [...roles],
        sameAcrossFiles: choices?.sameAcrossFiles ?? [],
        quotes,
      },
    };
  } catch (err) {
    const message = err instanceof ImportError ? err.message : `${fileName}: could not import (${(err as Error).message})`;
    return { ok: false, result: { path: file.path, status: 'error', message } };
  }
}

/** Applies the researcher's renames; consecutive turns that now share a speaker stay separate turns. */
function withRenames(parsed: ParsedTranscript, renames: Record<string, string> | undefined): ParsedTranscript {
  if (!renames || Object.keys(renames).length === 0) return parsed;
  return { ...parsed, turns: parsed.turns.map((t) => ({ ...t, speaker: renames[t.speaker] ?? t.speaker })) };
}
