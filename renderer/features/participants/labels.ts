import type { ConsentStatus, ExperienceLevel } from '../../../shared/domain';

export const EXPERIENCE_LABEL: Record<ExperienceLevel, string> = {
  new: 'New',
  regular: 'Regular',
  power: 'Power user',
  churned: 'Churned',
};

export const EXPERIENCE_COLOR: Record<ExperienceLevel, string> = {
  new: 'cyan',
  regular: 'blue',
  power: 'indigo',
  churned: 'orange',
};

export const CONSENT_LABEL: Record<ConsentStatus, string> = {
  given: 'Given',
  pending: 'Pending',
  withdrawn: 'Withdrawn',
  unknown: 'Unknown',
};

export const CONSENT_COLOR: Record<ConsentStatus, string> = {
  given: 'teal',
  pending: 'yellow',
  withdrawn: 'red',
  unknown: 'gray',
};
