import type { SpeakerRole } from '../../../shared/domain';

/** The attribute that marks the element holding exactly one turn's text (see TurnText). */
export const TURN_TEXT_ATTR = 'data-turn-text-id';

export interface TurnSelection {
  turnId: number;
  role: SpeakerRole;
  speaker: string;
  /** Offsets into turn.text, trimmed of surrounding whitespace and widened to whole words. */
  start: number;
  end: number;
  text: string;
  /** Where the selection sits, relative to `within`, to anchor the popover. */
  rect: { left: number; top: number; width: number; height: number };
}

const WORD_CHAR = /[\p{L}\p{N}'’-]/u;

function turnTextOf(node: Node): HTMLElement | null {
  const el = node instanceof HTMLElement ? node : node.parentElement;
  return el?.closest<HTMLElement>(`[${TURN_TEXT_ATTR}]`) ?? null;
}

/**
 * The offset of a DOM boundary point within a turn's text. The turn's element renders only the
 * turn's text (plain runs and <mark> runs), so the length of the text before the point is the offset,
 * however many highlights split it into nodes.
 */
function offsetIn(host: HTMLElement, node: Node, offset: number): number {
  const before = document.createRange();
  before.selectNodeContents(host);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** The document selection as a span of one turn's text inside `within`, or null when it is not one. */
export function selectionInTurn(selection: Selection | null, within: HTMLElement): TurnSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const host = turnTextOf(range.startContainer);
  if (!host || host !== turnTextOf(range.endContainer) || !within.contains(host)) return null;
  const text = host.textContent ?? '';
  let start = offsetIn(host, range.startContainer, range.startOffset);
  let end = offsetIn(host, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  // A drag rarely lands exactly between words; a quote never starts or ends mid-word.
  const inWord = (i: number) => WORD_CHAR.test(text[i - 1] ?? '') && WORD_CHAR.test(text[i] ?? '');
  while (start > 0 && inWord(start)) start--;
  while (end < text.length && inWord(end)) end++;
  const box = range.getBoundingClientRect();
  const origin = within.getBoundingClientRect();
  return {
    turnId: Number(host.getAttribute(TURN_TEXT_ATTR)),
    role: (host.dataset.role ?? 'participant') as SpeakerRole,
    speaker: host.dataset.speaker ?? '',
    start,
    end,
    text: text.slice(start, end),
    rect: { left: box.left - origin.left, top: box.top - origin.top, width: box.width, height: box.height },
  };
}
