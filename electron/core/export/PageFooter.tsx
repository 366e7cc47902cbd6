import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { clamp, COLORS, MARGIN, textStyle, TYPE } from './pdfTheme';

const s = StyleSheet.create({
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
  right: { ...textStyle(TYPE.footer), color: COLORS.muted, maxWidth: '34%', textAlign: 'right' },
});

export function PageFooter({ left, right }: { left: string; right: string }) {
  return (
    <View style={s.footer} fixed>
      <Text style={[s.left, clamp(1)]}>{left}</Text>
      <Text style={[s.right, clamp(1)]}>{right}</Text>
    </View>
  );
}
