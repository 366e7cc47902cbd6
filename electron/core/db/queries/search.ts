import type { SearchHit } from '../../../../shared/domain';
import type { Db } from '../open';

const OPEN = '\u0002';
const CLOSE = '\u0003';

/** Words a query keeps (a search box, not a document): past this FTS5's cost grows with every
 * term, and 250 copies of one word took 2.7 s on 160 transcripts (30 s on a larger study). */
export const MAX_QUERY_TERMS = 32;
export const MAX_QUERY_CHARS = 1000;

/**
 * A researcher's words as an FTS5 query that cannot be a syntax error: each word or "quoted
 * phrase" becomes a quoted string (all must match), and the last bare word matches as a prefix.
 * A repeated term counts once (FTS5 folds case, so "Rent rent" is one term), and only the first
 * MAX_QUERY_TERMS terms of the first MAX_QUERY_CHARS characters are kept.
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const seen = new Set<string>();
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  let lastBare = -1;
  // Cut at the last space before the limit, so no word is kept half.
  const text = input.length <= MAX_QUERY_CHARS ? input : input.slice(0, MAX_QUERY_CHARS + 1).replace(/\S*$/, '');
  while ((m = re.exec(text)) !== null && parts.length < MAX_QUERY_TERMS) {
    const phrase = (m[1] ?? m[2] ?? '').replace(/[^\p{L}\p{N}'’-]+/gu, ' ').trim();
    if (!phrase) continue;
    const key = phrase.toLowerCase();
    if (seen.has(key)) {
      lastBare = -1; // a repeat of an earlier word adds nothing, not even a prefix
      continue;
    }
    seen.add(key);
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

/** Which turns a search looks in. By default only participants' turns: the interviewer's questions
 *  echo the words a researcher looks for and would crowd out the answers. */
export interface SearchFilter {
  /** 'participants' (default): turns of speakers marked as participants; 'everyone': every turn. */
  who?: 'participants' | 'everyone';
  /** Only turns this participant spoke (in any transcript). */
  participantId?: number;
  /** Only turns of this transcript. */
  transcriptId?: number;
}

export function searchTurns(db: Db, input: string, limit = 50, filter: SearchFilter = {}): { hits: SearchHit[]; total: number } {
  const q = toFtsQuery(input);
  if (!q) return { hits: [], total: 0 };
  const sqlite = db.$client;
  const where = ['turns_fts match @q'];
  if ((filter.who ?? 'participants') === 'participants') where.push(`s.role = 'participant'`);
  if (filter.participantId !== undefined) where.push('s.participant_id = @participantId');
  if (filter.transcriptId !== undefined) where.push('t.transcript_id = @transcriptId');
  const from = `from turns_fts
         join turns t on t.id = turns_fts.rowid
         join transcripts tr on tr.id = t.transcript_id
         left join speakers s on s.transcript_id = t.transcript_id and s.name = t.speaker
        where ${where.join(' and ')}`;
  const params = { q, participantId: filter.participantId ?? null, transcriptId: filter.transcriptId ?? null };
  const total = (sqlite.prepare(`select count(*) as n ${from}`).get(params) as { n: number }).n;
  const rows = sqlite
    .prepare(
      `select t.id as turnId, t.transcript_id as transcriptId, tr.file_name as fileName, t.speaker as speaker,
              t.idx as turnIndex, t.start_ms as startMs,
              snippet(turns_fts, 0, @open, @close, '…', 16) as snippet
         ${from}
        order by bm25(turns_fts), t.id
        limit @limit`,
    )
    .all({ ...params, open: OPEN, close: CLOSE, limit }) as (Omit<SearchHit, 'segments'> & { snippet: string })[];
  return { hits: rows.map(({ snippet, ...r }) => ({ ...r, segments: segments(snippet) })), total };
}
