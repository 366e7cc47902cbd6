// Automatic backups of the open study: before each synthesis, daily while it is open, kept to the
// newest N in a folder the researcher chooses. The copies themselves are made by backup.ts.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { backupAdvice } from '../../shared/backupAdvice';
import type { BackupEntry, BackupSettings } from '../../shared/domain';
import { IpcFailure } from '../../shared/ipc/contract';
import { autoBackup, backupsOf } from './backup';

/** Ten copies: a fortnight of daily backups with a few syntheses between, a few times the study's size on disk. */
export const DEFAULT_KEEP = 10;
export const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the daily check runs while a study is open: a laptop that slept through the
 * 24-hour mark gets its backup within the hour after it wakes. */
export const DAILY_CHECK_MS = 60 * 60 * 1000;

/** Time and timers, injected so the daily backup can be tested without waiting a day. */
export interface BackupClock {
  now(): Date;
  /** Calls tick every ms until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const systemClock: BackupClock = {
  now: () => new Date(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

/**
 * The default folder is `<study name> backups` beside the study, not under the app's settings:
 * copies of interviews stay where the researcher (and their ethics approval) put the study, on
 * the same disk and under the same protection, are found with it, and are deleted with it; a
 * hidden app folder would keep transcripts after a study was deleted or a participant withdrew.
 */
export function defaultBackupFolder(studyPath: string): string {
  return join(dirname(studyPath), `${basename(studyPath, extname(studyPath))} backups`);
}

type Stored = Record<string, { folder?: string; keep?: number }>;

/** Per-study settings, kept in the app's settings folder by the study's full path (not in the
 * study: restoring an old copy must not bring back an old backup folder). */
export class BackupSettingsStore {
  constructor(private readonly settingsDir: string) {}

  private file(): string {
    return join(this.settingsDir, 'backup-settings.json');
  }

  private read(): Stored {
    try {
      const v = JSON.parse(readFileSync(this.file(), 'utf8')) as unknown;
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Stored) : {};
    } catch {
      return {};
    }
  }

  get(studyPath: string): BackupSettings {
    const own = this.read()[resolve(studyPath)] ?? {};
    const defaultFolder = defaultBackupFolder(resolve(studyPath));
    const keep = Number.isInteger(own.keep) && own.keep! >= 1 ? own.keep! : DEFAULT_KEEP;
    return { folder: typeof own.folder === 'string' && own.folder ? own.folder : defaultFolder, keep, defaultFolder };
  }

  set(studyPath: string, patch: { folder?: string | null; keep?: number }): BackupSettings {
    const all = this.read();
    const key = resolve(studyPath);
    const own = { ...all[key] };
    if (patch.folder !== undefined) {
      if (patch.folder === null) delete own.folder;
      else own.folder = resolve(patch.folder);
    }
    if (patch.keep !== undefined) own.keep = patch.keep;
    all[key] = own;
    mkdirSync(this.settingsDir, { recursive: true });
    const tmp = `${this.file()}.tmp`;
    writeFileSync(tmp, JSON.stringify(all, null, 2));
    renameSync(tmp, this.file());
    return this.get(studyPath);
  }
}

function entry(path: string, takenAt: Date): BackupEntry {
  return { path, takenAt: takenAt.toISOString(), bytes: existsSync(path) ? statSync(path).size : 0 };
}

/** A study's backups in its folder, newest first. */
export function listBackups(store: BackupSettingsStore, studyPath: string): BackupEntry[] {
  const { folder } = store.get(studyPath);
  return backupsOf(studyPath, folder)
    .reverse()
    .map((b) => entry(b.path, b.takenAt));
}

/** Removes all but the newest `keep` backups of the study in its folder (after the setting was lowered). */
export function pruneBackups(store: BackupSettingsStore, studyPath: string): string[] {
  const { folder, keep } = store.get(studyPath);
  const old = backupsOf(studyPath, folder).reverse().slice(keep).map((b) => b.path);
  for (const path of old) rmSync(path, { force: true });
  return old;
}

/** The sentence a damaged-study message ends with when a backup exists: which copy, and how. */
export function latestBackupAdvice(store: BackupSettingsStore, studyPath: string): string {
  const latest = listBackups(store, studyPath)[0];
  if (!latest) return '';
  return backupAdvice(latest.path, latest.takenAt, studyPath);
}

/**
 * The automatic backups of one open study: `now()` (before a synthesis, or by hand), the daily
 * timer, and `idle()` so a close or a restore never races a copy in flight.
 */
export class StudyBackups {
  private stopTimer: (() => void) | null = null;
  /** The latest automatic backup's failure, cleared by the next copy that succeeds. */
  problem: string | null = null;
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: BackupSettingsStore,
    private readonly clock: BackupClock,
    readonly studyPath: string,
  ) {}

  /** Starts the daily timer, and (checkNow) checks at once: a study opened an hour a day still gets its daily copy. */
  start({ checkNow }: { checkNow: boolean }): void {
    this.stopTimer = this.clock.every(DAILY_CHECK_MS, () => void this.daily());
    if (checkNow) void this.daily();
  }

  stop(): Promise<void> {
    this.stopTimer?.();
    this.stopTimer = null;
    return this.idle();
  }

  idle(): Promise<void> {
    return this.inFlight.then(
      () => undefined,
      () => undefined,
    );
  }

  /** A backup now, keeping the newest N; copies are taken one at a time. */
  now(): Promise<BackupEntry> {
    const { folder, keep } = this.store.get(this.studyPath);
    const at = this.clock.now();
    const run = this.idle().then(async () => {
      try {
        const { path } = await autoBackup(this.studyPath, folder, keep, at);
        this.problem = null;
        return entry(path, at);
      } catch (err) {
        this.problem = `The backup of ${at.toISOString()} failed: ${(err as Error).message}`;
        throw err;
      }
    });
    this.inFlight = run;
    return run;
  }

  /** Backs up when the newest copy is a day old or there is none; a failure waits for the next check. */
  private async daily(): Promise<void> {
    const newest = listBackups(this.store, this.studyPath)[0];
    if (newest && this.clock.now().getTime() - Date.parse(newest.takenAt) < DAY_MS) return;
    await this.now().catch(() => undefined);
  }
}

/**
 * Saves what a restore is about to replace, as a backup in the study's folder (so the restore can
 * be undone). A study too damaged to back up is copied byte for byte beside the backups instead
 * (`.damaged`, not listed as a backup), so nothing is lost either way.
 */
export async function saveBeforeRestore(store: BackupSettingsStore, studyPath: string, at: Date): Promise<BackupEntry | null> {
  if (!existsSync(studyPath)) return null;
  const { folder, keep } = store.get(studyPath);
  try {
    // One more than the setting, so the copy being restored is not pruned by this save.
    const { path } = await autoBackup(studyPath, folder, keep + 1, at);
    return entry(path, at);
  } catch (err) {
    if (!(err instanceof IpcFailure) || !['corrupt', 'unreadable'].includes(err.code)) throw err;
    mkdirSync(folder, { recursive: true });
    const stamp = at.toISOString().replace(/[:.]/g, '-');
    copyFileSync(studyPath, join(folder, `${basename(studyPath, extname(studyPath))}-${stamp}.damaged`));
    return null;
  }
}

/** A backup to restore must be one of this study's listed backups: the renderer cannot name any file. */
export function requireListedBackup(store: BackupSettingsStore, studyPath: string, backupPath: string): BackupEntry {
  const found = listBackups(store, studyPath).find((b) => resolve(b.path) === resolve(backupPath));
  if (!found) throw new IpcFailure('not_found', `${backupPath}: not one of this study's backups`);
  return found;
}
