// Every closed vocabulary of the app, defined once: the contract builds its zod enums from these
// arrays, the schema its column enums, the core its loops and the UI its labels. Renaming a value
// here breaks the build wherever it is used, not the user.

/** Who a speaker is in a transcript. */
export const SPEAKER_ROLES = ['interviewer', 'participant', 'other'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];
export const SPEAKER_ROLE_TITLE: Record<SpeakerRole, string> = { interviewer: 'Interviewer', participant: 'Participant', other: 'Other' };

/** The six facets of the persona method a quote can feed. */
export const FACETS = ['goal', 'frustration', 'behavior', 'context', 'mentalModel', 'decisionFactor'] as const;
export type FacetName = (typeof FACETS)[number];
/** The facets, then "other" for a quote that fits none clearly. */
export const FACET_LABELS = [...FACETS, 'other'] as const;
export type FacetLabel = (typeof FACET_LABELS)[number];
/** A facet as a heading (plural), e.g. over its prototype sentences. */
export const FACET_TITLE: Record<FacetName, string> = {
  goal: 'Goals',
  frustration: 'Frustrations',
  behavior: 'Behaviours',
  context: 'Context',
  mentalModel: 'Mental models',
  decisionFactor: 'Decision factors',
};
/** A facet or "other" inside a sentence (singular, lower case), e.g. "· mental model". */
export const FACET_NAME: Record<FacetLabel, string> = {
  goal: 'goal',
  frustration: 'frustration',
  behavior: 'behaviour',
  context: 'context',
  mentalModel: 'mental model',
  decisionFactor: 'decision factor',
  other: 'other',
};

/** How long a participant has used the product. */
export const EXPERIENCE_LEVELS = ['new', 'regular', 'power', 'churned'] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];
export const EXPERIENCE_TITLE: Record<ExperienceLevel, string> = { new: 'New', regular: 'Regular', power: 'Power user', churned: 'Churned' };

/** Where a participant's consent stands. */
export const CONSENT_STATUSES = ['given', 'pending', 'withdrawn', 'unknown'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export const CONSENT_TITLE: Record<ConsentStatus, string> = { given: 'Given', pending: 'Pending', withdrawn: 'Withdrawn', unknown: 'Unknown' };

/** The sections every card has. */
export const CORE_SECTIONS = ['goals', 'frustrations', 'behaviors', 'context'] as const;
/** The method's optional sections: on a card (and in its exports) only when they hold something. */
export const OPTIONAL_SECTIONS = ['dayInLife', 'decisionFactors', 'success'] as const;
export const BULLET_SECTIONS = [...CORE_SECTIONS, ...OPTIONAL_SECTIONS] as const;
export type BulletSection = (typeof BULLET_SECTIONS)[number];
/** A card section's heading, the same in the app and in every export. */
export const SECTION_TITLE: Record<BulletSection, string> = {
  goals: 'Goals',
  frustrations: 'Frustrations',
  behaviors: 'Behaviours',
  context: 'Context',
  dayInLife: 'A day in the life',
  decisionFactors: 'Decision factors',
  success: 'What success looks like',
};
