import { describe, expect, it } from 'vitest';
import { CUE_NAMES, cueFeatures } from '../../../electron/core/synthesis/facetCues';
import { isPositiveStatement, polarity } from '../../../electron/core/synthesis/polarity';

const cuesOf = (text: string): Record<string, number> => {
  const values = cueFeatures(text);
  return Object.fromEntries(CUE_NAMES.map((name, i) => [name, values[i]!]));
};

describe('polarity', () => {
  it('counts negative experiences as negative', () => {
    expect(polarity('It is so slow and it keeps crashing, honestly a nightmare.').negative).toBeGreaterThanOrEqual(2);
    expect(polarity('I hated filling in the same form twice.').negative).toBeGreaterThan(0);
    expect(isPositiveStatement('The waiting times are ridiculous.')).toBe(false);
  });

  it('counts positive statements as positive', () => {
    expect(isPositiveStatement('I love how quick the new booking page is.')).toBe(true);
    expect(isPositiveStatement('Honestly the staff were brilliant and it was all really easy.')).toBe(true);
  });

  it('flips a polar word after a negator', () => {
    expect(polarity("It's not easy to find anything.")).toEqual({ positive: 0, negative: 1 });
    expect(polarity("I've never had a problem with it.")).toEqual({ positive: 1, negative: 0 });
    expect(isPositiveStatement("It doesn't work half the time.")).toBe(false);
  });

  it('reads "like" as filler unless a subject likes something', () => {
    expect(polarity('It was like, forty minutes on hold.').positive).toBe(0);
    expect(polarity('I like that it remembers my details.').positive).toBe(1);
  });

  it('is neutral on a neutral statement', () => {
    expect(polarity('I go through the post on Saturday mornings.')).toEqual({ positive: 0, negative: 0 });
  });
});

describe('facet cues', () => {
  it('gives one value in 0..1 per named cue', () => {
    const values = cueFeatures('Yeah.');
    expect(values).toHaveLength(CUE_NAMES.length);
    for (const text of ['', 'Yeah.', 'I always, always, always check it every single day because I worry, every day.']) {
      for (const v of cueFeatures(text)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });

  it('marks a wanted outcome, a habit, a belief, a choice and who the person is', () => {
    expect(cuesOf("What I'd really love is to be able to track it all in one place.").desire).toBeGreaterThan(0);
    expect(cuesOf('I wished it would just tell me.').desire).toBeGreaterThan(0); // inflected by compromise
    expect(cuesOf('I usually check it first thing in the morning.').habitual).toBeGreaterThan(0);
    expect(cuesOf('I always assumed the two systems talked to each other.').belief).toBeGreaterThan(0);
    expect(cuesOf('I chose the cheaper one because the reviews were better.').choice).toBeGreaterThan(0);
    expect(cuesOf("I've been a nurse for twelve years.").duration).toBe(1);
    expect(cuesOf('I work part time and look after my dad.').identity).toBeGreaterThan(0);
  });

  it('marks small talk and logistics', () => {
    expect(cuesOf('Yeah, exactly, yeah.').backchannel).toBe(1);
    expect(cuesOf('Sorry, you were on mute there.').logistics).toBe(1);
    expect(cuesOf('Can you hear me?').question).toBe(1);
    expect(cuesOf('I keep a folder for every letter they send me.').backchannel).toBe(0);
  });

  it('leaves a plain statement without stance cues', () => {
    const cues = cuesOf('The office is on the second floor.');
    for (const name of ['desire', 'negative', 'positive', 'habitual', 'belief', 'choice', 'identity'] as const) expect(cues[name]).toBe(0);
  });
});
