// Plain-text and Markdown transcripts: "Name: text" turns. A turn runs over the following
// lines and paragraphs until the next speaker label. Everything before the first label
// (title, front matter, copyright and licence text) is preamble, not a turn. Blockquote lines
// stay inside the current turn's text, marked with ">", so the UI can show them and quote
// extraction can skip them; they never start a turn.
import { readLabel, resolveLabels, type PositionedLabel } from './speakerLabels';
import type { FormatParse, ParsedTurn } from './types';

export function parsePlainText(text: string, markdown: boolean): FormatParse {
  const lines = text.split('\n');
  const bodyStart = markdown ? frontMatterEnd(lines) : 0;
  const fenced = markdown ? fencedLines(lines) : new Set<number>();

  const candidates: PositionedLabel[] = [];
  for (let i = bodyStart; i < lines.length; i++) {
    if (fenced.has(i)) continue;
    const label = readLabel(lines[i] ?? '');
    if (label) candidates.push({ at: i, label });
  }
  const { speakerAt, start } = resolveLabels(candidates);
  if (start < 0) return { turns: [], preamble: text };

  const labels = new Map(candidates.map((c) => [c.at, c.label]));
  const turns: ParsedTurn[] = [];
  let current: { speaker: string; startMs: number | null; lines: string[] } | null = null;
  const flush = (): void => {
    if (!current) return;
    const body = joinLines(current.lines);
    if (body.length > 0) turns.push({ speaker: current.speaker, text: body, startMs: current.startMs });
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const speaker = speakerAt.get(i);
    const label = labels.get(i);
    if (speaker !== undefined && label) {
      flush();
      current = { speaker, startMs: label.startMs, lines: [label.rest] };
    } else if (current && !(markdown && !fenced.has(i) && isMarkdownStructure(line))) {
      current.lines.push(line);
    }
  }
  flush();
  return { turns, preamble: lines.slice(0, start).join('\n') };
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
