// Text budgets for a one-page card. The page must never spill onto a second page, whatever the
// persona says, so every block of text gets a line budget up front. react-pdf enforces each
// budget itself (`maxLines` + `textOverflow: 'ellipsis'` ends a cut text with "…"); the estimates
// here only decide how to share the space, measured with the real font so little is cut.
import { textWidth, type Face } from './pdfFonts';

export interface TextStyle {
  face: Face;
  fontSize: number;
  /** Line height in points (react-pdf sets each line exactly this tall when given). */
  lineHeight: number;
}

const PICTOGRAPH = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200d\ufe0e\ufe0f\u20e3\u{E0020}-\u{E007F}]/gu;

/**
 * Text as the PDF can set it: one paragraph, and no emoji, which Inter cannot draw (react-pdf
 * would print empty boxes; a colour emoji font would have to come from a CDN).
 */
export function pdfText(text: string): string {
  return text.replace(PICTOGRAPH, '').replace(/\s+/g, ' ').trim();
}

// Knuth-Plass can set a line a little fuller or emptier than a greedy fill; estimating against
// a slightly narrower line errs towards more lines, i.e. towards never cutting text that fits.
const WIDTH_SAFETY = 0.96;

/** Lines `text` takes when wrapped at word boundaries into `width` points. */
export function estimateLines(text: string, style: TextStyle, width: number): number {
  const words = pdfText(text).split(' ').filter(Boolean);
  if (words.length === 0) return 1;
  const max = width * WIDTH_SAFETY;
  const space = textWidth(' ', style.face, style.fontSize);
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const w = textWidth(word, style.face, style.fontSize);
    const needed = used === 0 ? w : used + space + w;
    if (needed <= max) {
      used = needed;
    } else if (w <= max) {
      lines += 1;
      used = w;
    } else {
      // A word wider than the line is broken across lines by the layout engine.
      const spans = Math.ceil(w / max);
      lines += (used === 0 ? 0 : 1) + spans - 1;
      used = w - (spans - 1) * max;
    }
  }
  return lines;
}

/** Lines for a text capped at `cap`, never fewer than one. */
export function budgetLines(text: string, style: TextStyle, width: number, cap: number): number {
  return Math.max(1, Math.min(cap, estimateLines(text, style, width)));
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
export function splitHeight(total: number, first: number, second: number): [number, number] {
  if (first + second <= total) return [first, total - first];
  if (first <= total / 2) return [first, total - first];
  if (second <= total / 2) return [total - second, second];
  return [total / 2, total / 2];
}
