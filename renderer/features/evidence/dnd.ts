import type { DragEvent } from 'react';

/** A quote carried by HTML5 drag and drop: our own type for drops we accept, text/plain for everyone else. */
export const QUOTE_MIME = 'application/x-grounded-quote';

export interface QuoteDrag {
  quoteId: number;
  /** The theme it was dragged out of, when it came from a theme's list (a drop on another theme moves it). */
  fromThemeId?: number;
}

export function startQuoteDrag(e: DragEvent, drag: QuoteDrag, text: string): void {
  e.dataTransfer.setData(QUOTE_MIME, JSON.stringify(drag));
  e.dataTransfer.setData('text/plain', text);
  e.dataTransfer.effectAllowed = 'copyMove';
}

/** True while a quote is dragged over a target (the payload itself is only readable on drop). */
export function carriesQuote(e: DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes(QUOTE_MIME);
}

export function readQuoteDrop(e: DragEvent): QuoteDrag | null {
  const raw = e.dataTransfer.getData(QUOTE_MIME);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<QuoteDrag>;
    if (typeof parsed.quoteId !== 'number' || !Number.isInteger(parsed.quoteId)) return null;
    return { quoteId: parsed.quoteId, ...(typeof parsed.fromThemeId === 'number' ? { fromThemeId: parsed.fromThemeId } : {}) };
  } catch {
    return null;
  }
}
