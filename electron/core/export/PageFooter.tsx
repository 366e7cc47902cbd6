import type { Styles } from '@react-pdf/renderer';
import { clamp, COLORS, FOOTER_RIGHT_WIDTH, MARGIN, textStyle, TYPE } from './pdfTheme';
import type { ReactPdf } from './reactPdf';

const s = {
  // Absolute, so the footer takes no part in the page's flow and can never push content over.
  footer: {
    position: 'absolute',
    left: MARGIN.x,
    right: MARGIN.x,
    bottom: 30,
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderTopWidth: 0.75,
    borderTopColor: COLORS.rule,
    paddingTop: 8,
  },
  left: { ...textStyle(TYPE.footer), color: COLORS.muted, maxWidth: '64%' },
  right: { ...textStyle(TYPE.footer), color: COLORS.muted, maxWidth: FOOTER_RIGHT_WIDTH, textAlign: 'right' },
} satisfies Styles;

export function PageFooter({ rp, left, right }: { rp: ReactPdf; left: string; right: string }) {
  const { Text, View } = rp;
  return (
    <View style={s.footer} fixed>
      <Text style={[s.left, clamp(1)]}>{left}</Text>
      <Text style={[s.right, clamp(1)]}>{right}</Text>
    </View>
  );
}
