import type { TranscriptFormat } from '../../../shared/domain';

export interface ParsedTurn {
  speaker: string;
  text: string;
  startMs: number | null;
}

export interface ParsedTranscript {
  format: TranscriptFormat;
  /** The source as detected from the content, in words for the researcher: "Otter text export",
   * "Teams WebVTT", "Word document (Teams)", "CSV (speaker, text, time)". */
  detected: string;
  turns: ParsedTurn[];
  /** sha256 hex of the original bytes, before decoding. */
  contentHash: string;
  /** ISO yyyy-mm-dd when the text states when the interview took place. */
  interviewDate: string | null;
  /** "Name:" labels inside the conversation read as text, not speakers ("Initial Steps:" in an answer). */
  textLabels: string[];
}

/** What the researcher decided before parsing: labels to read as speakers whatever they look like. */
export interface ParseOptions {
  speakers?: readonly string[];
}

/** What a format parser hands back: turns, plus the text around them where a date may be stated. */
export interface FormatParse {
  turns: ParsedTurn[];
  /** Text outside the turns: preamble, front matter, WebVTT header and NOTE blocks. */
  preamble: string;
  /** See ParsedTranscript.detected. */
  detected: string;
  /** When there are no turns and the parser knows why: what the file lacks, in words. */
  missing?: string;
  /** See ParsedTranscript.textLabels; formats with markup name their speakers and have none. */
  textLabels?: string[];
}
