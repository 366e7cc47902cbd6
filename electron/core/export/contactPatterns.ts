// E-mail addresses, phone numbers and links in free text: what a pseudonymised export masks besides
// names. Each finder returns the spans it found; the caller decides what replaces them.

export interface Span {
  start: number;
  end: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** Top-level domains a bare "example.org/path" or "nick.dev" uses; a bare "Node.js" or "v2.0" is not a link. */
const TLDS = 'com|org|net|edu|gov|io|dev|co|uk|de|fr|nl|eu|info|me|ai|app|ly|us|ca|au|in|es|it|ch|se|no|dk|fi|be|at|pl|jp|xyz|tech|site|blog|page';
const URL = new RegExp(
  `(?:\\b(?:https?|ftp)://|\\bwww\\.)[^\\s<>"'()\\]]+|\\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9-]+)*\\.(?:${TLDS})\\b(?:/[^\\s<>"'()\\]]*)?`,
  'gi',
);

// A phone number: an optional +country code, an optional (area) code, then groups of digits joined
// by single spaces, dots or hyphens. What is not one is decided after the match (see isPhone).
const PHONE = /(?<![\p{L}\p{N}+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?(?:\d{7,15}|\d{2,6}(?:[\s.-]\d{2,6}){1,4})(?![\p{L}\p{N}]|[.,-]\d)/gu;

/**
 * 7 to 15 digits (E.164 allows 15) written as a phone number is: with a + or (area) code, 9 or
 * more digits, or a "555-1234" local number. Not a date (2024-04-02, 02.04.2024), a year range
 * (2019-2020), a range of round numbers (500-2000) or a grouped amount (1 000 000).
 */
function isPhone(s: string): boolean {
  const digits = s.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return false;
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(s) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(s)) return false;
  if (/^\d{1,3}(?: \d{3})+$/.test(s) || /^(?:19|20)\d{2}-(?:19|20)\d{2}$/.test(s)) return false;
  if (/^[+(]/.test(s)) return true;
  if (/^\d+$/.test(s)) return digits >= 10 && digits <= 11 && /^0/.test(s); // 07700900123, not 20190926
  if (digits >= 9) return true;
  // "555-1234" is a local number; "500-2000" (both round hundreds) is a range.
  return /^\d{3}[-.\s]\d{4}$/.test(s) && !/^\d00[-.\s]\d{2}00$/.test(s);
}

/** Trailing punctuation that ends a sentence rather than the link: "see example.org/x." */
const trimLink = (s: string) => s.replace(/[.,;:!?]+$/, '');

export function findEmails(text: string): Span[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function findUrls(text: string): Span[] {
  return [...text.matchAll(URL)].map((m) => ({ start: m.index, end: m.index + trimLink(m[0]).length }));
}

export function findPhones(text: string): Span[] {
  return [...text.matchAll(PHONE)].filter((m) => isPhone(m[0])).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
