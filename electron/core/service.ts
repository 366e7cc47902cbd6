// The core: every channel of the contract, over one open study. Plain Node, no `electron`.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { StudyInfo } from '../../shared/domain';
import {
  IpcFailure,
  type CoreChannel,
  type EventName,
  type Events,
  type Handlers,
  type JobSpec,
  parseInput,
} from '../../shared/ipc/contract';
import { openStudyDb, syncStudy, transaction, type StudyDb } from './db/open';
import { listParticipants } from './db/queries/participants';
import { listQuotes } from './db/queries/quotes';
import { getMeta, researchDate, researchQuestions, setMeta, setResearchQuestions, studyCounts } from './db/queries/study';
import { listPersonas, listThemes, mapPoints, updatePersona } from './db/queries/synthesis';
import { listFacets, setFacet } from './db/queries/facets';
import { synthesisSummary } from './synthesis/summary';
import { FACET_PROTOTYPES, type FacetPrototypes } from './synthesis/facets';
import { setStudyPrototypes, studyPrototypes } from './synthesis/prototypeStore';
import { deleteTranscript, getTranscript, listTranscripts } from './db/queries/transcripts';
import type { Embedder } from './embeddings/embedder';
import { MODEL_ID, defaultModelsDir, modelStatus } from './embeddings/model';
import { previewFiles } from './ingest/previewFiles';
import { renameSpeaker, setInterviewer, setSpeakerRole } from './ingest/speakers';
import { applyRoles } from './ingest/writeTranscript';
import { applySheet } from './participants/sheet';
import { deleteHighlight, insertHighlight, listHighlights, updateHighlight } from './db/queries/highlights';
import { quoteIdsOfTranscript, remapQuoteReferences, repairReport } from './db/queries/evidence';
import { listParticipantDetails, mergeParticipants, updateProfile } from './db/queries/profiles';
import { removeParticipant } from './db/queries/removeParticipant';
import { searchTurns } from './db/queries/search';
import { runExportJob } from './jobs/exportJob';
import { runImportJob, runImportContentJob } from './jobs/importJob';
import { JobRunner } from './jobs/runner';
import { runSynthesisJob } from './jobs/synthesizeJob';
import { appRoot } from './paths';

export interface CoreOptions {
  /** Where the recent-studies list lives (Electron: userData; CLI/harness: a per-user folder). */
  settingsDir: string;
  modelsDir?: string;
  /** Injected for tests of job mechanics; the app always uses the real model. */
  createEmbedder?: () => Promise<Embedder>;
}

export const STUDY_EXTENSION = '.grounded';
const MAX_RECENT = 10;

export class Core {
  private study: StudyDb | null = null;
  private embedder: Promise<Embedder> | null = null;
  private readonly emitter = new EventEmitter();
  readonly jobs: JobRunner;
  readonly modelsDir: string;

  constructor(private readonly opts: CoreOptions) {
    this.modelsDir = opts.modelsDir ?? defaultModelsDir();
    this.jobs = new JobRunner({
      onProgress: (p) => this.emit('jobs:progress', p),
      onFinished: (f) => {
        this.emit('jobs:finished', f);
        this.emit('study:changed', { reason: `${f.kind} ${f.status}` });
      },
    });
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  private emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.emitter.emit(event, payload);
  }

  requireStudy(): StudyDb {
    if (!this.study) throw new IpcFailure('no_study', 'No study is open: create or open one first');
    return this.study;
  }

  getEmbedder(): Promise<Embedder> {
    if (!this.embedder) {
      const status = modelStatus(this.modelsDir);
      if (!status.available && !this.opts.createEmbedder) {
        throw new IpcFailure('model_unavailable', status.reason ?? 'The embedding model is not available');
      }
      this.embedder = this.opts.createEmbedder
        ? this.opts.createEmbedder()
        : import('./embeddings/embedder').then((m) => m.createEmbedder({ modelsDir: this.modelsDir }));
      this.embedder.catch(() => (this.embedder = null));
    }
    return this.embedder;
  }

  async openStudy(path: string, create: boolean): Promise<StudyInfo> {
    const full = resolve(path);
    await this.closeStudy();
    const study = openStudyDb(full, { create });
    if (!getMeta(study.db, 'name')) {
      setMeta(study.db, 'name', basename(full, extname(full)));
      setMeta(study.db, 'createdAt', new Date().toISOString());
    }
    this.study = study;
    this.remember(full);
    return this.info()!;
  }

  async closeStudy(): Promise<void> {
    if (!this.study) return;
    this.jobs.cancelAll();
    await this.jobs.idle();
    this.study.close();
    this.study = null;
  }

  info(): StudyInfo | null {
    if (!this.study) return null;
    const { db, path } = this.study;
    return {
      path,
      name: getMeta(db, 'name') ?? basename(path),
      createdAt: getMeta(db, 'createdAt') ?? '',
      counts: studyCounts(db, MODEL_ID),
      researchDate: researchDate(db),
      questions: researchQuestions(db),
      repairs: repairReport(db),
    };
  }

  private recentFile(): string {
    return join(this.opts.settingsDir, 'recent-studies.json');
  }

  recent(): string[] {
    try {
      const list = JSON.parse(readFileSync(this.recentFile(), 'utf8')) as unknown;
      return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string' && existsSync(p)) : [];
    } catch {
      return [];
    }
  }

  private remember(path: string): void {
    const list = [path, ...this.recent().filter((p) => p !== path)].slice(0, MAX_RECENT);
    mkdirSync(this.opts.settingsDir, { recursive: true });
    const tmp = `${this.recentFile()}.tmp`;
    writeFileSync(tmp, JSON.stringify(list, null, 2));
    renameSync(tmp, this.recentFile());
  }

  async close(): Promise<void> {
    await this.closeStudy();
    if (this.embedder) await (await this.embedder.catch(() => null))?.dispose();
    this.embedder = null;
  }

  handlers(): Handlers<CoreChannel> {
    return {
      'app:status': () => ({ model: modelStatus(this.modelsDir), version: appVersion() }),
      'study:create': async ({ path, createFolders }) => {
        const full = withExtension(path);
        if (existsSync(full)) throw new IpcFailure('exists', `${full}: already exists; open it instead`);
        // A mistyped folder is not created silently: the researcher confirms, then the call says createFolders.
        if (!existsSync(dirname(full)) && !createFolders) {
          throw new IpcFailure('no_folder', `The folder ${dirname(full)} does not exist. Create it and the study in it?`);
        }
        mkdirSync(dirname(full), { recursive: true });
        return this.openStudy(full, true);
      },
      'study:open': ({ path }) => this.openStudy(path, false),
      'study:close': async () => {
        await this.closeStudy();
        return null;
      },
      'study:info': () => this.info(),
      'study:recent': () => this.recent(),
      'study:setQuestions': ({ questions }) => {
        setResearchQuestions(this.db(), questions);
        this.emit('study:changed', { reason: 'research questions edited' });
        return this.info()!;
      },
      'transcripts:list': () => listTranscripts(this.requireStudy().db),
      'transcripts:get': ({ id }) => getTranscript(this.requireStudy().db, id),
      'transcripts:setInterviewer': ({ id, speaker }) => this.changed('interviewer changed', setInterviewer(this.db(), id, speaker)),
      'transcripts:setSpeakerRole': ({ id, speaker, role }) => this.changed('speaker role changed', setSpeakerRole(this.db(), id, speaker, role)),
      'transcripts:renameSpeaker': ({ id, from, to }) => this.changed('speaker renamed', renameSpeaker(this.db(), id, from, to)),
      'transcripts:preview': async ({ paths }) => ({ files: await previewFiles(this.db(), paths) }),
      'transcripts:delete': ({ id }) => {
        const db = this.db();
        const loss = transaction(db, () => {
          getTranscript(db, id);
          const lost = remapQuoteReferences(db, new Map(quoteIdsOfTranscript(db, id).map((q) => [q, null])));
          deleteTranscript(db, id);
          return lost;
        });
        return this.changed('transcript deleted', loss);
      },
      'participants:list': () => listParticipants(this.db()),
      'participants:details': () => listParticipantDetails(this.db()),
      'participants:update': ({ id, patch }) => this.changed('participant edited', updateProfile(this.db(), id, patch)),
      'participants:merge': ({ fromId, intoId }) => {
        mergeParticipants(this.db(), fromId, intoId);
        return this.changed('participants merged', listParticipantDetails(this.db()));
      },
      'participants:remove': ({ id }) => this.changed('participant removed', removeParticipant(this.db(), id)),
      'participants:importSheet': async ({ path }) => {
        const csv = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
          throw new IpcFailure('unreadable', `${basename(path)}: cannot read (${err.code ?? err.message})`);
        });
        return this.changed('participant sheet imported', applySheet(this.db(), basename(path), csv));
      },
      'search:query': ({ q, limit, ...filter }) => searchTurns(this.db(), q, limit, filter),
      'highlights:list': ({ transcriptId }) => listHighlights(this.db(), transcriptId),
      'highlights:create': ({ turnId, start, end, tags }) => {
        const db = this.db();
        const created = transaction(db, () => {
          const h = insertHighlight(db, turnId, start, end, tags);
          applyRoles(db, h.transcriptId, new Map(getTranscript(db, h.transcriptId).speakers.map((sp) => [sp.name, sp.role])));
          return h;
        });
        return this.changed('highlight added', listHighlights(db, created.transcriptId).find((x) => x.id === created.id)!);
      },
      'highlights:update': ({ id, start, end, tags }) => {
        const db = this.db();
        const transcriptId = transaction(db, () => {
          const tid = updateHighlight(db, id, { start, end, tags });
          applyRoles(db, tid, new Map(getTranscript(db, tid).speakers.map((sp) => [sp.name, sp.role])));
          return tid;
        });
        return this.changed('highlight edited', listHighlights(db, transcriptId).find((x) => x.id === id)!);
      },
      'highlights:delete': ({ id }) => {
        const db = this.db();
        transaction(db, () => {
          const transcriptId = deleteHighlight(db, id);
          applyRoles(db, transcriptId, new Map(getTranscript(db, transcriptId).speakers.map((sp) => [sp.name, sp.role])));
        });
        return this.changed('highlight removed', null);
      },
      'quotes:list': (filter) => listQuotes(this.requireStudy().db, filter),
      'themes:list': () => listThemes(this.requireStudy().db),
      'personas:list': () => listPersonas(this.requireStudy().db),
      'synthesis:summary': () => synthesisSummary(this.db()),
      'themes:map': () => mapPoints(this.db()),
      'quotes:facets': ({ ids }) => listFacets(this.db(), ids),
      'facets:prototypes': () => this.prototypesView(),
      'facets:setPrototypes': ({ prototypes }) => {
        setStudyPrototypes(this.db(), prototypes as FacetPrototypes | null);
        return this.changed('facet prototypes edited', this.prototypesView());
      },
      'quotes:setFacet': ({ quoteId, facet }) => this.changed('facet corrected', setFacet(this.db(), quoteId, facet)),
      'personas:update': ({ id, patch }) => {
        const persona = updatePersona(this.requireStudy().db, id, patch);
        this.emit('study:changed', { reason: 'persona edited' });
        return persona;
      },
      'jobs:start': (spec) => ({ jobId: this.startJob(spec).jobId }),
      'jobs:cancel': ({ jobId }) => {
        this.jobs.cancel(jobId);
        return null;
      },
    };
  }

  /** Starts a job; the CLI awaits `done`, the UI follows the events. */
  startJob(input: JobSpec) {
    const spec = parseInput('jobs:start', input);
    const study = this.requireStudy();
    switch (spec.kind) {
      case 'import':
        return this.jobs.start('import', (ctx) => durably(study, runImportJob(study.db, spec.paths, ctx, spec.speakers)));
      case 'importContent':
        return this.jobs.start('import', (ctx) => durably(study, runImportContentJob(study.db, spec.files, ctx)));
      case 'synthesize':
        return this.jobs.start('synthesize', async (ctx) =>
          runSynthesisJob(study.db, await this.getEmbedder(), { personas: spec.personas, seed: spec.seed, themes: spec.themes }, ctx),
        );
      case 'export':
        return this.jobs.start('export', (ctx) =>
          runExportJob(study.db, this.info()!, { format: spec.format, outDir: spec.outDir, personaIds: spec.personaIds }, ctx),
        );
    }
  }

  private prototypesView() {
    const { prototypes, custom } = studyPrototypes(this.db());
    return { prototypes, defaults: FACET_PROTOTYPES, custom };
  }

  private db() {
    return this.requireStudy().db;
  }

  /** Tells every face the study changed, and passes the value through. */
  private changed<T>(reason: string, value: T): T {
    this.emit('study:changed', { reason });
    return value;
  }
}

/** An import's files are on disk (fsynced) before the job reports them imported, even if it failed midway. */
async function durably<T>(study: StudyDb, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } finally {
    syncStudy(study.db);
  }
}

export function withExtension(path: string): string {
  const full = resolve(path);
  return extname(full) === STUDY_EXTENSION ? full : `${full}${STUDY_EXTENSION}`;
}

let version: string | null = null;
function appVersion(): string {
  version ??= (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
