/** "2.4 MB", "380 KB": a backup's size as a file manager shows it. */
export function fileSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/** A backup's time in the researcher's locale, to the second: two copies can be a minute apart (a restore saves one first). */
export function takenAt(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
