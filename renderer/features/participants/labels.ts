import type { ConsentStatus, ExperienceLevel } from '../../../shared/domain';
import { CONSENT_TITLE, EXPERIENCE_TITLE } from '../../../shared/vocabularies';

export const EXPERIENCE_LABEL: Record<ExperienceLevel, string> = EXPERIENCE_TITLE;

export const EXPERIENCE_COLOR: Record<ExperienceLevel, string> = {
  new: 'cyan',
  regular: 'blue',
  power: 'indigo',
  churned: 'orange',
};

export const CONSENT_LABEL: Record<ConsentStatus, string> = CONSENT_TITLE;

export const CONSENT_COLOR: Record<ConsentStatus, string> = {
  given: 'teal',
  pending: 'yellow',
  withdrawn: 'red',
  unknown: 'gray',
};
