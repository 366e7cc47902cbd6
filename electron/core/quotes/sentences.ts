// Sentence and clause boundaries with offsets into the original text. Intl.Segmenter (ICU's
// Unicode sentence rules) already keeps "3.5", "e.g. the" and "U.S. bank" together; on top of
// it we rejoin after title abbreviations it splits ("Dr. Smith", "e.g. Vanguard"). An ellipsis
// does not end a sentence: in live transcripts "…" is a pause ("we're over… A million dollars"),
// so it is only a place to cut a passage that is too long.

export type Span = [start: number, end: number];

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const ABBREVIATION = /(?:^|[\s(])(?:dr|mr|mrs|ms|mx|prof|sr|jr|st|mt|vs|et al|e\.g|i\.e|cf|approx|dept|vol|fig)\.$/i;
/** "J. Smith": a capital initial. Not "I." or "A.", which end sentences ("more than I."). */
const INITIAL = /(?:^|[\s(])[B-HJ-Z]\.$/;

/** Sentences of `text` between `from` and `to`, trimmed, as absolute spans. */
export function sentenceSpans(text: string, from: number, to: number): Span[] {
  const part = text.slice(from, to);
  const raw: Span[] = [];
  for (const seg of segmenter.segment(part)) raw.push([seg.index, seg.index + seg.segment.length]);

  const joined: Span[] = [];
  for (const span of raw) {
    const prev = joined[joined.length - 1];
    const tail = prev ? part.slice(Math.max(prev[0], prev[1] - 12), prev[1]).trimEnd() : '';
    if (prev && (ABBREVIATION.test(tail) || INITIAL.test(tail))) prev[1] = span[1];
    else joined.push([span[0], span[1]]);
  }

  const out: Span[] = [];
  for (const [s, e] of joined) pushTrimmed(out, part, s, e, from);
  return out;
}

function pushTrimmed(out: Span[], part: string, s: number, e: number, offset: number): void {
  while (s < e && /\s/.test(part.charAt(s))) s++;
  while (e > s && /\s/.test(part.charAt(e - 1))) e--;
  if (e > s) out.push([s + offset, e + offset]);
}

const CONJUNCTIONS = new Set(['and', 'but', 'so', 'because', 'which', 'when', 'then', 'where', 'while', 'although', 'or']);

/**
 * Splits a span of more than `maxWords` words into pieces of at most `maxWords`, cutting at the
 * strongest clause boundary available (";", ":", a dash or ellipsis, then a comma, then before a
 * conjunction), and only at a word boundary when there is none.
 */
export function splitLong(text: string, [start, end]: Span, maxWords: number, minWords: number): Span[] {
  const words: Span[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(/\S+/g)) words.push([start + m.index, start + m.index + m[0].length]);
  if (words.length <= maxWords) return [[start, end]];

  const strength = words.map(([s, e], i) => {
    const w = text.slice(s, e);
    const next = words[i + 1] ? text.slice(words[i + 1]![0], words[i + 1]![1]).toLowerCase() : '';
    if (/[;:]$|^(?:--|—|–)$|[—…]$|\.\.\.$/.test(w)) return 3;
    if (/,$/.test(w)) return 2;
    return CONJUNCTIONS.has(next) ? 1 : 0;
  });

  const pieces: Span[] = [];
  let first = 0;
  while (words.length - first > maxWords) {
    let cut = first + maxWords - 1;
    let best = -1;
    for (let k = first + minWords - 1; k <= first + maxWords - 1; k++) {
      if ((strength[k] ?? 0) >= best) {
        best = strength[k] ?? 0;
        cut = k;
      }
    }
    pieces.push([words[first]![0], words[cut]![1]]);
    first = cut + 1;
  }
  pieces.push([words[first]![0], end]);
  return pieces;
}
