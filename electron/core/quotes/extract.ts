// Participants' turns -> sentence-sized quotes that can stand on their own in a theme or on a
// persona card. Offsets point into the original turn text, so the UI can highlight the passage;
// a quote's text is that passage with transcriber noise removed (see cleanQuoteText).
// Lines quoted with ">" are someone else's words and never become a quote of this speaker.
import { isFillerOnly, leadingFillerLength } from './fillers';
import { cleanQuoteText, countWords, noiseRanges } from './noise';
import { sentenceSpans, splitLong, type Span } from './sentences';

export interface DraftQuote {
  turnIndex: number;
  text: string;
  /** Offsets in the turn text: text === cleanQuoteText(turn.text.slice(start, end)). */
  start: number;
  end: number;
}

/** A passage shorter than this leans on a neighbour ("Not really. I just wing it."). */
export const MIN_QUOTE_WORDS = 6;
/** Longer passages are split: a persona card shows a sentence or two, not a monologue. */
export const MAX_QUOTE_WORDS = 60;
/** Below this, even alone, a passage says nothing quotable ("Not sure."). */
const MIN_STANDALONE_WORDS = 3;

interface Unit {
  start: number;
  end: number;
  words: number;
}

export function extractQuotes(
  turns: { speaker: string; text: string }[],
  isParticipant: (speaker: string) => boolean,
): DraftQuote[] {
  const quotes: DraftQuote[] = [];
  turns.forEach((turn, turnIndex) => {
    if (!isParticipant(turn.speaker)) return;
    const masked = maskNoise(turn.text);
    for (const paragraph of spokenParagraphs(turn.text)) {
      for (const [start, end] of passages(turn.text, masked, paragraph)) {
        const text = cleanQuoteText(turn.text.slice(start, end));
        if (countWords(text) >= MIN_STANDALONE_WORDS) quotes.push({ turnIndex, text, start, end });
      }
    }
  });
  return quotes;
}

/** Runs of spoken lines: not blank, not a blockquote, not a bare link. Sentences never cross them. */
function spokenParagraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    const spoken = line.trim().length > 0 && !/^\s{0,3}>/.test(line) && !/^\s*<?(?:https?:\/\/|www\.)\S*>?\s*$/.test(line);
    if (spoken && start < 0) start = lineStart;
    if (!spoken && start >= 0) {
      out.push([start, lineStart - 1]);
      start = -1;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  if (start >= 0) out.push([start, text.length]);
  return out;
}

/**
 * The turn text with noise tokens blanked out, same length, so offsets still match. Boundaries
 * are found on this: "[crosstalk] Sorry" must read as a new sentence starting "Sorry", and a
 * passage must not start or end on a token that its text will not show.
 */
function maskNoise(text: string): string {
  let out = '';
  let at = 0;
  for (const [s, e] of noiseRanges(text)) {
    out += text.slice(at, s) + ' '.repeat(e - s);
    at = e;
  }
  return out + text.slice(at);
}

function passages(text: string, masked: string, [from, to]: Span): Span[] {
  const units: Unit[] = [];
  for (const [sentenceStart, end] of sentenceSpans(masked, from, to)) {
    const start = sentenceStart + leadingFillerLength(masked.slice(sentenceStart, end));
    // The masked text has no noise tokens, so it answers "anything left?" and counts words.
    const visible = masked.slice(start, end);
    if (visible.trim().length === 0 || isFillerOnly(visible)) continue;
    for (const [s, e] of splitLong(masked, [start, end], MAX_QUOTE_WORDS, MIN_QUOTE_WORDS)) {
      units.push({ start: s, end: e, words: countWords(masked, s, e) });
    }
  }
  return mergeShort(units).map((u) => [u.start, u.end]);
}

/** Joins fragments under MIN_QUOTE_WORDS to the next passage, or the last one to the previous. */
function mergeShort(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const prev = out[out.length - 1];
    if (prev && prev.words < MIN_QUOTE_WORDS && prev.words + unit.words <= MAX_QUOTE_WORDS) {
      prev.end = unit.end;
      prev.words += unit.words;
    } else {
      out.push({ ...unit });
    }
  }
  const last = out[out.length - 1];
  const beforeLast = out[out.length - 2];
  if (last && beforeLast && last.words < MIN_QUOTE_WORDS && beforeLast.words + last.words <= MAX_QUOTE_WORDS) {
    beforeLast.end = last.end;
    beforeLast.words += last.words;
    out.pop();
  }
  return out;
}
