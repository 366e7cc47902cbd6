import { describe, expect, it } from 'vitest';
import { bulletCandidates, countWords, draftBulletText, shortenQuote } from '../../../electron/core/synthesis/bulletText';
import { fragmentReasons } from '../../../electron/core/synthesis/checks/fragment';

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

describe('draftBulletText', () => {
  it('rewrites a first-person claim to the persona’s voice', () => {
    expect(draftBulletText(['Yeah, so I always check the release notes first, before anything else.'])).toBe(
      'Always checks the release notes first, before anything else.',
    );
  });

  it('keeps the speaker’s words in quotation marks when the rewrite is not safe', () => {
    // "we" speaks for a team: "Release what we build" would put words in the persona's mouth.
    expect(draftBulletText(['We only release what we can support for three years.'])).toBe(
      '“We only release what we can support for three years.”',
    );
  });

  it('does not quote a sentence that holds quotation marks of its own', () => {
    expect(draftBulletText(['They said “we can just break them and nobody will notice” and we all noticed.'])).toBeNull();
  });

  it('prefers a full claim to a short one in the persona’s voice', () => {
    expect(
      draftBulletText(["Yeah. I've tried a few. The problem is they all want to categorise things for me and they get it wrong."]),
    ).toBe('“The problem is they all want to categorise things for me and they get it wrong.”');
  });

  it('drafts nothing from fragments, questions, backchannel and sentences that lean on the one before', () => {
    for (const quote of [
      "It's been that thing of -- for a lot of the time it was a case of, we're going",
      'If you have a project that you just…',
      'Sometimes you do and sometimes you don’t.',
      'Do you check the release notes first?',
      'Yeah, that makes total sense.',
      'That was really hard for everyone.',
    ]) {
      expect(draftBulletText([quote]), quote).toBeNull();
    }
  });

  it('looks past the first quote of a claim when it has no sentence that stands alone', () => {
    expect(draftBulletText(['If you have a project that you just…', 'I never merge a pull request without a test.'])).toBe(
      'Never merges a pull request without a test.',
    );
  });

  it('only drafts sentences that pass the fragment check', () => {
    const quotes = [
      "Sure. So, um, I have a spreadsheet. It's honestly the centre of my financial life. Every payday, which is the 25th, I sit down with a coffee and I go through every line.",
      'I mean, I -- I started at uni, really. My first year I ran out of money in week six of term and had to borrow from my sister.',
      'The annual bills tab is the one I am proudest of, actually. Car insurance, the TV licence, my professional registration fee, Christmas.',
    ];
    const candidates = quotes.flatMap((q) => bulletCandidates(q));
    expect(candidates.length).toBeGreaterThan(2);
    for (const c of candidates) expect(fragmentReasons(c.text), c.text).toEqual([]);
  });
});
