// Thematic saturation: in interview order, how many themes each interview brought up for the
// first time. When the last few add nothing new, more interviews of the same kind are unlikely
// to change the themes: the classic stopping signal of qualitative research.
//
// A theme counts as found in an interview only with real support there: at least 2 of its
// quotes come from that interview, and they are at least the theme's fair share of the
// interview (the theme's share of the interview's themed quotes is no lower than its share of
// the whole study's). A stray sentence does not discover a theme, and neither do a couple of
// passing remarks in a long interview about something else: without the share rule, themes that
// every conversation touches were all "found" in the first interview (issue 8).

export interface SaturationInterview {
  id: number;
  /** ISO date (YYYY-MM-DD…); undated interviews go last, in the order given. */
  date: string | null;
  quoteIds: readonly number[];
}

export interface SaturationPoint {
  interviewId: number;
  newThemes: number;
  cumulativeThemes: number;
}

export const SATURATION_RULES = {
  /** Quotes from one interview that a theme needs there to count as found... */
  quotesToFind: 2,
  /** ...and its share of the interview's themed quotes, as a multiple of its share of the study's. */
  minLift: 1,
} as const;

/** One point per interview, in date order (undated last, ties and undated in the order given). */
export function saturationCurve(
  interviews: readonly SaturationInterview[],
  themeOf: ReadonlyMap<number, number>,
): SaturationPoint[] {
  const themeSize = new Map<number, number>();
  for (const theme of themeOf.values()) themeSize.set(theme, (themeSize.get(theme) ?? 0) + 1);
  const total = themeOf.size;

  const ordered = interviews
    .map((interview, index) => ({ interview, index }))
    .sort((a, b) => byDate(a.interview.date, b.interview.date) || a.index - b.index)
    .map(({ interview }) => interview);

  const found = new Set<number>();
  return ordered.map((interview) => {
    const counts = new Map<number, number>();
    for (const id of interview.quoteIds) {
      const theme = themeOf.get(id);
      if (theme !== undefined) counts.set(theme, (counts.get(theme) ?? 0) + 1);
    }
    let themed = 0;
    for (const count of counts.values()) themed += count;
    let newThemes = 0;
    for (const [theme, count] of [...counts].sort((a, b) => a[0] - b[0])) {
      if (found.has(theme) || count < SATURATION_RULES.quotesToFind) continue;
      // count/themed >= minLift · size/total, in integers' exact products.
      if (count * total < SATURATION_RULES.minLift * themeSize.get(theme)! * themed) continue;
      found.add(theme);
      newThemes++;
    }
    return { interviewId: interview.id, newThemes, cumulativeThemes: found.size };
  });
}

function byDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * "The last 3 interviews added no new theme" (or "The last interview…") when the curve ends in
 * interviews that found nothing new after some theme was found; null otherwise. The sentence
 * says what "new" means, so nobody reads it as "nothing new was said".
 */
export function saturationNote(curve: readonly SaturationPoint[]): string | null {
  let quiet = 0;
  while (quiet < curve.length && curve[curve.length - 1 - quiet]!.newThemes === 0) quiet++;
  if (quiet === 0 || quiet === curve.length) return null; // still finding themes, or none found at all
  const rule = '(a theme counts once an interview gives it 2 or more quotes and at least its usual share)';
  return quiet === 1
    ? `The last interview added no new theme ${rule}`
    : `The last ${quiet} interviews added no new theme ${rule}`;
}
