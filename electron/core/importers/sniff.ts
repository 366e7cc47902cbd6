// Format from content, not from the file name: a ".txt" Zoom export is still WebVTT, a ".csv"
// named ".txt" is still a table.
import { sniffDelimited, type Delimiter } from './delimited';
import { whisperSegments } from './whisperJson';

export type Sniffed =
  | { format: 'webvtt' | 'srt' | 'text' | 'markdown' }
  | { format: 'json'; segments: NonNullable<ReturnType<typeof whisperSegments>> }
  | { format: 'csv' | 'tsv'; delimiter: Delimiter; header: boolean }
  | { unsupported: string };

const MARKDOWN_LINE = /^(?: {0,3}#{1,6}\s| {0,3}>|\s{0,3}(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)?:)/;
const SRT_START = /^(?:\d+[ \t]*\n[ \t]*)?(?:\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->/;

export function sniffFormat(text: string): Sniffed {
  const head = text.slice(0, 4096).replace(/^\s+/, '');
  if (/^WEBVTT(?:[ \t\n]|$)/.test(head)) return { format: 'webvtt' };
  if (head.startsWith('{\\rtf')) return { unsupported: 'a Rich Text (.rtf) document' };
  if (/^<(?:!doctype\s+html|html[\s>])/i.test(head)) return { unsupported: 'an HTML page' };
  if (/^<\?xml/i.test(head)) return { unsupported: 'an XML document' };
  if (SRT_START.test(head)) return { format: 'srt' };
  const json = jsonValue(text);
  if (json.parsed) {
    const segments = whisperSegments(json.value);
    return segments ? { format: 'json', segments } : { unsupported: 'a JSON file that is not a Whisper or WhisperX transcript' };
  }
  const table = sniffDelimited(text);
  if (table) return { format: table.delimiter === '\t' ? 'tsv' : 'csv', ...table };
  return { format: looksLikeMarkdown(text) ? 'markdown' : 'text' };
}

function jsonValue(text: string): { parsed: true; value: unknown } | { parsed: false } {
  const t = text.trim();
  const pair = `${t[0] ?? ''}${t[t.length - 1] ?? ''}`;
  if (pair !== '{}' && pair !== '[]') return { parsed: false };
  try {
    return { parsed: true, value: JSON.parse(t) as unknown };
  } catch {
    return { parsed: false };
  }
}

function looksLikeMarkdown(text: string): boolean {
  if (/^---[ \t]*\n/.test(text)) return true; // front matter
  let from = 0;
  while (from < text.length) {
    const end = text.indexOf('\n', from);
    const line = text.slice(from, end < 0 ? Math.min(text.length, from + 200) : Math.min(end, from + 200));
    if (MARKDOWN_LINE.test(line)) return true;
    if (end < 0) break;
    from = end + 1;
  }
  return false;
}
