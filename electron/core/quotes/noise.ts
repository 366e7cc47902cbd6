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
 * before punctuation. A quote's `text` is always `cleanQuoteText(turn.text.slice(start, end))`.
 */
export function cleanQuoteText(passage: string): string {
  // Most passages are clean already: one test instead of a scan, three replaces and a trim.
  if (!NEEDS_CLEANING.test(passage)) return passage;
  let out = '';
  let at = 0;
  for (const [s, e] of noiseRanges(passage)) {
    out += `${passage.slice(at, s)} `;
    at = e;
  }
  out += passage.slice(at);
  return out
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?…])/g, '$1')
    .replace(/^[\s,;:]+/, '')
    .trim();
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
