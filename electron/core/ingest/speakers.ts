// The researcher's corrections to who is who in a transcript. Each is one transaction that also
// re-derives the transcript's quotes, so quotes always follow the roles.
import { and, eq } from 'drizzle-orm';
import type { SpeakerRole, TranscriptDetail } from '../../../shared/domain';
import { IpcFailure } from '../../../shared/ipc/contract';
import { transaction, type Db } from '../db/open';
import { getTranscript } from '../db/queries/transcripts';
import { turns } from '../db/schema';
import { applyRoles } from './writeTranscript';

function rolesOf(detail: TranscriptDetail): Map<string, SpeakerRole> {
  return new Map(detail.speakers.map((s) => [s.name, s.role]));
}

function requireSpeaker(detail: TranscriptDetail, speaker: string): void {
  if (!detail.speakers.some((s) => s.name === speaker)) {
    throw new IpcFailure('invalid_input', `${detail.fileName}: has no speaker named "${speaker}"`);
  }
}

/** One interviewer per transcript: the previous one becomes a participant. */
export function setInterviewer(db: Db, id: number, speaker: string): TranscriptDetail {
  const detail = getTranscript(db, id);
  requireSpeaker(detail, speaker);
  const roles = rolesOf(detail);
  for (const [name, role] of roles) if (role === 'interviewer') roles.set(name, 'participant');
  roles.set(speaker, 'interviewer');
  transaction(db, () => applyRoles(db, id, roles));
  return getTranscript(db, id);
}

export function setSpeakerRole(db: Db, id: number, speaker: string, role: SpeakerRole): TranscriptDetail {
  const detail = getTranscript(db, id);
  requireSpeaker(detail, speaker);
  const roles = rolesOf(detail);
  if (role === 'interviewer') for (const [name, r] of roles) if (r === 'interviewer') roles.set(name, 'participant');
  roles.set(speaker, role);
  transaction(db, () => applyRoles(db, id, roles));
  return getTranscript(db, id);
}

/** Renames a speaker label in one transcript; renaming onto another speaker merges the two. */
export function renameSpeaker(db: Db, id: number, from: string, to: string): TranscriptDetail {
  const detail = getTranscript(db, id);
  requireSpeaker(detail, from);
  if (from === to) return detail;
  const roles = rolesOf(detail);
  if (!roles.has(to)) roles.set(to, roles.get(from)!);
  roles.delete(from);
  transaction(db, () => {
    db.update(turns).set({ speaker: to }).where(and(eq(turns.transcriptId, id), eq(turns.speaker, from))).run();
    applyRoles(db, id, roles);
  });
  return getTranscript(db, id);
}
