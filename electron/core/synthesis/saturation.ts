// Thematic saturation: in interview order, how many themes each interview brought up for the
// first time. When the last few add nothing new, more interviews of the same kind are unlikely
// to change the themes: the classic stopping signal of qualitative research.
//
// A theme counts as found in an interview once 2 of its quotes come from that interview, or 1
// for a theme of 10 quotes or fewer (where one quote is already a tenth of the theme). A single
// stray quote does not discover a big theme, and a small theme is not held to a bar it could
// barely clear anywhere.

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
  /** Quotes from one interview that make a theme found there... */
  quotesToFind: 2,
  /** ...or 1 quote, for themes of at most this many quotes. */
  smallTheme: 10,
} as const;

/** One point per interview, in date order (undated last, ties and undated in the order given). */
export function saturationCurve(
  interviews: readonly SaturationInterview[],
  themeOf: ReadonlyMap<number, number>,
): SaturationPoint[] {
  const themeSize = new Map<number, number>();
  for (const theme of themeOf.values()) themeSize.set(theme, (themeSize.get(theme) ?? 0) + 1);
  const needed = (theme: number): number =>
    themeSize.get(theme)! <= SATURATION_RULES.smallTheme ? 1 : SATURATION_RULES.quotesToFind;

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
    let newThemes = 0;
    for (const [theme, count] of counts) {
      if (found.has(theme) || count < needed(theme)) continue;
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
 * interviews that found nothing new after some theme was found; null otherwise.
 */
export function saturationNote(curve: readonly SaturationPoint[]): string | null {
  let quiet = 0;
  while (quiet < curve.length && curve[curve.length - 1 - quiet]!.newThemes === 0) quiet++;
  if (quiet === 0 || quiet === curve.length) return null; // still finding themes, or none found at all
  return quiet === 1
    ? 'The last interview added no new theme'
    : `The last ${quiet} interviews added no new theme`;
}
