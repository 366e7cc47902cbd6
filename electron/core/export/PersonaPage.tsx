// One persona on one A4 page, drawn from a plan whose line budgets already fit the page.
import type { Styles } from '@react-pdf/renderer';
import { evidenceNote } from './evidence';
import { PageFooter } from './PageFooter';
import type { BulletPlan, PersonaPlan, SectionPlan } from './pdfPlan';
import { CARD, clamp, COLORS, MARGIN, PAGE, textStyle, TYPE } from './pdfTheme';
import type { ReactPdf } from './reactPdf';

const s = {
  page: { paddingTop: MARGIN.top, paddingHorizontal: MARGIN.x, paddingBottom: MARGIN.bottom, backgroundColor: '#ffffff' },
  header: { flexDirection: 'row', marginBottom: CARD.headerBottom },
  avatar: { width: CARD.avatar, height: CARD.avatar, marginRight: CARD.headerGap },
  headerText: { flex: 1, justifyContent: 'center' },
  badge: {
    alignSelf: 'flex-start',
    height: CARD.badgeHeight,
    marginBottom: CARD.badgeGap,
    paddingHorizontal: 7,
    paddingTop: (CARD.badgeHeight - TYPE.overline.lineHeight) / 2,
    borderRadius: CARD.badgeHeight / 2,
  },
  badgeText: { ...textStyle(TYPE.overline), textTransform: 'uppercase', letterSpacing: 0.5 },
  name: { ...textStyle(TYPE.name), color: COLORS.ink, letterSpacing: -0.3 },
  byline: { ...textStyle(TYPE.byline), color: COLORS.muted, marginTop: CARD.bylineGap },
  people: { ...textStyle(TYPE.byline), color: COLORS.body, marginTop: CARD.peopleGap },
  quote: {
    backgroundColor: COLORS.panel,
    borderLeftWidth: 3,
    borderLeftColor: COLORS.accent,
    borderRadius: 4,
    paddingVertical: CARD.quotePadY,
    paddingLeft: CARD.quotePadLeft,
    paddingRight: CARD.quotePadRight,
    marginBottom: CARD.quoteBottom,
  },
  quoteText: { ...textStyle(TYPE.quote), color: COLORS.ink },
  attribution: { ...textStyle(TYPE.attribution), color: COLORS.muted, marginTop: CARD.attributionGap },
  summary: { ...textStyle(TYPE.summary), color: COLORS.body, marginBottom: CARD.summaryBottom },
  row: { flexDirection: 'row' },
  sectionGap: { marginTop: CARD.rowGap },
  column: { width: '50%' },
  columnLeft: { paddingRight: CARD.colGap / 2 },
  columnRight: { paddingLeft: CARD.colGap / 2 },
  heading: {
    flexDirection: 'row',
    alignItems: 'center',
    paddingBottom: CARD.headingPadBottom,
    borderBottomWidth: CARD.headingRule,
    borderBottomColor: COLORS.rule,
    marginBottom: CARD.headingBottom,
  },
  headingDot: { width: 6, height: 6, borderRadius: 3, marginRight: 6 },
  headingText: { ...textStyle(TYPE.heading), color: COLORS.ink, textTransform: 'uppercase', letterSpacing: 0.4 },
  bullet: { flexDirection: 'row', marginBottom: CARD.bulletGap },
  bulletDot: { width: CARD.dotColumn, paddingTop: 5 },
  dot: { width: 3.5, height: 3.5, borderRadius: 1.75, backgroundColor: COLORS.faint },
  bulletBody: { flex: 1 },
  bulletText: { ...textStyle(TYPE.bullet), color: COLORS.body },
  meta: { ...textStyle(TYPE.meta), color: COLORS.faint, marginTop: CARD.metaGap },
  metaThin: { color: COLORS.thin },
  more: { ...textStyle(TYPE.more), color: COLORS.muted },
  empty: { ...textStyle(TYPE.bullet), color: COLORS.faint },
} satisfies Styles;

function Bullet({ rp, bullet }: { rp: ReactPdf; bullet: BulletPlan }) {
  const { Text, View } = rp;
  const thin = bullet.quoteCount <= 1;
  return (
    <View style={s.bullet}>
      <View style={s.bulletDot}>
        <View style={s.dot} />
      </View>
      <View style={s.bulletBody}>
        <Text style={[s.bulletText, clamp(bullet.lines)]}>{bullet.text}</Text>
        <Text style={thin ? [s.meta, s.metaThin] : s.meta}>
          {evidenceNote(bullet.quoteCount, bullet.lostEvidence) + (bullet.edited ? ' · edited' : '')}
        </Text>
      </View>
    </View>
  );
}

function Section({ rp, section, first }: { rp: ReactPdf; section: SectionPlan; first: boolean }) {
  const { Text, View } = rp;
  return (
    <View style={first ? {} : s.sectionGap}>
      <View style={s.heading}>
        <View style={[s.headingDot, { backgroundColor: COLORS.sections[section.key] }]} />
        <Text style={s.headingText}>{section.title}</Text>
      </View>
      {section.bullets.length === 0 && section.hidden === 0 ? (
        <Text style={[s.empty, clamp(1)]}>Nothing recorded yet.</Text>
      ) : null}
      {section.bullets.map((b, i) => (
        <Bullet key={i} rp={rp} bullet={b} />
      ))}
      {section.hidden > 0 ? (
        <Text style={[s.more, clamp(1)]}>{`+ ${section.hidden} more in the Markdown and JSON export`}</Text>
      ) : null}
    </View>
  );
}

export function PersonaPage({ rp, plan, avatarPng }: { rp: ReactPdf; plan: PersonaPlan; avatarPng: Buffer }) {
  const { Image, Page, Text, View } = rp;
  return (
    <Page size={[PAGE.width, PAGE.height]} style={s.page}>
      <View style={s.header}>
        <Image style={s.avatar} src={{ data: avatarPng, format: 'png' }} />
        <View style={s.headerText}>
          {plan.mark ? (
            <View style={[s.badge, { backgroundColor: COLORS.marks[plan.mark.kind].bg }]}>
              <Text style={[s.badgeText, { color: COLORS.marks[plan.mark.kind].fg }]}>{plan.mark.label}</Text>
            </View>
          ) : null}
          <Text style={[s.name, clamp(plan.name.lines)]}>{plan.name.text}</Text>
          {plan.byline ? <Text style={[s.byline, clamp(plan.byline.lines)]}>{plan.byline.text}</Text> : null}
          {plan.people ? <Text style={[s.people, clamp(plan.people.lines)]}>{plan.people.text}</Text> : null}
        </View>
      </View>
      {plan.quote ? (
        <View style={s.quote}>
          <Text style={[s.quoteText, clamp(plan.quote.lines)]}>{plan.quote.text}</Text>
          <Text style={[s.attribution, clamp(1)]}>{plan.quote.attribution}</Text>
        </View>
      ) : null}
      {plan.summary ? <Text style={[s.summary, clamp(plan.summary.lines)]}>{plan.summary.text}</Text> : null}
      <View style={s.row}>
        {plan.columns.map((stack, c) => (
          <View key={c} style={[s.column, c === 0 ? s.columnLeft : s.columnRight]}>
            {stack.map((section, i) => (
              <Section key={section.key} rp={rp} section={section} first={i === 0} />
            ))}
          </View>
        ))}
      </View>
      <PageFooter rp={rp} left={plan.footer.left} right={plan.footer.right} />
    </Page>
  );
}
