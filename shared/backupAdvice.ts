// The sentence a damaged study's message ends with when a backup exists, written by the core and
// read back by the start screen (to offer the restore as a button): one format, in one place.

/** ` The latest backup is <backup> (taken <time>): restore it ...` */
export function backupAdvice(backup: string, takenAt: string, study: string): string {
  return ` The latest backup is ${backup} (taken ${takenAt}): restore it in Grounded (Backups), or with: grounded restore "${backup}" "${study}" --force`;
}

/** The backup and the study a damaged-study message names, or null when it names no backup. */
export function parseBackupAdvice(message: string): { backup: string; study: string } | null {
  const m = / The latest backup is .+ \(taken [^)]+\): restore it in Grounded \(Backups\), or with: grounded restore "(.+)" "(.+)" --force$/.exec(message);
  return m ? { backup: m[1]!, study: m[2]! } : null;
}
