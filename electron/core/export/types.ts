import type { Persona } from '../../../shared/domain';

/** Everything one exported persona card needs, gathered by the caller from the study database. */
export interface PersonaCardData {
  persona: Persona;
  studyName: string;
  /** Date of the newest interview, ISO; null when no transcript carried one. */
  researchDate: string | null;
  /** What the research set out to learn (the study's questions); the deck's cover lists them. Optional for a lone card. */
  questions?: string[];
  /** Participants in the study the persona was synthesised from ("Based on N participants"). */
  participantCount: number;
  /** Every quote the persona cites (defining quote and all bullet evidence), by quote id. */
  quotesById: Map<number, { text: string; participantName: string }>;
  /** What the researcher recorded about each participant (segment, role), by participant id; the card lists them. Optional. */
  profiles?: Map<number, { segment: string | null; role: string | null }>;
  /** The study's themes, for the JSON deck: key-phrase label, description and quote ids. Optional for a lone card. */
  themes?: { id: number; label: string; description: string; quoteIds: number[] }[];
}
