// Everyone a pseudonymised export must not name: participants with every spelling the study holds
// of them, and the other speakers (interviewers, note takers).
import { pseudonymOf } from '../../../../shared/pseudonym';
import type { PseudonymPeople } from '../../export/pseudonymise';
import type { Db } from '../open';
import { listParticipantDetails } from './profiles';

export function pseudonymPeople(db: Db): PseudonymPeople {
  const labels = db.$client
    .prepare('select distinct name, role, participant_id as participantId from speakers')
    .all() as { name: string; role: 'interviewer' | 'participant' | 'other'; participantId: number | null }[];
  const participants = listParticipantDetails(db).map((p) => ({
    id: p.id,
    name: p.name,
    code: p.profile.code,
    pseudonym: pseudonymOf(p.profile.attributes),
    otherNames: [...new Set([...p.aliases, ...labels.filter((l) => l.participantId === p.id).map((l) => l.name)])],
  }));
  const others = labels
    .filter((l) => l.participantId === null)
    .map((l) => ({ name: l.name, role: l.role === 'interviewer' ? ('interviewer' as const) : ('other' as const) }));
  return { participants, others };
}
