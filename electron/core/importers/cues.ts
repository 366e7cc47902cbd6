// Timed captions, the part WebVTT and SubRip share: blocks of "timing line, then text", the
// text split at <v Name> voice tags, or naming its speaker as "Name: text" / "[Name] text".
// A cue without a speaker continues the one before it; consecutive cues of one speaker form one
// turn (captioners cut sentences across cues), which starts at its first cue's time.
import { parseClock } from './timestamps';
import { readLabel, resolveLabels, speakerKey, type PositionedLabel } from './speakerLabels';
import type { ParsedTurn } from './types';

export interface Segment {
  voice: string | null;
  text: string;
}

export interface Cue {
  /** The line above the timing, when there is one: "12", "3b8f2a8c-…/12-0". */
  id: string | null;
  startMs: number | null;
  /** The start time was written without hours ("00:05.000"), as Whisper does. */
  shortClock: boolean;
  /** Payload lines, before tags are read. */
  lines: string[];
  segments: Segment[];
}

const TIMING = /^\s*((?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s*-->/;

export function splitBlocks(text: string): string[][] {
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

/** A block whose first or second line is a timing ("00:01.000 --> 00:04.000"), or null. */
export function readCue(block: string[]): Cue | null {
  const timingAt = block.findIndex((l, i) => i < 2 && l.includes('-->'));
  if (timingAt < 0) return null;
  const stamp = TIMING.exec(block[timingAt] ?? '');
  const lines = block.slice(timingAt + 1);
  return {
    id: timingAt === 1 ? (block[0] ?? null) : null,
    startMs: stamp?.[1] === undefined ? null : parseClock(stamp[1]),
    shortClock: stamp?.[1] !== undefined && stamp[1].split(':').length === 2,
    lines,
    segments: voiceSegments(lines.join('\n')),
  };
}

/**
 * Splits a cue payload at voice tags and drops every other tag (and SubRip's "{\an8}" position
 * codes). One pass, each character read once: an unterminated "<" ends tag parsing, so "<<<<"
 * never rescans the payload.
 */
export function voiceSegments(payload: string): Segment[] {
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
      // "<v Ann:>" (some exporters keep the colon of "Ann: text")
      voice = open[1].trim().replace(/\s*:$/, '') || null;
    } else if (tag === '/v') {
      push();
      voice = null;
    }
    i = gt + 1;
  }
  push();
  return segments;
}

/** Entities decoded, position codes dropped, line breaks and runs of space made single spaces. */
function tidy(raw: string): string {
  const decoded = decodeEntities(raw.includes('{\\') ? raw.replace(/\{\\[^{}\n]{0,40}\}/g, '') : raw);
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

export interface CueSpeakers {
  turns: ParsedTurn[];
  /** Cues named by a <v> voice tag, and by a "Name:" / "[Name]" label. */
  voiced: number;
  labelled: number;
  /** Cues that open like a label, accepted or not (a name said once is not trusted). */
  candidates: number;
}

/** What to tell the researcher when captions gave no turns. */
export function captionsMissing(kind: string, speakers: CueSpeakers): string {
  if (speakers.candidates > 0) {
    return `these ${kind} name each speaker only once, too few to tell speakers from notes; a transcript needs several turns of at least two speakers`;
  }
  return (
    `these ${kind} have timings and text but no speaker names, so Grounded cannot tell the interviewer from the participant; ` +
    'export them with speaker labels (cues like "Alex: I usually pay rent first."), or as a transcript with speakers'
  );
}

/** Names "Name: text" cues (judged over the whole file), then merges cues into turns. */
export function cuesToTurns(cues: Cue[]): CueSpeakers {
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
  let voiced = 0;
  let labelled = 0;
  cues.forEach((cue, at) => {
    const named = labels.has(at) ? speakerAt.get(at) : undefined;
    if (named !== undefined) labelled++;
    if (cue.segments.some((s) => s.voice !== null)) voiced++;
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
  return { turns, voiced, labelled, candidates: candidates.length };
}
