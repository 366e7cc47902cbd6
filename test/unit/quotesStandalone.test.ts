// Quotes that stand alone (issue 8): no backchannel, no interview logistics, no abandoned
// openers, no stutters, and a sentence that leans on the one before keeps it; the offsets still
// give the text back: text === cleanQuoteText(turn.text.slice(start, end)).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectInterviewer, ImportError, parseTranscript, parseTranscriptFile } from '../../electron/core/importers/parse';
import { extractQuotes, MAX_QUOTE_WORDS, type DraftQuote } from '../../electron/core/quotes/extract';
import { cleanQuoteText, countWords } from '../../electron/core/quotes/noise';
import { sentenceSpans } from '../../electron/core/quotes/sentences';
import { isBackchannel, isDangling, isLogistics, needsPrevious, startsWithBackchannel } from '../../electron/core/quotes/standalone';

const fixtures = join(__dirname, '..', 'fixtures');
const textsOf = (text: string): string[] => extractQuotes([{ speaker: 'P', text }], () => true).map((q) => q.text);
const sentencesOf = (text: string): string[] => sentenceSpans(text, 0, text.length).map(([s, e]) => text.slice(s, e));

describe('isBackchannel', () => {
  it.each(['Yeah.', 'True.', 'That makes sense.', 'Right, exactly.', 'Mm-hmm.', 'I agree.', 'Good question.', "That's a great question, Claude.", 'Yeah, totally, a hundred percent.', 'Not really.', 'I think so.'])(
    'acknowledges: %s',
    (text) => expect(isBackchannel(text)).toBe(true),
  );
  it.each(['I agree with the maintainers about funding.', 'True costs are hidden in the hosting bill.', 'Right now we have no release manager.', 'Exactly two people can publish a release.', 'Good tests catch a broken button early.'])(
    'says something: %s',
    (text) => expect(isBackchannel(text)).toBe(false),
  );
});

describe('isLogistics', () => {
  it.each(['Thanks for having me!', 'Can you see my screen?', 'Let me share my screen.', "You're on mute.", 'Can you hear me now?', 'Sorry, go ahead.', 'Is it recording?', 'Nice to meet you.', 'Sounds good, let\'s get started.', 'Have a good day.', 'No questions from me.'])(
    'is about the call: %s',
    (text) => expect(isLogistics(text)).toBe(true),
  );
  it.each(['We record every release meeting and publish the notes.', 'I share the screen time limits with my kids.', 'Thanks to the grant we could hire a second maintainer.', 'The connection between users and maintainers is weak.', 'I have to go through every pull request by hand.'])(
    'is about the subject: %s',
    (text) => expect(isLogistics(text)).toBe(false),
  );
});

describe('needsPrevious', () => {
  it.each(["That's why nobody owns the release process.", 'Which means a broken button shows up early.', 'But we never had the budget.', 'And then the grant ran out.', 'It was hard.', 'They never paid for any of it.', "Sometimes you do and sometimes you don't.", 'So that we can ship on Fridays.', 'Because nobody reads it.', 'I do that a lot.'])(
    'leans on the sentence before: %s',
    (text) => expect(needsPrevious(text)).toBe(true),
  );
  it.each(["It's hard to find maintainers for infrastructure.", 'This year we moved the index to a new host.', 'I maintain the shared component library.', 'Because the index is volunteer-run, outages wait for the weekend.', 'Nobody budgets time for maintenance.', 'I know who you are.'])(
    'stands alone: %s',
    (text) => expect(needsPrevious(text)).toBe(false),
  );
});

describe('isDangling', () => {
  it.each(['If you have a project that you just…', "It's been that thing of --", 'And we were going to...', 'So the problem with the'])('abandoned: %s', (text) => expect(isDangling(text)).toBe(true));
  it.each(['We spend over… a million dollars a year.', 'Nobody reads the docs.', 'Why would anyone pay for it?', 'That is what I am worried about'])('finished: %s', (text) => expect(isDangling(text)).toBe(false));
});

describe('extractQuotes: standalone passages', () => {
  it('a sentence that leans on the previous one keeps it', () => {
    expect(textsOf("We moved the index to a new host last year. That's why the downloads got faster for everyone.")).toEqual([
      "We moved the index to a new host last year. That's why the downloads got faster for everyone.",
    ]);
    expect(textsOf("I review every pull request on the weekend. Sometimes you do and sometimes you don't.")).toEqual([
      "I review every pull request on the weekend. Sometimes you do and sometimes you don't.",
    ]);
  });

  it('joins across the blank line of a paragraph break, never across a blockquoted line', () => {
    expect(textsOf('Our release process is entirely manual today.\n\nIt takes a whole afternoon every single time that we ship.')).toEqual([
      'Our release process is entirely manual today. It takes a whole afternoon every single time that we ship.',
    ]);
    expect(textsOf('Our release process is entirely manual today.\n> BOB: we should automate\nIt takes a whole afternoon every single time that we ship.')).toEqual([
      'Our release process is entirely manual today.',
      'It takes a whole afternoon every single time that we ship.',
    ]);
  });

  it('a short leaning sentence that opens the turn has nothing to lean on: it joins the next or goes', () => {
    expect(textsOf("Sometimes you do and sometimes you don't.")).toEqual([]);
    expect(textsOf('It depends. Big projects with paying users can afford a release manager.')).toEqual([
      'It depends. Big projects with paying users can afford a release manager.',
    ]);
  });

  it('a leaning sentence that would pass the length cap stays apart', () => {
    const long = Array.from({ length: 55 }, (_, i) => `w${i}`).join(' ');
    const quotes = textsOf(`${long}. That's why the whole thing needs a second maintainer soon.`);
    expect(quotes).toHaveLength(2);
    for (const q of quotes) expect(countWords(q)).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
  });

  it('drops backchannel, logistics and short abandoned sentences, and trims chatter from a start', () => {
    expect(textsOf('Yeah, that makes sense. Can you see my screen? Right, exactly, and the docs are always six months behind the code.')).toEqual([
      'The docs are always six months behind the code.',
    ]);
    expect(textsOf('The real cost is the maintenance nobody budgets for. If you have a project that you just…')).toEqual([
      'The real cost is the maintenance nobody budgets for.',
    ]);
    expect(textsOf("Thanks for having me! It's been that thing of --")).toEqual([]);
    expect(textsOf('Sorry, go ahead.\n\nIs it recording?')).toEqual([]);
  });

  it('a short passage never takes back a dropped logistics sentence', () => {
    expect(textsOf('I use a laptop. Can you see my screen? My dashboard shows every open security report.')).toEqual([
      'I use a laptop.',
      'My dashboard shows every open security report.',
    ]);
  });

  it.each([
    ["I I'm not so worried about that as being an issue.", "I'm not so worried about that as being an issue."],
    ['We had the the same outage twice that year.', 'We had the same outage twice that year.'],
    ['I think that that is fine, and we had had enough of it.', 'I think that that is fine, and we had had enough of it.'],
    ['I like number 14. That is -- that is definitely true.', 'I like number 14. That is definitely true.'],
    ['We went to Bora Bora for the offsite, it was great.', 'We went to Bora Bora for the offsite, it was great.'],
    ['The the the build broke again on the release branch.', 'The build broke again on the release branch.'],
    ["And we -- we we're still paying for the hosting ourselves.", "We're still paying for the hosting ourselves."],
    ["We pay for it and we we're still paying for the hosting ourselves.", "We pay for it and we're still paying for the hosting ourselves."],
  ])('says a stuttered word once in the text, the offsets keep the passage: %s', (turn, text) => {
    const [q] = extractQuotes([{ speaker: 'P', text: turn }], () => true);
    expect(q?.text).toBe(text);
    expect(cleanQuoteText(turn.slice(q?.start, q?.end))).toBe(text);
  });
});

describe('extractQuotes on a real-style interview full of chatter', () => {
  const parsed = parseTranscript('standalone-interview.txt', readFileSync(join(fixtures, 'quotes', 'standalone-interview.txt')));
  const interviewer = detectInterviewer(parsed.turns);
  const quotes = extractQuotes(parsed.turns, (s) => s !== interviewer);

  it('keeps the statements, each standing alone', () => {
    expect(interviewer).toBe('Interviewer');
    expect(quotes.map((q) => q.text)).toEqual([
      "So I maintain the shared component library for about forty designers and engineers. It started as a side project. That's why nobody owns the release process today.",
      "And then every quarter the product teams ask for new components and we just add them. Sometimes you do and sometimes you don't.",
      "I'm not so worried about breakage as being an issue, honestly.",
      'We have visual tests on every pull request. Which means a broken button shows up before anybody merges it.',
      'The real problem is that nobody budgets time for the boring maintenance work. It never shows up on a roadmap.',
      'I was saying the documentation is always six months behind the code.',
      'Because nobody reads it. Honestly, people ask in the chat channel instead, and then the same question comes back every week.',
    ]);
  });

  it('no quote starts with backchannel or holds a logistics sentence', () => {
    for (const q of quotes) {
      expect(startsWithBackchannel(q.text), q.text).toBe(false);
      for (const sentence of sentencesOf(q.text)) expect(isLogistics(sentence), sentence).toBe(false);
    }
  });

  it('is deterministic', () => {
    const again = extractQuotes(parsed.turns, (s) => s !== interviewer);
    expect(again).toEqual(quotes);
  });
});

describe('every quote of every fixture transcript', () => {
  const dir = join(fixtures, 'transcripts');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile() && !f.startsWith('bad'));

  it.each(files)('%s: text from exact offsets, capital start, no backchannel start, no logistics', async (file) => {
    let turns: { speaker: string; text: string }[];
    try {
      turns = (await parseTranscriptFile(file, readFileSync(join(dir, file)))).turns;
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      return;
    }
    const interviewer = detectInterviewer(turns);
    const quotes: DraftQuote[] = extractQuotes(turns, (s) => s !== interviewer);
    for (const q of quotes) {
      const turn = turns[q.turnIndex]!;
      const slice = turn.text.slice(q.start, q.end);
      expect(cleanQuoteText(slice)).toBe(q.text);
      expect(slice.trim()).toBe(slice);
      expect(q.text).not.toMatch(/^\p{Ll}/u);
      expect(startsWithBackchannel(q.text), q.text).toBe(false);
      for (const sentence of sentencesOf(q.text)) expect(isLogistics(sentence), sentence).toBe(false);
    }
  });
});
