// Transcriber annotations that nobody said: "[inaudible]", "(laughs)", "{vocalsound}",
// "[crosstalk 00:12:03]", "(shows me her spreadsheet)". Editorial insertions that clarify the
// words, like "[it was]" or "[The Mozilla grant]", are kept: they are part of the quote as
// published.

const HAS_OPENER = /[[({]/;
const BRACKET = /[[({][^[\](){}\n]{0,60}[\])}]/g;
const NOISE_WORDS =
  /^(?:inaudible|unintelligible|indistinct|incomprehensible|unclear|crosstalk|cross-talk|overlapping(?: speech)?|overtalk|laughs?|laughter|laughing|chuckles?|chuckling|giggles?|sighs?|coughs?|clears throat|(?:long )?pause|pauses|silence|music|applause|(?:background )?noise|vocal ?sound|typing|phone rings?|beep|static|audio cuts? out|break in audio|no audio|redacted|sp\??|ph\??|\?+|…|\.\.\.)(?:[\s,]+(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\.\d+)?)?$/i;
const STAGE_DIRECTION =
  /^(?:laughs|waves|nods|sighs|edits|types|pauses|smiles|shrugs|gestures|coughs|chuckles|points|reads|clicks|scrolls|shows|shares|looks|grins|groans|whistles|claps|sneezes|mimics|imitates|holds up|gets up|leaves|returns|interrupted|inaudible)\b[^()]*$/i;
/** Anything cleanQuoteText would change: a bracket, a whitespace run or non-space whitespace, a space before punctuation, leading punctuation or trailing space. */
const NEEDS_CLEANING = /[[({]|\s\s|[^\S ]| [,.;:!?…]|^[\s,;:]|\s$/;
const CLOCK = /^(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?$/;

export function isNoiseToken(token: string): boolean {
  const open = token.charAt(0);
  const inner = token.slice(1, -1).trim();
  if (open === '{') return true;
  return NOISE_WORDS.test(inner) || STAGE_DIRECTION.test(inner) || CLOCK.test(inner);
}

/** [start, end) ranges of noise tokens in `text`, in order. */
export function noiseRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  if (!HAS_OPENER.test(text)) return ranges;
  for (const m of text.matchAll(BRACKET)) {
    if (isNoiseToken(m[0])) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/**
 * The text of a quote: the passage without noise tokens, whitespace collapsed, no space left
 * before punctuation, a stuttered word said once ("I I'm not worried" -> "I'm not worried",
 * "the, the build" -> "the build"), and a capital first letter, so the quote reads as a sentence
 * even when it opens after trimmed fillers. A quote's `text` is always
 * `cleanQuoteText(turn.text.slice(start, end))`.
 */
export function cleanQuoteText(passage: string): string {
  // Most passages are clean already: two cheap tests instead of a scan and six replaces.
  if (!NEEDS_CLEANING.test(passage) && !mayRepeat(passage)) return capitalised(passage);
  let out = '';
  let at = 0;
  for (const [s, e] of noiseRanges(passage)) {
    out += `${passage.slice(at, s)} `;
    at = e;
  }
  out += passage.slice(at);
  return capitalised(
    out
      .replace(/\s+/g, ' ')
      .replace(RESTARTS, (m: string, words: string) => sayOnce(m, words))
      .replace(REPEATS, (m: string, word: string, contraction: string) => sayOnce(m, word, contraction))
      .replace(/ ([,.;:!?…])/g, '$1')
      .replace(/^[\s,;:]+/, '')
      .trim(),
  );
}

/** A word said again, or again as its contraction ("I I'm"), apart by a space, a comma or a dash. */
const REPEATS = /(?<![\p{L}\p{N}'’])(\p{L}+)(?:(?:,|\s*(?:--|—|–))?\s+\1)+((?:['’]\p{L}+)?)(?![\p{L}\p{N}'’-])/giu;
/** Two or three words said again after a dash: "we were -- we were going", "that is -- that is true". */
const RESTARTS = /(?<![\p{L}\p{N}'’])(\p{L}+(?: \p{L}+){1,2})(?: ?(?:--|—|–) \1)+(?![\p{L}\p{N}'’-])/giu;
/** Said twice on purpose: "that that", "had had", "very very", "bye bye". */
const MEANT_TWICE = new Set(['that', 'had', 'very', 'really', 'so', 'much', 'many', 'more', 'far', 'long', 'bye', 'blah', 'ha', 'haha', 'knock', 'tick', 'do', 'did']);

/** The words once, in the case of their first saying ("That is -- that is" -> "That is"), or as the contraction. */
function sayOnce(match: string, words: string, contraction = ''): string {
  if (MEANT_TWICE.has(words.toLowerCase())) return match;
  // "Bora Bora", "Baden Baden": a repeated capitalised word is a name.
  if (words.length > 1 && /^\p{Lu}/u.test(words) && /\s\p{Lu}/u.test(match)) return match;
  return contraction ? match.slice(match.length - words.length - contraction.length) : words;
}

/**
 * Whether REPEATS or RESTARTS might match: a word followed, across spaces, commas or dashes, by
 * a word that starts with it. A cheap scan that clears most passages without the regexes.
 */
function mayRepeat(text: string): boolean {
  // The last three words, newest first: a restart after a dash repeats up to three.
  let s0 = -1;
  let e0 = -1;
  let s1 = -1;
  let e1 = -1;
  let s2 = -1;
  let e2 = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const gapStart = i;
    let dash = false;
    while (i < n && !isLetter(text.charCodeAt(i))) {
      const c = text.charCodeAt(i);
      if (c === 0x2d || c === 0x2014 || c === 0x2013) dash = true;
      i++;
    }
    const start = i;
    while (i < n && isLetter(text.charCodeAt(i))) i++;
    if (start === i) break;
    if (s0 >= 0 && separatesWords(text, gapStart, start) && sameWord(text, s0, e0, start, i)) return true;
    if (dash && ((s1 >= 0 && sameWord(text, s1, e1, start, i)) || (s2 >= 0 && sameWord(text, s2, e2, start, i)))) return true;
    s2 = s1;
    e2 = e1;
    s1 = s0;
    e1 = e0;
    s0 = start;
    e0 = i;
  }
  return false;
}

/** Whether the letters at [b, bEnd) are those at [a, aEnd), ignoring case ("I'm" reads as "I" and "m"). */
function sameWord(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  return bEnd - b === aEnd - a && sameLetters(text, a, b, aEnd - a);
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && !(c >= 0x2000 && c <= 0x206f) && c !== 0xd7 && c !== 0xf7);
}

/** Only spaces, commas and dashes between two words, at least one space. */
function separatesWords(text: string, from: number, to: number): boolean {
  let space = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0) space = true;
    else if (c !== 0x2c && c !== 0x2d && c !== 0x2014 && c !== 0x2013) return false;
  }
  return space;
}

function sameLetters(text: string, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) {
    const x = text.charCodeAt(a + k);
    const y = text.charCodeAt(b + k);
    if (x !== y && (x | 0x20) !== (y | 0x20)) return false;
  }
  return true;
}
/** The text with its first letter in upper case, unless its first word is mixed case ("iPhone", "eBay"). */
function capitalised(text: string): string {
  const first = text.charAt(0);
  if (first === first.toUpperCase()) return text;
  const word = /^[\p{L}'’-]+/u.exec(text)?.[0] ?? first;
  if (word !== word.toLowerCase()) return text;
  return first.toUpperCase() + text.slice(1);
}

/** Whitespace-separated tokens that hold a letter or digit ("--" and "…" are not words). */
export function countWords(text: string, from = 0, to = text.length): number {
  let n = 0;
  let inToken = false;
  let counted = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0) {
      inToken = false;
      continue;
    }
    if (!inToken) {
      inToken = true;
      counted = false;
    }
    if (!counted && isWordChar(c)) {
      n++;
      counted = true;
    }
  }
  return n;
}

/** ASCII letters and digits, and anything beyond Latin-1 punctuation (accented letters, CJK). */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return c >= 0xc0 && !(c >= 0x2000 && c <= 0x206f) && c !== 0xd7 && c !== 0xf7;
}
