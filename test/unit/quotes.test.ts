import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectInterviewer, parseTranscript } from '../../electron/core/importers/parse';
import { extractQuotes, MAX_QUOTE_WORDS, type DraftQuote } from '../../electron/core/quotes/extract';
import { cleanQuoteText, countWords } from '../../electron/core/quotes/noise';

const everyone = (): boolean => true;
const quotesOf = (text: string): DraftQuote[] => extractQuotes([{ speaker: 'P', text }], everyone);
const textsOf = (text: string): string[] => quotesOf(text).map((q) => q.text);

describe('extractQuotes: sentences', () => {
  it('splits a turn at sentence ends', () => {
    expect(
      textsOf('I pay the rent on the first of every month. My partner moves what is left into savings! Does that sound boring to you?'),
    ).toEqual([
      'I pay the rent on the first of every month.',
      'My partner moves what is left into savings!',
      'Does that sound boring to you?',
    ]);
  });

  it('does not split after abbreviations, initials or inside decimals', () => {
    expect(
      textsOf(
        'I use a few apps, e.g. Monzo and the bank one, to check things. ' +
          'Dr. Patel told me to track my spending for a month, and J. Smith agreed with her. ' +
          'Interest went up to 5.25 percent, which hurt a lot more than I expected.',
      ),
    ).toEqual([
      'I use a few apps, e.g. Monzo and the bank one, to check things.',
      'Dr. Patel told me to track my spending for a month, and J. Smith agreed with her.',
      'Interest went up to 5.25 percent, which hurt a lot more than I expected.',
    ]);
  });

  it('an ellipsis is a pause, not a sentence end', () => {
    expect(textsOf('I believe we spend over… A million dollars a year on hosting, roughly.')).toEqual([
      'I believe we spend over… A million dollars a year on hosting, roughly.',
    ]);
  });

  it('never joins sentences across paragraphs', () => {
    expect(textsOf('I keep a spreadsheet for all of it.\n\nMy partner never looks at it though.')).toEqual([
      'I keep a spreadsheet for all of it.',
      'My partner never looks at it though.',
    ]);
  });
});

describe('extractQuotes: short fragments, fillers, false starts', () => {
  it('merges a fragment under six words with the next sentence, or the last one with the previous', () => {
    expect(textsOf('Mostly the rent. I just wing it every single month and hope for the best.')).toEqual([
      'Mostly the rent. I just wing it every single month and hope for the best.',
    ]);
    expect(textsOf('I just wing it every single month and hope for the best. Classic me.')).toEqual([
      'I just wing it every single month and hope for the best. Classic me.',
    ]);
  });

  it.each(['Yeah.', 'Okay.', 'Mm-hmm.', 'Right.', 'Sure.', 'Absolutely.', 'Yeah, yeah. Okay, sure.', 'Mm-hm. Thank you.'])(
    'drops a pure filler turn: %s',
    (filler) => {
      expect(quotesOf(filler)).toEqual([]);
    },
  );

  it('drops filler sentences between real ones', () => {
    expect(textsOf('I check the balance every single morning. Yeah. Absolutely. My bus ride to work takes about twenty minutes.')).toEqual([
      'I check the balance every single morning.',
      'My bus ride to work takes about twenty minutes.',
    ]);
  });

  // The quote opens on a capital even where the passage does not ("we were going" -> "We were going").
  it.each([
    ['So, um, I always pay the rent first thing.', 'I always pay the rent first thing.'],
    ['I mean, I -- I always check the balance on Sundays.', 'I always check the balance on Sundays.'],
    ['Um I think the app is built for people with salaries.', 'I think the app is built for people with salaries.'],
    ['Yeah, so, I never plan more than a week ahead.', 'I never plan more than a week ahead.'],
    ['We were -- we were going to save for a house deposit.', 'we were going to save for a house deposit.'],
    ['Budgeting -- I hate it, honestly, every single month.', 'Budgeting -- I hate it, honestly, every single month.'],
    ['So I started using a spreadsheet in my first year.', 'So I started using a spreadsheet in my first year.'],
    ['Yeah, that makes sense. I always pay the rent first thing.', 'I always pay the rent first thing.'],
    ['Right, exactly, and I never plan more than a week ahead.', 'I never plan more than a week ahead.'],
    ['Sorry, go ahead. I always pay the rent first thing.', 'I always pay the rent first thing.'],
  ])('strips leading fillers, chatter and false starts: %s', (turn, passage) => {
    const [q] = quotesOf(turn);
    expect(turn.slice(q?.start, q?.end)).toBe(passage);
    expect(q?.text).toBe(passage.charAt(0).toUpperCase() + passage.slice(1));
  });

  it('drops a passage of fewer than three words even when alone', () => {
    expect(quotesOf('Not sure.')).toEqual([]);
  });
});

describe('extractQuotes: long passages', () => {
  const runOn =
    'When the boiler broke I had to move money from the holiday pot, and then the car needed tyres, ' +
    'and then the school trip letter came; I had planned for the trip but not for the other two, ' +
    'so I sat down with the spreadsheet on a Sunday night and moved every pot around until it balanced, ' +
    'which took about three hours and a lot of tea, and honestly by the end I was exhausted but calm, ' +
    'because at least I knew exactly where we stood and what we would have to cut in the next two months, ' +
    'and my husband said I looked like an accountant at tax time.';

  it(`caps a passage at ${MAX_QUOTE_WORDS} words, cutting at clause boundaries`, () => {
    const quotes = quotesOf(runOn);
    expect(quotes.length).toBeGreaterThan(1);
    for (const q of quotes) {
      expect(countWords(q.text)).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
      expect(countWords(q.text)).toBeGreaterThanOrEqual(6);
      expect(q.text).toMatch(/[;,.]$/);
    }
    const turn = runOn;
    expect(quotes.map((q) => turn.slice(q.start, q.end)).join(' ')).toBe(runOn);
  });

  it('cuts at a word boundary when a passage has no punctuation at all', () => {
    const words = Array.from({ length: 130 }, (_, i) => `word${i}`).join(' ');
    const quotes = quotesOf(words);
    expect(quotes.map((q) => countWords(q.text))).toEqual([60, 60, 10]);
    expect(quotes.map((q) => words.slice(q.start, q.end)).join(' ')).toBe(words);
  });
});

describe('extractQuotes: noise tokens and offsets', () => {
  it('removes [inaudible], (laughs), {vocalsound} and timed crosstalk, keeps editorial [insertions]', () => {
    const turn =
      'I know it sounds intense (laughs) but it only takes forty minutes. ' +
      'The app [inaudible] never got the categories right {vocalsound} for me. ' +
      '[crosstalk 00:12:03] Sorry, I was saying [the bank] changed its export again last month.';
    expect(textsOf(turn)).toEqual([
      'I know it sounds intense but it only takes forty minutes.',
      'The app never got the categories right for me.',
      'I was saying [the bank] changed its export again last month.',
    ]);
    const last = quotesOf(turn)[2];
    expect(turn.slice(last?.start, last?.end)).toBe('I was saying [the bank] changed its export again last month.');
  });

  it('a sentence that is only noise is not a quote', () => {
    expect(quotesOf('[inaudible]. (laughs) {vocalsound}')).toEqual([]);
  });

  it('offsets point into the original turn text, across the paragraphs a quote joins', () => {
    const turn = '  Um, so, I -- I reconcile every Sunday (laughs) without fail.\n\nIt is my favourite hour of the week, honestly.';
    const quotes = quotesOf(turn);
    expect(quotes.map((q) => turn.slice(q.start, q.end))).toEqual([
      'I reconcile every Sunday (laughs) without fail.\n\nIt is my favourite hour of the week, honestly.',
    ]);
    expect(quotes.map((q) => q.text)).toEqual(['I reconcile every Sunday without fail. It is my favourite hour of the week, honestly.']);
  });

  it('blockquoted lines and bare links inside a turn are never quoted', () => {
    const turn = [
      'I actually agree with the second part, completely.',
      '',
      "> ALEX: If I can't see the formula, I can't trust the number.",
      'https://example.org/budget-planner',
      '',
      'When an app tells me I can safely spend some number, I do not believe it.',
    ].join('\n');
    expect(textsOf(turn)).toEqual([
      'I actually agree with the second part, completely.',
      'When an app tells me I can safely spend some number, I do not believe it.',
    ]);
  });

  it('only quotes participants, and reports which turn each quote came from', () => {
    const turns = [
      { speaker: 'Priya', text: 'What do you use today to keep track of it all?' },
      { speaker: 'Sam', text: 'Mostly my banking app, when I remember to open it at all.' },
      { speaker: 'Priya', text: 'And how often is that, would you say, in a normal week?' },
      { speaker: 'Sam', text: 'Maybe once a week, usually when something has gone wrong.' },
    ];
    const quotes = extractQuotes(turns, (s) => s === 'Sam');
    expect(quotes.map((q) => q.turnIndex)).toEqual([1, 3]);
  });
});

describe('extractQuotes on every fixture', () => {
  const dir = join(__dirname, '..', 'fixtures', 'transcripts');
  const files = readdirSync(dir).filter((f) => /\.(txt|md|vtt)$/.test(f));

  it.each(files)('%s: every quote maps back to its turn, in order, without overlap', (file) => {
    const parsed = parseTranscript(file, readFileSync(join(dir, file)));
    const interviewer = detectInterviewer(parsed.turns);
    const quotes = extractQuotes(parsed.turns, (s) => s !== interviewer);
    expect(quotes.length).toBeGreaterThan(20);
    let previous: DraftQuote | undefined;
    for (const q of quotes) {
      const turn = parsed.turns[q.turnIndex];
      expect(turn?.speaker).not.toBe(interviewer);
      const slice = turn?.text.slice(q.start, q.end) ?? '';
      expect(cleanQuoteText(slice)).toBe(q.text);
      expect(slice.trim()).toBe(slice);
      expect(countWords(q.text)).toBeGreaterThanOrEqual(3);
      expect(countWords(q.text)).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
      expect(q.text).not.toMatch(/\[inaudible\]|\(laughs\)|\[crosstalk\]|^> /i);
      if (previous && previous.turnIndex === q.turnIndex) expect(q.start).toBeGreaterThanOrEqual(previous.end);
      if (previous) expect(q.turnIndex).toBeGreaterThanOrEqual(previous.turnIndex);
      previous = q;
    }
  });

  it("Sam's quotes never contain Alex's words from the blockquotes", () => {
    const parsed = parseTranscript('interview-sam.md', readFileSync(join(dir, 'interview-sam.md')));
    const texts = extractQuotes(parsed.turns, (s) => s === 'Sam').map((q) => q.text);
    expect(texts.some((t) => t.includes('I go through every line') || t.includes("can't see the formula"))).toBe(false);
    // Sam's own words around the blockquote stay: "That bit I actually agree with." leans on the
    // question and is dropped; the answer after the quoted line keeps its "It only sees..." sentence.
    expect(texts).toContain(
      "When an app tells me I can \"safely spend\" some number, I don't believe it, because it doesn't know that a festival owes me two grand. It only sees what's already landed.",
    );
  });
});
