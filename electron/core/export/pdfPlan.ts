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
  quote: (Fitted & { attribution: string }) | null;
  summary: Fitted | null;
  /** Goals | Frustrations, then Behaviours | Context, then the optional sections that hold something, two by two. */
  rows: [SectionPlan, SectionPlan | null][];
  footer: { left: string; right: string };
}

const BULLET_COST = {
  perItem: TYPE.meta.lineHeight + CARD.metaGap + CARD.bulletGap,
  lineHeight: TYPE.bullet.lineHeight,
  moreNote: TYPE.more.lineHeight,
  minLines: CARD.bulletLinesMin,
};

function bulletCost(section: ResolvedSection): ItemCost {
  const lines = section.bullets.map((b) => estimateLines(b.text, TYPE.bullet, BULLET_TEXT_WIDTH));
  return { ...BULLET_COST, lines };
}

/** Points a section asks for to show all its bullets whole (an empty one shows a one-line note). */
function sectionDemand(section: ResolvedSection): number {
  const cost = bulletCost(section);
  return HEADING_HEIGHT + (cost.lines.length === 0 ? TYPE.bullet.lineHeight : listDemand(cost));
}

function planSection(section: ResolvedSection, height: number): SectionPlan {
  const cost = bulletCost(section);
  const alloc = allocateLines(cost, height - HEADING_HEIGHT);
  const bullets = alloc.map((lines, i) => {
    const bullet = section.bullets[i]!;
    return { ...fitText(bullet.text, TYPE.bullet, BULLET_TEXT_WIDTH, lines), quoteCount: bullet.evidence.length, lostEvidence: bullet.lostEvidence };
  });
  return { key: section.key, title: section.title, bullets, hidden: section.bullets.length - bullets.length };
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

  const headerText =
    (mark ? CARD.badgeHeight + CARD.badgeGap : 0) +
    name.lines * TYPE.name.lineHeight +
    (byline ? CARD.bylineGap + byline.lines * TYPE.byline.lineHeight : 0);
  const header = Math.max(CARD.avatar, headerText) + CARD.headerBottom;
  const quoteHeight = quote
    ? 2 * CARD.quotePadY + quote.lines * TYPE.quote.lineHeight + CARD.attributionGap + TYPE.attribution.lineHeight + CARD.quoteBottom
    : 0;
  const summaryHeight = summary ? summary.lines * TYPE.summary.lineHeight + CARD.summaryBottom : 0;
  const grid = CONTENT_HEIGHT - header - quoteHeight - summaryHeight - CARD.rowGap;

  const [goals, frustrations, behaviors, context, ...optional] = resolveSections(card) as [
    ResolvedSection,
    ResolvedSection,
    ResolvedSection,
    ResolvedSection,
    ...ResolvedSection[],
  ];
  const pairs: [ResolvedSection, ResolvedSection | null][] = [
    [goals, frustrations],
    [behaviors, context],
  ];
  for (let i = 0; i < optional.length; i += 2) pairs.push([optional[i]!, optional[i + 1] ?? null]);
  const heights = splitHeights(
    grid - (pairs.length - 2) * CARD.rowGap,
    pairs.map(([left, right]) => Math.max(sectionDemand(left), right ? sectionDemand(right) : 0)),
  );
  return {
    avatarSeed: personaAvatarSeed(persona),
    mark,
    name,
    byline,
    quote,
    summary,
    rows: pairs.map(([left, right], i) => [planSection(left, heights[i]!), right ? planSection(right, heights[i]!) : null]),
    footer: footerText(card),
  };
}
