// The deck's first page: which study, when, how many people, and the personas inside.
import type { Styles } from '@react-pdf/renderer';
import { COVER_NAME_WIDTH, COVER_TEXT_WIDTH, type CoverPlan, type CoverRow } from './coverPlan';
import { PageFooter } from './PageFooter';
import { CARD, clamp, COLORS, COVER, MARGIN, PAGE, textStyle, TYPE } from './pdfTheme';
import type { ReactPdf } from './reactPdf';

const s = {
  page: { paddingTop: MARGIN.top, paddingHorizontal: MARGIN.x, paddingBottom: MARGIN.bottom, backgroundColor: '#ffffff' },
  overline: { ...textStyle(TYPE.overline), color: COLORS.accent, textTransform: 'uppercase', letterSpacing: 0.5 },
  title: { ...textStyle(TYPE.coverTitle), color: COLORS.ink, marginTop: COVER.overlineGap, letterSpacing: -0.5 },
  meta: { ...textStyle(TYPE.coverMeta), color: COLORS.muted, marginTop: COVER.metaGap },
  rule: { height: 2, width: 48, backgroundColor: COLORS.accent, marginTop: COVER.ruleGap - 10, marginBottom: 8 },
  heading: {
    paddingBottom: CARD.headingPadBottom,
    borderBottomWidth: CARD.headingRule,
    borderBottomColor: COLORS.rule,
    marginBottom: CARD.headingBottom,
  },
  headingText: { ...textStyle(TYPE.heading), color: COLORS.ink, textTransform: 'uppercase', letterSpacing: 0.4 },
  row: {
    height: COVER.rowHeight,
    flexDirection: 'row',
    alignItems: 'flex-start',
    paddingTop: 8,
    borderBottomWidth: 0.5,
    borderBottomColor: COLORS.rule,
  },
  rowCompact: { height: COVER.compactRowHeight, paddingTop: 5 },
  avatar: { width: COVER.avatar, height: COVER.avatar, marginRight: COVER.avatarGap },
  avatarCompact: { width: COVER.compactAvatar, height: COVER.compactAvatar, marginRight: COVER.avatarGap },
  rowText: { width: COVER_TEXT_WIDTH },
  nameLine: { flexDirection: 'row', alignItems: 'center' },
  name: { ...textStyle(TYPE.coverName), color: COLORS.ink, maxWidth: COVER_NAME_WIDTH },
  mark: { ...textStyle(TYPE.meta), marginLeft: 8, textTransform: 'uppercase', letterSpacing: 0.4 },
  summary: { ...textStyle(TYPE.coverSummary), color: COLORS.body, marginTop: 3 },
  pageNo: { ...textStyle(TYPE.more), color: COLORS.faint, marginLeft: 'auto', paddingTop: 2 },
  more: { ...textStyle(TYPE.more), color: COLORS.muted, marginTop: 10 },
  questionsLabel: { ...textStyle(TYPE.more), color: COLORS.muted, marginTop: COVER.questionsGap },
  question: { ...textStyle(TYPE.coverSummary), color: COLORS.body, marginTop: COVER.questionGap },
  questionsMore: { ...textStyle(TYPE.more), color: COLORS.muted, marginTop: COVER.questionGap },
} satisfies Styles;

function Row({ rp, row, compact, avatarPng }: { rp: ReactPdf; row: CoverRow; compact: boolean; avatarPng: Buffer }) {
  const { Image, Text, View } = rp;
  return (
    <View style={compact ? [s.row, s.rowCompact] : s.row} wrap={false}>
      <Image style={compact ? [s.avatar, s.avatarCompact] : s.avatar} src={{ data: avatarPng, format: 'png' }} />
      <View style={s.rowText}>
        <View style={s.nameLine}>
          <Text style={[s.name, clamp(1)]}>{row.name}</Text>
          {row.mark ? <Text style={[s.mark, { color: COLORS.marks[row.mark.kind].fg }]}>{row.mark.label}</Text> : null}
        </View>
        {row.summary ? <Text style={[s.summary, clamp(row.summary.lines)]}>{row.summary.text}</Text> : null}
      </View>
      <Text style={s.pageNo}>{`p. ${row.page}`}</Text>
    </View>
  );
}

export function CoverPage({ rp, plan, avatars }: { rp: ReactPdf; plan: CoverPlan; avatars: (seed: string) => Buffer }) {
  const { Page, Text, View } = rp;
  return (
    <Page size={[PAGE.width, PAGE.height]} style={s.page}>
      <Text style={s.overline}>Persona deck</Text>
      <Text style={[s.title, clamp(plan.title.lines)]}>{plan.title.text}</Text>
      <Text style={[s.meta, clamp(1)]}>{plan.meta}</Text>
      {plan.questions.length > 0 ? <Text style={[s.questionsLabel, clamp(1)]}>What the research set out to learn</Text> : null}
      {plan.questions.map((q, i) => (
        <Text key={i} style={[s.question, clamp(q.lines)]}>
          {q.text}
        </Text>
      ))}
      {plan.questionsHidden > 0 ? <Text style={[s.questionsMore, clamp(1)]}>{`+ ${plan.questionsHidden} more in the Markdown and JSON export`}</Text> : null}
      <View style={s.rule} />
      <View style={s.heading}>
        <Text style={s.headingText}>Personas</Text>
      </View>
      {plan.rows.map((row) => (
        <Row key={row.page} rp={rp} row={row} compact={plan.compact} avatarPng={avatars(row.avatarSeed)} />
      ))}
      {plan.hidden > 0 ? <Text style={[s.more, clamp(1)]}>{`+ ${plan.hidden} more personas, one per page after these`}</Text> : null}
      <PageFooter rp={rp} left={plan.footer.left} right={plan.footer.right} />
    </Page>
  );
}
