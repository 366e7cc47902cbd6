// The one IPC contract: each channel maps to a zod input schema and an output type.
// Handlers (core, main, harness) and the renderer client derive their types from it,
// so a renamed field breaks the build rather than the user.
import { z } from 'zod';
import { CONSENT_STATUSES, EXPERIENCE_LEVELS, FACET_LABELS, FACETS, SPEAKER_ROLES, type FacetName } from '../vocabularies';
import type {
  FilePreview,
  MapPoint,
  QuoteFacet,
  QuoteContext,
  HistoryState,
  ResynthesisPlan,
  ThemeQuotesPage,
  SynthesisSummary,
  Highlight,
  EvidenceLoss,
  ParticipantRemoval,
  ModelStatus,
  ParticipantDetail,
  SearchHit,
  ParticipantSummary,
  Persona,
  Quote,
  StudyInfo,
  Theme,
  TranscriptDetail,
  TranscriptSummary,
  JobProgress,
  JobFinished,
  BackupEntry,
  BackupList,
  BackupSettings,
} from '../domain';
import type { ExportPreview } from '../pseudonym';

const id = z.number().int().positive();
const studyPath = z.string().min(1).max(4096);
const passphrase = z.string().min(1).max(1024);
const bullet = z.object({ text: z.string().max(2000), evidence: z.array(id).max(200), lostEvidence: z.number().int().min(0).optional() });
const bullets = z.array(bullet).max(50);
const themeLabel = z.string().trim().min(1).max(80);

export const personaPatchSchema = z
  .object({
    name: z.string().min(1).max(200),
    summary: z.string().max(4000),
    mark: z.enum(['primary', 'secondary', 'anti']).nullable(),
    definingQuoteId: id.nullable(),
    goals: bullets,
    frustrations: bullets,
    behaviors: bullets,
    context: bullets,
    dayInLife: bullets,
    decisionFactors: bullets,
    success: bullets,
  })
  .partial()
  .strict();
export type PersonaPatch = z.infer<typeof personaPatchSchema>;

export const personaCountSchema = z.union([z.literal('auto'), z.literal(2), z.literal(3), z.literal(4)]);
export type PersonaCount = z.infer<typeof personaCountSchema>;

export const exportFormatSchema = z.enum(['pdf', 'md', 'json']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

const speakerChoicesSchema = z
  .object({
    renames: z.record(z.string().min(1).max(200), z.string().trim().min(1).max(200)).optional(),
    roles: z.record(z.string().min(1).max(200), z.enum(SPEAKER_ROLES)).optional(),
    sameAcrossFiles: z.array(z.string().min(1).max(200)).max(1000).optional(),
    readAsSpeakers: z.array(z.string().min(1).max(200)).max(1000).optional(),
  })
  .strict();

export const jobSpecSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('import'),
    paths: z.array(z.string().min(1)).min(1).max(10000),
    /** Per file path: the researcher's speaker decisions from the preview. */
    speakers: z.record(z.string(), speakerChoicesSchema).optional(),
  }),
  z.object({
    kind: z.literal('importContent'),
    files: z
      .array(z.object({ name: z.string().min(1).max(1000), dataBase64: z.string() }))
      .min(1)
      .max(500),
  }),
  z.object({
    kind: z.literal('synthesize'),
    personas: personaCountSchema.default('auto'),
    /** Number of themes, or 'auto' to let the data choose (silhouette). */
    themes: z.union([z.literal('auto'), z.number().int().min(2).max(60)]).default('auto'),
    seed: z.number().int().min(0).max(2 ** 31).default(42),
  }),
  z.object({
    kind: z.literal('export'),
    format: exportFormatSchema,
    outDir: z.string().min(1),
    personaIds: z.array(id).optional(),
    /** Participants become their pseudonym or code; names, e-mails, phones and links in the texts are replaced. */
    pseudonymise: z.boolean().optional(),
  }),
]);
export type JobSpec = z.input<typeof jobSpecSchema>;

const roleSchema = z.enum(SPEAKER_ROLES);
const speakerName = z.string().trim().min(1).max(200);
const nullableText = z.string().trim().max(500).nullable();

export const profilePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    code: nullableText,
    segment: nullableText,
    experience: z.enum(EXPERIENCE_LEVELS).nullable(),
    companySize: nullableText,
    industry: nullableText,
    role: nullableText,
    interviewDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    consentStatus: z.enum(CONSENT_STATUSES).nullable(),
    consentDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    notes: z.string().max(20000),
    attributes: z.record(z.string().max(200), z.string().max(2000)),
  })
  .partial()
  .strict();
export type ProfilePatch = z.infer<typeof profilePatchSchema>;

/** The six facets of the method; a quote that fits none is 'other'. */
export type { FacetName } from '../vocabularies';

export const dialogKindSchema = z.enum(['createStudy', 'openStudy', 'importFiles', 'importFolder', 'exportDir']);
export type DialogKind = z.infer<typeof dialogKindSchema>;

/** Channels answered by the core (in every face). */
export const coreContract = {
  'app:status': { input: z.object({}).strict(), output: {} as { model: ModelStatus; version: string } },
  /** createFolders: only after the researcher agreed; without it a missing folder fails with code 'no_folder'. */
  /**
   * passphrase (create): the new study is encrypted with it. passphrase (open): for an encrypted
   * study; without it one fails with code 'encrypted', with a wrong one 'wrong_passphrase'. It
   * passes through to the core and is kept nowhere.
   */
  'study:create': { input: z.object({ path: studyPath, createFolders: z.boolean().optional(), passphrase: passphrase.optional() }).strict(), output: {} as StudyInfo },
  'study:open': { input: z.object({ path: studyPath, passphrase: passphrase.optional() }).strict(), output: {} as StudyInfo },
  'study:close': { input: z.object({}).strict(), output: null },
  'study:info': { input: z.object({}).strict(), output: {} as StudyInfo | null },
  'study:recent': { input: z.object({}).strict(), output: [] as string[] },
  /**
   * Encrypts the open study with newPassphrase, decrypts it, or changes its passphrase (rekey): the
   * current passphrase is asked again for decrypt and rekey. The study is closed, rewritten beside
   * itself, renamed in and reopened; on failure the old study is reopened as it was.
   */
  'study:encryption': {
    input: z
      .object({ action: z.enum(['encrypt', 'decrypt', 'rekey']), passphrase: passphrase.optional(), newPassphrase: passphrase.optional() })
      .strict(),
    output: {} as StudyInfo,
  },
  'study:setQuestions': {
    input: z.object({ questions: z.array(z.string().trim().min(1).max(500)).max(20) }).strict(),
    output: {} as StudyInfo,
  },
  'transcripts:list': { input: z.object({}).strict(), output: [] as TranscriptSummary[] },
  'transcripts:get': { input: z.object({ id }).strict(), output: {} as TranscriptDetail },
  'transcripts:setInterviewer': {
    input: z.object({ id, speaker: z.string().min(1).max(200) }).strict(),
    output: {} as TranscriptDetail,
  },
  /** Lists the persona claims that lost evidence with the transcript (they are marked, not broken). */
  'transcripts:delete': { input: z.object({ id }).strict(), output: {} as EvidenceLoss },
  'transcripts:preview': {
    input: z.object({ paths: z.array(z.string().min(1)).min(1).max(10000) }).strict(),
    output: {} as { files: FilePreview[] },
  },
  'transcripts:setSpeakerRole': {
    input: z.object({ id, speaker: speakerName, role: roleSchema }).strict(),
    output: {} as TranscriptDetail,
  },
  'transcripts:renameSpeaker': {
    input: z.object({ id, from: speakerName, to: speakerName }).strict(),
    output: {} as TranscriptDetail,
  },
  'participants:list': { input: z.object({}).strict(), output: [] as ParticipantSummary[] },
  'participants:details': { input: z.object({}).strict(), output: [] as ParticipantDetail[] },
  'participants:update': { input: z.object({ id, patch: profilePatchSchema }).strict(), output: {} as ParticipantDetail },
  'participants:merge': { input: z.object({ fromId: id, intoId: id }).strict(), output: [] as ParticipantDetail[] },
  /** Consent withdrawn: their turns, quotes, vectors, highlights and records go (securely erased); affected claims listed. */
  'participants:remove': { input: z.object({ id }).strict(), output: {} as ParticipantRemoval },
  'participants:importSheet': {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: {} as { updated: number; unmatched: { row: number; key: string }[]; errors: string[] },
  },
  'search:query': {
    input: z
      .object({
        q: z.string().max(500),
        limit: z.number().int().min(1).max(500).optional(),
        /** Default 'participants': the interviewer's turns are left out. */
        who: z.enum(['participants', 'everyone']).optional(),
        participantId: id.optional(),
        transcriptId: id.optional(),
      })
      .strict(),
    output: {} as { hits: SearchHit[]; total: number },
  },
  'highlights:list': { input: z.object({ transcriptId: id }).strict(), output: [] as Highlight[] },
  'highlights:create': {
    input: z
      .object({
        turnId: id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
      })
      .strict(),
    output: {} as Highlight,
  },
  'highlights:update': {
    input: z
      .object({
        id,
        start: z.number().int().min(0).optional(),
        end: z.number().int().min(1).optional(),
        tags: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
      })
      .strict(),
    output: {} as Highlight,
  },
  'highlights:delete': { input: z.object({ id }).strict(), output: null },
  'quotes:list': {
    input: z.object({ ids: z.array(id).max(5000).optional(), participantId: id.optional() }).strict(),
    output: [] as Quote[],
  },
  'themes:list': { input: z.object({}).strict(), output: [] as Theme[] },
  'personas:list': { input: z.object({}).strict(), output: [] as Persona[] },
  'synthesis:summary': { input: z.object({}).strict(), output: {} as SynthesisSummary },
  'themes:map': { input: z.object({}).strict(), output: [] as MapPoint[] },
  'quotes:facets': { input: z.object({ ids: z.array(id).max(20000).optional() }).strict(), output: [] as QuoteFacet[] },
  'facets:prototypes': {
    input: z.object({}).strict(),
    output: {} as { prototypes: Record<FacetName, string[]>; defaults: Record<FacetName, string[]>; custom: boolean },
  },
  'facets:setPrototypes': {
    input: z
      .object({
        /** null restores the defaults. */
        prototypes: z
          .record(
            z.enum(FACETS),
            z.array(z.string().trim().min(3).max(300)).min(1).max(100),
          )
          .nullable(),
      })
      .strict(),
    output: {} as { prototypes: Record<FacetName, string[]>; defaults: Record<FacetName, string[]>; custom: boolean },
  },
  'quotes:setFacet': {
    input: z.object({ quoteId: id, facet: z.enum(FACET_LABELS) }).strict(),
    output: {} as QuoteFacet,
  },
  'personas:update': { input: z.object({ id, patch: personaPatchSchema }).strict(), output: {} as Persona },
  // Curation: every edit below (and personas:update, quotes:setFacet, highlight edits) is undoable.
  'themes:rename': { input: z.object({ id, label: themeLabel }).strict(), output: {} as Theme },
  /** Merges the themes into the first id; label defaults to the first theme's. */
  'themes:merge': { input: z.object({ ids: z.array(id).min(2).max(50), label: themeLabel.optional() }).strict(), output: {} as Theme },
  /** Moves the picked quotes out of a theme into a new theme. */
  'themes:split': {
    input: z.object({ id, quoteIds: z.array(id).min(1).max(20000), label: themeLabel }).strict(),
    output: {} as { from: Theme; created: Theme },
  },
  'themes:moveQuotes': {
    input: z.object({ fromId: id, toId: id, quoteIds: z.array(id).min(1).max(20000) }).strict(),
    output: [] as Theme[],
  },
  'themes:setHidden': { input: z.object({ id, hidden: z.boolean() }).strict(), output: {} as Theme },
  'themes:quotes': {
    input: z
      .object({
        id,
        participantId: id.optional(),
        facet: z.enum(FACET_LABELS).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: {} as ThemeQuotesPage,
  },
  'quotes:context': { input: z.object({ id }).strict(), output: {} as QuoteContext },
  'history:state': { input: z.object({}).strict(), output: {} as HistoryState },
  'history:undo': { input: z.object({}).strict(), output: {} as HistoryState },
  'history:redo': { input: z.object({}).strict(), output: {} as HistoryState },
  /** What a new synthesis would replace and keep (asked before jobs:start synthesize on a synthesized study). */
  'synthesis:plan': { input: z.object({}).strict(), output: {} as ResynthesisPlan },
  /** The open study's backups (or, with `study`, those of a study that cannot be opened, e.g. a damaged one). */
  'backups:list': { input: z.object({ study: studyPath.optional() }).strict(), output: {} as BackupList },
  'backups:settings': { input: z.object({}).strict(), output: {} as BackupSettings },
  /** folder null: back to the default folder beside the study. */
  'backups:setSettings': {
    input: z.object({ folder: studyPath.nullable().optional(), keep: z.number().int().min(1).max(100).optional() }).strict(),
    output: {} as BackupSettings,
  },
  'backups:now': { input: z.object({}).strict(), output: {} as BackupEntry },
  /** Replaces the study with one of its listed backups; the state it replaces is backed up first. */
  'backups:restore': {
    input: z.object({ path: studyPath, study: studyPath.optional() }).strict(),
    output: {} as { study: StudyInfo; savedAs: BackupEntry | null },
  },
  /** Deletes listed backups of the open study (e.g. the copies taken before a consent withdrawal, which hold their words). */
  'backups:delete': {
    input: z.object({ paths: z.array(studyPath).min(1).max(1000) }).strict(),
    output: {} as BackupList,
  },
  /** Every replacement a pseudonymised export of these personas (all by default) would make, before it is made. */
  'export:preview': { input: z.object({ personaIds: z.array(id).optional() }).strict(), output: {} as ExportPreview },
  'jobs:start': { input: jobSpecSchema, output: {} as { jobId: string } },
  'jobs:cancel': { input: z.object({ jobId: z.string().min(1) }).strict(), output: null },
} as const;

/** Channels answered by the shell around the core (Electron main, or the harness). */
export const shellContract = {
  'dialog:pick': {
    input: z.object({ kind: dialogKindSchema }).strict(),
    output: {} as { paths: string[] } | { unsupported: true },
  },
  'shell:showItem': { input: z.object({ path: z.string().min(1) }).strict(), output: null },
} as const;

export const contract = { ...coreContract, ...shellContract } as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type CoreChannel = keyof typeof coreContract;
export type ShellChannel = keyof typeof shellContract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

export type Handlers<C extends Channel = Channel> = {
  [K in C]: (input: ParsedInputOf<K>) => Promise<OutputOf<K>> | OutputOf<K>;
};

export interface IpcError {
  code: string;
  message: string;
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Events pushed from the core to the renderer. */
export interface Events {
  'jobs:progress': JobProgress;
  'jobs:finished': JobFinished;
  'study:changed': { reason: string };
  /** Electron's application menu (File > New, Open, Open Recent, Import, Export, Close). */
  'menu:command': { command: MenuCommand; path?: string };
}
export type MenuCommand = 'newStudy' | 'openStudy' | 'openRecent' | 'import' | 'export' | 'closeStudy';
export type EventName = keyof Events;
export const eventNames = ['jobs:progress', 'jobs:finished', 'study:changed', 'menu:command'] as const satisfies readonly EventName[];

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The API a face exposes to the renderer (preload in Electron, socket client in the harness). */
export interface Bridge {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<IpcResult<OutputOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Electron only: the filesystem path of a dropped File. */
  pathForFile?: (file: File) => string;
}

/** Parses a channel's input; throws an IpcFailure with code 'invalid_input'. */
export function parseInput<C extends Channel>(channel: C, input: unknown): ParsedInputOf<C> {
  const schema = contract[channel].input as unknown as z.ZodType<ParsedInputOf<C>>;
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new IpcFailure('invalid_input', `${channel}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export class IpcFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}

export function toIpcError(err: unknown): IpcError {
  if (err instanceof IpcFailure) return { code: err.code, message: err.message };
  const e = err as { code?: unknown; message?: unknown };
  return {
    code: typeof e?.code === 'string' && e.code.length < 40 ? e.code : 'internal',
    message: typeof e?.message === 'string' ? e.message : String(err),
  };
}

/** Runs a handler and wraps its outcome in an IpcResult. */
export async function runHandler<C extends Channel>(
  handlers: Partial<Handlers>,
  channel: C,
  input: unknown,
): Promise<IpcResult<OutputOf<C>>> {
  try {
    const handler = handlers[channel] as ((i: ParsedInputOf<C>) => Promise<OutputOf<C>>) | undefined;
    if (!handler) throw new IpcFailure('unknown_channel', `No handler for ${channel}`);
    const value = await handler(parseInput(channel, input));
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toIpcError(err) };
  }
}
