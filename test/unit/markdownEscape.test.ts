// Persona text is the researcher's and the participants' words: in a Markdown export none of it
// may turn into a heading, a list, a quote, a rule, strikethrough or a decoded HTML entity.
import { describe, expect, it } from 'vitest';
import type { Persona } from '../../shared/domain';
import { deckMarkdown, personaMarkdown } from '../../electron/core/export/markdown';
import type { PersonaCardData } from '../../electron/core/export/types';
import { blankPersona } from '../helpers/persona';

function card(persona: Partial<Persona>, quotes: string[] = []): PersonaCardData {
  const quotesById = new Map(quotes.map((text, i) => [i + 1, { text, participantName: 'P1' }]));
  const ids = quotes.map((_, i) => i + 1);
  return {
    studyName: 'Study &amp; <b>test</b>',
    researchDate: null,
    participantCount: 2,
    quotesById,
    persona: blankPersona({
      name: 'Maya',
      participants: [{ id: 1, name: 'P1' }],
      ...persona,
      ...(ids.length ? { goals: [{ text: persona.goals?.[0]?.text ?? 'Goal', evidence: ids }] } : {}),
    }),
  };
}

const lines = (md: string) => md.split('\n');

describe('Markdown export escaping', () => {
  it.each([
    ['# Not a heading', '\\# Not a heading'],
    ['###### Six', '\\###### Six'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['1. not numbered', '1\\. not numbered'],
    ['2024) not numbered', '2024\\) not numbered'],
    ['---', '\\---'],
    ['===', '\\==='],
    ['> not a quote', '\\> not a quote'],
    ['~~struck~~ text', '\\~\\~struck\\~\\~ text'],
    ['Tom &amp; Jerry &#60;3 &copy;', 'Tom \\&amp; Jerry \\&#60;3 \\&copy;'],
    ['AT&T & co', 'AT&T & co'],
    ['#hashtag stays', '#hashtag stays'],
  ])('a summary "%s" is written as plain text', (text, escaped) => {
    expect(lines(personaMarkdown(card({ summary: text })))).toContain(escaped);
  });

  it('bullets, persona names, questions and the deck list cannot start markup either', () => {
    const md = personaMarkdown(card({ name: '# Maya', goals: [{ text: '1. First ~~goal~~', evidence: [] }] }, ['quote']));
    expect(lines(md)[0]).toBe('# \\# Maya');
    expect(md).toMatch(/^- 1\\\. First \\~\\~goal\\~\\~ _\(/m);
    const deck = deckMarkdown([{ ...card({ name: '- Maya' }), questions: ['# Why?', '3. How?'] }]);
    expect(lines(deck)).toEqual(expect.arrayContaining(['# Personas: Study \\&amp; \\<b\\>test\\</b\\>', '- \\# Why?', '- 3\\. How?', '1. \\- Maya']));
  });
});
