import { describe, expect, it } from 'vitest';
import { saturationCurve, saturationNote } from '../../../electron/core/synthesis/saturation';

/** Quote ids 100·interview + i, with the themes given per interview. */
function study(interviews: { id: number; date: string | null; themes: number[] }[]) {
  const themeOf = new Map<number, number>();
  const withQuotes = interviews.map(({ id, date, themes }) => {
    const quoteIds = themes.map((theme, i) => {
      themeOf.set(id * 100 + i, theme);
      return id * 100 + i;
    });
    return { id, date, quoteIds };
  });
  return { interviews: withQuotes, themeOf };
}

describe('saturationCurve', () => {
  it('counts themes new to each interview, in date order', () => {
    const { interviews, themeOf } = study([
      { id: 2, date: '2024-03-02', themes: [1, 1, 2] },
      { id: 1, date: '2024-03-01', themes: [0, 0, 1] },
      { id: 3, date: '2024-03-05', themes: [0, 2, 3, 3] },
    ]);
    expect(saturationCurve(interviews, themeOf)).toEqual([
      { interviewId: 1, newThemes: 2, cumulativeThemes: 2 },
      { interviewId: 2, newThemes: 1, cumulativeThemes: 3 },
      { interviewId: 3, newThemes: 1, cumulativeThemes: 4 },
    ]);
  });

  it('puts undated interviews last, keeping their given order', () => {
    const { interviews, themeOf } = study([
      { id: 7, date: null, themes: [0] },
      { id: 5, date: null, themes: [1] },
      { id: 9, date: '2023-01-01', themes: [2] },
    ]);
    expect(saturationCurve(interviews, themeOf).map((p) => p.interviewId)).toEqual([9, 7, 5]);
  });

  it('needs 2 quotes to find a theme of more than 10 quotes, 1 for a smaller theme', () => {
    const { interviews, themeOf } = study([
      { id: 1, date: '2024-01-01', themes: [0, 1] }, // one quote of theme 0 (11 quotes): not yet found
      { id: 2, date: '2024-01-02', themes: Array.from({ length: 10 }, () => 0) }, // found here
    ]);
    expect(saturationCurve(interviews, themeOf)).toEqual([
      { interviewId: 1, newThemes: 1, cumulativeThemes: 1 }, // small theme 1, from a single quote
      { interviewId: 2, newThemes: 1, cumulativeThemes: 2 },
    ]);
  });

  it('ignores quotes without a theme (outliers) and interviews without quotes', () => {
    const themeOf = new Map([[1, 0]]);
    const curve = saturationCurve(
      [
        { id: 1, date: '2024-01-01', quoteIds: [1, 2, 3] },
        { id: 2, date: '2024-01-02', quoteIds: [] },
      ],
      themeOf,
    );
    expect(curve).toEqual([
      { interviewId: 1, newThemes: 1, cumulativeThemes: 1 },
      { interviewId: 2, newThemes: 0, cumulativeThemes: 1 },
    ]);
  });
});

describe('saturationNote', () => {
  const point = (newThemes: number) => ({ interviewId: 0, newThemes, cumulativeThemes: 0 });

  it('says how many of the last interviews added no new theme', () => {
    expect(saturationNote([point(3), point(2), point(0), point(0), point(0)])).toBe(
      'The last 3 interviews added no new theme',
    );
    expect(saturationNote([point(3), point(0)])).toBe('The last interview added no new theme');
  });

  it('says nothing while interviews still add themes, or when none was ever found', () => {
    expect(saturationNote([point(3), point(0), point(1)])).toBeNull();
    expect(saturationNote([point(0), point(0)])).toBeNull();
    expect(saturationNote([])).toBeNull();
  });
});
