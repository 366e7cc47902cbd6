// The editor works on strings (what inputs hold); the core takes a ProfilePatch with nulls for
// cleared fields. Only fields the researcher changed are sent, so an edit never overwrites what a
// sheet import wrote to the other fields in the meantime.
import type { ConsentStatus, ExperienceLevel, ParticipantDetail } from '../../../shared/domain';
import type { ProfilePatch } from '../../../shared/ipc/contract';

export const TEXT_FIELDS = ['code', 'segment', 'companySize', 'industry', 'role', 'interviewDate', 'consentDate'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export interface AttributeRow {
  key: string;
  value: string;
}

export type ProfileDraft = Record<TextField, string> & {
  name: string;
  experience: ExperienceLevel | null;
  consentStatus: ConsentStatus | null;
  notes: string;
  attributes: AttributeRow[];
};

export function toDraft(p: ParticipantDetail): ProfileDraft {
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, p.profile[f] ?? ''])) as Record<TextField, string>;
  return {
    ...text,
    name: p.name,
    experience: p.profile.experience,
    consentStatus: p.profile.consentStatus,
    notes: p.profile.notes,
    attributes: Object.entries(p.profile.attributes).map(([key, value]) => ({ key, value })),
  };
}

/** Attribute rows as the record the core stores; rows without a key are dropped, a later duplicate wins. */
export function attributesOf(rows: AttributeRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value.trim()]));
}

export function duplicateKeys(rows: AttributeRow[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const r of rows) {
    const k = r.key.trim();
    if (k && seen.has(k)) dupes.add(k);
    seen.add(k);
  }
  return [...dupes];
}

export function toPatch(draft: ProfileDraft, original: ParticipantDetail): ProfilePatch {
  const patch: ProfilePatch = {};
  if (draft.name.trim() !== original.name) patch.name = draft.name.trim();
  for (const f of TEXT_FIELDS) {
    const value = draft[f].trim() || null;
    if (value !== original.profile[f]) patch[f] = value;
  }
  if (draft.experience !== original.profile.experience) patch.experience = draft.experience;
  if (draft.consentStatus !== original.profile.consentStatus) patch.consentStatus = draft.consentStatus;
  if (draft.notes !== original.profile.notes) patch.notes = draft.notes;
  const attributes = attributesOf(draft.attributes);
  if (JSON.stringify(attributes) !== JSON.stringify(original.profile.attributes)) patch.attributes = attributes;
  return patch;
}

/**
 * Pins the core's validation messages (zod's "✖ message / → at patch.field" lines) to fields.
 * Messages it cannot place stay in the general alert.
 */
export function fieldErrors(message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const lines = message.split('\n');
  lines.forEach((line, i) => {
    const at = /→ at patch\.(\w+)/.exec(line);
    const text = /✖\s*(.+)/.exec(lines[i - 1] ?? '');
    if (at?.[1] && text?.[1]) errors[at[1]] = text[1];
  });
  return errors;
}
