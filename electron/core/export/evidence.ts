// The pieces every export format shares: sections in reading order, evidence quotes resolved
// from ids, and the wording of counts and dates.
import { shownSections, type Bullet, type BulletSection } from '../../../shared/domain';
import { SECTION_TITLE } from '../../../shared/vocabularies';
import type { PersonaCardData } from './types';

/** The same headings as in the app (shared/vocabularies.ts). */
export const SECTION_TITLES: Record<BulletSection, string> = SECTION_TITLE;

export interface EvidenceQuote {
  id: number;
  text: string;
  participant: string;
}

export interface ResolvedBullet {
  text: string;
  evidence: EvidenceQuote[];
  /** No quote backs the claim (none cited, or every cited quote was deleted): said on every format. */
  unsupported: boolean;
  /** Cited quotes that no longer exist (their transcript was deleted). */
  lostEvidence: number;
}

export interface ResolvedSection {
  key: BulletSection;
  title: string;
  bullets: ResolvedBullet[];
}

/** The quote, or null when it no longer exists: a deleted transcript must not make a card unexportable. */
export function resolveQuote(card: PersonaCardData, id: number): EvidenceQuote | null {
  const quote = card.quotesById.get(id);
  return quote ? { id, text: quote.text, participant: quote.participantName } : null;
}

function resolveBullet(card: PersonaCardData, bullet: Bullet): ResolvedBullet {
  const evidence = bullet.evidence.flatMap((id) => resolveQuote(card, id) ?? []);
  const lostEvidence = (bullet.lostEvidence ?? 0) + bullet.evidence.length - evidence.length;
  return { text: bullet.text, evidence, unsupported: evidence.length === 0, lostEvidence };
}

/**
 * How a bullet's evidence is described: "3 quotes", "1 quote · thin evidence", "unsupported ·
 * no quotes", each followed by "· 2 quotes deleted" when cited quotes went with their transcript.
 * `sep` joins the parts (the card uses " · ", Markdown ", ").
 */
export function evidenceNote(quoteCount: number, lostEvidence = 0, sep = ' · '): string {
  const parts =
    quoteCount === 0 ? ['unsupported', 'no quotes'] : [plural(quoteCount, 'quote'), ...(quoteCount === 1 ? ['thin evidence'] : [])];
  if (lostEvidence > 0) parts.push(`${plural(lostEvidence, 'quote')} deleted`);
  return parts.join(sep);
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
  // The persona carries the quote text itself; the map supplies who said it (a quote deleted
  // since the card was read is left out rather than attributed to no one).
  const said = resolveQuote(card, q.id);
  return said ? { id: q.id, text: q.text, participant: said.participant } : null;
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
