import type { BulletSection, PersonaMark } from '../../../shared/domain';
import { SECTION_TITLE } from '../../../shared/vocabularies';

/** Section headings, the same as in the exports (shared/vocabularies.ts). */
export const SECTION_LABEL: Record<BulletSection, string> = SECTION_TITLE;

export const MARKS: { value: Exclude<PersonaMark, null>; label: string; color: string }[] = [
  { value: 'primary', label: 'Primary', color: 'indigo' },
  { value: 'secondary', label: 'Secondary', color: 'teal' },
  { value: 'anti', label: 'Anti-persona', color: 'red' },
];

export function markInfo(mark: PersonaMark) {
  return MARKS.find((m) => m.value === mark) ?? null;
}
