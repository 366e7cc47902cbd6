import { asc, eq, sql } from 'drizzle-orm';
import type { SpeakerRole, TranscriptDetail, TranscriptFormat, TranscriptSummary } from '../../../../shared/domain';
import { IpcFailure } from '../../../../shared/ipc/contract';
import type { Db } from '../open';
import { participants, speakers, transcripts, turns } from '../schema';
import { statements } from './statements';

export interface NewTranscript {
  fileName: string;
  sourcePath: string;
  format: TranscriptFormat;
  contentHash: string;
  interviewDate: string | null;
  detected?: string | null;
}

export function findTranscriptByHash(db: Db, contentHash: string): { id: number; fileName: string } | undefined {
  return statements(db).transcriptByHash.get(contentHash) as { id: number; fileName: string } | undefined;
}

export function insertTranscript(db: Db, t: NewTranscript): number {
  const row = statements(db).insertTranscript.get(t.fileName, t.sourcePath, t.format, t.contentHash, t.interviewDate, t.detected ?? null);
  return (row as { id: number }).id;
}

/** Inserts the turns in order (idx 0..n-1); returns their ids by index. */
export function insertTurns(
  db: Db,
  transcriptId: number,
  rows: { speaker: string; text: string; startMs: number | null }[],
): number[] {
  if (rows.length === 0) return [];
  const { insertTurns: insert } = statements(db);
  const ids: number[] = new Array<number>(rows.length);
  const inserted = insert.all(transcriptId, JSON.stringify(rows.map((r) => [r.speaker, r.text, r.startMs]))) as { id: number; idx: number }[];
  for (const r of inserted) ids[r.idx] = r.id;
  return ids;
}

export function setSpeakers(
  db: Db,
  transcriptId: number,
  rows: { name: string; role: SpeakerRole; participantId: number | null }[],
): void {
  const { deleteSpeakers, insertSpeaker } = statements(db);
  deleteSpeakers.run(transcriptId);
  for (const r of rows) insertSpeaker.run(transcriptId, r.name, r.role, r.participantId);
}

export function transcriptTurns(db: Db, transcriptId: number) {
  return db
    .select({ id: turns.id, idx: turns.idx, speaker: turns.speaker, text: turns.text, startMs: turns.startMs })
    .from(turns)
    .where(eq(turns.transcriptId, transcriptId))
    .orderBy(asc(turns.idx))
    .all();
}

export function listTranscripts(db: Db): TranscriptSummary[] {
  const rows = db
    .select({
      id: transcripts.id,
      fileName: transcripts.fileName,
      sourcePath: transcripts.sourcePath,
      format: sql<TranscriptFormat>`${transcripts.format}`,
      detected: transcripts.detected,
      importedAt: transcripts.importedAt,
      interviewDate: transcripts.interviewDate,
      // Correlated subqueries name the outer table: drizzle leaves bare column names unqualified.
      turnCount: sql<number>`(select count(*) from "turns" u where u."transcript_id" = "transcripts"."id")`,
      quoteCount: sql<number>`(select count(*) from "quotes" q where q."transcript_id" = "transcripts"."id")`,
    })
    .from(transcripts)
    .orderBy(asc(transcripts.fileName), asc(transcripts.id))
    .all();
  const speakerRows = db
    .select({ transcriptId: speakers.transcriptId, name: speakers.name, role: speakers.role, participant: participants.name })
    .from(speakers)
    .leftJoin(participants, eq(participants.id, speakers.participantId))
    .all();
  return rows.map((r) => {
    const mine = speakerRows.filter((s) => s.transcriptId === r.id);
    return {
      ...r,
      interviewer: mine.find((s) => s.role === 'interviewer')?.name ?? null,
      participants: mine.filter((s) => s.role === 'participant').map((s) => s.participant ?? s.name),
    };
  });
}

export function getTranscript(db: Db, id: number): TranscriptDetail {
  const summary = listTranscripts(db).find((t) => t.id === id);
  if (!summary) throw new IpcFailure('not_found', `No transcript with id ${id}`);
  const roles = new Map(
    db
      .select({ name: speakers.name, role: speakers.role })
      .from(speakers)
      .where(eq(speakers.transcriptId, id))
      .all()
      .map((s) => [s.name, s.role] as const),
  );
  const turnRows = transcriptTurns(db, id);
  const counts = new Map<string, number>();
  for (const t of turnRows) counts.set(t.speaker, (counts.get(t.speaker) ?? 0) + 1);
  return {
    ...summary,
    turns: turnRows.map((t) => ({
      id: t.id,
      index: t.idx,
      speaker: t.speaker,
      role: roles.get(t.speaker) ?? 'other',
      text: t.text,
      startMs: t.startMs,
    })),
    speakers: [...counts].map(([name, turnCount]) => ({ name, turnCount, role: roles.get(name) ?? 'other' })),
  };
}

export function deleteTranscript(db: Db, id: number): void {
  const r = db.delete(transcripts).where(eq(transcripts.id, id)).run();
  if (r.changes === 0) throw new IpcFailure('not_found', `No transcript with id ${id}`);
}
