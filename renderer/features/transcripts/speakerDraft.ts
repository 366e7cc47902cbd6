// The researcher's edits to one file's speakers in the import preview, kept apart from the UI so
// the rules (merges, one interviewer, what counts as a change) live in one place.
import type { SpeakerChoices, SpeakerPreview, SpeakerRole } from '../../../shared/domain';

export interface DraftSpeaker {
  /** The label in the file: the key of a rename. */
  original: string;
  /** The name Grounded proposes: the label, or the label it is read as ("Assistant" read as "AI"). */
  proposedName: string;
  proposedRole: SpeakerRole;
  /** As typed; compared trimmed. */
  name: string;
  role: SpeakerRole;
}

export type SpeakerDraft = DraftSpeaker[];

export const draftOf = (speakers: SpeakerPreview[]): SpeakerDraft =>
  speakers.map((s) => {
    const proposedName = s.alias?.into ?? s.name;
    return { original: s.name, proposedName, proposedRole: s.proposedRole, name: proposedName, role: s.proposedRole };
  });

const finalName = (s: DraftSpeaker) => s.name.trim() || s.original;

/**
 * Speakers renamed alike become one speaker. Its role is that of the speaker who kept their
 * name (the one the others were renamed onto), or else of the first of them.
 */
function leaderOf(draft: SpeakerDraft, s: DraftSpeaker): DraftSpeaker {
  const group = draft.filter((o) => finalName(o) === finalName(s));
  return group.find((o) => o.name.trim() === o.original) ?? group[0] ?? s;
}

export const effectiveRole = (draft: SpeakerDraft, s: DraftSpeaker): SpeakerRole => leaderOf(draft, s).role;

/** The speaker `s` will be merged into, when another speaker already has the name typed. */
export function mergeTarget(draft: SpeakerDraft, s: DraftSpeaker): DraftSpeaker | null {
  const leader = leaderOf(draft, s);
  return leader === s ? null : leader;
}

/** Sets a role for the speaker (and whoever it is merged with); a new interviewer demotes the old one. */
export function withRole(draft: SpeakerDraft, original: string, role: SpeakerRole): SpeakerDraft {
  const chosen = draft.find((s) => s.original === original);
  if (!chosen) return draft;
  const name = finalName(chosen);
  return draft.map((s) => {
    if (finalName(s) === name) return { ...s, role };
    if (role === 'interviewer' && effectiveRole(draft, s) === 'interviewer') return { ...s, role: 'participant' };
    return s;
  });
}

/** Renames a speaker; if that leaves it an interviewer beside another one, it becomes a participant. */
export function withName(draft: SpeakerDraft, original: string, name: string): SpeakerDraft {
  const next = draft.map((s) => (s.original === original ? { ...s, name } : s));
  const renamed = next.find((s) => s.original === original);
  if (!renamed || effectiveRole(next, renamed) !== 'interviewer') return next;
  const otherInterviewer = next.some((s) => finalName(s) !== finalName(renamed) && effectiveRole(next, s) === 'interviewer');
  return otherInterviewer ? next.map((s) => (s === renamed ? { ...s, role: 'participant' } : s)) : next;
}

export const hasBlankName = (draft: SpeakerDraft) => draft.some((s) => s.name.trim() === '');

/**
 * Only what the researcher changed, plus the roles a rename would otherwise let the import
 * re-propose: it proposes roles again over the renamed labels, so a renamed speaker's role is
 * sent (a label like "Unknown" is proposed as other), and after a merge (or a proposed merge
 * undone), whose turn and question counts can change who is proposed as interviewer, every role
 * is sent. A proposed alias kept apart is sent as a rename of the label to itself.
 */
export function choicesOf(draft: SpeakerDraft): SpeakerChoices | null {
  const renames: Record<string, string> = {};
  const roles: Record<string, SpeakerRole> = {};
  const merges = draft.some((s) => finalName(s) !== s.proposedName && (mergeTarget(draft, s) !== null || s.proposedName !== s.original));
  for (const s of draft) {
    const name = finalName(s);
    const role = effectiveRole(draft, s);
    if (name !== s.proposedName) renames[s.original] = name;
    if (merges || name !== s.proposedName || role !== s.proposedRole) roles[name] = role;
  }
  const choices: SpeakerChoices = {};
  if (Object.keys(renames).length > 0) choices.renames = renames;
  if (Object.keys(roles).length > 0) choices.roles = roles;
  return choices.renames || choices.roles ? choices : null;
}
