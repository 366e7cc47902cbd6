// Persona groups -> draft persona cards. Every claim is a quote the researcher can open: a
// bullet is the most central quote of a group of near-duplicates, shortened, and its evidence
// is that group. The drafts are starting points; the researcher edits them.

import type { Bullet, BulletSection } from '../../../shared/domain';
import { countWords, shortenQuote } from './bulletText';
import type { Facet, FacetAssignment } from './facets';
import type { ThemeCluster } from './themes';
import { dot, meanDirection } from './vectors';

export interface DraftPersona {
  participantIds: number[];
  /** Placeholder such as "Persona A — invoices"; the researcher names the persona. */
  name: string;
  summary: string;
  definingQuoteId: number | null;
  goals: Bullet[];
  frustrations: Bullet[];
  behaviors: Bullet[];
  context: Bullet[];
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
}

export const DRAFT_RULES = {
  maxBullets: 5,
  /** Bullets kept even when backed by a single quote, so a section is not empty for want of echoes. */
  minBullets: 2,
  maxEvidence: 6,
  /** Quotes at least this similar (cosine) are one claim, evidence for one bullet. */
  sameClaim: 0.6,
  /** Only the most central quotes of a facet are grouped, which bounds the work at 50k quotes. */
  candidatePool: 400,
  maxDistinctiveThemes: 3,
  definingQuoteWords: { min: 8, max: 30 },
} as const;

const SECTION_OF: Record<Facet, BulletSection> = {
  goal: 'goals',
  frustration: 'frustrations',
  behavior: 'behaviors',
  context: 'context',
};

export function draftPersonas(input: DraftPersonasInput): DraftPersona[] {
  const themeOf = new Map<number, number>();
  input.themes.forEach((theme, index) => theme.quoteIds.forEach((id) => themeOf.set(id, index)));
  const names = new Map(input.participants.map((p) => [p.id, p.name]));
  const usedNameWords = new Set<string>();

  return input.groups.map((group, index) => {
    const members = new Set(group);
    const own = input.quotes.filter((quote) => members.has(quote.participantId));
    const others = input.quotes.filter((quote) => !members.has(quote.participantId));
    const themeIndexes = distinctiveThemes(own, others, themeOf, input.themes.length);

    const keyword = themeIndexes
      .flatMap((t) => input.themes[t]!.keywords)
      .find((word) => !usedNameWords.has(word));
    if (keyword) usedNameWords.add(keyword);
    const letter = String.fromCharCode(65 + (index % 26));

    const used = new Set<number>();
    const defining = definingQuote(own);
    if (defining) used.add(defining.id);

    const sections: Record<BulletSection, Bullet[]> = { goals: [], frustrations: [], behaviors: [], context: [] };
    for (const facet of Object.keys(SECTION_OF) as Facet[]) {
      const pool = own.filter((quote) => input.facets.get(quote.id)?.facet === facet && !used.has(quote.id));
      sections[SECTION_OF[facet]] = facetBullets(pool);
      for (const bullet of sections[SECTION_OF[facet]]) bullet.evidence.forEach((id) => used.add(id));
    }

    const people = [...group].map((id) => names.get(id) ?? `Participant ${id}`);
    return {
      participantIds: [...group],
      name: keyword ? `Persona ${letter} — ${keyword}` : `Persona ${letter}`,
      summary: summarise(people, own.length, themeIndexes.map((t) => input.themes[t]!.label), input.groups.length),
      definingQuoteId: defining?.id ?? null,
      ...sections,
      themeIndexes,
    };
  });
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

/** The quote nearest the group's centroid, preferring quotes of a quotable length (8-30 words). */
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
  return closest(quotable.length > 0 ? quotable : own, centroid);
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
 * Bullets for one facet of one persona. Quotes are visited from most to least central; each
 * unvisited quote starts a claim and takes every unvisited quote at least `sameClaim` similar
 * to it as evidence. Claims backed by several participants, then by more quotes, come first.
 */
function facetBullets(pool: readonly DraftQuote[]): Bullet[] {
  if (pool.length === 0) return [];
  const centroid = meanDirection(
    pool.map((quote) => quote.vector),
    pool[0]!.vector.length,
  );
  const ranked = pool
    .map((quote) => ({ quote, centrality: dot(quote.vector, centroid) }))
    .sort((a, b) => b.centrality - a.centrality || a.quote.id - b.quote.id)
    .slice(0, DRAFT_RULES.candidatePool)
    .map(({ quote }) => quote);

  const taken = new Set<number>();
  const claims: { seed: DraftQuote; members: DraftQuote[]; people: number; order: number }[] = [];
  for (const seed of ranked) {
    if (taken.has(seed.id)) continue;
    taken.add(seed.id);
    const echoes = ranked
      .filter((quote) => !taken.has(quote.id))
      .map((quote) => ({ quote, similarity: dot(quote.vector, seed.vector) }))
      .filter(({ similarity }) => similarity >= DRAFT_RULES.sameClaim)
      .sort((a, b) => b.similarity - a.similarity || a.quote.id - b.quote.id)
      .map(({ quote }) => quote);
    echoes.forEach((quote) => taken.add(quote.id));
    const members = diverseEvidence(seed, echoes);
    claims.push({ seed, members, people: new Set(members.map((q) => q.participantId)).size, order: claims.length });
  }

  claims.sort(
    (a, b) =>
      Number(b.people >= 2) - Number(a.people >= 2) || b.members.length - a.members.length || a.order - b.order,
  );
  return claims
    .filter((claim, rank) => rank < DRAFT_RULES.minBullets || claim.members.length >= 2)
    .slice(0, DRAFT_RULES.maxBullets)
    .map((claim) => ({ text: shortenQuote(claim.seed.text), evidence: claim.members.map((quote) => quote.id) }));
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
