// Entry point of the importers: bytes of one file in, turns out, or an ImportError that says
// in plain words what is wrong with the file. Pure: no filesystem, no database.
import { createHash } from 'node:crypto';
import { decodeTranscriptBytes } from './decode';
import { ImportError } from './errors';
import { findInterviewDate } from './interviewDate';
import { parsePlainText } from './plainText';
import { sniffFormat } from './sniff';
import type { ParsedTranscript } from './types';
import { parseWebVtt } from './webvtt';

export { ImportError, type ImportErrorCode } from './errors';
export { MAX_TRANSCRIPT_BYTES } from './decode';
export { detectInterviewer } from './interviewer';
export type { ParsedTranscript, ParsedTurn } from './types';

export function parseTranscript(fileName: string, bytes: Uint8Array): ParsedTranscript {
  const decoded = decodeTranscriptBytes(fileName, bytes);
  const text = decoded.replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) {
    throw new ImportError('empty', fileName, 'file contains only blank space, no transcript text');
  }

  const sniffed = sniffFormat(text);
  if ('unsupported' in sniffed) {
    throw new ImportError(
      'unknown_format',
      fileName,
      `looks like ${sniffed.unsupported}, which Grounded does not read; save the transcript as plain text (.txt), Markdown (.md) or WebVTT (.vtt)`,
    );
  }
  const { format } = sniffed;
  const { turns, preamble } = format === 'webvtt' ? parseWebVtt(text) : parsePlainText(text, format === 'markdown');

  const speakers = new Set(turns.map((t) => t.speaker));
  if (turns.length === 0) {
    throw new ImportError('no_turns', fileName, noTurnsMessage(format));
  }
  if (speakers.size < 2) {
    // An interview has at least two voices; one label alone is a guide or notes ("INTERVIEWER:" in a protocol).
    throw new ImportError(
      'no_turns',
      fileName,
      `found turns of only one speaker (${[...speakers][0] ?? ''}); a transcript needs at least two speakers, each line starting with their name, like "Alex: I usually pay rent first."`,
    );
  }
  return {
    format,
    turns,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    interviewDate: findInterviewDate(preamble, turns.slice(0, 20).map((t) => t.text).join('\n')),
  };
}

function noTurnsMessage(format: ParsedTranscript['format']): string {
  if (format === 'webvtt') {
    return 'no speaker turns found in this WebVTT file; expected cues naming the speaker, like "Alex: I usually pay rent first." or "<v Alex>I usually pay rent first."';
  }
  return 'no speaker turns found; expected lines that start with the speaker\'s name and a colon, like "Alex: I usually pay rent first." (at least two speakers)';
}
