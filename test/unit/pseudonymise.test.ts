// The pieces of a pseudonymised export, on small texts: contact details found in their usual
// spellings and not in dates or amounts, participant labels, and names that are also words.
import { describe, expect, it } from 'vitest';
import { findEmails, findPhones, findUrls } from '../../electron/core/export/contactPatterns';
import { participantLabels, pseudonymiseTexts, type KnownParticipant } from '../../electron/core/export/pseudonymise';

const found = (find: (t: string) => { start: number; end: number }[], text: string) => find(text).map((s) => text.slice(s.start, s.end));
const person = (id: number, name: string, extra: Partial<KnownParticipant> = {}): KnownParticipant => ({ id, name, code: null, pseudonym: null, otherNames: [], ...extra });

describe('contact details', () => {
  it('finds phone numbers in international, national and local spellings', () => {
    const text = 'Ring +44 20 7946 0958, (555) 123-4567, 555.123.4567, +1-202-555-0175, 07700 900123, 07700900123 or 555-1234.';
    expect(found(findPhones, text)).toEqual(['+44 20 7946 0958', '(555) 123-4567', '555.123.4567', '+1-202-555-0175', '07700 900123', '07700900123', '555-1234']);
  });

  it('leaves dates, years, amounts and versions alone', () => {
    expect(found(findPhones, 'On 2024-04-02, 02.04.2024 and in 2019-2020 we wrote 500-2000 words and paid 1 000 000 or 100,000 for v2.0.1 at 12:30 on 20190926.')).toEqual([]);
  });

  it('finds e-mail addresses and links, without the full stop that ends the sentence', () => {
    expect(found(findEmails, 'Write to nick.c+team@example.co.uk today.')).toEqual(['nick.c+team@example.co.uk']);
    expect(found(findUrls, 'See https://example.org/a?b=1. Or www.foo.com, github.com/someone and Node.js.')).toEqual([
      'https://example.org/a?b=1',
      'www.foo.com',
      'github.com/someone',
    ]);
  });
});

describe('participant labels', () => {
  it('takes the pseudonym, else the code, else the next free P-number in id order', () => {
    const labels = participantLabels([person(3, 'Cy'), person(1, 'Ann', { pseudonym: 'Rosa', code: 'P01' }), person(2, 'Bo', { code: 'P02' }), person(4, 'Di')]);
    expect([...labels.entries()].sort(([a], [b]) => a - b)).toEqual([
      [1, { label: 'Rosa', source: 'pseudonym' }],
      [2, { label: 'P02', source: 'code' }],
      [3, { label: 'P01', source: 'generated' }],
      [4, { label: 'P03', source: 'generated' }],
    ]);
  });

  it('never gives two people one label', () => {
    const labels = participantLabels([person(1, 'Ann', { code: 'X' }), person(2, 'Bo', { pseudonym: 'x' })]);
    expect(new Set([...labels.values()].map((l) => l.label.toLowerCase())).size).toBe(2);
  });
});

describe('names that are also words', () => {
  it('replaces a participant called Will or May where they are named, not the verb or the month', () => {
    const people = { participants: [person(1, 'Will Jones'), person(2, 'May Chen')], others: [] };
    const { texts } = pseudonymiseTexts(
      ['Will it work? I will try in May.', 'I asked Will about it and May said no.', 'Will Jones and May Chen both came.'],
      people,
    );
    expect(texts).toEqual(['Will it work? I will try in May.', 'I asked P01 about it and P02 said no.', 'P01 and P02 both came.']);
  });

  it('takes a name the finder reads, but not a product or an acronym in capitals', () => {
    const { texts, replacements } = pseudonymiseTexts(['I asked Donald Stufft about PyPI and MOSS funding at Mozilla.', 'Donald said the grant ran out.'], {
      participants: [],
      others: [],
    });
    expect(texts[0]).toBe('I asked [Person A] about PyPI and MOSS funding at Mozilla.');
    expect(texts[1]).toBe('[Person A] said the grant ran out.');
    expect(replacements.map((r) => r.original).sort()).toEqual(['Donald', 'Donald Stufft']);
  });
});
