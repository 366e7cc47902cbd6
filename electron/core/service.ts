// The core: every channel of the contract, over one open study. Plain Node, no `electron`.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
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
import { parseBackupAdvice } from '../../shared/backupAdvice';
import { damagedStudy, isCorruption, openStudyDb, syncStudy, type StudyDb } from './db/open';
import { getMeta, researchDate, researchQuestions, setMeta, studyCounts } from './db/queries/study';
import { repairReport } from './db/queries/evidence';
import type { Embedder } from './embeddings/embedder';
import { MODEL_ID, defaultModelsDir, modelStatus } from './embeddings/model';
import { backupHandlers } from './handlers/backups';
import { exportHandlers } from './handlers/export';
import { highlightHandlers } from './handlers/highlights';
import { historyHandlers } from './handlers/history';
import { jobHandlers } from './handlers/jobs';
import { participantHandlers } from './handlers/participants';
import { personaHandlers } from './handlers/personas';
import { studyHandlers } from './handlers/study';
import { themeHandlers } from './handlers/themes';
import { transcriptHandlers } from './handlers/transcripts';
import { runExportJob } from './jobs/exportJob';
import { runImportJob, runImportContentJob } from './jobs/importJob';
import { JobRunner } from './jobs/runner';
import { runSynthesisJob } from './jobs/synthesizeJob';
import { appRoot } from './paths';
import { BackupSettingsStore, StudyBackups, latestBackupAdvice, systemClock, type BackupClock } from './studyBackups';

export interface CoreOptions {
  /** Where the recent-studies list lives (Electron: userData; CLI/harness: a per-user folder). */
  settingsDir: string;
  modelsDir?: string;
  /** Injected for tests of job mechanics; the app always uses the real model. */
  createEmbedder?: () => Promise<Embedder>;
  /** The app's automatic backups (daily while open, before each synthesis); off for the CLI, whose
   * commands are short and whose researcher backs up with `grounded backup`. */
  autoBackups?: boolean;
  /** Time for the daily backup; tests inject one to step a day ahead. */
  backupClock?: BackupClock;
}

export { STUDY_EXTENSION, withExtension } from './studyPath';
const MAX_RECENT = 10;

export class Core {
  private study: StudyDb | null = null;
  private embedder: Promise<Embedder> | null = null;
  private readonly emitter = new EventEmitter();
  readonly jobs: JobRunner;
  readonly modelsDir: string;
  readonly backupSettings: BackupSettingsStore;
  readonly backupClock: BackupClock;
  private backups: StudyBackups | null = null;

  constructor(private readonly opts: CoreOptions) {
    this.modelsDir = opts.modelsDir ?? defaultModelsDir();
    this.backupSettings = new BackupSettingsStore(opts.settingsDir);
    this.backupClock = opts.backupClock ?? systemClock;
    this.jobs = new JobRunner({
      onProgress: (p) => this.emit('jobs:progress', p),
      onFinished: (f) => {
        // A job that met damage in the study says so like any call does (file, latest backup). The
        // runner hands the same object to `done`, so the CLI's job report reads it too.
        const study = this.study?.path;
        if (f.error && study && isCorruption(f.error)) {
          f.error = { code: 'corrupt', message: (this.explainDamage(study, Object.assign(new Error(f.error.message), { code: f.error.code })) as Error).message };
        }
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

  /** passphrase: opens an encrypted study, or (create) encrypts the new one; it is kept nowhere. */
  async openStudy(path: string, create: boolean, passphrase?: string): Promise<StudyInfo> {
    const full = resolve(path);
    await this.closeStudy();
    const study = this.withBackupAdvice(full, () => openStudyDb(full, { create, passphrase }));
    if (!getMeta(study.db, 'name')) {
      setMeta(study.db, 'name', basename(full, extname(full)));
      setMeta(study.db, 'createdAt', new Date().toISOString());
    }
    this.study = study;
    this.remember(full);
    this.backups = new StudyBackups(this.backupSettings, this.backupClock, full);
    // A study created a moment ago holds nothing to lose yet: its first copy waits for the daily check.
    if (this.opts.autoBackups) this.backups.start({ checkNow: !create });
    try {
      return this.withBackupAdvice(full, () => this.info()!);
    } catch (err) {
      // A study that cannot even count what it holds is not left open: it can be restored.
      await this.closeStudy();
      throw err;
    }
  }

  async closeStudy(): Promise<void> {
    if (!this.study) return;
    this.jobs.cancelAll();
    await this.jobs.idle();
    await this.backups?.stop();
    this.backups = null;
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
      encrypted: this.study.encrypted,
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

  /** The open study's path, or null. */
  openPath(): string | null {
    return this.study?.path ?? null;
  }

  /** The open study's automatic backups. */
  studyBackups(): StudyBackups {
    this.requireStudy();
    return this.backups!;
  }

  /**
   * Runs fn on the study at path; damage SQLite finds in it (at the open, or later, a page in the
   * middle of the file) becomes a message naming the file and the latest backup to restore.
   */
  withBackupAdvice<T>(path: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw this.explainDamage(path, err);
    }
  }

  private explainDamage(path: string, err: unknown): unknown {
    const failure = err instanceof IpcFailure ? (err.code === 'corrupt' ? err : null) : isCorruption(err) ? damagedStudy(path, (err as Error).message) : null;
    if (!failure || parseBackupAdvice(failure.message)) return err;
    return new IpcFailure('corrupt', `${failure.message}${latestBackupAdvice(this.backupSettings, path)}`);
  }

  /** Every channel of the contract; each domain's file owns its channels (handlers/<domain>.ts). */
  handlers(): Handlers<CoreChannel> {
    const all: Handlers<CoreChannel> = {
      ...studyHandlers(this),
      ...transcriptHandlers(this),
      ...participantHandlers(this),
      ...highlightHandlers(this),
      ...themeHandlers(this),
      ...personaHandlers(this),
      ...jobHandlers(this),
      ...historyHandlers(this),
      ...exportHandlers(this),
      ...backupHandlers(this),
    };
    for (const channel of Object.keys(all) as CoreChannel[]) {
      const handler = all[channel] as (input: unknown) => unknown;
      (all as Record<CoreChannel, (input: unknown) => unknown>)[channel] = async (input) => {
        try {
          return await handler(input);
        } catch (err) {
          // The study open now: for study:open, the one it opened.
          const study = this.study?.path;
          throw study ? this.explainDamage(study, err) : err;
        }
      };
    }
    return all;
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
        return this.jobs.start('synthesize', async (ctx) => {
          // What the run replaces (themes, personas, the researcher's edits) is copied first; no copy, no run.
          if (this.opts.autoBackups) {
            ctx.progress(0, 1, 'Backing up the study before synthesis');
            await this.studyBackups().now().catch((err: Error) => {
              // The copy is page for page: a copy that fails its integrity check means the study is damaged.
              if (isCorruption(err) || (err instanceof IpcFailure && err.code === 'unreadable' && /integrity check/.test(err.message))) {
                throw this.explainDamage(study.path, Object.assign(new Error(err.message), { code: 'SQLITE_CORRUPT' }));
              }
              throw new IpcFailure('backup_failed', `Could not back up the study before synthesis, so nothing was changed: ${err.message}. Choose another backup folder in Backups.`);
            });
          }
          return runSynthesisJob(study.db, await this.getEmbedder(), { personas: spec.personas, seed: spec.seed, themes: spec.themes }, ctx);
        });
      case 'export':
        return this.jobs.start('export', (ctx) =>
          runExportJob(study.db, this.info()!, { format: spec.format, outDir: spec.outDir, personaIds: spec.personaIds, pseudonymise: spec.pseudonymise }, ctx),
        );
    }
  }

  version(): string {
    return appVersion();
  }

  /** The open study's database; a clear error when none is open. */
  db() {
    return this.requireStudy().db;
  }

  /** Tells every face the study changed, and passes the value through. */
  changed<T>(reason: string, value: T): T {
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

let version: string | null = null;
export function appVersion(): string {
  version ??= (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
