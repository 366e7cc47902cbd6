// Inter, read from the TTF files that @expo-google-fonts/inter ships in node_modules: no URL is
// ever handed to react-pdf, so nothing is fetched. TTF only: react-pdf's fontkit crashes on woff2.
// The same files feed fontkit directly so the layout can measure text before react-pdf sets it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create as createFont, type Font as FontkitFont } from 'fontkit';
import type { ReactPdf } from './reactPdf';

/** See textFit.ts: marks where an over-long word may break. Kept in the pieces, so they add up to the word. */
export const SOFT_BREAK = '\u200b';
const AFTER_SOFT_BREAK = /(?<=\u200b)/;

export const FONT_FAMILY = 'Inter';

const FACES = {
  regular: { file: '400Regular/Inter_400Regular.ttf', fontWeight: 400, fontStyle: 'normal' },
  italic: { file: '400Regular_Italic/Inter_400Regular_Italic.ttf', fontWeight: 400, fontStyle: 'italic' },
  medium: { file: '500Medium/Inter_500Medium.ttf', fontWeight: 500, fontStyle: 'normal' },
  semibold: { file: '600SemiBold/Inter_600SemiBold.ttf', fontWeight: 600, fontStyle: 'normal' },
  bold: { file: '700Bold/Inter_700Bold.ttf', fontWeight: 700, fontStyle: 'normal' },
} as const;

export type Face = keyof typeof FACES;

// createRequire from this module's own URL works in vitest/tsx (ESM) and in the CJS bundle
// electron-vite emits (Rollup rewrites import.meta.url to the bundle's file URL), and resolves
// inside app.asar once packaged.
const requireHere = createRequire(import.meta.url);

export function fontPath(face: Face): string {
  return requireHere.resolve(`@expo-google-fonts/inter/${FACES[face].file}`);
}

let registered = false;

/** Registers Inter with react-pdf once per process. */
export function registerPdfFonts({ Font }: ReactPdf): void {
  if (registered) return;
  Font.register({
    family: FONT_FAMILY,
    fonts: Object.keys(FACES).map((face) => {
      const { fontWeight, fontStyle } = FACES[face as Face];
      return { src: fontPath(face as Face), fontWeight, fontStyle };
    }),
  });
  // The default English hyphenator splits words at odd places ("Grou-nded") and our budgets
  // count whole words per line: a word that does not fit moves to the next line instead. Only
  // words the layout plan marked with soft breaks (longer than a line) may be split, there.
  Font.registerHyphenationCallback((word) => (word.includes(SOFT_BREAK) ? word.split(AFTER_SOFT_BREAK) : [word]));
  registered = true;
}

const measured = new Map<Face, FontkitFont>();

function fontkitFace(face: Face): FontkitFont {
  let font = measured.get(face);
  if (!font) {
    font = createFont(readFileSync(fontPath(face))) as FontkitFont;
    measured.set(face, font);
  }
  return font;
}

const advances = new Map<Face, Map<number, number>>();

/**
 * Width of `text` in points: the sum of each character's advance, without shaping. Shaping
 * (fontkit's `layout`) costs ~150x more; what it adds here is kerning, a fraction of a percent
 * that the layout plan's width margin absorbs.
 */
export function textWidth(text: string, face: Face, fontSize: number): number {
  let table = advances.get(face);
  if (!table) {
    table = new Map();
    advances.set(face, table);
  }
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let advance = table.get(cp);
    if (advance === undefined) {
      const font = fontkitFace(face);
      advance = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      table.set(cp, advance);
    }
    units += advance;
  }
  return units * fontSize;
}

const glyphs = new Map<number, boolean>();

/** Whether Inter can draw this code point (it has no emoji and no CJK). */
export function hasGlyph(codePoint: number): boolean {
  let has = glyphs.get(codePoint);
  if (has === undefined) {
    has = fontkitFace('regular').hasGlyphForCodePoint(codePoint);
    glyphs.set(codePoint, has);
  }
  return has;
}
