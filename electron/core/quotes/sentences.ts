// Sentence and clause boundaries with offsets into the original text, in one linear scan.
// Not Intl.Segmenter: V8's segment iterator takes time quadratic in the number of sentences
// (measured on Node 20: 20,000 sentences in one paragraph, 27 s), and a live transcript can hold a
// whole monologue in one paragraph. The rules follow ICU's for what matters here: "?" and "!"
// end a sentence; "." does when the next word starts with a capital, a digit or a quote, so
// "e.g. the", "3.5" and "U.S. Bank" stay whole, and a title or initial ("Dr. Patel", "J. Smith")
// does not end one. An ellipsis is a pause, not an end: in live transcripts "…" means the
// speaker hesitated ("we're over… A million dollars"); it is a place to cut a passage that is
// too long, nothing more. Line breaks inside a paragraph are read as spaces (hard-wrapped text).

export type Span = [start: number, end: number];

const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'sr', 'jr', 'st', 'mt', 'vs', 'al', 'cf', 'approx', 'dept', 'vol', 'fig']);
const CLOSERS = '"\'”’)]}»';
const OPENERS = '"\'“‘([{«';

/** Sentences of `text` between `from` and `to`, trimmed, as absolute spans. */
export function sentenceSpans(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  let i = from;
  while (i < to) {
    const c = text.charAt(i);
    if (c !== '.' && c !== '?' && c !== '!' && c !== '…') {
      i++;
      continue;
    }
    let end = i;
    let dots = 0;
    let strong = false;
    while (end < to && isStop(text.charCodeAt(end))) {
      const t = text.charAt(end);
      if (t === '?' || t === '!') strong = true;
      if (t === '.') dots++;
      if (t === '…') dots += 3;
      end++;
    }
    while (end < to && CLOSERS.includes(text.charAt(end))) end++;
    let next = end;
    while (next < to && isWhite(text.charCodeAt(next))) next++;
    const spaced = next > end || next >= to;
    if (spaced && (strong || (dots === 1 && endsSentence(text, start, i, next, to)))) {
      pushTrimmed(out, text, start, end);
      start = next;
    }
    i = Math.max(end, i + 1);
  }
  pushTrimmed(out, text, start, to);
  return out;
}

/** After a single "." at `dot`: does the sentence end here, given the word before and after? */
function endsSentence(text: string, start: number, dot: number, next: number, to: number): boolean {
  if (next >= to) return true;
  let w = dot;
  while (w > start && !isWhite(text.charCodeAt(w - 1))) w--;
  const word = text.slice(w, dot).replace(/^[^\p{L}\p{N}]+/u, '');
  if (TITLES.has(word.toLowerCase())) return false;
  if (/^\p{Lu}$/u.test(word) && word !== 'I' && word !== 'A') return false; // "J. Smith"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false; // "e.g", "U.S", "i.e"
  let k = next;
  while (k < to && OPENERS.includes(text.charAt(k))) k++;
  return /[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u.test(text.charAt(k));
}

function pushTrimmed(out: Span[], text: string, s: number, e: number): void {
  while (s < e && isWhite(text.charCodeAt(s))) s++;
  while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push([s, e]);
}

/** ".", "?", "!" or "…". */
function isStop(c: number): boolean {
  return c === 0x2e || c === 0x3f || c === 0x21 || c === 0x2026;
}

const WHITE = /\s/;
/** What /\s/ matches, without building a one-character string for the common cases. */
export function isWhite(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0xa0) return false;
  return WHITE.test(String.fromCharCode(c));
}

const CONJUNCTIONS = new Set(['and', 'but', 'so', 'because', 'which', 'when', 'then', 'where', 'while', 'although', 'or']);

/**
 * Splits a span of more than `maxWords` words into pieces of at most `maxWords`, cutting at the
 * strongest clause boundary available (";", ":", a dash or ellipsis, then a comma, then before a
 * conjunction), and only at a word boundary when there is none.
 */
export function splitLong(text: string, [start, end]: Span, maxWords: number, minWords: number): Span[] {
  if (tokensAtMost(text, start, end, maxWords)) return [[start, end]];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    starts.push(i);
    while (i < end && !isSpace(text.charCodeAt(i))) i++;
    ends.push(i);
  }
  if (starts.length <= maxWords) return [[start, end]];

  const wordAt = (k: number): string => text.slice(starts[k] ?? 0, ends[k] ?? 0);
  const strength = (k: number): number => {
    const w = wordAt(k);
    if (/[;:—…]$|^(?:--|–)$|\.\.\.$/.test(w)) return 3;
    if (w.endsWith(',')) return 2;
    return k + 1 < starts.length && CONJUNCTIONS.has(wordAt(k + 1).toLowerCase()) ? 1 : 0;
  };

  const pieces: Span[] = [];
  let first = 0;
  while (starts.length - first > maxWords) {
    let cut = first + maxWords - 1;
    let best = -1;
    for (let k = first + minWords - 1; k <= first + maxWords - 1; k++) {
      const s = strength(k);
      if (s >= best) {
        best = s;
        cut = k;
      }
    }
    pieces.push([starts[first] ?? start, ends[cut] ?? end]);
    first = cut + 1;
  }
  pieces.push([starts[first] ?? start, end]);
  return pieces;
}

/** Whether text[start, end) holds at most `max` whitespace-separated tokens (as splitLong counts them). */
function tokensAtMost(text: string, start: number, end: number, max: number): boolean {
  let n = 0;
  let inToken = false;
  for (let i = start; i < end; i++) {
    if (isSpace(text.charCodeAt(i))) inToken = false;
    else if (!inToken) {
      inToken = true;
      if (++n > max) return false;
    }
  }
  return true;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x0c || c === 0x0b;
}
