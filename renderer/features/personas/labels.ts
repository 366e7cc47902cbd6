import type { BulletSection, PersonaMark } from '../../../shared/domain';

export const SECTION_LABEL: Record<BulletSection, string> = {
  goals: 'Goals',
  frustrations: 'Frustrations',
  behaviors: 'Behaviours',
  context: 'Context',
  dayInLife: 'A day in the life',
  decisionFactors: 'Decision factors',
  success: 'What success looks like',
};

export const MARKS: { value: Exclude<PersonaMark, null>; label: string; color: string }[] = [
  { value: 'primary', label: 'Primary', color: 'indigo' },
  { value: 'secondary', label: 'Secondary', color: 'teal' },
  { value: 'anti', label: 'Anti-persona', color: 'red' },
];

export function markInfo(mark: PersonaMark) {
  return MARKS.find((m) => m.value === mark) ?? null;
}
