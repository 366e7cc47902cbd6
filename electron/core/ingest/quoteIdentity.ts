// Which of a transcript's re-derived quotes are the quotes it already had. Themes, personas and
// the map cite quotes by id, so re-deriving (a highlight, a role change, a rename) must keep each
// id that still stands for the same passage. Pure: old and new passages in, a plan out.

export interface Passage {
  turnId: number;
  start: number;
  end: number;
  textHash: string;
  highlightId: number | null;
}

export interface OldPassage extends Passage {
  id: number;
}

export interface IdentityPlan<T extends Passage> {
  /** New passages that keep an existing quote id (the row is updated in place). */
  kept: { id: number; row: T }[];
  /** New passages no existing quote stands for: inserted. */
  added: T[];
  /** Old quotes replaced by an overlapping kept one (e.g. two passages under one highlight): old id -> kept id. */
  merged: Map<number, number>;
  /** Old quotes whose passage no longer yields a quote at all. */
  gone: number[];
}

const overlap = (a: Passage, b: Passage) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Matches, most certain first: the same highlight; the same turn and offsets; the same turn and
 * text; then the old passage of the same turn that overlaps most (a highlight drawn over an
 * automatic passage takes its id, and the automatic passage comes back with the id when the
 * highlight is deleted). Leftover old quotes that overlap a kept one merge into it; the rest are gone.
 */
export function planQuoteIdentity<T extends Passage>(old: readonly OldPassage[], next: readonly T[]): IdentityPlan<T> {
  const free = new Set(old);
  const matchOf = new Map<T, OldPassage>();
  const claim = (row: T, o: OldPassage | undefined) => {
    if (!o || !free.has(o)) return;
    free.delete(o);
    matchOf.set(row, o);
  };
  const byKey = <K>(key: (p: Passage) => K | null) => {
    const index = new Map<K, OldPassage[]>();
    for (const o of free) {
      const k = key(o);
      if (k !== null) (index.get(k) ?? index.set(k, []).get(k)!).push(o);
    }
    for (const row of next) {
      const k = key(row);
      if (matchOf.has(row) || k === null) continue;
      claim(row, index.get(k)?.find((o) => free.has(o)));
    }
  };
  byKey((p) => p.highlightId);
  byKey((p) => `${p.turnId}:${p.start}:${p.end}`);
  byKey((p) => `${p.turnId}:${p.textHash}`);

  const oldByTurn = new Map<number, OldPassage[]>();
  for (const o of old) (oldByTurn.get(o.turnId) ?? oldByTurn.set(o.turnId, []).get(o.turnId)!).push(o);
  for (const row of next) {
    if (matchOf.has(row)) continue;
    let best: OldPassage | undefined;
    for (const o of oldByTurn.get(row.turnId) ?? []) {
      if (free.has(o) && overlap(o, row) > 0 && (!best || overlap(o, row) > overlap(best, row))) best = o;
    }
    claim(row, best);
  }

  const kept = next.filter((r) => matchOf.has(r)).map((row) => ({ id: matchOf.get(row)!.id, row }));
  const added = next.filter((r) => !matchOf.has(r));
  const keptByTurn = new Map<number, { id: number; row: T }[]>();
  for (const k of kept) (keptByTurn.get(k.row.turnId) ?? keptByTurn.set(k.row.turnId, []).get(k.row.turnId)!).push(k);
  const merged = new Map<number, number>();
  const gone: number[] = [];
  for (const o of free) {
    let into: { id: number; row: T } | undefined;
    for (const k of keptByTurn.get(o.turnId) ?? []) {
      if (overlap(k.row, o) > 0 && (!into || overlap(k.row, o) > overlap(into.row, o))) into = k;
    }
    if (into) merged.set(o.id, into.id);
    else gone.push(o.id);
  }
  return { kept, added, merged, gone };
}
