// Persona cards as JSON: every field of the persona, with evidence quote ids expanded into the
// quotes themselves, so the file stands on its own.
import { mapSections, type Persona } from '../../../shared/domain';
import { definingQuote, deckStudy, resolveSection, type EvidenceQuote, type ResolvedBullet } from './evidence';
import type { PersonaCardData } from './types';

export const EXPORT_FORMAT = 'grounded.personas';
export const EXPORT_VERSION = 1;

export interface PersonaJson {
  id: number;
  name: string;
  mark: Persona['mark'];
  summary: string;
  participants: Persona['participants'];
  definingQuote: EvidenceQuote | null;
  goals: ResolvedBullet[];
  frustrations: ResolvedBullet[];
  behaviors: ResolvedBullet[];
  context: ResolvedBullet[];
  /** The optional sections: empty when the researcher has not filled them. */
  dayInLife: ResolvedBullet[];
  decisionFactors: ResolvedBullet[];
  success: ResolvedBullet[];
  themeIds: number[];
  edited: boolean;
  updatedAt: string;
  study: { name: string; researchDate: string | null; participantCount: number };
}

export function personaJson(card: PersonaCardData): PersonaJson {
  const { persona } = card;
  const bullets = mapSections((s) => resolveSection(card, s).bullets);
  return {
    id: persona.id,
    name: persona.name,
    mark: persona.mark,
    summary: persona.summary,
    participants: persona.participants.map((p) => ({ id: p.id, name: p.name })),
    definingQuote: definingQuote(card),
    ...bullets,
    themeIds: [...persona.themeIds],
    edited: persona.edited,
    updatedAt: persona.updatedAt,
    study: { name: card.studyName, researchDate: card.researchDate, participantCount: card.participantCount },
  };
}

export function deckJson(cards: PersonaCardData[]) {
  const study = deckStudy(cards);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    study: { name: study.studyName, researchDate: study.researchDate, participantCount: study.participantCount, questions: study.questions },
    personas: cards.map(personaJson),
    themes: (cards[0]?.themes ?? []).map((t) => ({ id: t.id, label: t.label, description: t.description, quoteIds: [...t.quoteIds] })),
  };
}
