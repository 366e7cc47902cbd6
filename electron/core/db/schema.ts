// The study file's schema. Migrations in ./migrations are generated from this file by
// `npm run db:generate` (drizzle-kit) and shipped with the app; never edit an applied migration.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CONSENT_STATUSES, EXPERIENCE_LEVELS, SPEAKER_ROLES } from '../../../shared/vocabularies';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const studyMeta = sqliteTable('study_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const transcripts = sqliteTable(
  'transcripts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    sourcePath: text('source_path').notNull(),
    format: text('format').notNull(),
    /** What the importer recognised, e.g. "Otter export" or "Teams WebVTT", shown to the researcher. */
    detected: text('detected'),
    contentHash: text('content_hash').notNull(),
    interviewDate: text('interview_date'),
    importedAt: text('imported_at').notNull().default(now),
  },
  (t) => [uniqueIndex('transcripts_content_hash').on(t.contentHash)],
);

export const participants = sqliteTable(
  'participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Normalised speaker label: the same person across rounds is one participant. */
    key: text('key').notNull(),
    name: text('name').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('participants_key').on(t.key)],
);

export const speakers = sqliteTable(
  'speakers',
  {
    transcriptId: integer('transcript_id')
      .notNull()
      .references(() => transcripts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role', { enum: SPEAKER_ROLES }).notNull(),
    participantId: integer('participant_id').references(() => participants.id),
  },
  (t) => [primaryKey({ columns: [t.transcriptId, t.name] }), index('speakers_participant').on(t.participantId)],
);

export const turns = sqliteTable(
  'turns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    transcriptId: integer('transcript_id')
      .notNull()
      .references(() => transcripts.id, { onDelete: 'cascade' }),
    idx: integer('idx').notNull(),
    speaker: text('speaker').notNull(),
    text: text('text').notNull(),
    startMs: integer('start_ms'),
  },
  (t) => [uniqueIndex('turns_transcript_idx').on(t.transcriptId, t.idx)],
);

export const quotes = sqliteTable(
  'quotes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    transcriptId: integer('transcript_id')
      .notNull()
      .references(() => transcripts.id, { onDelete: 'cascade' }),
    turnId: integer('turn_id')
      .notNull()
      .references(() => turns.id, { onDelete: 'cascade' }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    text: text('text').notNull(),
    textHash: text('text_hash').notNull(),
    startOffset: integer('start_offset').notNull(),
    endOffset: integer('end_offset').notNull(),
    /** Set when the quote is a researcher's highlight rather than an automatic passage. */
    highlightId: integer('highlight_id'),
  },
  (t) => [
    // Every cascading foreign key has an index, or deleting a transcript scans all quotes per
    // turn (measured: 7.8 s at 100k quotes). Both grow at their end as transcripts are imported.
    index('quotes_transcript').on(t.transcriptId),
    index('quotes_turn').on(t.turnId),
    // No index on text_hash (joins go through the embeddings and quote_facets keys) or on
    // participant_id (a participant's quotes are read by scanning): keeping random keys sorted
    // cost an import more than any query gained (see 0002_import_speed).
  ],
);

/** Vectors cached by (model, text hash): a text is never embedded twice by the same model. */
export const embeddings = sqliteTable(
  'embeddings',
  {
    modelId: text('model_id').notNull(),
    textHash: text('text_hash').notNull(),
    dim: integer('dim').notNull(),
    vector: blob('vector', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.textHash] })],
);

export const synthesisRuns = sqliteTable('synthesis_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  createdAt: text('created_at').notNull().default(now),
  modelId: text('model_id').notNull(),
  modelHash: text('model_hash').notNull(),
  seed: integer('seed').notNull(),
  /** Every parameter of the run, JSON. */
  params: text('params').notNull(),
  chosenK: integer('chosen_k').notNull(),
  /** Silhouette per candidate persona count, JSON. */
  scores: text('scores').notNull(),
});

export const themes = sqliteTable(
  'themes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => synthesisRuns.id, { onDelete: 'cascade' }),
    idx: integer('idx').notNull(),
    label: text('label').notNull(),
    /** The theme's clearest central quote, one line; empty for the outlier group. */
    description: text('description').notNull().default(''),
    keywords: text('keywords').notNull(),
    /** The bucket of quotes that fit no theme. */
    outlier: integer('outlier', { mode: 'boolean' }).notNull().default(false),
    /** Hidden by the researcher: kept, but left out of personas' themes. */
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    /** Renamed, merged, split or given/lost quotes by the researcher. */
    curated: integer('curated', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('themes_run').on(t.runId)],
);

export const themeQuotes = sqliteTable(
  'theme_quotes',
  {
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id, { onDelete: 'cascade' }),
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    rank: integer('rank').notNull(),
    similarity: real('similarity'),
  },
  (t) => [primaryKey({ columns: [t.themeId, t.quoteId] }), index('theme_quotes_quote').on(t.quoteId)],
);

export const personas = sqliteTable(
  'personas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => synthesisRuns.id, { onDelete: 'cascade' }),
    idx: integer('idx').notNull(),
    name: text('name').notNull(),
    mark: text('mark', { enum: ['primary', 'secondary', 'anti'] }),
    summary: text('summary').notNull().default(''),
    definingQuoteId: integer('defining_quote_id').references(() => quotes.id, { onDelete: 'set null' }),
    /** Bullet sections by name (shared/domain BULLET_SECTIONS): lists of { text, evidence: quoteId[] }, JSON. */
    sections: text('sections').notNull(),
    themeIds: text('theme_ids').notNull().default('[]'),
    edited: integer('edited', { mode: 'boolean' }).notNull().default(false),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [index('personas_run').on(t.runId)],
);

export const personaParticipants = sqliteTable(
  'persona_participants',
  {
    personaId: integer('persona_id')
      .notNull()
      .references(() => personas.id, { onDelete: 'cascade' }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    /** How well the participant fits the persona, 0..1. */
    fit: real('fit'),
  },
  (t) => [primaryKey({ columns: [t.personaId, t.participantId] })],
);

// ---- 0001: participants' records, highlights, search, facets, theme map, persona fit ----------

/** What a researcher records about a participant (issue: import in depth). One row per participant. */
export const participantProfiles = sqliteTable('participant_profiles', {
  participantId: integer('participant_id')
    .primaryKey()
    .references(() => participants.id, { onDelete: 'cascade' }),
  /** Pseudonymous id the researcher uses in sheets, e.g. P07. */
  code: text('code'),
  segment: text('segment'),
  experience: text('experience', { enum: EXPERIENCE_LEVELS }),
  companySize: text('company_size'),
  industry: text('industry'),
  role: text('role'),
  interviewDate: text('interview_date'),
  consentStatus: text('consent_status', { enum: CONSENT_STATUSES }),
  consentDate: text('consent_date'),
  notes: text('notes').notNull().default(''),
  /** Custom attributes, a JSON object of strings. */
  attributes: text('attributes').notNull().default('{}'),
});

/** A passage the researcher selected in a transcript; it becomes a quote and wins over overlapping automatic ones. */
export const highlights = sqliteTable(
  'highlights',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    turnId: integer('turn_id')
      .notNull()
      .references(() => turns.id, { onDelete: 'cascade' }),
    startOffset: integer('start_offset').notNull(),
    endOffset: integer('end_offset').notNull(),
    /** The selected text when made, so a highlight can be re-anchored if offsets drift. */
    text: text('text').notNull(),
    tags: text('tags').notNull().default('[]'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('highlights_turn').on(t.turnId)],
);

/** Facet per quote text: the model's suggestion, or the researcher's correction, which runs never overwrite. */
export const quoteFacets = sqliteTable('quote_facets', {
  textHash: text('text_hash').primaryKey(),
  facet: text('facet').notNull(),
  confidence: real('confidence').notNull(),
  corrected: integer('corrected', { mode: 'boolean' }).notNull().default(false),
});

/** A 2-D position per quote for the theme map of a run. */
export const quotePoints = sqliteTable(
  'quote_points',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => synthesisRuns.id, { onDelete: 'cascade' }),
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    x: real('x').notNull(),
    y: real('y').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.quoteId] }), index('quote_points_quote').on(t.quoteId)],
);

/** Speaker labels merged into a participant ("NICK", "Nick C."): one person across transcripts. */
export const participantAliases = sqliteTable(
  'participant_aliases',
  {
    key: text('key').primaryKey(),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
  },
  (t) => [index('participant_aliases_participant').on(t.participantId)],
);

// ---- 0005: curation history ------------------------------------------------------------------

/**
 * Undo and redo of curation edits, kept in the study file so they survive a restart. Each entry
 * holds the rows its edit touched as they were before (`before`) and after (`after`), JSON: undo
 * writes `before` back, redo writes `after`. Entries with `undone` set form the redo stack.
 */
export const history = sqliteTable('history', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** What the edit did, in words ("Rename theme “Grant” to “Funding”"). */
  label: text('label').notNull(),
  before: text('before').notNull(),
  after: text('after').notNull(),
  undone: integer('undone', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(now),
});
