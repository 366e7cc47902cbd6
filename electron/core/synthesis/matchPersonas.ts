// Re-running synthesis drafts personas afresh; the researcher's names, edits and primary /
// secondary / anti marks belong to the old ones. Each new persona inherits from the old persona
// with the most participants in common (Jaccard overlap), one to one: pairs are taken best
// first, and a pair must share at least a third of their combined participants.

export const MATCH_MIN_JACCARD = 0.34;

/** For each fresh persona, the id of the old persona it continues, or null. Deterministic. */
export function matchPersonas(
  old: readonly { id: number; participantIds: readonly number[] }[],
  fresh: readonly { participantIds: readonly number[] }[],
  minJaccard = MATCH_MIN_JACCARD,
): (number | null)[] {
  const pairs: { f: number; o: number; score: number }[] = [];
  fresh.forEach((persona, f) => {
    const mine = new Set(persona.participantIds);
    old.forEach((candidate, o) => {
      const theirs = new Set(candidate.participantIds);
      let shared = 0;
      for (const id of theirs) if (mine.has(id)) shared++;
      const union = mine.size + theirs.size - shared;
      const score = union === 0 ? 0 : shared / union;
      if (score >= minJaccard) pairs.push({ f, o, score });
    });
  });
  // Best overlap first; ties go to the earlier fresh persona (the larger one), then the earlier old.
  pairs.sort((a, b) => b.score - a.score || a.f - b.f || a.o - b.o);

  const result: (number | null)[] = fresh.map(() => null);
  const taken = new Set<number>();
  for (const { f, o } of pairs) {
    if (result[f] !== null || taken.has(o)) continue;
    result[f] = old[o]!.id;
    taken.add(o);
  }
  return result;
}
