// SubRip (.srt) subtitles: numbered cues, "00:00:01,000 --> 00:00:04,000", then text. Speakers
// come from "Name: text" or "[SPEAKER_00]: text" (WhisperX) at the start of a cue.
//
// Subtitles with no names at all are refused: one unknown voice cannot be split into interviewer
// and participant, and importing it as one speaker would make the interviewer's questions into a
// participant's quotes. The one exception is dialogue dashes ("- How do you budget?\n- I don't."):
// captioners dash each change of speaker, so the turns alternate between "Speaker 1" and
// "Speaker 2"; the detected label says so, and the researcher renames them.
import { captionsMissing, cuesToTurns, readCue, splitBlocks, voiceSegments, type Cue } from './cues';
import type { FormatParse, ParsedTurn } from './types';

const DASH = /^\s*[-–—]\s+/;

export function parseSrt(text: string): FormatParse {
  const cues = splitBlocks(text)
    .map(readCue)
    .filter((c): c is Cue => c !== null);
  const speakers = cuesToTurns(cues);
  if (speakers.turns.length > 0 || cues.length === 0) {
    return { turns: speakers.turns, preamble: '', detected: 'SRT subtitles', missing: 'no subtitle cues found' };
  }
  if (speakers.candidates === 0 && usesDialogueDashes(cues)) {
    return { turns: dashTurns(cues), preamble: '', detected: 'SRT subtitles (speakers from dialogue dashes)' };
  }
  return { turns: [], preamble: '', detected: 'SRT subtitles', missing: captionsMissing('subtitles', speakers) };
}

/** At least a quarter of the cues open with a dash, and every cue with a dash has one on each line. */
function usesDialogueDashes(cues: Cue[]): boolean {
  const dashed = cues.filter((c) => c.lines.some((l) => DASH.test(l)));
  return dashed.length >= 2 && dashed.length * 4 >= cues.length && dashed.every((c) => c.lines.every((l) => DASH.test(l)));
}

/** Each dashed line switches speaker; an undashed cue goes on with the current one. */
function dashTurns(cues: Cue[]): ParsedTurn[] {
  const turns: ParsedTurn[] = [];
  let speaker = 'Speaker 2';
  let last: ParsedTurn | null = null;
  for (const cue of cues) {
    for (const raw of cue.lines) {
      const dashed = DASH.test(raw);
      const text = voiceSegments(raw.replace(DASH, ''))
        .map((s) => s.text)
        .join(' ');
      if (text.length === 0) continue;
      if (dashed || last === null) {
        speaker = speaker === 'Speaker 1' ? 'Speaker 2' : 'Speaker 1';
        last = { speaker, text, startMs: cue.startMs };
        turns.push(last);
      } else {
        last.text += ` ${text}`;
      }
    }
  }
  return turns;
}
