import type { ParsedTurn } from './types';

/**
 * Appends a piece of speech: to the last turn when the same speaker goes on (captions and table
 * rows cut turns into sentences), else as a new turn. Returns the turn it landed in.
 */
export function pushSpeech(turns: ParsedTurn[], speaker: string, text: string, startMs: number | null): ParsedTurn {
  const last = turns[turns.length - 1];
  if (last && last.speaker === speaker) {
    last.text += ` ${text}`;
    last.startMs ??= startMs;
    return last;
  }
  const turn = { speaker, text, startMs };
  turns.push(turn);
  return turn;
}
