// Tables of turns: CSV and TSV exports (Whisper's "start<TAB>end<TAB>text", spreadsheets of
// "Speaker, Text, Time", Dovetail and Condens exports). Columns are found by their header, or,
// without a recognised header, by what the cells hold: times, a few short names that repeat,
// long text. Rows of one speaker in a row form one turn; a row with no speaker continues the turn.
import { parse as parseCsv } from 'csv-parse/sync';
import { pushSpeech } from './mergeTurns';
import { readLabel } from './speakerLabels';
import { msFrom, parseClock } from './timestamps';
import type { FormatParse, ParsedTurn } from './types';

export type Delimiter = ',' | ';' | '\t';

const HEADER = {
  speaker: /^(?:speaker(?:name|label|id)?|name|participant|who|person|author|role|voice)$/,
  text: /^(?:text|transcript(?:ion)?|utterance|content|sentence|words|speech|dialogue|quote|message|line|comment|body|caption)$/,
  time: /^(?:start(?:time|ms|s|sec|seconds|timestamp|offset)?|begin|time(?:stamp|code)?|timein|in|offset)$/,
  end: /^(?:end(?:time|ms|s|sec|seconds)?|stop|timeout|out|duration)$/,
};
const normalise = (cell: string): string => cell.toLowerCase().replace(/\(.*?\)|\[.*?\]/g, '').replace(/[^a-z]/g, '');
const isHeaderCell = (cell: string): boolean => Object.values(HEADER).some((re) => re.test(normalise(cell)));

/** Which delimiter, if the text is a table: by a recognised header, or by a steady column count. */
export function sniffDelimited(text: string): { delimiter: Delimiter; header: boolean } | null {
  const sample = text.slice(0, 8192).split('\n').filter((l) => l.trim().length > 0).slice(0, 20);
  const first = sample[0] ?? '';
  for (const delimiter of ['\t', ',', ';'] as const) {
    const cells = splitNaive(first, delimiter);
    if (cells.length >= 2 && cells.every((c) => c.length <= 40) && cells.filter(isHeaderCell).length >= 2 && cells.some((c) => HEADER.text.test(normalise(c)))) {
      return { delimiter, header: true };
    }
  }
  // Without a header, a table must be unmistakable: a steady count of delimiters on every line,
  // and not a "Name: text" transcript that happens to have commas.
  if (sample.length < 3 || sample.filter((l) => readLabel(l) !== null).length * 2 >= sample.length) return null;
  for (const delimiter of ['\t', ',', ';'] as const) {
    if (delimiter !== '\t' && sample.length < 5) continue;
    const counts = sample.map((l) => splitNaive(l, delimiter).length);
    if ((counts[0] ?? 0) >= 2 && counts.every((n) => n === counts[0])) return { delimiter, header: false };
  }
  return null;
}

/** Cells of one line, honouring double quotes; good enough to count columns in a sample. */
function splitNaive(line: string, delimiter: Delimiter): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

interface Columns {
  speaker: number | null;
  text: number;
  time: number | null;
  timeUnit: 'ms' | 's' | 'clock';
}

/**
 * Turns from a table, or null when it is not one after all (no text column can be told apart).
 * Throws the csv-parse error for a file that said it was a table (a header) but is malformed.
 */
export function parseDelimited(text: string, delimiter: Delimiter, header: boolean): FormatParse | null {
  const rows = parseCsv(text, {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    quote: delimiter === '\t' ? false : '"',
  }) as string[][];
  const head = header ? (rows.shift() ?? []) : [];
  const columns = header ? columnsByHeader(head, rows) : columnsByContent(rows);
  const kind = delimiter === '\t' ? 'TSV' : 'CSV';
  const whisper = header && head.map(normalise).join(',') === 'start,end,text';
  if (!columns) return null;
  if (columns.speaker === null && !(header || labelledShare(rows, columns.text) >= 0.5)) return null;

  const turns: ParsedTurn[] = [];
  let fromLabels = false;
  for (const row of rows) {
    let said = (row[columns.text] ?? '').trim();
    let speaker = columns.speaker === null ? null : (row[columns.speaker] ?? '').trim().replace(/:$/, '') || null;
    if (columns.speaker === null) {
      const label = readLabel(said);
      if (label && label.commaHead === null) {
        speaker = label.base;
        said = label.rest;
        fromLabels = true;
      }
    }
    const startMs = columns.time === null ? null : timeOf(row[columns.time] ?? '', columns.timeUnit);
    speaker ??= turns[turns.length - 1]?.speaker ?? null;
    if (speaker !== null && said.length > 0) pushSpeech(turns, speaker, said, startMs);
  }
  const parts = [columns.speaker !== null ? 'speaker' : fromLabels ? '"Name:" labels' : null, 'text', columns.time !== null ? 'time' : null];
  const detected = whisper ? 'Whisper TSV' : `${kind} (${parts.filter(Boolean).join(', ')})`;
  const missing =
    columns.speaker === null && !fromLabels
      ? `this ${whisper ? 'Whisper TSV' : kind} has text${columns.time !== null ? ' and times' : ''} but no speaker column, so Grounded cannot tell the interviewer from the participant; ` +
        'add a "Speaker" column, or export with speaker labels'
      : `no rows with both a speaker and text in this ${kind}`;
  return { turns, preamble: head.join(' '), detected, missing };
}

function columnsByHeader(head: string[], rows: string[][]): Columns | null {
  const find = (re: RegExp): number | null => {
    const i = head.findIndex((c) => re.test(normalise(c)));
    return i < 0 ? null : i;
  };
  const text = find(HEADER.text);
  if (text === null) return null;
  const time = find(HEADER.time);
  const whisper = head.map(normalise).join(',') === 'start,end,text';
  const unitHint = time === null ? '' : (head[time] ?? '').toLowerCase();
  return { speaker: find(HEADER.speaker), text, time, timeUnit: whisper || /\bms\b|milli/.test(unitHint) ? 'ms' : unitOf(rows, time, unitHint) };
}

/** No header: times parse as clocks or numbers, speakers are few short values that repeat, text is the longest. */
function columnsByContent(rows: string[][]): Columns | null {
  const width = Math.max(0, ...rows.slice(0, 200).map((r) => r.length));
  const sample = rows.slice(0, 200);
  let time: number | null = null;
  let speaker: number | null = null;
  let text: number | null = null;
  let longest = 0;
  for (let c = 0; c < width; c++) {
    const cells = sample.map((r) => (r[c] ?? '').trim()).filter((v) => v.length > 0);
    if (cells.length === 0) continue;
    const timed = cells.filter((v) => parseClock(v) !== null || /^\d+(?:\.\d+)?$/.test(v)).length;
    if (timed >= cells.length * 0.9) {
      time ??= c;
      continue;
    }
    const distinct = new Set(cells).size;
    const avg = cells.reduce((n, v) => n + v.length, 0) / cells.length;
    const short = cells.every((v) => v.length <= 40 && v.split(/\s+/).length <= 4);
    if (speaker === null && short && distinct >= 2 && distinct <= Math.max(2, cells.length / 3) && distinct <= 12) {
      speaker = c;
    } else if (avg > longest) {
      longest = avg;
      text = c;
    }
  }
  if (text === null || speaker === null) return null;
  return { speaker, text, time, timeUnit: unitOf(rows, time, '') };
}

function unitOf(rows: string[][], column: number | null, hint: string): Columns['timeUnit'] {
  if (column === null) return 'clock';
  const cells = rows.slice(0, 200).map((r) => (r[column] ?? '').trim()).filter(Boolean);
  if (cells.some((v) => v.includes(':'))) return 'clock';
  if (/\bs\b|sec/.test(hint) || cells.some((v) => v.includes('.'))) return 's';
  // Whole numbers: milliseconds when rows are typically 200+ units apart (a turn every few
  // seconds), seconds otherwise (no conversation has a turn every three minutes and more).
  const values = cells.map(Number).filter(Number.isFinite);
  const gaps = values.slice(1).map((v, i) => v - (values[i] ?? 0)).filter((g) => g > 0).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)] ?? 0;
  return median >= 200 || Math.max(0, ...values) >= 100_000 ? 'ms' : 's';
}

function timeOf(cell: string, unit: Columns['timeUnit']): number | null {
  const v = cell.trim();
  if (v.length === 0) return null;
  const clock = parseClock(v);
  if (clock !== null) return clock;
  if (!/^\d+(?:\.\d+)?$/.test(v)) return null;
  return msFrom(Number(v), unit === 'ms' ? 'ms' : 's');
}

function labelledShare(rows: string[][], column: number): number {
  const sample = rows.slice(0, 200);
  return sample.length === 0 ? 0 : sample.filter((r) => readLabel((r[column] ?? '').trim()) !== null).length / sample.length;
}
