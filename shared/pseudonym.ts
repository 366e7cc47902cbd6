// The vocabulary of a pseudonymised export, shared by the core (which replaces) and the UI (which
// previews). The researcher's chosen pseudonym is a participant attribute of this name: it is
// edited like any other attribute, so it needs no schema change while other work migrates the
// study file, and the core reads it case-insensitively. (A participant sheet's "pseudonym" column
// fills the code, which the export uses when no pseudonym is set.)
export const PSEUDONYM_ATTRIBUTE = 'Pseudonym';

export const REPLACEMENT_KINDS = ['participant', 'person', 'email', 'phone', 'url'] as const;
export type ReplacementKind = (typeof REPLACEMENT_KINDS)[number];

/** One distinct text the export replaces, with what it becomes and how often it occurs in the exported texts. */
export interface Replacement {
  kind: ReplacementKind;
  original: string;
  replacement: string;
  count: number;
}

/** Where a participant's label in a pseudonymised export comes from. */
export type LabelSource = 'pseudonym' | 'code' | 'generated';

export interface ExportPreview {
  participants: { id: number; name: string; label: string; source: LabelSource }[];
  replacements: Replacement[];
}

/** The researcher's pseudonym among a participant's attributes (any letter case of the key), or null. */
export function pseudonymOf(attributes: Record<string, string>): string | null {
  for (const [key, value] of Object.entries(attributes)) {
    if (key.trim().toLowerCase() === PSEUDONYM_ATTRIBUTE.toLowerCase() && value.trim()) return value.trim();
  }
  return null;
}
