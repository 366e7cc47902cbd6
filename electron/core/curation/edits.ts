// The researcher's edits outside themes, made undoable: persona edits, facet corrections and
// highlights. Each declares the rows it may touch (see db/queries/history.ts) and runs in one
// transaction with its history entry.
import type { FacetLabel, Highlight, HistoryState, Persona, QuoteFacet } from '../../../shared/domain';
import { IpcFailure, type PersonaPatch } from '../../../shared/ipc/contract';
import type { Db } from '../db/open';
import { setFacet } from '../db/queries/facets';
import { deleteHighlight, insertHighlight, listHighlights, updateHighlight } from '../db/queries/highlights';
import { recordEdit, redo, undo, type Scope } from '../db/queries/history';
import { getPersona, updatePersona } from '../db/queries/synthesis';
import { getTranscript } from '../db/queries/transcripts';
import { applyRoles } from '../ingest/writeTranscript';

const quoted = (text: string, max = 40) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return `“${one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one}”`;
};

const FACET_WORDS: Record<FacetLabel, string> = {
  goal: 'goal',
  frustration: 'frustration',
  behavior: 'behavior',
  context: 'context',
  mentalModel: 'mental model',
  decisionFactor: 'decision factor',
  other: 'other',
};

export function editPersona(db: Db, id: number, patch: PersonaPatch): Persona {
  const name = getPersona(db, id).name;
  return recordEdit(db, [{ table: 'personas', where: 'id = ?', params: [id] }], () => `Edit persona ${quoted(name)}`, () => updatePersona(db, id, patch));
}

export function correctFacet(db: Db, quoteId: number, facet: FacetLabel): QuoteFacet {
  return recordEdit(
    db,
    [{ table: 'quote_facets', where: 'text_hash in (select text_hash from quotes where id = ?)', params: [quoteId] }],
    () => `Set a quote’s facet to “${FACET_WORDS[facet]}”`,
    () => setFacet(db, quoteId, facet),
  );
}

/**
 * Every row a highlight edit on a transcript can change: its highlights and quotes, and what
 * cites those quotes (theme links, map points, facet rows, persona evidence and defining quotes).
 */
function transcriptScopes(transcriptId: number): Scope[] {
  const ofTranscript = 'quote_id in (select id from quotes where transcript_id = ?)';
  return [
    { table: 'highlights', where: 'turn_id in (select id from turns where transcript_id = ?)', params: [transcriptId] },
    { table: 'quotes', where: 'transcript_id = ?', params: [transcriptId] },
    { table: 'theme_quotes', where: ofTranscript, params: [transcriptId] },
    { table: 'quote_points', where: ofTranscript, params: [transcriptId] },
    { table: 'quote_facets', where: 'text_hash in (select text_hash from quotes where transcript_id = ?)', params: [transcriptId] },
    { table: 'personas', where: '1 = 1' },
  ];
}

/**
 * Undo and redo write quotes back as they were; re-deriving those transcripts then squares them
 * with any change made since outside the history (a speaker's role, a re-import). When nothing
 * changed it changes nothing: the quotes written back are what re-deriving gives.
 */
function reconcile(db: Db, transcriptIds: number[]): void {
  const exists = db.$client.prepare('select 1 from transcripts where id = ?');
  for (const id of transcriptIds) if (exists.get(id)) rederive(db, id);
}

export const undoEdit = (db: Db): HistoryState => undo(db, (ids) => reconcile(db, ids));
export const redoEdit = (db: Db): HistoryState => redo(db, (ids) => reconcile(db, ids));

/** Re-derives a transcript's quotes with its current speaker roles (quote ids are kept where the text holds). */
function rederive(db: Db, transcriptId: number): void {
  applyRoles(db, transcriptId, new Map(getTranscript(db, transcriptId).speakers.map((sp) => [sp.name, sp.role])));
}

function transcriptOfTurn(db: Db, turnId: number): number {
  const row = db.$client.prepare('select transcript_id as id from turns where id = ?').get(turnId) as { id: number } | undefined;
  if (!row) throw new IpcFailure('not_found', `No turn with id ${turnId}`);
  return row.id;
}

function highlightRow(db: Db, id: number): { transcriptId: number; text: string } {
  const row = db.$client
    .prepare('select t.transcript_id as transcriptId, h.text as text from highlights h join turns t on t.id = h.turn_id where h.id = ?')
    .get(id) as { transcriptId: number; text: string } | undefined;
  if (!row) throw new IpcFailure('not_found', `No highlight with id ${id}`);
  return row;
}

const shown = (db: Db, transcriptId: number, id: number): Highlight => listHighlights(db, transcriptId).find((h) => h.id === id)!;

export function createHighlight(db: Db, turnId: number, start: number, end: number, tags: string[]): Highlight {
  const transcriptId = transcriptOfTurn(db, turnId);
  return recordEdit(
    db,
    transcriptScopes(transcriptId),
    (h) => `Highlight ${quoted(h.text)}`,
    () => {
      const h = insertHighlight(db, turnId, start, end, tags);
      rederive(db, transcriptId);
      return shown(db, transcriptId, h.id);
    },
  );
}

export function editHighlight(db: Db, id: number, patch: { start?: number; end?: number; tags?: string[] }): Highlight {
  const { transcriptId, text } = highlightRow(db, id);
  return recordEdit(
    db,
    transcriptScopes(transcriptId),
    () => `Edit highlight ${quoted(text)}`,
    () => {
      updateHighlight(db, id, patch);
      rederive(db, transcriptId);
      return shown(db, transcriptId, id);
    },
  );
}

export function removeHighlight(db: Db, id: number): void {
  const { transcriptId, text } = highlightRow(db, id);
  recordEdit(
    db,
    transcriptScopes(transcriptId),
    () => `Delete highlight ${quoted(text)}`,
    () => {
      deleteHighlight(db, id);
      rederive(db, transcriptId);
    },
  );
}
