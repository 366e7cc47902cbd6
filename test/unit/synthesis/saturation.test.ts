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
      { id: 3, date: '2024-03-05', themes: [0, 2, 2, 3, 3] },
    ]);
    expect(saturationCurve(interviews, themeOf)).toEqual([
      { interviewId: 1, newThemes: 1, cumulativeThemes: 1 }, // theme 1 has a single quote here
      { interviewId: 2, newThemes: 1, cumulativeThemes: 2 },
      { interviewId: 3, newThemes: 2, cumulativeThemes: 4 },
    ]);
  });

  it('puts undated interviews last, keeping their given order', () => {
    const { interviews, themeOf } = study([
      { id: 7, date: null, themes: [0, 0] },
      { id: 5, date: null, themes: [1, 1] },
      { id: 9, date: '2023-01-01', themes: [2, 2] },
    ]);
    expect(saturationCurve(interviews, themeOf).map((p) => p.interviewId)).toEqual([9, 7, 5]);
  });

  it('finds a theme where an interview dwells on it, not where single sentences stray into it', () => {
    // Interviews 1-3 talk about themes 0 and 1 and each says one sentence of theme 2; interview
    // 4 is mostly about theme 2. Themes 0 and 1 run through every interview.
    const { interviews, themeOf } = study([
      { id: 1, date: '2024-01-01', themes: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2] },
      { id: 2, date: '2024-01-02', themes: [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2] },
      { id: 3, date: '2024-01-03', themes: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2] },
      { id: 4, date: '2024-01-04', themes: [0, 0, 1, 2, 2, 2, 2, 2, 2, 2, 2] },
      { id: 5, date: '2024-01-05', themes: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2] },
    ]);
    expect(saturationCurve(interviews, themeOf).map((p) => p.newThemes)).toEqual([2, 0, 0, 1, 0]);
  });

  it('does not count a couple of passing remarks in a long interview about something else', () => {
    // Theme 1 is a third of the study; interview 1 gives it 2 of its 20 quotes, interview 2 12 of 20.
    const { interviews, themeOf } = study([
      { id: 1, date: '2024-01-01', themes: [...Array<number>(18).fill(0), 1, 1] },
      { id: 2, date: '2024-01-02', themes: [...Array<number>(8).fill(0), ...Array<number>(12).fill(1)] },
    ]);
    expect(saturationCurve(interviews, themeOf).map((p) => p.newThemes)).toEqual([1, 1]);
  });

  it('ignores quotes without a theme (outliers) and interviews without quotes', () => {
    const themeOf = new Map([
      [1, 0],
      [2, 0],
    ]);
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
    expect(saturationNote([point(3), point(2), point(0), point(0), point(0)])).toMatch(
      /^The last 3 interviews added no new theme \(a theme counts once an interview gives it 2 or more quotes/,
    );
    expect(saturationNote([point(3), point(0)])).toMatch(/^The last interview added no new theme \(/);
  });

  it('says nothing while interviews still add themes, or when none was ever found', () => {
    expect(saturationNote([point(3), point(0), point(1)])).toBeNull();
    expect(saturationNote([point(0), point(0)])).toBeNull();
    expect(saturationNote([])).toBeNull();
  });
});
