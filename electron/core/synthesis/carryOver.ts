// A new synthesis replaces the run, but not the researcher's work: what they curated is carried to
// the new run where it can be mapped, and what cannot be is named (never dropped silently).
//
// - Personas: each new persona continues the old one with the most participants in common
//   (matchPersonas, Jaccard >= 1/3). An old persona the researcher edited or marked that found no
//   heir that way then goes to the free new persona sharing most of its participants (any overlap):
//   its edits land on the people they were written about. With no participant in common, it is lost.
// - Themes: a theme the researcher renamed, merged, split or hid goes to the new theme holding the
//   largest share of its quotes (at least MIN_THEME_SHARE of them), one to one, best first: the new
//   theme takes its label (when curated) and its hidden flag. The outlier group is never a target.
import { matchPersonas } from './matchPersonas';

/** An old theme must find at least this share of its quotes in one new theme to be carried there. */
export const MIN_THEME_SHARE = 0.4;

export interface OldPersona {
  id: number;
  name: string;
  participantIds: readonly number[];
  /** Edited or marked by the researcher: worth carrying even on a weak overlap. */
  curated: boolean;
}

export interface PersonaCarry {
  /** For each fresh persona, the old persona id it continues, or null. */
  heirs: (number | null)[];
  /** Curated old personas with no heir: their edits are not in the new run. */
  lost: string[];
}

export function carryPersonas(old: readonly OldPersona[], fresh: readonly { participantIds: readonly number[] }[]): PersonaCarry {
  const heirs = matchPersonas(old, fresh);
  const taken = new Set(heirs.filter((h): h is number => h !== null));
  const lost: string[] = [];
  for (const persona of old) {
    if (taken.has(persona.id) || !persona.curated) continue;
    const mine = new Set(persona.participantIds);
    let best = -1;
    let bestShared = 0;
    fresh.forEach((f, i) => {
      if (heirs[i] !== null) return;
      const shared = f.participantIds.filter((p) => mine.has(p)).length;
      if (shared > bestShared) [best, bestShared] = [i, shared];
    });
    if (best < 0) lost.push(persona.name);
    else {
      heirs[best] = persona.id;
      taken.add(persona.id);
    }
  }
  return { heirs, lost };
}

export interface OldTheme {
  label: string;
  quoteIds: readonly number[];
  hidden: boolean;
  curated: boolean;
  outlier: boolean;
}

export interface ThemeCarry {
  /** For each fresh theme: the label and flags it takes over, or null when it keeps its own. */
  carried: ({ label: string; hidden: boolean; curated: boolean; from: string } | null)[];
  /** Labels of curated or hidden themes no new theme holds enough of. */
  lost: string[];
}

export function carryThemes(old: readonly OldTheme[], fresh: readonly { label: string; quoteIds: readonly number[]; outlier: boolean }[]): ThemeCarry {
  const themeOf = new Map<number, number>();
  fresh.forEach((t, i) => {
    if (!t.outlier) for (const q of t.quoteIds) themeOf.set(q, i);
  });
  const pairs: { o: number; f: number; share: number }[] = [];
  old.forEach((t, o) => {
    if (t.outlier || (!t.curated && !t.hidden) || t.quoteIds.length === 0) return;
    const counts = new Map<number, number>();
    for (const q of t.quoteIds) {
      const f = themeOf.get(q);
      if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    for (const [f, n] of counts) {
      const share = n / t.quoteIds.length;
      if (share >= MIN_THEME_SHARE) pairs.push({ o, f, share });
    }
  });
  pairs.sort((a, b) => b.share - a.share || a.o - b.o || a.f - b.f);
  const carried: ThemeCarry['carried'] = fresh.map(() => null);
  const done = new Set<number>();
  for (const { o, f } of pairs) {
    if (done.has(o) || carried[f] !== null) continue;
    const t = old[o]!;
    carried[f] = { label: t.curated ? t.label : fresh[f]!.label, hidden: t.hidden, curated: t.curated, from: t.label };
    done.add(o);
  }
  const lost = old.filter((t, o) => !t.outlier && (t.curated || t.hidden) && t.quoteIds.length > 0 && !done.has(o)).map((t) => t.label);
  return { carried, lost };
}
