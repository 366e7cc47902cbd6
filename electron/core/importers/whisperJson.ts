// Whisper and WhisperX JSON: { segments: [{ start, end, text, speaker?, words? }] }, times in
// seconds. Whisper writes no speakers; WhisperX's diarisation puts "SPEAKER_00" on segments and
// words (a segment it could not assign has none: it takes its words' speaker, else continues).
// Plain Whisper output is refused like unnamed subtitles (see srt.ts): one voice cannot be split.
import { pushSpeech } from './mergeTurns';
import { msFrom } from './timestamps';
import type { FormatParse, ParsedTurn } from './types';

interface Segment {
  start?: unknown;
  text?: unknown;
  speaker?: unknown;
  words?: unknown;
}

/** The segments of a Whisper-shaped JSON value, or null when it is some other JSON. */
export function whisperSegments(value: unknown): Segment[] | null {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.segments) ? value.segments : null;
  if (!list || list.length === 0) return null;
  // A stray null or a segment without text (hand-edited files) does not make it another format.
  const segments = list.filter((s): s is Segment => isObject(s) && typeof s.text === 'string');
  return segments.length * 2 >= list.length ? segments : null;
}

export function parseWhisperJson(segments: Segment[]): FormatParse {
  const turns: ParsedTurn[] = [];
  let diarised = false;
  for (const seg of segments) {
    const text = typeof seg.text === 'string' ? seg.text.replace(/\s+/g, ' ').trim() : '';
    const own = speakerOf(seg);
    if (own !== null) diarised = true;
    const speaker = own ?? turns[turns.length - 1]?.speaker ?? null;
    const startMs = typeof seg.start === 'number' ? msFrom(seg.start, 's') : null;
    if (speaker !== null && text.length > 0) pushSpeech(turns, speaker, text, startMs);
  }
  return {
    turns,
    preamble: '',
    detected: diarised ? 'WhisperX JSON' : 'Whisper JSON',
    missing: diarised
      ? 'no segments with text in this WhisperX JSON'
      : 'this Whisper JSON has timed text but no speakers, so Grounded cannot tell the interviewer from the participant; ' +
        'run it through speaker diarisation (WhisperX with --diarize) or export a transcript with speaker names',
  };
}

/** The segment's speaker, or the one most of its words carry. */
function speakerOf(seg: Segment): string | null {
  if (typeof seg.speaker === 'string' && seg.speaker.trim().length > 0) return seg.speaker.trim();
  if (!Array.isArray(seg.words)) return null;
  const counts = new Map<string, number>();
  for (const w of seg.words) {
    if (isObject(w) && typeof w.speaker === 'string' && w.speaker.trim().length > 0) {
      counts.set(w.speaker.trim(), (counts.get(w.speaker.trim()) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [speaker, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = speaker;
  return best;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
