// Text budgets for a one-page card. The page must never spill onto a second page, whatever the
// persona says, so every block of text gets a line budget up front, measured with the real font
// (fontkit on the same Inter files react-pdf embeds). Text over budget is cut here at a word,
// with "…"; each <Text> also carries `maxLines` as a backstop, so an estimate that came out one
// line short can only cut a line early, never push the page over.
import { hasGlyph, SOFT_BREAK, textWidth, type Face } from './pdfFonts';

export interface TextStyle {
  face: Face;
  fontSize: number;
  /** Line height in points (react-pdf sets each line exactly this tall when given). */
  lineHeight: number;
}

const PICTOGRAPH = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200d\ufe0e\ufe0f\u20e3\u{E0020}-\u{E007F}]/gu;
/**
 * Curly apostrophes (U+2019, U+2018, U+02BC) set as the straight one. react-pdf shapes U+2019 in
 * Inter as a glyph it neither draws nor extracts, and its line breaker then splits the words
 * around it at any letter ("o'cloc / k", "i / 's something"); the straight one sets and breaks
 * like any letter. pdfCard.test.ts pins both.
 */
const APOSTROPHES = /[\u2019\u2018\u02bc]/gu;
/** Drawn for a character Inter lacks (CJK, Arabic, ...): an honest box rather than a wrong glyph. */
const MISSING = '\u25a1';

/**
 * Text as the PDF can set it: one NFC-normalised paragraph (accents precomposed), no emoji (Inter has none, and a colour emoji font
 * would have to come from a CDN), and a box for any other character Inter cannot draw, which
 * react-pdf would otherwise print as some unrelated glyph.
 */
export function pdfText(text: string): string {
  const flat = text.normalize('NFC').replace(PICTOGRAPH, '').replace(APOSTROPHES, "'").replace(/\s+/g, ' ').trim();
  let out = '';
  for (const ch of flat) out += ch === ' ' || hasGlyph(ch.codePointAt(0)!) ? ch : MISSING;
  return out;
}

// Over-long words (a URL, a pasted token) get soft breaks: react-pdf breaks lines only at
// spaces and at the points the hyphenation callback returns (pdfFonts.ts), and would otherwise
// run such a word off the page. U+200B is zero-width in Inter. At a break it adds a hyphen.
const HYPHEN = '-';

// Knuth-Plass can set a line a little fuller or emptier than a greedy fill; estimating against
// a slightly narrower line errs towards more lines, i.e. towards never cutting text that fits.
const WIDTH_SAFETY = 0.96;

/** Splits every word wider than `max` into pieces that fit a line with a hyphen after them. */
function breakLongWords(text: string, style: TextStyle, max: number): string {
  const room = max - textWidth(HYPHEN, style.face, style.fontSize);
  return text
    .split(' ')
    .map((word) => {
      if (textWidth(word, style.face, style.fontSize) <= max) return word;
      // Summed glyph advances (no kerning inside the piece): linear in the word's length.
      const pieces: string[] = [];
      let piece = '';
      let used = 0;
      for (const ch of word.replaceAll(SOFT_BREAK, '')) {
        const w = textWidth(ch, style.face, style.fontSize);
        if (piece && used + w > room) {
          pieces.push(piece);
          piece = '';
          used = 0;
        }
        piece += ch;
        used += w;
      }
      pieces.push(piece);
      return pieces.join(SOFT_BREAK);
    })
    .join(' ');
}

/** Text ready for a block `width` points wide: cleaned, long words made breakable. */
export function prepareText(text: string, style: TextStyle, width: number): string {
  return breakLongWords(pdfText(text), style, width * WIDTH_SAFETY);
}

/** Lines `text` takes when wrapped greedily at spaces and soft breaks into `width` points. */
export function estimateLines(text: string, style: TextStyle, width: number): number {
  const prepared = prepareText(text, style, width);
  if (!prepared) return 1;
  const max = width * WIDTH_SAFETY;
  const size = style.fontSize;
  const space = textWidth(' ', style.face, size);
  const hyphen = textWidth(HYPHEN, style.face, size);
  let lines = 1;
  let used = 0;
  for (const word of prepared.split(' ')) {
    const pieces = word.split(SOFT_BREAK);
    pieces.forEach((piece, i) => {
      const w = textWidth(piece, style.face, size);
      const gap = i === 0 && used > 0 ? space : 0;
      // Breaking after a piece that is not the word's last costs a hyphen at the line's end.
      const tail = i < pieces.length - 1 ? hyphen : 0;
      if (used === 0 || used + gap + w + tail <= max) {
        used += gap + w;
      } else {
        lines += 1;
        used = w;
      }
    });
  }
  return lines;
}

export interface Fitted {
  text: string;
  lines: number;
}

const ELLIPSIS = '…';

/**
 * Cuts `text` at a word (or at a soft break of an over-long word) so that it, with `ending`
 * added, takes at most `maxLines` lines. Cutting here rather than leaving it to react-pdf's own
 * ellipsis matters: react-pdf appends its "…" to a full last line, past the right edge.
 */
export function fitText(text: string, style: TextStyle, width: number, maxLines: number, ending = ELLIPSIS): Fitted {
  const clean = prepareText(text, style, width);
  const lines = estimateLines(clean, style, width);
  if (lines <= maxLines) return { text: clean, lines };
  // Each unit but the first starts with the space or soft break before it.
  const units = clean.split(/(?=[ \u200b])/u);
  const cut = (n: number) => `${units.slice(0, n).join('').replace(/[\s\u200b,;:.!?…–—-]+$/u, '')}${ending}`;
  // Largest number of units that fits; one unit is the floor.
  let lo = 1;
  let hi = units.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (estimateLines(cut(mid), style, width) <= maxLines) lo = mid;
    else hi = mid - 1;
  }
  const fitted = cut(lo);
  return { text: fitted, lines: Math.min(maxLines, estimateLines(fitted, style, width)) };
}

export interface ItemCost {
  /** Estimated lines each item needs to be shown whole. */
  lines: number[];
  /** Points one item costs besides its text lines (count line, gaps). */
  perItem: number;
  lineHeight: number;
  /** Points the "and N more" note costs when items are left out. */
  moreNote: number;
  /** Fewest lines an item is cut to before it is left out instead. */
  minLines: number;
}

/** Points a list needs to show every item whole. */
export function listDemand(cost: ItemCost): number {
  return cost.lines.reduce((sum, l) => sum + l * cost.lineHeight + cost.perItem, 0);
}

/**
 * Shares `height` points between items in order: as many items as fit at their minimum, then
 * lines handed out evenly (water-filling) so a long item is cut before a short one is.
 * Returns the line budget per shown item; items past its length are left out.
 */
export function allocateLines(cost: ItemCost, height: number): number[] {
  const floor = cost.lines.map((l) => Math.min(l, cost.minLines));
  let shown = 0;
  for (;;) {
    if (shown === cost.lines.length) break;
    const next = shown + 1;
    const note = next < cost.lines.length ? cost.moreNote : 0;
    const need = floor.slice(0, next).reduce((s, l) => s + l * cost.lineHeight + cost.perItem, 0) + note;
    if (need > height) break;
    shown = next;
  }
  const note = shown < cost.lines.length ? cost.moreNote : 0;
  const budget = Math.floor((height - note - shown * cost.perItem) / cost.lineHeight + 1e-9);
  const wanted = cost.lines.slice(0, shown);
  const alloc = floor.slice(0, shown);
  let left = budget - alloc.reduce((s, l) => s + l, 0);
  // One line at a time to the item with the fewest lines that still wants more.
  while (left > 0) {
    let pick = -1;
    for (let i = 0; i < alloc.length; i += 1) {
      if (alloc[i]! < wanted[i]! && (pick < 0 || alloc[i]! < alloc[pick]!)) pick = i;
    }
    if (pick < 0) break;
    alloc[pick]! += 1;
    left -= 1;
  }
  return alloc;
}

/**
 * Splits `total` points between two stacked blocks: each gets what it asks for when both fit,
 * a modest one keeps its need and the other takes the rest, else they share evenly.
 */
/**
 * Shares `total` points among rows that ask for `demands`: every row that asks for no more than
 * an even share gets what it asks, the others split what is left evenly, and room to spare goes
 * to the last row.
 */
export function splitHeights(total: number, demands: readonly number[]): number[] {
  if (demands.length === 0) return [];
  const sum = demands.reduce((a, b) => a + b, 0);
  if (sum <= total) return demands.map((d, i) => (i === demands.length - 1 ? d + total - sum : d));
  const out = new Array<number>(demands.length).fill(0);
  let open = demands.map((_, i) => i);
  let left = total;
  for (;;) {
    const share = left / open.length;
    const modest = open.filter((i) => demands[i]! <= share);
    if (modest.length === 0) {
      for (const i of open) out[i] = share;
      return out;
    }
    for (const i of modest) {
      out[i] = demands[i]!;
      left -= demands[i]!;
    }
    open = open.filter((i) => demands[i]! > share);
    if (open.length === 0) {
      out[demands.length - 1]! += left;
      return out;
    }
  }
}
