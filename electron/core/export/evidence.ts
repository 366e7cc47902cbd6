// The pieces every export format shares: sections in reading order, evidence quotes resolved
// from ids, and the wording of counts and dates.
import { shownSections, type Bullet, type BulletSection } from '../../../shared/domain';
import type { PersonaCardData } from './types';

export const SECTION_TITLES: Record<BulletSection, string> = {
  goals: 'Goals',
  frustrations: 'Frustrations',
  behaviors: 'Behaviours',
  context: 'Context',
  dayInLife: 'A day in the life',
  decisionFactors: 'Decision factors',
  success: 'What success looks like',
};

export interface EvidenceQuote {
  id: number;
  text: string;
  participant: string;
}

export interface ResolvedBullet {
  text: string;
  evidence: EvidenceQuote[];
}

export interface ResolvedSection {
  key: BulletSection;
  title: string;
  bullets: ResolvedBullet[];
}

export function resolveQuote(card: PersonaCardData, id: number): EvidenceQuote {
  const quote = card.quotesById.get(id);
  // A card whose claims point at quotes the caller did not load would export unfalsifiable
  // bullets; that is a bug upstream, so say which persona and which quote.
  if (!quote) {
    throw new Error(`Persona "${card.persona.name}" cites quote ${id}, which is missing from quotesById`);
  }
  return { id, text: quote.text, participant: quote.participantName };
}

function resolveBullet(card: PersonaCardData, bullet: Bullet): ResolvedBullet {
  return { text: bullet.text, evidence: bullet.evidence.map((id) => resolveQuote(card, id)) };
}

export function resolveSection(card: PersonaCardData, key: BulletSection): ResolvedSection {
  return { key, title: SECTION_TITLES[key], bullets: card.persona[key].map((b) => resolveBullet(card, b)) };
}

/** The sections the card shows (shownSections), in card order. */
export function resolveSections(card: PersonaCardData): ResolvedSection[] {
  return shownSections(card.persona).map((key) => resolveSection(card, key));
}

export function definingQuote(card: PersonaCardData): EvidenceQuote | null {
  const q = card.persona.definingQuote;
  if (!q) return null;
  // The persona carries the quote text itself; the map supplies who said it.
  return { id: q.id, text: q.text, participant: resolveQuote(card, q.id).participant };
}

export const MARK_LABELS = { primary: 'Primary persona', secondary: 'Secondary persona', anti: 'Anti-persona' } as const;

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "12 March 2025", fixed locale and UTC so an export reads the same on every machine. */
export function formatResearchDate(iso: string | null): string {
  if (!iso) return 'not recorded';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * What the deck's cover says about the study. All cards of one export come from one study; its
 * people are everyone any persona draws on (each card counts only its own participants).
 */
export function deckStudy(
  cards: PersonaCardData[],
): Pick<PersonaCardData, 'studyName' | 'researchDate' | 'participantCount'> & { questions: string[] } {
  const first = cards[0];
  if (!first) throw new RangeError('A deck needs at least one persona');
  const other = cards.find((c) => c.studyName !== first.studyName);
  if (other) throw new Error(`A deck holds one study; got "${first.studyName}" and "${other.studyName}"`);
  const people = new Set(cards.flatMap((c) => c.persona.participants.map((p) => p.id)));
  const researchDate = cards.map((c) => c.researchDate).reduce((a, b) => (b && (!a || b > a) ? b : a), null);
  return {
    studyName: first.studyName,
    researchDate,
    questions: first.questions ?? [],
    participantCount: Math.max(people.size, ...cards.map((c) => c.participantCount)),
  };
}
