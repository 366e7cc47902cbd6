import { describe, expect, it } from 'vitest';
import { classTfIdf, labelFromKeywords, tokenize } from '../../../electron/core/synthesis/keywords';
import { STOP_WORDS } from '../../../electron/core/synthesis/stopWords';

const CHATTER = ['yeah', 'like', 'know', 'think', 'really', 'just', 'kind', 'sort', 'thing', 'um', 'mean', 'okay',
  'lot', 'stuff', 'actually', 'pretty', 'going', 'gonna', 'want', 'get', 'got', 'things', 'people'];

const invoiceQuotes = [
  'Yeah so I really think the invoice template is kind of a mess, you know',
  'Um, I just export every invoice to a spreadsheet, like, every month',
  'Honestly the invoice numbers never match the spreadsheet, it is a lot of stuff',
  'I mean I actually want invoices to go out automatically, people forget',
];
const calendarQuotes = [
  'Yeah the calendar never syncs with my phone, I think it is really annoying',
  'I just book every appointment in the calendar and then, like, it double books',
  'Um, so clients reschedule an appointment and the calendar does not know',
  'I kind of want reminders for each appointment, you know, things slip',
];

describe('class-based TF-IDF keywords', () => {
  const [invoice, calendar] = classTfIdf(
    [...invoiceQuotes, ...calendarQuotes],
    [0, 0, 0, 0, 1, 1, 1, 1],
    2,
  ).map((terms) => terms.map((t) => t.term));

  it('puts the planted words on top of their own cluster', () => {
    expect(invoice!.slice(0, 2)).toEqual(expect.arrayContaining(['invoice', 'spreadsheet']));
    expect(calendar!.slice(0, 2)).toEqual(expect.arrayContaining(['calendar', 'appointment']));
  });

  it('never returns stop words or interview chatter', () => {
    for (const term of [...invoice!, ...calendar!]) {
      for (const word of term.split(' ')) {
        expect(STOP_WORDS.has(word), `"${word}" is a stop word`).toBe(false);
        expect(CHATTER).not.toContain(word);
      }
    }
  });

  it('stop list covers the interview chatter', () => {
    for (const word of CHATTER) expect(STOP_WORDS.has(word), word).toBe(true);
  });

  it('folds plurals onto singulars seen in the corpus', () => {
    expect(invoice).not.toContain('invoices');
  });

  it('needs a word in two quotes of a cluster before it can name it', () => {
    expect(invoice).not.toContain('template'); // once only
  });

  it('finds two-word phrases and does not repeat their words', () => {
    const [terms] = classTfIdf(
      ['the month end report is late', 'month end report again', 'my month end close', 'coffee'],
      [0, 0, 0, 1],
      2,
    );
    const words = terms!.flatMap((t) => t.term.split(' '));
    expect(terms![0]!.term).toBe('month end');
    expect(new Set(words).size).toBe(words.length);
  });

  it('tokenises contractions into stop words and keeps phrase boundaries', () => {
    expect(tokenize("I don't use Excel, honestly")).toEqual([null, null, null, null, 'excel', null]);
  });

  it('labels with the top three keywords', () => {
    const label = labelFromKeywords(['invoice', 'spreadsheet', 'month end', 'tax']);
    expect(label).toBe('invoice · spreadsheet · month end');
    expect(labelFromKeywords([])).toBe('Untitled theme');
  });
});
