// Sizes, colours and type of the printed card, in PDF points (1/72 in). The layout plan and the
// components read the same numbers, so what the plan budgets is what react-pdf sets.
import { FONT_FAMILY, type Face } from './pdfFonts';
import type { TextStyle } from './textFit';

export const PAGE = { width: 595.28, height: 841.89 } as const; // A4
export const MARGIN = { top: 40, x: 42, bottom: 66 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * MARGIN.x;
/** Points kept free at the bottom of every budget, against rounding in the layout engine. */
const SAFETY = 8;
export const CONTENT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom - SAFETY;

export const COLORS = {
  ink: '#0f172a',
  body: '#334155',
  muted: '#64748b',
  faint: '#94a3b8',
  rule: '#e2e8f0',
  panel: '#f5f7fb',
  accent: '#4f46e5',
  thin: '#b45309',
  marks: {
    primary: { bg: '#e0e7ff', fg: '#3730a3' },
    secondary: { bg: '#ccfbf1', fg: '#115e59' },
    anti: { bg: '#ffe4e6', fg: '#9f1239' },
  },
  sections: {
    goals: '#059669',
    frustrations: '#e11d48',
    behaviors: '#4f46e5',
    context: '#d97706',
    dayInLife: '#0891b2',
    decisionFactors: '#7c3aed',
    success: '#16a34a',
  },
} as const;

const face = (f: Face, fontSize: number, lineHeight: number): TextStyle => ({ face: f, fontSize, lineHeight });

export const TYPE = {
  overline: face('semibold', 7.5, 10),
  name: face('bold', 23, 27),
  byline: face('regular', 9, 12.5),
  quote: face('italic', 13.5, 19.5),
  attribution: face('medium', 9, 12),
  summary: face('regular', 10, 15),
  heading: face('semibold', 8, 10),
  bullet: face('regular', 9.5, 13),
  meta: face('medium', 7, 9),
  more: face('regular', 7.5, 10),
  footer: face('regular', 7.5, 10),
  coverTitle: face('bold', 30, 35),
  coverMeta: face('regular', 10.5, 15),
  coverName: face('semibold', 12, 15),
  coverSummary: face('regular', 9, 12.5),
} as const;

const FACE_STYLE: Record<Face, { fontWeight: number; fontStyle: 'normal' | 'italic' }> = {
  regular: { fontWeight: 400, fontStyle: 'normal' },
  italic: { fontWeight: 400, fontStyle: 'italic' },
  medium: { fontWeight: 500, fontStyle: 'normal' },
  semibold: { fontWeight: 600, fontStyle: 'normal' },
  bold: { fontWeight: 700, fontStyle: 'normal' },
};

// OpenType features fontkit applies by default, switched off but kerning and ligatures: on
// Inter they make shaping, react-pdf's largest cost, five times slower. What a card loses:
// contextual alternates ("->" arrows, hyphens raised between capitals) and features for
// combining marks and other scripts' joining (text is NFC-normalised first, see pdfText).
const FEATURES = { calt: false, ccmp: false, locl: false, mark: false, mkmk: false, rlig: false, rclt: false, curs: false, clig: false };

/** react-pdf style for a text style; a unitless lineHeight is a multiple of the font size. */
export function textStyle(t: TextStyle) {
  return {
    fontFamily: FONT_FAMILY,
    ...FACE_STYLE[t.face],
    fontSize: t.fontSize,
    lineHeight: t.lineHeight / t.fontSize,
    fontFeatureSettings: FEATURES,
  };
}

/** react-pdf style that cuts a text at `lines` lines and ends it with "…". */
export function clamp(lines: number) {
  return { maxLines: lines, textOverflow: 'ellipsis' as const };
}

export const CARD = {
  avatar: 88,
  headerGap: 18,
  badgeHeight: 15,
  badgeGap: 7,
  bylineGap: 6,
  headerBottom: 18,
  quotePadY: 14,
  quotePadLeft: 22,
  quotePadRight: 20,
  attributionGap: 8,
  quoteBottom: 16,
  summaryBottom: 18,
  colGap: 24,
  rowGap: 14,
  headingRule: 0.75,
  headingPadBottom: 5,
  headingBottom: 8,
  dotColumn: 11,
  metaGap: 2,
  bulletGap: 7,
  nameLinesMax: 2,
  bylineLinesMax: 2,
  peopleGap: 3,
  peopleLinesMax: 2,
  quoteLinesMax: 4,
  summaryLinesMax: 5,
  bulletLinesMin: 2,
} as const;

export const HEADER_TEXT_WIDTH = CONTENT_WIDTH - CARD.avatar - CARD.headerGap;
export const QUOTE_TEXT_WIDTH = CONTENT_WIDTH - CARD.quotePadLeft - CARD.quotePadRight;
export const COLUMN_WIDTH = (CONTENT_WIDTH - CARD.colGap) / 2;
export const BULLET_TEXT_WIDTH = COLUMN_WIDTH - CARD.dotColumn;
/** The footer's study name shares the line with the provenance text on its left. */
export const FOOTER_RIGHT_WIDTH = CONTENT_WIDTH * 0.34;
export const HEADING_HEIGHT = TYPE.heading.lineHeight + CARD.headingPadBottom + CARD.headingRule + CARD.headingBottom;

export const COVER = {
  avatar: 40,
  rowHeight: 58,
  compactAvatar: 22,
  compactRowHeight: 32,
  titleLinesMax: 3,
  overlineGap: 10,
  metaGap: 10,
  ruleGap: 22,
  avatarGap: 14,
  summaryLinesMax: 2,
  /** The research questions under the title: at most this many, each on at most two lines. */
  questionsMax: 5,
  questionLinesMax: 2,
  questionsGap: 14,
  questionGap: 3,
} as const;
