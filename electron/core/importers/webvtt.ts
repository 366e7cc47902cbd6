// WebVTT captions: Zoom ("Name: text" cues), Teams (<v Name> voices, GUID cue ids, the closing
// </v> sometimes missing), Otter, and Whisper (no hours in the timings, no speakers at all).
import { captionsMissing, cuesToTurns, readCue, splitBlocks, type Cue } from './cues';
import type { FormatParse } from './types';

const GUID_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export function parseWebVtt(text: string): FormatParse {
  const blocks = splitBlocks(text);
  const header = blocks.shift()?.join('\n') ?? '';
  const preamble: string[] = [header];
  const cues: Cue[] = [];
  for (const block of blocks) {
    const first = block[0] ?? '';
    if (/^NOTE(?:\s|$)/.test(first)) {
      preamble.push(block.join('\n').slice(4));
      continue;
    }
    if (/^(?:STYLE|REGION)\s*$/.test(first)) continue;
    const cue = readCue(block);
    if (cue) cues.push(cue);
  }
  const speakers = cuesToTurns(cues);
  const { turns, voiced, labelled } = speakers;
  const whisper = cues.length > 0 && cues.every((c) => c.shortClock);
  let detected = 'WebVTT captions';
  if (voiced > 0 && (voiced >= labelled || cues.some((c) => GUID_ID.test(c.id ?? '')))) detected = 'Teams WebVTT';
  else if (labelled > 0) detected = /zoom/i.test(header) || voiced === 0 ? 'Zoom WebVTT' : 'WebVTT captions';
  else if (whisper) detected = 'Whisper WebVTT';
  return {
    turns,
    preamble: preamble.join('\n'),
    detected,
    missing: cues.length === 0 ? 'no captions found in this WebVTT file' : captionsMissing(whisper && labelled === 0 ? 'Whisper captions' : 'captions', speakers),
  };
}
