import { describe, expect, it } from 'vitest';
import { toThirdPerson } from '../../../electron/core/synthesis/thirdPerson';

describe('toThirdPerson', () => {
  it.each([
    ['I always check the release notes first.', 'Always checks the release notes first.'],
    ["I don't trust the totals.", 'Does not trust the totals.'],
    ["I'm not so worried about the funding.", 'Is not so worried about the funding.'],
    ['I have been doing this for years.', 'Has been doing this for years.'],
    ['I started at uni, really.', 'Started at uni, really.'],
    ['I wish I could see everything in one place.', 'Wishes they could see everything in one place.'],
    ["I think I'm the only maintainer left.", 'Thinks they are the only maintainer left.'],
    ['I do all the releases myself.', 'Does all the releases themselves.'],
    ['I never know what each supplier really costs me.', 'Never knows what each supplier really costs them.'],
  ])('%j -> %j', (first, third) => {
    expect(toThirdPerson(first)).toBe(third);
  });

  it.each([
    ['I maintain our CI.', 'speaks for a group'],
    ['The export is broken.', 'not about the speaker'],
    ['I, uh, I think so.', 'no verb after the subject'],
    ['My partner thinks it is hilarious.', 'someone else is the subject'],
    ['I usually run the code and use simple examples.', 'a second verb may or may not share the subject'],
  ])('leaves %j alone (%s)', (sentence) => {
    expect(toThirdPerson(sentence)).toBeNull();
  });
});
