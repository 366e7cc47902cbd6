// Domain types shared by the core, the renderer, the CLI and the harness.
// Pure data: nothing here imports Node or Electron.

import type { BulletSection, ConsentStatus, CORE_SECTIONS, ExperienceLevel, FacetLabel, SpeakerRole } from './vocabularies';
import { BULLET_SECTIONS, OPTIONAL_SECTIONS } from './vocabularies';

// The vocabularies live in vocabularies.ts; re-exported here for the many importers of domain.
export {
  BULLET_SECTIONS,
  CONSENT_STATUSES,
  CORE_SECTIONS,
  EXPERIENCE_LEVELS,
  FACET_LABELS,
  OPTIONAL_SECTIONS,
  SPEAKER_ROLES,
  type BulletSection,
  type ConsentStatus,
  type ExperienceLevel,
  type FacetLabel,
  type SpeakerRole,
} from './vocabularies';

/** Container or syntax of an imported transcript; which tool made it is in ParsedTranscript.detected. */
export type TranscriptFormat = 'text' | 'markdown' | 'webvtt' | 'srt' | 'docx' | 'json' | 'tsv' | 'csv';

export interface StudyCounts {
  transcripts: number;
  participants: number;
  quotes: number;
  embedded: number;
  themes: number;
  personas: number;
}

export interface StudyInfo {
  path: string;
  name: string;
  createdAt: string;
  counts: StudyCounts;
  /** Date of the newest interview (or import), ISO date; drives "research is over 18 months old". */
  researchDate: string | null;
  /** What the research needs to learn, in the researcher's words: the study's first step. */
  questions: string[];
  /** What opening this study repaired (dangling evidence left by an older Grounded), in plain words. */
  repairs?: string[];
  /** The study file is encrypted: its passphrase opens it (set by the core on every open study). */
  encrypted?: boolean;
}

export interface ModelStatus {
  available: boolean;
  modelId: string;
  /** Why semantic features are off, and how to provision the model. Null when available. */
  reason: string | null;
}

export interface TranscriptSummary {
  id: number;
  fileName: string;
  sourcePath: string;
  format: TranscriptFormat;
  /** What the importer recognised, e.g. "Otter text export". */
  detected: string | null;
  importedAt: string;
  interviewDate: string | null;
  turnCount: number;
  interviewer: string | null;
  participants: string[];
  quoteCount: number;
}

export interface Turn {
  id: number;
  index: number;
  speaker: string;
  role: SpeakerRole;
  text: string;
  startMs: number | null;
}

export interface TranscriptDetail extends TranscriptSummary {
  turns: Turn[];
  speakers: { name: string; role: SpeakerRole; turnCount: number }[];
}

export interface ParticipantSummary {
  id: number;
  name: string;
  transcriptCount: number;
  quoteCount: number;
}

export interface Quote {
  id: number;
  text: string;
  /** The interviewer's question this quote answers, when the turn before it asked one: its context. */
  question: string | null;
  participantId: number;
  participantName: string;
  transcriptId: number;
  turnId: number;
}

export interface Theme {
  id: number;
  /** A key phrase of 1 to 4 words. */
  label: string;
  /** The theme's clearest central quote, one line; empty for the outlier group. */
  description: string;
  keywords: string[];
  size: number;
  quoteIds: number[];
  /** The most central quotes, best first. */
  topQuotes: Quote[];
  participantCount: number;
  transcriptCount: number;
  /** The bucket of quotes that fit no theme. */
  outlier: boolean;
  /** Hidden by the researcher: kept, but not used to draft or group personas. */
  hidden: boolean;
  /** Renamed, merged, split or given/lost quotes by the researcher (a re-synthesis keeps what it can map). */
  curated: boolean;
}

/** A quote in a theme's full list (themes:quotes). */
export interface ThemeQuote extends Quote {
  facet: FacetLabel | null;
  /** Cosine to the theme's centre when synthesis placed it; null when the researcher moved it there. */
  similarity: number | null;
}

/** One page of a theme's quotes, filtered by participant and facet, with the counts to build the filters. */
export interface ThemeQuotesPage {
  total: number;
  quotes: ThemeQuote[];
  participants: { id: number; name: string; count: number }[];
  facets: { facet: FacetLabel; count: number }[];
}

/** Everything the evidence side panel shows about one quote. */
export interface QuoteContext {
  quote: Quote;
  participant: { id: number; name: string; code: string | null };
  transcript: { id: number; fileName: string };
  /** The question it answers as plain text (Markdown rendered to text), with who asked it; null when none. */
  question: { speaker: string; text: string } | null;
  facet: FacetLabel | null;
  themes: { id: number; label: string }[];
  /** Persona claims that cite it. */
  citedBy: { personaId: number; personaName: string; section: BulletSection; index: number; text: string }[];
}

/** Undo/redo of curation edits, kept in the study file. */
export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** What Undo would take back, in words ("Rename theme Grant -> Funding"). */
  undoLabel: string | null;
  redoLabel: string | null;
}

/** What a new synthesis would replace, asked before it runs. */
export interface ResynthesisPlan {
  /** False on a study never synthesized: nothing to replace. */
  hasSynthesis: boolean;
  personas: { id: number; name: string; editedBullets: number; edited: boolean }[];
  curatedThemes: { id: number; label: string }[];
  hiddenThemes: number;
  correctedFacets: number;
  /** Plain words for the confirm dialog: what is replaced and what is carried over. */
  message: string;
}

export type PersonaMark = 'primary' | 'secondary' | 'anti' | null;

export interface Bullet {
  text: string;
  /** Quote ids backing the claim; never empty in a drafted persona. */
  evidence: number[];
  /** Set when all the evidence comes from a single participant. */
  thin?: boolean;
  /**
   * How many quotes this claim cited that no longer exist (their transcript, speaker or highlight
   * was deleted): the ids are pruned from evidence and the count kept so the card can say so.
   */
  lostEvidence?: number;
  /** Written or reworded by the researcher (set by the core when a persona edit saves it); the PDF shows these first. */
  edited?: boolean;
}

/** A claim with no quote behind it: marked "unsupported" on the card and in every export. */
export const isUnsupported = (b: Bullet): boolean => b.evidence.length === 0;

/** A bullet that lost cited quotes when evidence disappeared (see Bullet.lostEvidence). */
export interface AffectedClaim {
  personaId: number;
  personaName: string;
  section: BulletSection;
  /** Position of the bullet in its section. */
  index: number;
  text: string;
  /** Quotes pruned from this bullet by this change. */
  lost: number;
  /** True when no evidence is left. */
  unsupported: boolean;
}

/** What a change that removes quotes did to the synthesis: every claim that lost evidence, listed. */
export interface EvidenceLoss {
  claims: AffectedClaim[];
  /** Personas whose defining quote was removed (cleared, the researcher picks another). */
  definingQuotesCleared: number;
  /** Quotes that left their theme. */
  themeLinksRemoved: number;
}

/** What withdrawing a participant's consent removed (participants:remove). */
export interface ParticipantRemoval {
  participant: { id: number; name: string; code: string | null };
  turnsRemoved: number;
  quotesRemoved: number;
  highlightsRemoved: number;
  /** Vectors of quote texts no remaining quote holds. */
  embeddingsRemoved: number;
  /** Drafted texts that repeated their words: theme descriptions cleared, persona quotations replaced. */
  redacted: { what: string; of: string }[];
  /** Transcripts they spoke in: 'kept' with the interviewer's (and others') turns, or 'deleted' when no turn was left. */
  transcripts: { id: number; fileName: string; outcome: 'kept' | 'deleted'; turnsLeft: number }[];
  loss: EvidenceLoss;
  /** Undo entries dropped: the history could hold their words (and undo could bring them back). */
  undoEntriesCleared: number;
}

export type OptionalSection = (typeof OPTIONAL_SECTIONS)[number];
export type CoreSection = (typeof CORE_SECTIONS)[number];
export const isOptionalSection = (s: BulletSection): s is OptionalSection => (OPTIONAL_SECTIONS as readonly string[]).includes(s);

/** One value per bullet section, in card order. */
export function mapSections<T>(fn: (section: BulletSection) => T): Record<BulletSection, T> {
  return Object.fromEntries(BULLET_SECTIONS.map((s) => [s, fn(s)])) as Record<BulletSection, T>;
}

/** The sections a card shows: the four core ones always, an optional one when it holds something. */
export function shownSections(sections: Record<BulletSection, readonly unknown[]>): BulletSection[] {
  return BULLET_SECTIONS.filter((s) => !isOptionalSection(s) || sections[s].length > 0);
}

export interface Persona {
  id: number;
  name: string;
  mark: PersonaMark;
  summary: string;
  participants: { id: number; name: string; /** How well they fit, 0..1, when drafted. */ fit?: number | null }[];
  definingQuote: { id: number; text: string } | null;
  goals: Bullet[];
  frustrations: Bullet[];
  behaviors: Bullet[];
  context: Bullet[];
  /** A day in the life, in a few lines; written by the researcher. */
  dayInLife: Bullet[];
  /** What makes them choose, stay or switch; drafted from decision-factor quotes. */
  decisionFactors: Bullet[];
  /** What success looks like to them; written by the researcher. */
  success: Bullet[];
  /** Themes that set this persona apart, by id. */
  themeIds: number[];
  edited: boolean;
  updatedAt: string;
}

export type JobKind = 'import' | 'synthesize' | 'export';
export type JobStatus = 'completed' | 'failed' | 'cancelled';

export interface JobProgress {
  jobId: string;
  kind: JobKind;
  done: number;
  total: number;
  message: string;
}

export interface ImportFileResult {
  path: string;
  status: 'ok' | 'skipped' | 'error';
  message: string;
  transcriptId?: number;
}

export interface SynthesisResult {
  themes: number;
  personas: number;
  embedded: number;
  chosenK: number;
  /** Silhouette score per candidate persona count, when chosen automatically. */
  scores: Record<string, number>;
  /** Curated personas (edited or marked) and curated/hidden themes carried into this run. */
  carried?: { personas: number; themes: number };
  /** Curated personas and themes of the previous run that nothing in this run could take over, by name. */
  lost?: { personas: string[]; themes: string[] };
}

export interface ExportResult {
  files: string[];
}

export interface JobFinished {
  jobId: string;
  kind: JobKind;
  status: JobStatus;
  error?: { code: string; message: string };
  result?: { imports?: ImportFileResult[]; synthesis?: SynthesisResult; export?: ExportResult };
}

export interface SearchHit {
  turnId: number;
  transcriptId: number;
  fileName: string;
  speaker: string;
  turnIndex: number;
  startMs: number | null;
  /** The matching passage, split into plain text and the words that matched. */
  segments: { text: string; hit: boolean }[];
}


/** What the researcher records about a participant; every field optional but notes and attributes. */
export interface ParticipantProfile {
  code: string | null;
  segment: string | null;
  experience: ExperienceLevel | null;
  companySize: string | null;
  industry: string | null;
  role: string | null;
  interviewDate: string | null;
  consentStatus: ConsentStatus | null;
  consentDate: string | null;
  notes: string;
  attributes: Record<string, string>;
}

export interface ParticipantDetail extends ParticipantSummary {
  profile: ParticipantProfile;
  /** Speaker labels that name this participant across transcripts. */
  aliases: string[];
  /** The earliest and latest date of the transcripts this participant speaks in (null when none carries a date);
   *  what "Interviewed" shows when the record has no interview date. */
  transcriptDates: { first: string; last: string } | null;
}

export interface Highlight {
  id: number;
  turnId: number;
  transcriptId: number;
  start: number;
  end: number;
  text: string;
  tags: string[];
  quoteId: number | null;
}

export interface SpeakerPreview {
  name: string;
  turns: number;
  words: number;
  sample: string;
  proposedRole: SpeakerRole;
  /** A generic label ("User", "Speaker 1"): a different person in each file, unless the researcher says otherwise. */
  generic: boolean;
  /** Proposed: this label is another label of one speaker ("Assistant" then "AI"), read as `into`. */
  alias: { into: string; reason: string } | null;
}

/** What the researcher checks before a file is imported. `textLabels`: "Name:" lines read as text inside a turn. */
export type FilePreview =
  | { path: string; ok: true; format: TranscriptFormat; detected: string; turns: number; speakers: SpeakerPreview[]; textLabels: string[]; duplicateOf: string | null }
  | { path: string; ok: false; message: string };

/** The researcher's decisions about one file's speakers, applied as it is imported. */
export interface SpeakerChoices {
  /** Speaker label -> new label; two labels renamed alike are merged. A label renamed to itself keeps a proposed alias apart. */
  renames?: Record<string, string>;
  /** Speaker label (after renames) -> role. */
  roles?: Record<string, SpeakerRole>;
  /** Generic labels (after renames) that are the same person in every file that says so, not one person per file. */
  sameAcrossFiles?: string[];
  /** Labels read as text that are speakers after all ("Initial Steps" was someone). */
  readAsSpeakers?: string[];
}


export interface QuoteFacet {
  quoteId: number;
  facet: FacetLabel;
  confidence: number;
  /** The researcher's correction: never overwritten by a later run. */
  corrected: boolean;
}

export interface SynthesisSummary {
  run: {
    createdAt: string;
    modelId: string;
    modelHash: string;
    seed: number;
    params: Record<string, unknown>;
    personaK: number;
    personaScores: Record<string, number>;
    themeK: number;
    themeScores: Record<string, number>;
    /** False when no grouping of participants is clearly better than one group. */
    clearlyBetterThanOne: boolean;
  } | null;
  saturation: { curve: { transcriptId: number; fileName: string; newThemes: number; cumulativeThemes: number }[]; note: string | null };
  coverage: { personaId: number; interviews: number; warning: string | null }[];
}

export interface MapPoint {
  quoteId: number;
  x: number;
  y: number;
  themeId: number;
}

/** One backup copy of the open study (automatic or taken by hand), as the Backups panel lists it. */
export interface BackupEntry {
  path: string;
  /** When the copy was taken (ISO time, read from its file name). */
  takenAt: string;
  bytes: number;
}

/** Where a study's automatic backups go and how many are kept. */
export interface BackupSettings {
  folder: string;
  keep: number;
  /** The folder used when the researcher chose none: `<study name> backups` beside the study. */
  defaultFolder: string;
}

export interface BackupList extends BackupSettings {
  /** Newest first. */
  backups: BackupEntry[];
  /** Why the latest automatic backup failed, when it did (it is tried again at the next hourly check). */
  problem?: string;
}
