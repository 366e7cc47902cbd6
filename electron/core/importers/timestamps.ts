// Clock times as they appear in captions and timestamped transcripts: hh:mm:ss.mmm, mm:ss.mmm,
// hh:mm:ss, mm:ss, with "," accepted for "." (SubRip habit). All patterns are anchored and have
// no nested repetition, so they run in time linear in the input.

const CLOCK = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/;

/** Milliseconds for a clock time, or null when it is not one (or minutes/seconds are >= 60). */
export function parseClock(raw: string): number | null {
  const m = CLOCK.exec(raw.trim());
  if (!m) return null;
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (minutes >= 60 || seconds >= 60) return null;
  const fraction = m[4] === undefined ? 0 : Number(m[4].padEnd(3, '0'));
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
}

const LEADING_STAMP = /^[[(]?((?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?(?:\s+[-–—]\s+|\s+)/;

/** A timestamp that opens a line ("[00:01:02] Alex: ..."), and how many characters it takes. */
export function leadingStamp(line: string): { ms: number; length: number } | null {
  const m = LEADING_STAMP.exec(line.slice(0, 40));
  if (!m || m[1] === undefined) return null;
  const ms = parseClock(m[1]);
  return ms === null ? null : { ms, length: m[0].length };
}

/** Milliseconds from a number of seconds (or of milliseconds), or null when it is not a usable time. */
export function msFrom(value: number, unit: 's' | 'ms'): number | null {
  const ms = Math.round(unit === 's' ? value * 1000 : value);
  return Number.isSafeInteger(ms) && ms >= 0 ? ms : null;
}
