// Persona cards as PDF: one A4 page per persona, and a deck with a cover page in front.
import { Document, renderToBuffer } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { avatarPng } from './avatarPng';
import { CoverPage } from './CoverPage';
import { planCover } from './coverPlan';
import { registerPdfFonts } from './pdfFonts';
import { planPersona } from './pdfPlan';
import { PersonaPage } from './PersonaPage';
import type { PersonaCardData } from './types';

const PRODUCER = 'Grounded';

function personaPage(card: PersonaCardData, index: number) {
  const plan = planPersona(card);
  return <PersonaPage key={index} plan={plan} avatarPng={avatarPng(plan.avatarSeed)} />;
}

/**
 * Pages in a PDF that pdfkit wrote: its page tree is a single uncompressed /Pages object.
 * Used to assert the one-page-per-persona promise on every export, not only in tests.
 */
export function countPdfPages(pdf: Buffer): number {
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('Not a PDF written by pdfkit: no page tree found');
  return Number(match[1]);
}

async function render(title: string, pages: ReactElement[], expectedPages: number): Promise<Buffer> {
  registerPdfFonts();
  const pdf = await renderToBuffer(
    <Document title={title} author={PRODUCER} creator={PRODUCER} producer={PRODUCER} language="en">
      {pages}
    </Document>,
  );
  const rendered = countPdfPages(pdf);
  // The plan budgets every line so this cannot happen; if it ever does, fail loudly rather than
  // hand a researcher a card that runs onto a second page.
  if (rendered !== expectedPages) {
    throw new Error(`PDF layout overflow: expected ${expectedPages} pages, rendered ${rendered} ("${title}")`);
  }
  return pdf;
}

export async function renderPersonaPdf(card: PersonaCardData): Promise<Buffer> {
  return render(`${card.persona.name} · ${card.studyName}`, [personaPage(card, 0)], 1);
}

export async function renderDeckPdf(cards: PersonaCardData[]): Promise<Buffer> {
  const cover = planCover(cards);
  const pages = [<CoverPage key="cover" plan={cover} avatars={avatarPng} />, ...cards.map((c, i) => personaPage(c, i + 1))];
  return render(`Personas · ${cover.title}`, pages, cards.length + 1);
}
