import type { Persona } from '../../shared/domain';

/** A persona with every section empty, for export tests; `fields` fills in what a test cares about. */
export function blankPersona(fields: Partial<Persona> = {}): Persona {
  return {
    id: 1,
    name: 'Persona',
    mark: null,
    summary: '',
    participants: [],
    definingQuote: null,
    goals: [],
    frustrations: [],
    behaviors: [],
    context: [],
    dayInLife: [],
    decisionFactors: [],
    success: [],
    themeIds: [],
    edited: false,
    updatedAt: '2025-01-01T00:00:00Z',
    ...fields,
  };
}
