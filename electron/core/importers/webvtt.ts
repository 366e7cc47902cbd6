// WebVTT captions (Zoom, Teams, Otter exports). Speakers come from <v Name> voice spans (the
// closing </v> may be missing) or from a "Name: text" cue (Zoom). A cue without a speaker
// continues the one before it. Consecutive cues of one speaker form one turn, which starts at
// its first cue's time.
import { parseClock } from './timestamps';
import { readLabel, resolveLabels, speakerKey, type PositionedLabel } from './speakerLabels';
import type { FormatParse, ParsedTurn } from './types';

interface Segment {
  voice: string | null;
  text: string;
}

interface Cue {
  startMs: number | null;
  segments: Segment[];
}

const TIMING = /^\s*((?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s*-->/;

export function parseWebVtt(text: string): FormatParse {
  const blocks = splitBlocks(text);
  const preamble: string[] = [blocks.shift()?.join('\n') ?? ''];
  const cues: Cue[] = [];
  for (const block of blocks) {
    const first = block[0] ?? '';
    if (/^NOTE(?:\s|$)/.test(first)) {
      preamble.push(block.join('\n').slice(4));
      continue;
    }
    if (/^(?:STYLE|REGION)\s*$/.test(first)) continue;
    const timingAt = block.findIndex((l, i) => i < 2 && l.includes('-->'));
    if (timingAt < 0) continue;
    const stamp = TIMING.exec(block[timingAt] ?? '');
    const payload = block.slice(timingAt + 1).join('\n');
    cues.push({ startMs: stamp?.[1] === undefined ? null : parseClock(stamp[1]), segments: voiceSegments(payload) });
  }
  return { turns: toTurns(cues), preamble: preamble.join('\n') };
}

function splitBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim().length === 0) {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else {
      block.push(line);
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

/**
 * Splits a cue payload at voice tags and drops every other tag. One pass, each character read
 * once: an unterminated "<" ends tag parsing, so "<<<<" never rescans the payload.
 */
function voiceSegments(payload: string): Segment[] {
  if (!payload.includes('<')) {
    const text = tidy(payload);
    return text.length > 0 ? [{ voice: null, text }] : [];
  }
  const segments: Segment[] = [];
  let voice: string | null = null;
  let buffer = '';
  const push = (): void => {
    const cleaned = tidy(buffer);
    if (cleaned.length > 0) segments.push({ voice, text: cleaned });
    buffer = '';
  };
  let i = 0;
  while (i < payload.length) {
    const lt = payload.indexOf('<', i);
    if (lt < 0) {
      buffer += payload.slice(i);
      break;
    }
    buffer += payload.slice(i, lt);
    const gt = payload.indexOf('>', lt + 1);
    if (gt < 0) {
      buffer += payload.slice(lt);
      break;
    }
    const tag = payload.slice(lt + 1, gt).trim();
    const open = /^v(?:\.[^\s]*)?\s+([^]+)$/.exec(tag);
    if (open?.[1] !== undefined) {
      push();
      voice = open[1].trim();
    } else if (tag === '/v') {
      push();
      voice = null;
    }
    i = gt + 1;
  }
  push();
  return segments;
}

/** Entities decoded, line breaks and runs of space made single spaces. */
function tidy(raw: string): string {
  const decoded = decodeEntities(raw);
  return (/\s\s|[\n\t\r]/.test(decoded) ? decoded.replace(/\s+/g, ' ') : decoded).trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** Names "Name: text" cues (judged over the whole file), then merges cues into turns. */
function toTurns(cues: Cue[]): ParsedTurn[] {
  const candidates: PositionedLabel[] = [];
  cues.forEach((cue, at) => {
    const only = cue.segments.length === 1 ? cue.segments[0] : undefined;
    if (only && only.voice === null) {
      const label = readLabel(only.text);
      if (label) candidates.push({ at, label });
    }
    for (const seg of cue.segments) {
      if (seg.voice !== null) {
        candidates.push({ at, label: { base: seg.voice, commaHead: null, rest: '', startMs: null }, certain: true });
      }
    }
  });
  const { speakerAt, names } = resolveLabels(candidates);
  const labels = new Map(candidates.filter((c) => !c.certain).map((c) => [c.at, c.label]));

  const turns: ParsedTurn[] = [];
  let last: ParsedTurn | null = null;
  cues.forEach((cue, at) => {
    const named = labels.has(at) ? speakerAt.get(at) : undefined;
    for (const seg of cue.segments) {
      let speaker = last?.speaker ?? null;
      let text = seg.text;
      // A <v> name is spelled the way the file spells that speaker most often.
      if (seg.voice !== null) speaker = names.get(speakerKey(seg.voice)) ?? seg.voice;
      else if (named !== undefined) {
        speaker = named;
        text = labels.get(at)?.rest ?? text;
      }
      if (speaker === null || text.length === 0) continue;
      if (last && speakerKey(last.speaker) === speakerKey(speaker)) {
        last.text += ` ${text}`;
        last.startMs ??= cue.startMs;
      } else {
        last = { speaker, text, startMs: cue.startMs };
        turns.push(last);
      }
    }
  });
  return turns;
}
