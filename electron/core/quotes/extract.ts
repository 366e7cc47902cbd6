// Participants' turns -> sentence-sized quotes that can stand on their own in a theme or on a
// persona card (see standalone.ts: no backchannel, no call logistics, no abandoned openers, a
// sentence that leans on the one before keeps it). Offsets point into the original turn text,
// so the UI can highlight the passage; a quote's text is that passage with transcriber noise and
// stutters removed and a capital first letter (see cleanQuoteText).
// Measured on the shared sets (scripts/bench/quoteStandalone.ts, 2026-11-29): quotes opening
// with backchannel 3.1% -> 0.4% (open-source-sustainability) and 3.1% -> 0.1% (ai-at-work),
// holding a logistics sentence 0.4% -> 0% and 1.4% -> 0%, leaning on a previous sentence 31% -> 8%
// and 15% -> 5%; import about 1.1x slower overall.
// Lines quoted with ">" are someone else's words and never become a quote of this speaker.
import { isFillerOnly, leadingFillerLength } from './fillers';
import { cleanQuoteText, countWords, noiseRanges } from './noise';
import { sentenceSpans, splitLong, type Span } from './sentences';
import { isBackchannel, isDangling, isLogistics, leadingChatterLength, needsPrevious } from './standalone';

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
/** An abandoned sentence ("That's probably the big…") is dropped; from this length it still says something. */
const DANGLING_KEEP_WORDS = 12;
/** A sentence leaning on nothing in the turn (it answers the question) stands from this length. */
const ORPHAN_KEEP_WORDS = 10;

interface Unit {
  start: number;
  end: number;
  words: number;
  paragraph: number;
  /** The sentence before it in the turn was kept: only fillers or blank lines between. */
  follows: boolean;
  /** The passage opens a sentence that needs the one before it (see needsPrevious). */
  leans: boolean;
}

export function extractQuotes(
  turns: { speaker: string; text: string }[],
  isParticipant: (speaker: string) => boolean,
): DraftQuote[] {
  const quotes: DraftQuote[] = [];
  turns.forEach((turn, turnIndex) => {
    if (!isParticipant(turn.speaker)) return;
    const masked = maskNoise(turn.text);
    for (const [start, end] of passages(masked, spokenParagraphs(turn.text))) {
      const text = cleanQuoteText(turn.text.slice(start, end));
      if (countWords(text) >= MIN_STANDALONE_WORDS) quotes.push({ turnIndex, text, start, end });
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

/**
 * The turn's sentences as passages that stand alone (see standalone.ts): chatter trimmed from
 * their start, backchannel, logistics and short abandoned sentences dropped, a sentence that
 * leans on the one before joined to it, short ones joined to a neighbour, long ones split.
 */
function passages(masked: string, paragraphs: Span[]): Span[] {
  const units: Unit[] = [];
  // Whether the next sentence directly follows a kept one: only fillers and blank lines between.
  let follows = false;
  paragraphs.forEach((paragraph, p) => {
    const before = paragraphs[p - 1];
    if (before && masked.slice(before[1], paragraph[0]).trim().length > 0) follows = false;
    for (const [sentenceStart, end] of sentenceSpans(masked, paragraph[0], paragraph[1])) {
      const start = sentenceStart + leadingChatter(masked.slice(sentenceStart, end));
      // The masked text has no noise tokens, so it answers "anything left?" and counts words.
      const visible = masked.slice(start, end);
      if (visible.trim().length === 0 || isFillerOnly(visible) || isBackchannel(visible)) continue;
      const words = countWords(masked, start, end);
      if (isLogistics(visible) || (words < DANGLING_KEEP_WORDS && isDangling(visible))) {
        follows = false;
        continue;
      }
      const leans = needsPrevious(visible);
      const pieces = splitLong(masked, [start, end], MAX_QUOTE_WORDS, MIN_QUOTE_WORDS);
      pieces.forEach(([s, e], k) => {
        const n = k === 0 && pieces.length === 1 ? words : countWords(masked, s, e);
        units.push({ start: s, end: e, words: n, paragraph: p, leans: k === 0 && leans, follows: k > 0 || follows });
      });
      follows = true;
    }
  });
  return mergeShort(joinLeaning(units)).map((u) => [u.start, u.end]);
}

/** Fillers, false starts and backchannel or logistics clauses that open a sentence, however they interleave. */
function leadingChatter(sentence: string): number {
  let at = 0;
  for (let step = 0; step < 4; step++) {
    at += leadingFillerLength(sentence.slice(at));
    const chatter = leadingChatterLength(sentence.slice(at));
    if (chatter === 0) break;
    at += chatter;
  }
  return at;
}

/**
 * Joins a sentence that leans on the one before it ("That's why we left.") to that sentence when
 * it directly follows it in the turn (fillers aside: "...every morning. Yeah. It takes two
 * minutes.") and the two fit the length cap.
 * A short one with no sentence to lean on (the turn's first, answering the question) is joined
 * to the next in its paragraph, or dropped when there is none.
 */
function joinLeaning(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  let orphan: Unit | null = null;
  for (const unit of units) {
    const prev = out[out.length - 1];
    if (orphan) {
      const joined = unit.follows && orphan.paragraph === unit.paragraph && orphan.words + unit.words <= MAX_QUOTE_WORDS;
      if (joined) {
        unit.start = orphan.start;
        unit.words += orphan.words;
        unit.leans = false;
        unit.follows = orphan.follows;
      }
      orphan = null;
      if (joined) {
        out.push(unit);
        continue;
      }
    }
    if (!unit.leans) {
      out.push(unit);
      continue;
    }
    const follows = prev !== undefined && unit.follows;
    if (follows && prev.words + unit.words <= MAX_QUOTE_WORDS) {
      prev.end = unit.end;
      prev.words += unit.words;
      prev.paragraph = unit.paragraph;
    } else if (!follows && unit.words < ORPHAN_KEEP_WORDS) {
      orphan = unit;
    } else {
      out.push(unit);
    }
  }
  return out;
}

/**
 * Joins fragments under MIN_QUOTE_WORDS to the next passage of their paragraph, or the last one
 * to the previous, when nothing but fillers lies between them: a passage never takes back a
 * sentence that was dropped as logistics or abandoned.
 */
function mergeShort(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const open = out[out.length - 1];
    if (open && open.paragraph !== unit.paragraph) closeParagraph(out);
    const last = out[out.length - 1];
    if (last && unit.follows && last.paragraph === unit.paragraph && last.words < MIN_QUOTE_WORDS && last.words + unit.words <= MAX_QUOTE_WORDS) {
      last.end = unit.end;
      last.words += unit.words;
    } else {
      out.push(unit);
    }
  }
  closeParagraph(out);
  return out;
}

/** A short last passage of a paragraph joins the one before it. */
function closeParagraph(out: Unit[]): void {
  const last = out[out.length - 1];
  const beforeLast = out[out.length - 2];
  if (last && beforeLast && last.follows && beforeLast.paragraph === last.paragraph && last.words < MIN_QUOTE_WORDS && beforeLast.words + last.words <= MAX_QUOTE_WORDS) {
    beforeLast.end = last.end;
    beforeLast.words += last.words;
    out.pop();
  }
}
