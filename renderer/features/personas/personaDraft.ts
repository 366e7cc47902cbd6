import { BULLET_SECTIONS, mapSections, type Bullet, type BulletSection, type Persona, type PersonaMark } from '../../../shared/domain';

export type PersonaDraft = {
  name: string;
  summary: string;
  mark: PersonaMark;
  definingQuoteId: number | null;
} & Record<BulletSection, Bullet[]>;

export function toDraft(p: Persona): PersonaDraft {
  return {
    name: p.name,
    summary: p.summary,
    mark: p.mark,
    definingQuoteId: p.definingQuote?.id ?? null,
    ...mapSections((s) => p[s].map((b) => ({ ...b }))),
  };
}

/** Every quote id cited anywhere in the draft, in first-cited order. */
export function citedQuoteIds(draft: PersonaDraft): number[] {
  const ids = new Set<number>();
  for (const section of BULLET_SECTIONS) for (const b of draft[section]) b.evidence.forEach((id) => ids.add(id));
  return [...ids];
}

/** The draft as it will be saved: trimmed text, no empty bullets. */
export function toPatch(draft: PersonaDraft): PersonaDraft {
  const clean = (bullets: Bullet[]) =>
    bullets
      // The lost-evidence mark stays with its bullet: saving another field must not clear it.
      .map((b) => ({ text: b.text.trim(), evidence: b.evidence, ...(b.lostEvidence ? { lostEvidence: b.lostEvidence } : {}) }))
      .filter((b) => b.text.length > 0);
  const sections = mapSections((s) => clean(draft[s]));
  return { ...draft, name: draft.name.trim(), summary: draft.summary.trim(), ...sections };
}

export function move<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
