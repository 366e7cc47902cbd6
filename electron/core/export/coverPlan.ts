// What the deck's cover shows: the study, and as many personas as the page holds.
import { personaAvatarSeed } from '../../../shared/avatar';
import type { PersonaMark } from '../../../shared/domain';
import { deckStudy, formatResearchDate, MARK_LABELS, plural } from './evidence';
import { footerText } from './pdfPlan';
import { CONTENT_HEIGHT, CONTENT_WIDTH, COVER, HEADING_HEIGHT, TYPE } from './pdfTheme';
import { budgetLines, pdfText } from './textFit';
import type { PersonaCardData } from './types';

export interface CoverRow {
  avatarSeed: string;
  name: string;
  mark: { kind: Exclude<PersonaMark, null>; label: string } | null;
  summary: string;
  summaryLines: number;
  /** Page of the deck the persona is printed on. */
  page: number;
}

export interface CoverPlan {
  title: string;
  titleLines: number;
  meta: string;
  rows: CoverRow[];
  hidden: number;
  footer: { left: string; right: string };
}

export const COVER_TEXT_WIDTH = CONTENT_WIDTH - COVER.avatar - COVER.avatarGap - 40;

export function planCover(cards: PersonaCardData[]): CoverPlan {
  const study = deckStudy(cards);
  const title = pdfText(study.studyName) || 'Untitled study';
  const titleLines = budgetLines(title, TYPE.coverTitle, CONTENT_WIDTH, COVER.titleLinesMax);
  const meta = [
    `Research date ${formatResearchDate(study.researchDate)}`,
    plural(study.participantCount, 'participant'),
    plural(cards.length, 'persona'),
  ].join(' · ');

  const top =
    TYPE.overline.lineHeight +
    COVER.overlineGap +
    titleLines * TYPE.coverTitle.lineHeight +
    COVER.metaGap +
    TYPE.coverMeta.lineHeight +
    COVER.ruleGap +
    HEADING_HEIGHT;
  const fit = Math.floor((CONTENT_HEIGHT - top) / COVER.rowHeight);
  // When some must be left out, one row's room goes to saying so.
  const shown = cards.length <= fit ? cards.length : Math.max(0, fit - 1);

  const rows = cards.slice(0, shown).map((card, i): CoverRow => {
    const { persona } = card;
    const summary = pdfText(persona.summary);
    return {
      avatarSeed: personaAvatarSeed(persona),
      name: pdfText(persona.name),
      mark: persona.mark ? { kind: persona.mark, label: MARK_LABELS[persona.mark] } : null,
      summary,
      summaryLines: budgetLines(summary, TYPE.coverSummary, COVER_TEXT_WIDTH, COVER.summaryLinesMax),
      page: i + 2,
    };
  });
  return { title, titleLines, meta, rows, hidden: cards.length - shown, footer: footerText(study) };
}
