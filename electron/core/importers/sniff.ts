// Format from content, not from the file name: a ".txt" Zoom export is still WebVTT.
import type { TranscriptFormat } from '../../../shared/domain';

export type Sniffed = { format: TranscriptFormat } | { unsupported: string };

const MARKDOWN_LINE = /^(?: {0,3}#{1,6}\s| {0,3}>|\s{0,3}(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)?:)/;

export function sniffFormat(text: string): Sniffed {
  const head = text.slice(0, 4096).replace(/^\s+/, '');
  if (/^WEBVTT(?:[ \t\n]|$)/.test(head)) return { format: 'webvtt' };
  if (head.startsWith('{\\rtf')) return { unsupported: 'a Rich Text (.rtf) document' };
  if (/^<(?:!doctype\s+html|html[\s>])/i.test(head)) return { unsupported: 'an HTML page' };
  if (/^<\?xml/i.test(head)) return { unsupported: 'an XML document' };
  if (/^\d+\n(?:\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->/.test(head)) return { unsupported: 'SubRip (.srt) subtitles' };
  if (looksLikeJson(text)) return { unsupported: 'a JSON file' };
  return { format: looksLikeMarkdown(text) ? 'markdown' : 'text' };
}

function looksLikeJson(text: string): boolean {
  const t = text.trim();
  const pair = `${t[0] ?? ''}${t[t.length - 1] ?? ''}`;
  if (pair !== '{}' && pair !== '[]') return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
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
