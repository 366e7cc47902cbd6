// Which re-derived quotes keep which ids (ingest/quoteIdentity): most certain match first.
import { describe, expect, it } from 'vitest';
import { planQuoteIdentity, type OldPassage, type Passage } from '../../electron/core/ingest/quoteIdentity';

const auto = (turnId: number, start: number, end: number, textHash = `${turnId}:${start}`): Passage => ({ turnId, start, end, textHash, highlightId: null });
const stored = (id: number, p: Passage): OldPassage => ({ id, ...p });

describe('planQuoteIdentity', () => {
  it('keeps every id when nothing changed, adds nothing, loses nothing', () => {
    const old = [stored(1, auto(10, 0, 40)), stored(2, auto(10, 41, 90)), stored(3, auto(11, 0, 30))];
    const plan = planQuoteIdentity(old, old.map(({ id: _id, ...p }) => p));
    expect(plan.kept.map((k) => k.id)).toEqual([1, 2, 3]);
    expect(plan).toMatchObject({ added: [], gone: [], merged: new Map() });
  });

  it('a highlight over part of a passage takes its id; one over two passages takes the larger and merges the other', () => {
    const old = [stored(1, auto(10, 0, 40)), stored(2, auto(10, 41, 90)), stored(3, auto(10, 91, 120))];
    const mark: Passage = { turnId: 10, start: 30, end: 80, textHash: 'h', highlightId: 7 };
    const plan = planQuoteIdentity(old, [mark, auto(10, 91, 120)]);
    expect(plan.kept).toEqual([{ id: 2, row: mark }, { id: 3, row: auto(10, 91, 120) }]);
    expect(plan.merged).toEqual(new Map([[1, 2]]));
    expect(plan.gone).toEqual([]);
  });

  it('an edited highlight keeps its id even when the new span no longer overlaps the old one', () => {
    const old = [stored(5, { turnId: 10, start: 0, end: 20, textHash: 'a', highlightId: 3 })];
    const moved: Passage = { turnId: 10, start: 50, end: 70, textHash: 'b', highlightId: 3 };
    expect(planQuoteIdentity(old, [moved]).kept).toEqual([{ id: 5, row: moved }]);
  });

  it('the same text at new offsets keeps its id; passages of a speaker who is no longer a participant are gone', () => {
    const old = [stored(1, auto(10, 5, 40, 'same')), stored(2, auto(12, 0, 30))];
    const plan = planQuoteIdentity(old, [auto(10, 0, 35, 'same'), auto(13, 0, 10)]);
    expect(plan.kept.map((k) => k.id)).toEqual([1]);
    expect(plan.added).toEqual([auto(13, 0, 10)]);
    expect(plan.gone).toEqual([2]);
  });

  it('never matches across turns', () => {
    const plan = planQuoteIdentity([stored(1, auto(10, 0, 40))], [auto(11, 0, 40)]);
    expect(plan.kept).toEqual([]);
    expect(plan.gone).toEqual([1]);
  });
});
