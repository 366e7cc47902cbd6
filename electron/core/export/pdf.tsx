// Persona cards as PDF: one A4 page per persona, and a deck with a cover page in front.
import type { ReactElement } from 'react';
import { avatarPng } from './avatarPng';
import { CoverPage } from './CoverPage';
import { planCover } from './coverPlan';
import { registerPdfFonts } from './pdfFonts';
import { planPersona } from './pdfPlan';
import { PersonaPage } from './PersonaPage';
import { loadReactPdf, type ReactPdf } from './reactPdf';
import type { PersonaCardData } from './types';

const PRODUCER = 'Grounded';

function personaPage(rp: ReactPdf, card: PersonaCardData, key: number) {
  const plan = planPersona(card);
  return <PersonaPage key={key} rp={rp} plan={plan} avatarPng={avatarPng(plan.avatarSeed)} />;
}

/**
 * Pages in a PDF that pdfkit wrote: its page tree is a single uncompressed /Pages object.
 * Used to hold every export to its page count, not only in tests.
 */
export function countPdfPages(pdf: Buffer): number {
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('Not a PDF written by pdfkit: no page tree found');
  return Number(match[1]);
}

async function render(rp: ReactPdf, title: string, pages: ReactElement[], expectedPages: number): Promise<Buffer> {
  registerPdfFonts(rp);
  const { Document } = rp;
  const pdf = await rp.renderToBuffer(
    <Document title={title} author={PRODUCER} creator={PRODUCER} producer={PRODUCER} language="en">
      {pages}
    </Document>,
  );
  const rendered = countPdfPages(pdf);
  // The plan budgets every line so that this cannot happen; should it ever, fail loudly rather
  // than hand a researcher a card that runs onto a second page.
  if (rendered !== expectedPages) {
    throw new Error(`PDF layout overflow: expected ${expectedPages} pages, rendered ${rendered} ("${title}")`);
  }
  return pdf;
}

export async function renderPersonaPdf(card: PersonaCardData): Promise<Buffer> {
  const rp = await loadReactPdf();
  return render(rp, `${card.persona.name} · ${card.studyName}`, [personaPage(rp, card, 0)], 1);
}

export async function renderDeckPdf(cards: PersonaCardData[]): Promise<Buffer> {
  const rp = await loadReactPdf();
  const cover = planCover(cards);
  const pages = [
    <CoverPage key="cover" rp={rp} plan={cover} avatars={avatarPng} />,
    ...cards.map((card, i) => personaPage(rp, card, i + 1)),
  ];
  return render(rp, `Personas · ${cover.title.text}`, pages, cards.length + 1);
}
