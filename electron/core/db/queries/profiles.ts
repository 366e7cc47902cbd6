import { eq, sql } from 'drizzle-orm';
import type { ParticipantDetail, ParticipantProfile } from '../../../../shared/domain';
import { IpcFailure } from '../../../../shared/ipc/contract';
import { transaction, type Db } from '../open';
import { participantAliases, participantProfiles, participants, personaParticipants, quotes, speakers } from '../schema';
import { listParticipants, participantKey } from './participants';

export const EMPTY_PROFILE: ParticipantProfile = {
  code: null,
  segment: null,
  experience: null,
  companySize: null,
  industry: null,
  role: null,
  interviewDate: null,
  consentStatus: null,
  consentDate: null,
  notes: '',
  attributes: {},
};

export function listParticipantDetails(db: Db): ParticipantDetail[] {
  const profiles = new Map(db.select().from(participantProfiles).all().map((p) => [p.participantId, p]));
  const aliases = db.select().from(participantAliases).all();
  const dates = new Map(
    (
      db.$client
        .prepare(
          `select s.participant_id as id, min(tr.interview_date) as first, max(tr.interview_date) as last
             from speakers s join transcripts tr on tr.id = s.transcript_id
            where s.participant_id is not null and tr.interview_date is not null
            group by s.participant_id`,
        )
        .all() as { id: number; first: string; last: string }[]
    ).map((d) => [d.id, { first: d.first, last: d.last }]),
  );
  return listParticipants(db).map((p) => {
    const row = profiles.get(p.id);
    const profile: ParticipantProfile = row
      ? {
          code: row.code,
          segment: row.segment,
          experience: row.experience ?? null,
          companySize: row.companySize,
          industry: row.industry,
          role: row.role,
          interviewDate: row.interviewDate,
          consentStatus: row.consentStatus ?? null,
          consentDate: row.consentDate,
          notes: row.notes,
          attributes: JSON.parse(row.attributes) as Record<string, string>,
        }
      : { ...EMPTY_PROFILE, attributes: {} };
    return { ...p, profile, aliases: aliases.filter((a) => a.participantId === p.id).map((a) => a.key), transcriptDates: dates.get(p.id) ?? null };
  });
}

export function updateProfile(db: Db, participantId: number, patch: Partial<ParticipantProfile> & { name?: string }): ParticipantDetail {
  return transaction(db, () => {
    const exists = db.select({ id: participants.id }).from(participants).where(eq(participants.id, participantId)).get();
    if (!exists) throw new IpcFailure('not_found', `No participant with id ${participantId}`);
    const { name, attributes, ...fields } = patch;
    if (name !== undefined) db.update(participants).set({ name }).where(eq(participants.id, participantId)).run();
    const values = { ...fields, ...(attributes !== undefined && { attributes: JSON.stringify(attributes) }) };
    db.insert(participantProfiles)
      .values({ participantId, ...values })
      .onConflictDoUpdate({ target: participantProfiles.participantId, set: values })
      .run();
    return listParticipantDetails(db).find((p) => p.id === participantId)!;
  });
}

/**
 * Merges one participant into another: their quotes, transcripts and persona memberships move,
 * and the merged speaker labels keep pointing at the survivor in later imports and re-runs.
 */
export function mergeParticipants(db: Db, fromId: number, intoId: number): void {
  if (fromId === intoId) throw new IpcFailure('invalid_input', 'A participant cannot be merged into itself');
  transaction(db, () => {
    const from = db.select().from(participants).where(eq(participants.id, fromId)).get();
    const into = db.select().from(participants).where(eq(participants.id, intoId)).get();
    if (!from || !into) throw new IpcFailure('not_found', 'No such participant');
    db.update(speakers).set({ participantId: intoId }).where(eq(speakers.participantId, fromId)).run();
    db.update(quotes).set({ participantId: intoId }).where(eq(quotes.participantId, fromId)).run();
    db.run(sql`insert or ignore into persona_participants (persona_id, participant_id, fit)
               select persona_id, ${intoId}, fit from persona_participants where participant_id = ${fromId}`);
    db.delete(personaParticipants).where(eq(personaParticipants.participantId, fromId)).run();
    db.update(participantAliases).set({ participantId: intoId }).where(eq(participantAliases.participantId, fromId)).run();
    db.insert(participantAliases).values({ key: from.key, participantId: intoId }).onConflictDoUpdate({ target: participantAliases.key, set: { participantId: intoId } }).run();
    db.delete(participants).where(eq(participants.id, fromId)).run();
  });
}

export function aliasTarget(db: Db, speaker: string): number | null {
  return db.select().from(participantAliases).where(eq(participantAliases.key, participantKey(speaker))).get()?.participantId ?? null;
}
