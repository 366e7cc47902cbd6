import type { SearchHit } from '../../../../shared/domain';
import type { Db } from '../open';

const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * A researcher's words as an FTS5 query that cannot be a syntax error: each word or "quoted
 * phrase" becomes a quoted string (all must match), and the last bare word matches as a prefix.
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  let lastBare = -1;
  while ((m = re.exec(input)) !== null) {
    const phrase = (m[1] ?? m[2] ?? '').replace(/[^\p{L}\p{N}'’-]+/gu, ' ').trim();
    if (!phrase) continue;
    parts.push(`"${phrase.replaceAll('"', '""')}"`);
    lastBare = m[2] !== undefined ? parts.length - 1 : -1;
  }
  if (parts.length === 0) return null;
  if (lastBare >= 0) parts[lastBare] = `${parts[lastBare]}*`;
  return parts.join(' ');
}

/** Splits an FTS snippet with hit markers into segments the UI renders without any HTML. */
function segments(snippet: string): SearchHit['segments'] {
  const out: SearchHit['segments'] = [];
  let hit = false;
  for (const piece of snippet.split(new RegExp(`([${OPEN}${CLOSE}])`))) {
    if (piece === OPEN) hit = true;
    else if (piece === CLOSE) hit = false;
    else if (piece) out.push({ text: piece, hit });
  }
  return out;
}

export function searchTurns(db: Db, input: string, limit = 50): { hits: SearchHit[]; total: number } {
  const q = toFtsQuery(input);
  if (!q) return { hits: [], total: 0 };
  const sqlite = db.$client;
  const total = (sqlite.prepare('select count(*) as n from turns_fts where turns_fts match ?').get(q) as { n: number }).n;
  const rows = sqlite
    .prepare(
      `select t.id as turnId, t.transcript_id as transcriptId, tr.file_name as fileName, t.speaker as speaker,
              t.idx as turnIndex, t.start_ms as startMs,
              snippet(turns_fts, 0, ?, ?, '…', 16) as snippet
         from turns_fts
         join turns t on t.id = turns_fts.rowid
         join transcripts tr on tr.id = t.transcript_id
        where turns_fts match ?
        order by bm25(turns_fts), t.id
        limit ?`,
    )
    .all(OPEN, CLOSE, q, limit) as (Omit<SearchHit, 'segments'> & { snippet: string })[];
  return { hits: rows.map(({ snippet, ...r }) => ({ ...r, segments: segments(snippet) })), total };
}
