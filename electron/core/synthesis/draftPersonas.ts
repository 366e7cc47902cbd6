// Persona groups -> draft persona cards. Every claim is backed by quotes the researcher can open:
// per persona and facet, quotes that say the same thing form a group, and its bullet is one
// sentence drafted from the group's clearest quotes (in the persona's voice where that is safe:
// "I always check the release notes first" -> "Always checks the release notes first."). A group
// with no sentence that stands alone, or too weak, gives no bullet: fewer bullets rather than
// fragments. The drafts are starting points; the researcher edits them.

import type { Bullet, CoreSection } from '../../../shared/domain';
import { isBackchannel, isLogistics, needsPrevious } from '../quotes/standalone';
import { countWords, draftBulletText } from './bulletText';
import { fragmentReasons } from './checks/fragment';
import { namePersonas } from './personaName';
import { isDraftable, type Facet, type FacetAssignment } from './facets';
import type { ThemeCluster } from './themes';
import { dot, meanDirection } from './vectors';

/** A drafted claim; `thin` when all its evidence comes from a single participant. */
export type DraftBullet = Bullet & { thin: boolean };

/** The card's four core sections (shared/domain CORE_SECTIONS) and the method's two further facets. */
export type DraftSection = CoreSection | 'mentalModels' | 'decisionFactors';

export interface DraftPersona {
  participantIds: number[];
  /** Per participant id: how well they fit this persona, 0..1 (cosine to its centroid when grouped). */
  fit: Record<number, number>;
  /** 2-4 words from what sets the group apart ("Release process maintainer"); the researcher renames it. */
  name: string;
  summary: string;
  definingQuoteId: number | null;
  goals: DraftBullet[];
  frustrations: DraftBullet[];
  behaviors: DraftBullet[];
  context: DraftBullet[];
  /** How these participants think the thing works; not on the card yet. */
  mentalModels: DraftBullet[];
  /** What makes them choose, stay or switch: the card's optional decision factors. */
  decisionFactors: DraftBullet[];
  /** Themes over-represented in this group compared with the others, most distinctive first. */
  themeIndexes: number[];
}

export interface DraftQuote {
  id: number;
  participantId: number;
  text: string;
  vector: Float32Array;
}

export interface DraftPersonasInput {
  groups: readonly (readonly number[])[];
  quotes: readonly DraftQuote[];
  themes: readonly ThemeCluster[];
  facets: ReadonlyMap<number, FacetAssignment>;
  participants: readonly { id: number; name: string }[];
  /** Participant fit from groupPersonas; participants missing from it fit 1. */
  fit?: ReadonlyMap<number, number>;
}

export const DRAFT_RULES = {
  maxBullets: 5,
  maxEvidence: 6,
  /** Quotes at least this similar (cosine, MiniLM) make one claim: evidence for one bullet. */
  sameClaim: 0.5,
  /** A claim is drafted when this many quotes back it (or quotes of two participants)... */
  minEvidence: 2,
  /**
   * ...or, said once, when its facet is this clear (facet confidence): a persona of one or two
   * people says few things twice, and a clear single statement is still a finding (marked thin).
   */
  singleQuoteConfidence: 0.5,
  /** Claims tried for wording per section before giving up: bounds the parsing at 50k quotes. */
  maxTries: 15,
  /** Only the most central quotes of a facet are grouped, which bounds the work at 50k quotes. */
  candidatePool: 400,
  maxDistinctiveThemes: 3,
  definingQuoteWords: { min: 8, max: 30 },
} as const;

const SECTION_OF: Record<Facet, DraftSection> = {
  goal: 'goals',
  frustration: 'frustrations',
  behavior: 'behaviors',
  context: 'context',
  mentalModel: 'mentalModels',
  decisionFactor: 'decisionFactors',
};

export function draftPersonas(input: DraftPersonasInput): DraftPersona[] {
  const themeOf = new Map<number, number>();
  input.themes.forEach((theme, index) => theme.quoteIds.forEach((id) => themeOf.set(id, index)));
  const names = new Map(input.participants.map((p) => [p.id, p.name]));

  const drafts = input.groups.map((group) => {
    const members = new Set(group);
    const own = input.quotes.filter((quote) => members.has(quote.participantId));
    const others = input.quotes.filter((quote) => !members.has(quote.participantId));
    const themeIndexes = distinctiveThemes(own, others, themeOf, input.themes.length);

    const used = new Set<number>();
    const defining = definingQuote(own);
    if (defining) used.add(defining.id);

    const sections: Record<DraftSection, DraftBullet[]> = {
      goals: [],
      frustrations: [],
      behaviors: [],
      context: [],
      mentalModels: [],
      decisionFactors: [],
    };
    for (const facet of Object.keys(SECTION_OF) as Facet[]) {
      const pool = own.filter((quote) => {
        const assigned = input.facets.get(quote.id);
        // A thin lead over the runner-up facet is too often the wrong section (a positive remark
        // among frustrations): such quotes stay out of drafted bullets (facets.ts isDraftable).
        return assigned?.facet === facet && isDraftable(assigned) && !used.has(quote.id);
      });
      sections[SECTION_OF[facet]] = facetBullets(pool, (id) => input.facets.get(id)?.confidence ?? 0);
      for (const bullet of sections[SECTION_OF[facet]]) bullet.evidence.forEach((id) => used.add(id));
    }

    const people = [...group].map((id) => names.get(id) ?? `Participant ${id}`);
    return {
      participantIds: [...group],
      fit: Object.fromEntries(group.map((id) => [id, input.fit?.get(id) ?? 1])),
      name: '',
      summary: summarise(people, own.length, themeIndexes.map((t) => input.themes[t]!.label), input.groups.length),
      definingQuoteId: defining?.id ?? null,
      ...sections,
      themeIndexes,
    };
  });

  const personaNames = namePersonas({
    themes: drafts.map((draft) => draft.themeIndexes.map((t) => input.themes[t]!)),
    quotesByParticipant: drafts.map((draft) => {
      const byParticipant = new Map<number, string[]>(draft.participantIds.map((id) => [id, []]));
      for (const quote of input.quotes) byParticipant.get(quote.participantId)?.push(quote.text);
      return byParticipant;
    }),
    participantNames: input.participants.map((p) => p.name),
  });
  drafts.forEach((draft, index) => (draft.name = personaNames[index]!));
  return drafts;
}

/** Themes whose share of this group's quotes exceeds their share of everyone else's. */
function distinctiveThemes(
  own: readonly DraftQuote[],
  others: readonly DraftQuote[],
  themeOf: ReadonlyMap<number, number>,
  themeCount: number,
): number[] {
  const inside = new Float64Array(themeCount);
  const outside = new Float64Array(themeCount);
  for (const quote of own) {
    const t = themeOf.get(quote.id);
    if (t !== undefined) inside[t]!++;
  }
  for (const quote of others) {
    const t = themeOf.get(quote.id);
    if (t !== undefined) outside[t]!++;
  }
  const minQuotes = Math.min(2, own.length);
  return Array.from({ length: themeCount }, (_, t) => ({
    t,
    lead: inside[t]! / Math.max(1, own.length) - outside[t]! / Math.max(1, others.length),
  }))
    .filter(({ t, lead }) => lead > 0 && inside[t]! >= minQuotes)
    .sort((a, b) => b.lead - a.lead || a.t - b.t)
    .slice(0, DRAFT_RULES.maxDistinctiveThemes)
    .map(({ t }) => t);
}

/**
 * The quote nearest the group's centroid among those a card can quote alone: 8-30 words, a
 * sentence (fragmentReasons, at that length), not backchannel or logistics, not leaning on the
 * sentence before it. Failing any, the nearest of a quotable length, then the nearest at all.
 */
function definingQuote(own: readonly DraftQuote[]): DraftQuote | null {
  if (own.length === 0) return null;
  const centroid = meanDirection(
    own.map((quote) => quote.vector),
    own[0]!.vector.length,
  );
  const { min, max } = DRAFT_RULES.definingQuoteWords;
  const quotable = own.filter((quote) => {
    const words = countWords(quote.text);
    return words >= min && words <= max;
  });
  // Closest first, so the (costlier) sentence test runs on few quotes.
  const ranked = [...quotable].sort((a, b) => dot(b.vector, centroid) - dot(a.vector, centroid) || a.id - b.id);
  const standing = ranked.find((quote) => standsAlone(quote.text));
  return standing ?? closest(quotable.length > 0 ? quotable : own, centroid);
}

function standsAlone(text: string): boolean {
  const { min, max } = DRAFT_RULES.definingQuoteWords;
  return (
    fragmentReasons(text, { minWords: min, maxWords: max }).length === 0 &&
    !isBackchannel(text) &&
    !isLogistics(text) &&
    !needsPrevious(text)
  );
}

function closest(quotes: readonly DraftQuote[], centroid: Float32Array): DraftQuote | null {
  let best: DraftQuote | null = null;
  let bestScore = -Infinity;
  for (const quote of quotes) {
    const score = dot(quote.vector, centroid);
    if (score > bestScore || (score === bestScore && best !== null && quote.id < best.id)) {
      best = quote;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Bullets for one facet of one persona. A quote's support is the number of other participants
 * of the persona who said something at least `sameClaim` similar. Quotes are visited by
 * support, then facet confidence, then centrality; each unvisited quote starts a claim and
 * takes every unvisited quote that similar as evidence. Claims backed by several participants,
 * then by more quotes, come first; a claim backed by one quote alone is drafted only when its
 * facet is clear (singleQuoteConfidence). A claim is
 * worded from its seed and first echoes (draftBulletText); one with no sentence that stands alone
 * gives no bullet.
 */
function facetBullets(pool: readonly DraftQuote[], confidenceOf: (id: number) => number): DraftBullet[] {
  if (pool.length === 0) return [];
  const centroid = meanDirection(
    pool.map((quote) => quote.vector),
    pool[0]!.vector.length,
  );
  const candidates = pool
    .map((quote) => ({ quote, centrality: dot(quote.vector, centroid), confidence: confidenceOf(quote.id), support: 0 }))
    .sort((a, b) => b.centrality - a.centrality || a.quote.id - b.quote.id)
    .slice(0, DRAFT_RULES.candidatePool);

  const m = candidates.length;
  const similar: boolean[][] = candidates.map(() => new Array<boolean>(m).fill(false));
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const same = dot(candidates[i]!.quote.vector, candidates[j]!.quote.vector) >= DRAFT_RULES.sameClaim;
      similar[i]![j] = same;
      similar[j]![i] = same;
    }
  }
  candidates.forEach((candidate, i) => {
    const others = new Set<number>();
    candidates.forEach((other, j) => {
      const person = other.quote.participantId;
      if (similar[i]![j] && person !== candidate.quote.participantId) others.add(person);
    });
    candidate.support = others.size;
  });
  const visit = candidates
    .map((candidate, index) => ({ ...candidate, index }))
    .sort(
      (a, b) =>
        b.support - a.support ||
        b.confidence - a.confidence ||
        b.centrality - a.centrality ||
        a.quote.id - b.quote.id,
    );

  const taken = new Set<number>();
  const claims: { members: DraftQuote[]; people: number; confidence: number; order: number }[] = [];
  for (const seed of visit) {
    if (taken.has(seed.index)) continue;
    taken.add(seed.index);
    const echoes = visit.filter((other) => !taken.has(other.index) && similar[seed.index]![other.index]);
    echoes.forEach((other) => taken.add(other.index));
    const members = diverseEvidence(
      seed.quote,
      echoes.map((other) => other.quote),
    );
    const people = new Set(members.map((q) => q.participantId)).size;
    claims.push({ members, people, confidence: seed.confidence, order: claims.length });
  }

  const strong = claims
    .filter(
      (claim) =>
        claim.people >= 2 ||
        claim.members.length >= DRAFT_RULES.minEvidence ||
        claim.confidence >= DRAFT_RULES.singleQuoteConfidence,
    )
    .sort((a, b) => b.people - a.people || b.members.length - a.members.length || a.order - b.order);
  const bullets: DraftBullet[] = [];
  const texts = new Set<string>();
  for (const claim of strong.slice(0, DRAFT_RULES.maxTries)) {
    if (bullets.length >= DRAFT_RULES.maxBullets) break;
    const text = draftBulletText(claim.members.map((quote) => quote.text));
    if (text === null || texts.has(text.toLowerCase())) continue;
    texts.add(text.toLowerCase());
    bullets.push({ text, evidence: claim.members.map((quote) => quote.id), thin: claim.people < 2 });
  }
  return bullets;
}

/** The seed, then one echo per further participant, then the closest remaining echoes. */
function diverseEvidence(seed: DraftQuote, echoes: readonly DraftQuote[]): DraftQuote[] {
  const seen = new Set([seed.participantId]);
  const first: DraftQuote[] = [];
  const rest: DraftQuote[] = [];
  for (const quote of echoes) {
    if (seen.has(quote.participantId)) {
      rest.push(quote);
    } else {
      seen.add(quote.participantId);
      first.push(quote);
    }
  }
  return [seed, ...first, ...rest].slice(0, DRAFT_RULES.maxEvidence);
}

function summarise(
  people: readonly string[],
  quoteCount: number,
  themeLabels: readonly string[],
  groupCount: number,
): string {
  const who = `${people.length} participant${people.length === 1 ? '' : 's'} (${people.join(', ')})`;
  const drafted = `Drafted from ${who} and ${quoteCount} quote${quoteCount === 1 ? '' : 's'}.`;
  if (themeLabels.length === 0) return drafted;
  const verb = groupCount > 1 ? 'Talks more than the others about' : 'Talks most about';
  return `${drafted} ${verb}: ${themeLabels.join('; ')}.`;
}
