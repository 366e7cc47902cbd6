import { describe, expect, it } from 'vitest';
import { plainMarkdown } from '../../electron/core/quotes/plainMarkdown';

describe('plainMarkdown: a Markdown turn shown as plain text', () => {
  it('drops blockquote markers, emphasis and capitalised speaker labels, keeping paragraphs', () => {
    const turn = [
      'So the first bits are what they said. Does it feel sustainable?',
      '',
      '> _Source(s): Jackie-1, Naomi-1_',
      '>',
      '> JACKIE: It **feels** like a well-maintained project.',
      '> > NAOMI: ...my sense is that *most* people',
      '> don’t want the details.',
    ].join('\n');
    expect(plainMarkdown(turn)).toBe(
      [
        'So the first bits are what they said. Does it feel sustainable?',
        'Source(s): Jackie-1, Naomi-1',
        'It feels like a well-maintained project.',
        '...my sense is that most people don’t want the details.',
      ].join('\n\n'),
    );
  });

  it('strips bold labels and labels of known speakers, but not ordinary words before a colon', () => {
    expect(plainMarkdown('**Sam:** I agree.')).toBe('I agree.');
    expect(plainMarkdown('Priya: What next?', ['Priya'])).toBe('What next?');
    expect(plainMarkdown('Note: this is plain.', ['Priya'])).toBe('Note: this is plain.');
    expect(plainMarkdown('A: one letter is no speaker')).toBe('A: one letter is no speaker');
  });

  it('keeps the text of links, code and list items; leaves underscores inside words and bare brackets alone', () => {
    expect(plainMarkdown('- see [the docs](https://example.org) and `pip install`')).toBe('see the docs and pip install');
    expect(plainMarkdown('## Heading\n\nsnake_case_name and [PyPI now] stay')).toBe('Heading\n\nsnake_case_name and [PyPI now] stay');
    expect(plainMarkdown('---\n1. First\n2. Second')).toBe('First Second');
  });
});
