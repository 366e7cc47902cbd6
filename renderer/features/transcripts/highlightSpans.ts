import type { Highlight } from '../../../shared/domain';

/** A run of a turn's text, and the highlights covering all of it (none for plain text). */
export interface TextSpan {
  start: number;
  end: number;
  highlights: Highlight[];
}

/**
 * Cuts a turn's text at every highlight boundary, so it renders as plain runs and <mark> runs
 * whose concatenation is exactly the text: character offsets in the DOM are offsets in the turn.
 * Overlapping highlights are allowed by the core; a run inside both carries both.
 */
export function splitByHighlights(length: number, highlights: readonly Highlight[]): TextSpan[] {
  const clamp = (n: number) => Math.min(Math.max(n, 0), length);
  const cuts = new Set([0, length]);
  for (const h of highlights) {
    cuts.add(clamp(h.start));
    cuts.add(clamp(h.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const spans: TextSpan[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    spans.push({ start, end, highlights: highlights.filter((h) => h.start < end && start < h.end) });
  }
  return spans;
}
