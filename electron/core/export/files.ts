// Writes an export to disk: one file per persona plus a deck, each written atomically so a
// crash or a cancel never leaves a half-written file under the final name.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportFormat } from '../../../shared/ipc/contract';
import { deckJson, personaJson } from './json';
import { deckMarkdown, personaMarkdown } from './markdown';
import type { PersonaCardData } from './types';

const MAX_SLUG = 60;

/**
 * A file-name-safe slug: ASCII letters, digits and single hyphens only, so no separator, no
 * "..", no reserved character and no emoji can reach the file system.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // é -> e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
  return slug || 'persona';
}

/** `01-maya-the-planner.pdf`: numbered in export order, which also keeps equal names apart. */
export function personaFileName(name: string, index: number, total: number, format: ExportFormat): string {
  const width = Math.max(2, String(total).length);
  return `${String(index + 1).padStart(width, '0')}-${slugify(name)}.${format}`;
}

export const DECK_BASENAME = 'personas-deck';

async function writeAtomic(path: string, data: Buffer | string): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

interface Renderers {
  persona(card: PersonaCardData): Promise<Buffer | string>;
  deck(cards: PersonaCardData[]): Promise<Buffer | string>;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function renderers(format: ExportFormat): Promise<Renderers> {
  switch (format) {
    case 'pdf': {
      // react-pdf is only loaded for PDF exports.
      const { renderDeckPdf, renderPersonaPdf } = await import('./pdf');
      return { persona: renderPersonaPdf, deck: renderDeckPdf };
    }
    case 'md':
      return { persona: async (c) => personaMarkdown(c), deck: async (cs) => deckMarkdown(cs) };
    case 'json':
      return { persona: async (c) => json(personaJson(c)), deck: async (cs) => json(deckJson(cs)) };
  }
}

/**
 * Writes one file per persona and then the deck into `outDir` (created if missing), reporting
 * after each file. Returns the paths written, personas first. A throw from `onProgress` (how a
 * job cancels) stops the export; files already written stay, as with every job.
 */
export async function writeExport(
  cards: PersonaCardData[],
  format: ExportFormat,
  outDir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<string[]> {
  if (cards.length === 0) throw new RangeError('Nothing to export: no personas given');
  const render = await renderers(format);
  await mkdir(outDir, { recursive: true });
  const total = cards.length + 1;
  const paths: string[] = [];
  for (const [i, card] of cards.entries()) {
    const path = join(outDir, personaFileName(card.persona.name, i, cards.length, format));
    await writeAtomic(path, await render.persona(card));
    paths.push(path);
    onProgress?.(paths.length, total);
  }
  const deck = join(outDir, `${DECK_BASENAME}.${format}`);
  await writeAtomic(deck, await render.deck(cards));
  paths.push(deck);
  onProgress?.(paths.length, total);
  return paths;
}
