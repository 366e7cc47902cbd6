import type { TranscriptFormat } from '../../../shared/domain';

export const FORMAT_LABEL: Record<TranscriptFormat, string> = {
  text: 'Text',
  markdown: 'Markdown',
  webvtt: 'WebVTT',
  srt: 'SRT',
  docx: 'Word',
  json: 'JSON',
  tsv: 'TSV',
  csv: 'CSV',
};

/** 83_000 -> "1:23", 3_723_000 -> "1:02:03". */
export function formatTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** The last segment of a path, on any platform. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
