// One speaker under two labels in one file: "Assistant:" for the greeting, "AI:" for every question
// after it. Two labels are read as one speaker when their turns never meet (all of one label's turns
// come before the other's first, and neither ever answers the other) and they talk with the same
// people, and either both are unnumbered words for the same side ("Assistant" and "AI", "Host" and
// "Moderator") or the first is a brief opening (at most two turns) by someone who asks questions,
// as the later label does. Two numbered labels ("Speaker 1", "Speaker 2") are two people by
// construction, and two named people who speak in turn (a second interviewee) both speak at
// length, so neither is merged. Proposals only: the researcher sees them in the preview and can
// keep the labels apart (prepare.ts applies them as renames the researcher can override).
import { genericSide, genericWord, isNumbered } from './speakerKinds';
import { questionScore } from './interviewer';
import type { ParsedTurn } from './types';

/** The most turns a label can have and still be an opening said under another label. */
const OPENING_TURNS = 2;

interface Span {
  first: number;
  last: number;
  turns: number;
  /** Asks a real question somewhere: computed only for the few pairs that need it. */
  asks: () => boolean;
  neighbours: Set<string>;
}

export interface Alias {
  /** The label as written in the file. */
  label: string;
  /** The label it is read as: the one that speaks more. */
  into: string;
  /** Why, in words for the researcher. */
  reason: string;
}

/** Proposed aliases, each label at most once and never onto a label that is itself an alias. */
export function proposeAliases(turns: Pick<ParsedTurn, 'speaker' | 'text'>[]): Alias[] {
  const spans = new Map<string, Span>();
  turns.forEach((t, i) => {
    const s = spans.get(t.speaker) ?? { first: i, last: i, turns: 0, asks: () => turns.some((u) => u.speaker === t.speaker && questionScore(u.text) > 0), neighbours: new Set<string>() };
    s.last = i;
    s.turns++;
    const prev = turns[i - 1]?.speaker;
    const next = turns[i + 1]?.speaker;
    if (prev !== undefined && prev !== t.speaker) s.neighbours.add(prev);
    if (next !== undefined && next !== t.speaker) s.neighbours.add(next);
    spans.set(t.speaker, s);
  });
  if (spans.size < 3) return []; // two labels are the two sides of the conversation

  const out: Alias[] = [];
  const taken = new Set<string>();
  const labels = [...spans.keys()];
  for (const a of labels) {
    for (const b of labels) {
      if (a === b || taken.has(a) || taken.has(b)) continue;
      const reason = aliasReason(a, spans.get(a)!, b, spans.get(b)!);
      if (!reason) continue;
      // The label that speaks more names the speaker.
      const [label, into] = spans.get(a)!.turns > spans.get(b)!.turns ? [b, a] : [a, b];
      out.push({ label, into, reason });
      taken.add(label).add(into);
    }
  }
  return out;
}

/** Why `a` (all of whose turns come first) and `b` are one speaker, or null when they are not. */
function aliasReason(a: string, sa: Span, b: string, sb: Span): string | null {
  if (sa.last >= sb.first || sa.neighbours.has(b) || sb.neighbours.has(a)) return null;
  if (sa.neighbours.size === 0 || ![...sa.neighbours].every((n) => sb.neighbours.has(n))) return null;
  if (isNumbered(a) || isNumbered(b)) return null;
  const side = genericSide(a);
  if (side !== null && side === genericSide(b) && genericWord(a) !== genericWord(b)) {
    return `${a} and ${b} are both ${side} labels that never speak together`;
  }
  if (sa.turns <= OPENING_TURNS && sb.turns > OPENING_TURNS && sa.asks() && sb.asks() && side !== 'participant' && genericSide(b) !== 'participant') {
    return `${a} only opens the conversation, before ${b} takes over the questions`;
  }
  return null;
}

/** The turns with every alias read as the label it stands for. */
export function withAliases<T extends { speaker: string }>(turns: T[], aliases: readonly Alias[], keep: ReadonlySet<string> = new Set()): T[] {
  const into = new Map(aliases.filter((a) => !keep.has(a.label)).map((a) => [a.label, a.into]));
  if (into.size === 0) return turns;
  return turns.map((t) => (into.has(t.speaker) ? { ...t, speaker: into.get(t.speaker)! } : t));
}
