// The date an interview took place, when the file says it: "recorded between us on AUGUST 7,
// 2019", "Date: 2024-03-12", "12 March 2024". Only unambiguous forms are read (a month name or
// ISO order); 03/04/2024 means different days in different countries, so it is left alone.
// Dates in the preamble count; dates inside the conversation only next to a word like
// "recorded" or "interview", because participants mention other dates all the time.

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_FIRST = new RegExp(`\\b(${MONTHS})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}(\\d{4})\\b`, 'gi');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?(${MONTHS})\\.?,?\\s{1,3}(\\d{4})\\b`, 'gi');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const CONTEXT = /\b(?:recorded|recording|interview(?:ed)?|conducted|held|took place|session|dated?)\b/i;
const MAX_SCAN = 64 * 1024;

export function findInterviewDate(preamble: string, body: string): string | null {
  const inPreamble = datesIn(preamble.slice(0, MAX_SCAN))[0];
  if (inPreamble) return inPreamble.iso;
  const head = body.slice(0, MAX_SCAN);
  for (const found of datesIn(head)) {
    if (CONTEXT.test(head.slice(Math.max(0, found.index - 80), found.index))) return found.iso;
  }
  return null;
}

function datesIn(text: string): { index: number; iso: string }[] {
  const found: { index: number; iso: string }[] = [];
  for (const m of text.matchAll(MONTH_FIRST)) add(found, m.index, m[3], monthNumber(m[1]), m[2]);
  for (const m of text.matchAll(DAY_FIRST)) add(found, m.index, m[3], monthNumber(m[2]), m[1]);
  for (const m of text.matchAll(ISO)) add(found, m.index, m[1], Number(m[2]), m[3]);
  return found.sort((a, b) => a.index - b.index);
}

function add(found: { index: number; iso: string }[], index: number, year?: string, month?: number, day?: string): void {
  const y = Number(year);
  const d = Number(day);
  if (!month || !Number.isInteger(y) || y < 1950 || y > 2100) return;
  const date = new Date(Date.UTC(y, month - 1, d));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== d) return; // 31 June, 30 February
  found.push({ index, iso: date.toISOString().slice(0, 10) });
}

function monthNumber(name: string | undefined): number | undefined {
  if (!name) return undefined;
  const i = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}
