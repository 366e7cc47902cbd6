import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfRead {
  pages: number;
  /** The text of each page, runs joined by single spaces. */
  text: string[];
  /** Rightmost end of any text run on any page, in points from the left edge. */
  maxRight: number;
}

/** Reads a PDF the way a viewer would (pdf.js), so tests check what a reader sees. */
export async function readPdf(bytes: Buffer | Uint8Array): Promise<PdfRead> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  const text: string[] = [];
  let maxRight = 0;
  for (let p = 1; p <= doc.numPages; p += 1) {
    const content = await (await doc.getPage(p)).getTextContent();
    const runs = content.items.filter((item) => 'str' in item);
    for (const run of runs) maxRight = Math.max(maxRight, (run.transform[4] as number) + run.width);
    text.push(runs.map((run) => run.str).join(' ').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return { pages: doc.numPages, text, maxRight };
}

/** Text with all whitespace removed: PDF line breaks land anywhere. */
export const squash = (s: string) => s.replace(/\s+/g, '');
