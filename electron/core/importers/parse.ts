// Entry point of the importers: bytes of one file in, turns out, or an ImportError that says
// in plain words what is wrong with the file. Pure: no filesystem, no database.
// parseTranscriptFile reads every supported format; parseTranscript, kept synchronous for
// callers that have text formats only, reads all but Word documents (mammoth is async).
import { createHash } from 'node:crypto';
import { CsvError } from 'csv-parse/sync';
import type { TranscriptFormat } from '../../../shared/domain';
import { decodeTranscriptBytes, MAX_TRANSCRIPT_BYTES, stripControlCharacters } from './decode';
import { parseDelimited } from './delimited';
import { describeText } from './describe';
import { docxText, isZip } from './docx';
import { ImportError } from './errors';
import { findInterviewDate } from './interviewDate';
import { parsePlainText } from './plainText';
import { parseSrt } from './srt';
import { sniffFormat, type Sniffed } from './sniff';
import type { FormatParse, ParseOptions, ParsedTranscript } from './types';
import { speakerKey } from './speakerLabels';
import { parseWebVtt } from './webvtt';
import { parseWhisperJson } from './whisperJson';

export { ImportError, type ImportErrorCode } from './errors';
export { MAX_TRANSCRIPT_BYTES } from './decode';
export { detectInterviewer } from './interviewer';
export type { ParseOptions, ParsedTranscript, ParsedTurn } from './types';

/** Any supported file: Word documents are unpacked first, everything else is read as text. */
export async function parseTranscriptFile(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedTranscript> {
  if (!isZip(bytes)) return parseTranscript(fileName, bytes, options);
  if (bytes.length > MAX_TRANSCRIPT_BYTES) decodeTranscriptBytes(fileName, bytes); // throws too_large, saying the limit
  const text = await docxText(fileName, bytes);
  return guarded(fileName, () => fromText(fileName, bytes, text, true, options));
}

/** Text formats (plain, Markdown, WebVTT, SRT, Whisper JSON, CSV, TSV) in any common encoding. */
export function parseTranscript(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedTranscript {
  return guarded(fileName, () => fromText(fileName, bytes, decodeTranscriptBytes(fileName, bytes), false, options));
}

function fromText(fileName: string, bytes: Uint8Array, decoded: string, inWord: boolean, options: ParseOptions): ParsedTranscript {
  const text = decoded.replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) {
    throw new ImportError('empty', fileName, inWord ? 'the Word document has no text' : 'file contains only blank space, no transcript text');
  }

  const sniffed = sniffFormat(text);
  if ('unsupported' in sniffed) {
    throw new ImportError(
      'unknown_format',
      fileName,
      `looks like ${sniffed.unsupported}, which Grounded does not read; save the transcript as plain text (.txt), Markdown (.md), WebVTT (.vtt), SubRip (.srt), Word (.docx), CSV or Whisper JSON`,
    );
  }
  const speakers = new Set((options.speakers ?? []).map(speakerKey));
  const { format, parsed } = parseSniffed(fileName, text, sniffed, inWord, speakers);
  const { preamble } = parsed;
  // Whisper JSON can escape half a surrogate pair, which SQLite cannot store as UTF-8; U+FFFD has
  // the same UTF-16 length, so offsets into the turn (quotes, highlights) still hold.
  // Controls were stripped from the bytes, but JSON escapes (\u001b) and caption character
  // references (&#27;) decode after that: the turns are stripped again once every format decoded.
  const turns = parsed.turns.map((t) => {
    const text = stripControlCharacters(t.text.isWellFormed() ? t.text : t.text.toWellFormed());
    const speaker = stripControlCharacters(t.speaker);
    return text === t.text && speaker === t.speaker ? t : { ...t, text, speaker: speaker.trim() };
    // A speaker or a text that was nothing but controls is no turn.
  }).filter((t) => t.text.trim().length > 0 && t.speaker.length > 0);
  const detected = inWord && !parsed.detected.startsWith('Word document') ? `Word document (${parsed.detected})` : parsed.detected;

  if (turns.length === 0) {
    throw new ImportError('no_turns', fileName, parsed.missing ?? noTurnsMessage(format));
  }
  const voices = new Set(turns.map((t) => t.speaker));
  if (voices.size < 2) {
    // An interview has at least two voices; one label alone is a guide or notes ("INTERVIEWER:" in a protocol).
    throw new ImportError(
      'no_turns',
      fileName,
      `has no participant turns: only one speaker (${[...voices][0] ?? ''}) speaks, as in an interview guide or a monologue; a transcript needs at least two speakers, each line starting with their name, like "Alex: I usually pay rent first."`,
    );
  }
  return {
    format: inWord ? 'docx' : format,
    detected,
    turns,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    interviewDate: findInterviewDate(preamble, turns.slice(0, 20).map((t) => t.text).join('\n')),
    textLabels: parsed.textLabels ?? [],
  };
}

function parseSniffed(
  fileName: string,
  text: string,
  sniffed: Exclude<Sniffed, { unsupported: string }>,
  inWord: boolean,
  speakers: ReadonlySet<string>,
): { format: TranscriptFormat; parsed: FormatParse } {
  switch (sniffed.format) {
    case 'webvtt':
      return { format: 'webvtt', parsed: parseWebVtt(text) };
    case 'srt':
      return { format: 'srt', parsed: parseSrt(text) };
    case 'json':
      return { format: 'json', parsed: parseWhisperJson(sniffed.segments) };
    case 'csv':
    case 'tsv': {
      const table = tableOrNull(fileName, text, sniffed);
      if (table) return { format: sniffed.format, parsed: table };
      break; // not a table after all: read it as text
    }
  }
  const markdown = sniffed.format === 'markdown';
  const { turns, preamble, traits, asText } = parsePlainText(text, markdown, speakers);
  return { format: markdown ? 'markdown' : 'text', parsed: { turns, preamble, detected: describeText(traits, markdown, inWord), textLabels: asText } };
}

function tableOrNull(fileName: string, text: string, sniffed: Extract<Sniffed, { delimiter: string }>): FormatParse | null {
  try {
    return parseDelimited(text, sniffed.delimiter, sniffed.header);
  } catch (err) {
    if (!(err instanceof CsvError) || !sniffed.header) return null;
    throw new ImportError('unreadable', fileName, `this ${sniffed.format.toUpperCase()} table is malformed (${err.message}); re-export it from the tool that made it`);
  }
}

/** Every refusal is an ImportError naming the file, whatever failed underneath. */
function guarded<T>(fileName: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError('unreadable', fileName, `could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
}

function noTurnsMessage(format: TranscriptFormat): string {
  if (format === 'webvtt') {
    return 'no speaker turns found in this WebVTT file; expected cues naming the speaker, like "Alex: I usually pay rent first." or "<v Alex>I usually pay rent first."';
  }
  return 'no speaker turns found; expected lines that start with the speaker\'s name and a colon, like "Alex: I usually pay rent first." (at least two speakers)';
}
