// Decides, before anything is drawn, what each printed card shows and how many lines each text
// may take, so that the card always fits one A4 page. Pure: card data in, plan out.
import type { BulletSection, PersonaMark } from '../../../shared/domain';
import { personaAvatarSeed } from '../../../shared/avatar';
import {
  definingQuote,
  formatResearchDate,
  MARK_LABELS,
  plural,
  resolveSections,
  type ResolvedSection,
} from './evidence';
import {
  BULLET_TEXT_WIDTH,
  CARD,
  CONTENT_HEIGHT,
  CONTENT_WIDTH,
  FOOTER_RIGHT_WIDTH,
  HEADER_TEXT_WIDTH,
  HEADING_HEIGHT,
  QUOTE_TEXT_WIDTH,
  TYPE,
} from './pdfTheme';
import { allocateLines, estimateLines, fitText, listDemand, pdfText, splitHeights, type Fitted, type ItemCost } from './textFit';
import type { PersonaCardData } from './types';

export interface BulletPlan extends Fitted {
  quoteCount: number;
  /** Written or reworded by the researcher: shown first, and said in the bullet's note. */
  edited: boolean;
  /** Cited quotes deleted with their transcript (see evidenceNote). */
  lostEvidence: number;
}

export interface SectionPlan {
  key: BulletSection;
  title: string;
  bullets: BulletPlan[];
  /** Bullets left out for want of room; the Markdown and JSON exports carry all of them. */
  hidden: number;
}

export interface PersonaPlan {
  avatarSeed: string;
  mark: { kind: Exclude<PersonaMark, null>; label: string } | null;
  name: Fitted;
  byline: Fitted | null;
  /** The participants' segments and roles as the researcher recorded them, counted. */
  people: Fitted | null;
  quote: (Fitted & { attribution: string }) | null;
  summary: Fitted | null;
  /**
   * Two columns, each a stack of sections filling the page's height: Goals and Behaviours on the
   * left, Frustrations and Context on the right, each optional section that holds something under
   * the shorter column. Stacking by column rather than by row leaves no half-row blank beside a
   * lone section, and lets a short section hand its room to the one below it.
   */
  columns: [SectionPlan[], SectionPlan[]];
  footer: { left: string; right: string };
}

const BULLET_COST = {
  perItem: TYPE.meta.lineHeight + CARD.metaGap + CARD.bulletGap,
  lineHeight: TYPE.bullet.lineHeight,
  moreNote: TYPE.more.lineHeight,
  minLines: CARD.bulletLinesMin,
};

interface OrderedSection extends ResolvedSection {
  edited: boolean[];
}

/** The researcher's own bullets first (in their order), then the drafted ones: a cut falls on a draft. */
function editedFirst(card: PersonaCardData, section: ResolvedSection): OrderedSection {
  const stored = card.persona[section.key];
  const order = section.bullets.map((_, i) => i);
  const edited = (i: number) => stored[i]?.edited === true;
  order.sort((a, b) => Number(edited(b)) - Number(edited(a)) || a - b);
  return { ...section, bullets: order.map((i) => section.bullets[i]!), edited: order.map(edited) };
}

function bulletCost(section: ResolvedSection): ItemCost {
  const lines = section.bullets.map((b) => estimateLines(b.text, TYPE.bullet, BULLET_TEXT_WIDTH));
  return { ...BULLET_COST, lines };
}

/** Points a section asks for to show all its bullets whole (an empty one shows a one-line note). */
function sectionDemand(section: ResolvedSection): number {
  const cost = bulletCost(section);
  return HEADING_HEIGHT + (cost.lines.length === 0 ? TYPE.bullet.lineHeight : listDemand(cost));
}

function planSection(section: OrderedSection, height: number): SectionPlan {
  const cost = bulletCost(section);
  const alloc = allocateLines(cost, height - HEADING_HEIGHT);
  const bullets = alloc.map((lines, i) => {
    const bullet = section.bullets[i]!;
    return {
      ...fitText(bullet.text, TYPE.bullet, BULLET_TEXT_WIDTH, lines),
      quoteCount: bullet.evidence.length,
      edited: section.edited[i]!,
      lostEvidence: bullet.lostEvidence,
    };
  });
  return { key: section.key, title: section.title, bullets, hidden: section.bullets.length - bullets.length };
}

/** Points a planned section takes on the page (what sectionDemand asks, for what is shown). */
function sectionHeight(plan: SectionPlan): number {
  if (plan.bullets.length === 0 && plan.hidden === 0) return HEADING_HEIGHT + TYPE.bullet.lineHeight;
  const bullets = plan.bullets.reduce((sum, b) => sum + b.lines * BULLET_COST.lineHeight + BULLET_COST.perItem, 0);
  return HEADING_HEIGHT + bullets + (plan.hidden > 0 ? BULLET_COST.moreNote : 0);
}

/** The card sets its own curly quotes; quotes stored with marks around them would double up. */
function stripQuoteMarks(text: string): string {
  return pdfText(text).replace(/^["'“”‘’„«»]+|["'“”‘’„«»]+$/g, '');
}

export function footerText(card: Pick<PersonaCardData, 'participantCount' | 'researchDate' | 'studyName'>) {
  const left = `Based on ${plural(card.participantCount, 'participant')} · research date ${formatResearchDate(card.researchDate)} · Grounded`;
  return { left, right: fitText(card.studyName, TYPE.footer, FOOTER_RIGHT_WIDTH, 1).text };
}

export function planPersona(card: PersonaCardData): PersonaPlan {
  const { persona } = card;
  const mark = persona.mark ? { kind: persona.mark, label: MARK_LABELS[persona.mark] } : null;
  const name = fitText(persona.name, TYPE.name, HEADER_TEXT_WIDTH, CARD.nameLinesMax);
  const voices = persona.participants.map((p) => p.name).join(', ');
  const byline = voices ? fitText(`Drawn from interviews with ${voices}`, TYPE.byline, HEADER_TEXT_WIDTH, CARD.bylineLinesMax) : null;

  const defining = definingQuote(card);
  const quote = defining
    ? {
        ...fitText(`“${stripQuoteMarks(defining.text)}”`, TYPE.quote, QUOTE_TEXT_WIDTH, CARD.quoteLinesMax, '…”'),
        attribution: `— ${pdfText(defining.participant)}`,
      }
    : null;
  const summary = pdfText(persona.summary) ? fitText(persona.summary, TYPE.summary, CONTENT_WIDTH, CARD.summaryLinesMax) : null;

  const who = peopleText(card);
  const people = who ? fitText(who, TYPE.byline, HEADER_TEXT_WIDTH, CARD.peopleLinesMax) : null;

  const headerText =
    (mark ? CARD.badgeHeight + CARD.badgeGap : 0) +
    name.lines * TYPE.name.lineHeight +
    (byline ? CARD.bylineGap + byline.lines * TYPE.byline.lineHeight : 0) +
    (people ? CARD.peopleGap + people.lines * TYPE.byline.lineHeight : 0);
  const header = Math.max(CARD.avatar, headerText) + CARD.headerBottom;
  const quoteHeight = quote
    ? 2 * CARD.quotePadY + quote.lines * TYPE.quote.lineHeight + CARD.attributionGap + TYPE.attribution.lineHeight + CARD.quoteBottom
    : 0;
  const summaryHeight = summary ? summary.lines * TYPE.summary.lineHeight + CARD.summaryBottom : 0;
  const grid = CONTENT_HEIGHT - header - quoteHeight - summaryHeight;

  const [goals, frustrations, behaviors, context, ...optional] = resolveSections(card).map((s) => editedFirst(card, s)) as [
    OrderedSection,
    OrderedSection,
    OrderedSection,
    OrderedSection,
    ...OrderedSection[],
  ];
  const stacks: [OrderedSection[], OrderedSection[]] = [
    [goals, behaviors],
    [frustrations, context],
  ];
  const demand = (stack: OrderedSection[]) => stack.reduce((sum, s) => sum + sectionDemand(s), 0);
  for (const section of optional) (demand(stacks[1]) < demand(stacks[0]) ? stacks[1] : stacks[0]).push(section);
  // Top to bottom, each section takes its share of what is left, and the points its whole
  // bullets did not use go on to the sections below it: only the last one can end short.
  const planStack = (stack: OrderedSection[]) => {
    let left = grid;
    return stack.map((section, i) => {
      const rest = stack.slice(i);
      const height = splitHeights(left - (rest.length - 1) * CARD.rowGap, rest.map(sectionDemand))[0]!;
      const plan = planSection(section, height);
      left -= sectionHeight(plan) + CARD.rowGap;
      return plan;
    });
  };
  return {
    avatarSeed: personaAvatarSeed(persona),
    mark,
    name,
    byline,
    people,
    quote,
    summary,
    columns: [planStack(stacks[0]), planStack(stacks[1])],
    footer: footerText(card),
  };
}

/** "Segments: Enterprise (2), Hobbyist · Roles: Maintainer (2), Contributor", from the participants' records; null when none is recorded. */
export function peopleText(card: Pick<PersonaCardData, 'persona' | 'profiles'>): string | null {
  const counted = (field: 'segment' | 'role') => {
    const counts = new Map<string, number>();
    for (const p of card.persona.participants) {
      const value = card.profiles?.get(p.id)?.[field]?.trim();
      if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [...counts]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([value, n]) => (n > 1 ? `${value} (${n})` : value))
      .join(', ');
  };
  const parts = [
    ['Segments', counted('segment')],
    ['Roles', counted('role')],
  ].flatMap(([label, list]) => (list ? [`${label}: ${list}`] : []));
  return parts.length ? parts.join(' · ') : null;
}
