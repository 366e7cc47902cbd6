// Plain-text and Markdown transcripts: "Name: text" turns. A turn runs over the following
// lines and paragraphs until the next speaker label. Everything before the first label
// (title, front matter, copyright and licence text) is preamble, not a turn. Blockquote lines
// stay inside the current turn's text, marked with ">", so the UI can show them and quote
// extraction can skip them; they never start a turn.
// Tool chrome is not speech either: bare timestamp lines (Google Meet) give the next turn its
// time, and closing lines like "Transcribed by https://otter.ai" or "Transcription ended after
// 00:41:07" are dropped. Which tool made the file is read from the label styles (see describe.ts).
import { readLabel, resolveLabels, type LabelStyle, type PositionedLabel } from './speakerLabels';
import { pushSpeech } from './mergeTurns';
import { parseClock } from './timestamps';
import type { ParsedTurn } from './types';

/** What the text looked like, for naming its source. */
export interface TextTraits {
  /** The label style of most turns. */
  style: LabelStyle;
  /** Bare timestamp lines between turns (Google Meet). */
  bareStamps: number;
  otter: boolean;
  meet: boolean;
  /** Labels written in bold ("**Sam:**"). */
  bold: boolean;
}

export interface TextParse {
  turns: ParsedTurn[];
  preamble: string;
  traits: TextTraits;
  /** Labels read as text inside a turn (see resolveLabels). */
  asText: string[];
}

const BARE_STAMP = /^\s{0,3}[[(]?((?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?\s*$/;
const OTTER_TRAILER = /^\s*Transcribed by\s+(?:https?:\/\/)?(?:\S*otter\.ai|Otter)/i;
const TRAILER = /^\s*(?:Transcribed by\s+\S+|Transcription ended after\s|This editable transcript was computer generated)/i;
const OTTER_HEADER = /^(?:SUMMARY KEYWORDS|SPEAKERS)\s*$/m;

/** `speakers`: label keys (speakerKey) the researcher says are speakers, read as such wherever they occur. */
export function parsePlainText(text: string, markdown: boolean, speakers?: ReadonlySet<string>): TextParse {
  const lines = text.split('\n');
  const bodyStart = markdown ? frontMatterEnd(lines) : 0;
  const fenced = markdown ? fencedLines(lines) : new Set<number>();
  const end = trailerStart(lines);
  const traits: TextTraits = { style: 'colon', bareStamps: 0, otter: OTTER_HEADER.test(text.slice(0, 4096)), meet: false, bold: false };
  for (let i = end; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (OTTER_TRAILER.test(line)) traits.otter = true;
    else if (/^\s*Transcription ended after\s/i.test(line)) traits.meet = true;
  }

  const candidates: PositionedLabel[] = [];
  for (let i = bodyStart; i < end; i++) {
    if (fenced.has(i)) continue;
    const label = readLabel(lines[i] ?? '');
    if (label) candidates.push({ at: i, label });
  }
  const { speakerAt, start, asText } = resolveLabels(candidates, speakers);
  if (start < 0) return { turns: [], preamble: text, traits, asText };

  const labels = new Map(candidates.map((c) => [c.at, c.label]));
  const styles = new Map<LabelStyle, number>();
  const turns: ParsedTurn[] = [];
  let current: { speaker: string; startMs: number | null; lines: string[] } | null = null;
  let pendingMs = lastBareStamp(lines, bodyStart, start);
  const flush = (): void => {
    if (!current) return;
    const body = joinLines(current.lines);
    if (body.length > 0) turns.push({ speaker: current.speaker, text: body, startMs: current.startMs });
  };
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? '';
    const speaker = speakerAt.get(i);
    const label = labels.get(i);
    if (speaker !== undefined && label) {
      flush();
      current = { speaker, startMs: label.startMs ?? pendingMs, lines: [label.rest] };
      pendingMs = null;
      const style = label.style ?? 'colon';
      styles.set(style, (styles.get(style) ?? 0) + 1);
      if (/^\s{0,3}(?:\[[^\]]*\]\s*)?(?:\*\*|__)/.test(line)) traits.bold = true;
      continue;
    }
    const bare = line.length <= 40 && !fenced.has(i) ? BARE_STAMP.exec(line) : null;
    if (bare?.[1] !== undefined) {
      pendingMs = parseClock(bare[1]);
      traits.bareStamps++;
    } else if (current && !(markdown && !fenced.has(i) && isMarkdownStructure(line))) {
      current.lines.push(line);
    }
  }
  flush();
  traits.style = [...styles].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'colon';
  // Saved captions cut one person's speech into lines of a few seconds: they are one turn.
  const merged = traits.style === 'bracket-clock' ? mergeRuns(turns) : turns;
  if (traits.bareStamps > 0 && traits.style === 'colon' && /\btranscript\b/i.test(lines.slice(0, start).join('\n'))) traits.meet = true;
  return { turns: merged, preamble: lines.slice(0, start).join('\n'), traits, asText };
}

function mergeRuns(turns: ParsedTurn[]): ParsedTurn[] {
  const out: ParsedTurn[] = [];
  for (const t of turns) pushSpeech(out, t.speaker, t.text, t.startMs);
  return out;
}

/** First line of the closing block of tool chrome ("Transcribed by ..."), or lines.length. */
function trailerStart(lines: string[]): number {
  let end = lines.length;
  for (let i = lines.length - 1; i >= 0 && lines.length - i <= 20; i--) {
    const line = lines[i] ?? '';
    if (line.trim().length === 0) continue;
    if (!TRAILER.test(line)) break;
    end = i;
  }
  return end;
}

function lastBareStamp(lines: string[], from: number, to: number): number | null {
  for (let i = to - 1; i >= from; i--) {
    const line = lines[i] ?? '';
    if (line.trim().length === 0) continue;
    const bare = BARE_STAMP.exec(line);
    return bare?.[1] === undefined ? null : parseClock(bare[1]);
  }
  return null;
}

/** Index of the first line after a leading "---" front-matter block (0 when there is none). */
function frontMatterEnd(lines: string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  const limit = Math.min(lines.length, 200);
  for (let i = 1; i < limit; i++) {
    const l = lines[i]?.trim();
    if (l === '---' || l === '...') return i + 1;
  }
  return 0;
}

function fencedLines(lines: string[]): Set<number> {
  const inside = new Set<number>();
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    const fence = /^ {0,3}(```|~~~)/.test(lines[i] ?? '');
    if (fence || open) inside.add(i);
    if (fence) open = !open;
  }
  return inside;
}

/** Headings and rules separate parts of a Markdown transcript; nobody said them. */
function isMarkdownStructure(line: string): boolean {
  if (line.length > 200) return false;
  return /^ {0,3}#{1,6}(?:\s|$)/.test(line) || /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(line);
}

/** Joins a turn's lines: trailing spaces trimmed, runs of blank lines kept as one paragraph break. */
function joinLines(lines: string[]): string {
  const out: string[] = [];
  let blank = false;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim().length === 0) {
      blank = out.length > 0;
      continue;
    }
    if (blank) out.push('');
    blank = false;
    out.push(line);
  }
  return out.join('\n');
}
