import { describe, expect, it } from 'vitest';
import { countWords, shortenQuote } from '../../../electron/core/synthesis/bulletText';

describe('shortenQuote', () => {
  it('keeps a short quote whole, without leading filler', () => {
    expect(shortenQuote('Yeah, so um the export is broken.')).toBe('The export is broken.');
  });

  it('drops inline fillers', () => {
    expect(shortenQuote('It takes me, you know, two hours, um, every week.')).toBe('It takes me two hours every week.');
  });

  it('keeps whole sentences while they fit, skipping a throwaway opener', () => {
    expect(shortenQuote("Oh totally. It's a nightmare. Every month I spend two days on it.")).toBe(
      "It's a nightmare. Every month I spend two days on it.",
    );
  });

  it('cuts a long sentence at a clause boundary and marks the cut', () => {
    const text =
      'I go through all my receipts every Monday morning, and it takes me about two hours because nothing ' +
      'is ever in one place and I search my email.';
    const bullet = shortenQuote(text);
    expect(bullet).toBe('I go through all my receipts every Monday morning, and it takes me about two hours…');
    expect(countWords(bullet)).toBeLessThanOrEqual(20);
  });

  it('prefers a longer sentence to a short opener that fits alone', () => {
    const text =
      'I started at uni, really. My first year I ran out of money in week six of term and had to borrow ' +
      'from my sister.';
    expect(shortenQuote(text)).toBe(
      'My first year I ran out of money in week six of term and had to borrow from my sister.',
    );
  });

  it('cuts at the word limit when there is no clause boundary', () => {
    const text = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const bullet = shortenQuote(text, 20);
    expect(countWords(bullet)).toBe(20);
    expect(bullet.endsWith('…')).toBe(true);
  });

  it('capitalises the first letter', () => {
    expect(shortenQuote('so the calendar never syncs with my phone')).toBe('The calendar never syncs with my phone');
  });
});
