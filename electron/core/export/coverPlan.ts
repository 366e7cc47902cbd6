// What the deck's cover shows: the study, and as many personas as the page holds.
import { personaAvatarSeed } from '../../../shared/avatar';
import type { PersonaMark } from '../../../shared/domain';
import { deckStudy, formatResearchDate, MARK_LABELS, plural } from './evidence';
import { footerText } from './pdfPlan';
import { CONTENT_HEIGHT, CONTENT_WIDTH, COVER, HEADING_HEIGHT, TYPE } from './pdfTheme';
import { fitText, pdfText, type Fitted } from './textFit';
import type { PersonaCardData } from './types';

export interface CoverRow {
  avatarSeed: string;
  name: string;
  mark: { kind: Exclude<PersonaMark, null>; label: string } | null;
  summary: Fitted | null;
  /** Page of the deck the persona is printed on. */
  page: number;
}

export interface CoverPlan {
  title: Fitted;
  meta: string;
  /** What the research set out to learn, as fitted; `questionsHidden` more were left out. */
  questions: Fitted[];
  questionsHidden: number;
  rows: CoverRow[];
  /** Rows without summaries, when there are more personas than full rows fit. */
  compact: boolean;
  hidden: number;
  footer: { left: string; right: string };
}

export const COVER_TEXT_WIDTH = CONTENT_WIDTH - COVER.avatar - COVER.avatarGap - 40;
/** Room left for the name beside the widest mark label. */
export const COVER_NAME_WIDTH = COVER_TEXT_WIDTH - 110;

export function planCover(cards: PersonaCardData[]): CoverPlan {
  const study = deckStudy(cards);
  const title = fitText(pdfText(study.studyName) || 'Untitled study', TYPE.coverTitle, CONTENT_WIDTH, COVER.titleLinesMax);
  const meta = [
    `Research date ${formatResearchDate(study.researchDate)}`,
    plural(study.participantCount, 'participant'),
    plural(cards.length, 'persona'),
  ].join(' · ');

  const asked = study.questions.map(pdfText).filter(Boolean);
  const questions = asked
    .slice(0, COVER.questionsMax)
    .map((q) => fitText(`• ${q}`, TYPE.coverSummary, CONTENT_WIDTH, COVER.questionLinesMax));
  const questionsHidden = asked.length - questions.length;
  const questionsHeight = questions.length
    ? COVER.questionsGap +
      TYPE.more.lineHeight +
      questions.reduce((h, q) => h + COVER.questionGap + q.lines * TYPE.coverSummary.lineHeight, 0) +
      (questionsHidden ? COVER.questionGap + TYPE.more.lineHeight : 0)
    : 0;

  const top =
    TYPE.overline.lineHeight +
    COVER.overlineGap +
    title.lines * TYPE.coverTitle.lineHeight +
    COVER.metaGap +
    TYPE.coverMeta.lineHeight +
    questionsHeight +
    COVER.ruleGap +
    HEADING_HEIGHT;
  const room = CONTENT_HEIGHT - top;
  const compact = cards.length > Math.floor(room / COVER.rowHeight);
  const fit = Math.floor(room / (compact ? COVER.compactRowHeight : COVER.rowHeight));
  // When some must be left out, one row's room goes to saying so.
  const shown = cards.length <= fit ? cards.length : Math.max(0, fit - 1);

  const rows = cards.slice(0, shown).map((card, i): CoverRow => {
    const { persona } = card;
    return {
      avatarSeed: personaAvatarSeed(persona),
      name: fitText(persona.name, TYPE.coverName, COVER_NAME_WIDTH, 1).text,
      mark: persona.mark ? { kind: persona.mark, label: MARK_LABELS[persona.mark] } : null,
      summary: !compact && pdfText(persona.summary) ? fitText(persona.summary, TYPE.coverSummary, COVER_TEXT_WIDTH, COVER.summaryLinesMax) : null,
      page: i + 2,
    };
  });
  return { title, meta, questions, questionsHidden, rows, compact, hidden: cards.length - shown, footer: footerText(study) };
}
