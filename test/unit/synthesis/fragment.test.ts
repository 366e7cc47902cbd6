import { describe, expect, it } from 'vitest';
import { fragmentReasons, isSentence } from '../../../electron/core/synthesis/checks/fragment';

describe('fragmentReasons', () => {
  it.each([
    'Checks the release notes first.',
    'Never trusts a total she cannot trace.',
    'Tracks money in a spreadsheet.',
    'The export is broken.',
    'I always check the release notes first.',
    '“I never know what each supplier really costs me.”',
  ])('accepts the sentence %j', (bullet) => {
    expect(fragmentReasons(bullet)).toEqual([]);
  });

  // The fragments the issue quotes from real drafts.
  it('rejects a dash, an ellipsis and no full stop', () => {
    expect(fragmentReasons("It's been that thing of -- for a lot of the time it was a case of, we're going…")).toEqual([
      'does not end with a full stop',
      'has " -- "',
      'has an ellipsis',
    ]);
  });

  it('rejects a repeated word, also before a contraction', () => {
    expect(fragmentReasons("I I'm not so worried about that as being an issue.")).toEqual(['repeats "i"']);
    expect(fragmentReasons('The the export is broken.')).toEqual(['repeats "the"']);
  });

  it('rejects a clause that opens with a conjunction, a preposition or backchannel', () => {
    expect(fragmentReasons('If you have a project that you just…')).toContain('does not start with a subject or a verb');
    expect(fragmentReasons('Because nobody pays for the work.')).toEqual(['does not start with a subject or a verb']);
    expect(fragmentReasons('Of the whole release process.')).toEqual(['does not start with a subject or a verb']);
    expect(fragmentReasons('Yeah, the tool is great for us.')).toEqual(['does not start with a subject or a verb']);
  });

  it('rejects a noun phrase without a finite verb', () => {
    expect(fragmentReasons('The whole release process of the project.')).toEqual(['does not start with a subject or a verb']);
    expect(fragmentReasons('The complexity or the danger of making a change.')).toEqual(['does not start with a subject or a verb']);
  });

  it('rejects a clause cut from its subject: a bare verb or "not" first', () => {
    expect(fragmentReasons('Require us to do the most tiptoeing around deprecating.')).toEqual(['does not start with a subject or a verb']);
    expect(fragmentReasons('Not try to figure out how to market something.')).toEqual(['does not start with a subject or a verb']);
    expect(fragmentReasons('Would not have had that time available to them.')).toEqual([]);
    expect(fragmentReasons('Went from full-time to part-time on PyPI.')).toEqual([]);
  });

  it('counts 4 to 25 words', () => {
    expect(fragmentReasons('Photographs every receipt.')).toEqual(['has 3 words, fewer than 4']);
    expect(isSentence('Photographs every receipt daily.')).toBe(true);
    const long = `Keeps ${Array.from({ length: 24 }, (_, i) => `item${i}`).join(' ')}.`;
    expect(fragmentReasons(long)).toEqual([]);
    expect(fragmentReasons(`${long.slice(0, -1)} more.`)).toEqual(['has 26 words, more than 25']);
  });

  it('needs a capital letter and a full stop', () => {
    expect(fragmentReasons('checks the release notes first.')).toContain('does not start with a capital letter');
    expect(fragmentReasons('Checks the release notes first')).toEqual(['does not end with a full stop']);
    expect(fragmentReasons('Does anyone check the release notes?')).toEqual(['does not end with a full stop']);
  });
});
