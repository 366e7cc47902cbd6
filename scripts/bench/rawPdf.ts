// The floor for PDF export: react-pdf laying out the same words on plain pages, nothing else.
import { createElement as h } from 'react';
import { syntheticCards } from './export';

export async function benchRawPdf(n: number): Promise<{ perPersonaMs: number }> {
  const { Document, Page, Text, renderToBuffer } = await import('@react-pdf/renderer');
  const cards = syntheticCards(n);
  const doc = (c: (typeof cards)[number]) => {
    const p = c.persona;
    const lines = [p.name, p.summary, ...[p.goals, p.frustrations, p.behaviors, p.context].flat().map((b) => b.text)];
    return h(Page, { size: 'A4' }, ...lines.map((l, i) => h(Text, { key: i }, l)));
  };
  await renderToBuffer(h(Document, null, doc(cards[0]!)) as never);
  const t = performance.now();
  for (const c of cards) await renderToBuffer(h(Document, null, doc(c)) as never);
  await renderToBuffer(h(Document, null, ...cards.map(doc)) as never);
  return { perPersonaMs: (performance.now() - t) / n };
}
