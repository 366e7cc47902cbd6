import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { ParticipantSummary } from '../../../../shared/domain';
import type { Db } from '../open';
import { participants, speakers, transcripts } from '../schema';
import { statements } from './statements';

/** One person across rounds: speaker labels that differ only in case and spacing are the same key. */
export function participantKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function displayName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  // Transcripts often shout speaker labels (NAOMI:); show them as names. Codes ("BSR02") and
  // initials or acronyms of two letters ("KM", "AI") are written in capitals on purpose.
  return clean === clean.toUpperCase() && /[A-Z]/.test(clean) && !/\d/.test(clean) && !/^\p{L}{1,2}$/u.test(clean)
    ? clean.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase())
    : clean;
}

export function upsertParticipant(db: Db, speaker: string): number {
  const key = participantKey(speaker);
  const { participantByAlias, participantByKey, insertParticipant } = statements(db);
  const found = (participantByAlias.get(key) ?? participantByKey.get(key) ?? insertParticipant.get(key, displayName(speaker))) as { id: number };
  return found.id;
}

/**
 * The participant of a generic label ("User", "Speaker 1") in one transcript: a different person in
 * each file, named after the file so the names stay readable and apart: "creativity_0000 (User)".
 * Keyed by transcript, which no speaker label can spell, so a later file's "User" never joins it.
 */
export function upsertFileParticipant(db: Db, transcriptId: number, speaker: string): number {
  const key = `transcript:${transcriptId}/${participantKey(speaker)}`;
  const { participantByAlias, participantByKey, insertParticipant } = statements(db);
  const found = (participantByAlias.get(key) ?? participantByKey.get(key)) as { id: number } | undefined;
  if (found) return found.id;
  const file = db.select({ fileName: transcripts.fileName }).from(transcripts).where(eq(transcripts.id, transcriptId)).get();
  if (!file) throw new Error(`no transcript ${transcriptId}`);
  let name = `${file.fileName.replace(/\.[^./\\]{1,8}$/, '')} (${displayName(speaker)})`;
  const clash = db.select({ id: participants.id }).from(participants).where(and(eq(participants.name, name), ne(participants.key, key))).get();
  if (clash) name = `${name} #${transcriptId}`; // two files of the same name from different folders
  return (insertParticipant.get(key, name) as { id: number }).id;
}

/** Who each speaker of a transcript is linked to now: relinking after a role change keeps the person. */
export function linkedParticipants(db: Db, transcriptId: number): Map<string, number> {
  const rows = db
    .select({ name: speakers.name, id: speakers.participantId })
    .from(speakers)
    .where(and(eq(speakers.transcriptId, transcriptId), isNotNull(speakers.participantId)))
    .all();
  return new Map(rows.map((r) => [r.name, r.id!]));
}

export function listParticipants(db: Db): ParticipantSummary[] {
  // Quotes are counted in one pass over the table (quotes have no participant index, see schema).
  const counts = new Map(
    (db.$client.prepare('select participant_id as id, count(*) as n from quotes group by participant_id').all() as { id: number; n: number }[]).map(
      (r) => [r.id, r.n],
    ),
  );
  const rows = db
    .select({
      id: participants.id,
      name: participants.name,
      // Correlated subqueries name the outer table: drizzle leaves bare column names unqualified.
      transcriptCount: sql<number>`(select count(distinct s."transcript_id") from "speakers" s where s."participant_id" = "participants"."id")`,
    })
    .from(participants)
    .where(sql`exists (select 1 from "speakers" s where s."participant_id" = "participants"."id")`)
    .orderBy(participants.name)
    .all();
  return rows.map((r) => ({ ...r, quoteCount: counts.get(r.id) ?? 0 }));
}
