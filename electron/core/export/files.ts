// Writes an export to disk: one file per persona plus a deck. The whole set is rendered into a
// hidden folder beside the final files first (each file fsynced), and only then renamed into
// place, which takes milliseconds: a cancel or a crash while rendering (seconds, for PDFs) leaves
// the previous export exactly as it was. A manifest in the folder lists what each study's last
// export wrote, so a re-export removes the cards it no longer has, and nothing else.
import { lstat, mkdir, mkdtemp, open, readdir, readFile, rename, rm } from 'node:fs/promises';
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

/** The export folder's record of which files each study's last export wrote there. */
export const MANIFEST = '.grounded-export.json';
const STAGE_PREFIX = '.grounded-export-';

interface Manifest {
  version: 1;
  /** Study (its path) -> the file names its last export wrote in this folder. */
  sets: Record<string, string[]>;
}

/** Writes and fsyncs one file: its bytes are on disk before it is renamed into place. */
async function writeDurable(path: string, data: Buffer | string): Promise<void> {
  const file = await open(path, 'wx');
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Makes a folder's renames durable. Windows cannot open a folder for this; NTFS journals them. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (!['EISDIR', 'EPERM', 'EACCES'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
  }
}

/** A name this module could have written: never a path, never hidden (a tampered manifest deletes nothing else). */
const ownName = (name: unknown): name is string => typeof name === 'string' && /^[a-z0-9][a-z0-9.-]*$/.test(name);

async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse(await readFile(join(outDir, MANIFEST), 'utf8')) as Partial<Manifest>;
    const sets: Record<string, string[]> = {};
    for (const [study, names] of Object.entries(parsed.sets ?? {})) if (Array.isArray(names)) sets[study] = names.filter(ownName);
    return { version: 1, sets };
  } catch {
    return { version: 1, sets: {} };
  }
}

/** Hidden folders left by an export that was killed while rendering: never swapped in, so dropped. */
async function removeLeftovers(outDir: string): Promise<void> {
  for (const name of await readdir(outDir)) {
    if (name.startsWith(STAGE_PREFIX) && name !== MANIFEST) await rm(join(outDir, name), { recursive: true, force: true });
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
 * after each file is rendered. Returns the paths written, personas first. A throw from
 * `onProgress` (how a job cancels) stops the export before anything in `outDir` changes.
 * `owner` names the study (its path) whose earlier export in this folder this one replaces.
 */
export async function writeExport(
  cards: PersonaCardData[],
  format: ExportFormat,
  outDir: string,
  onProgress?: (done: number, total: number) => void,
  owner: string = cards[0]?.studyName ?? '',
): Promise<string[]> {
  if (cards.length === 0) throw new RangeError('Nothing to export: no personas given');
  const render = await renderers(format);
  await mkdir(outDir, { recursive: true });
  await removeLeftovers(outDir);
  const names = [...cards.map((card, i) => personaFileName(card.persona.name, i, cards.length, format)), `${DECK_BASENAME}.${format}`];
  // In the export folder itself, so each rename below stays on one file system and is atomic.
  const stage = await mkdtemp(join(outDir, STAGE_PREFIX));
  try {
    for (const [i, card] of cards.entries()) {
      await writeDurable(join(stage, names[i]!), await render.persona(card));
      onProgress?.(i + 1, names.length);
    }
    await writeDurable(join(stage, names.at(-1)!), await render.deck(cards));
    onProgress?.(names.length, names.length);
    await syncFolder(stage);

    const manifest = await readManifest(outDir);
    const previous = manifest.sets[owner] ?? [];
    for (const name of names) await rename(join(stage, name), join(outDir, name));
    for (const stale of previous.filter((n) => !names.includes(n))) {
      const path = join(outDir, stale);
      if ((await lstat(path).catch(() => null))?.isFile()) await rm(path);
    }
    // A file now written for this study is no longer another study's to remove.
    for (const study of Object.keys(manifest.sets)) manifest.sets[study] = manifest.sets[study]!.filter((n) => !names.includes(n));
    manifest.sets[owner] = names;
    await writeDurable(join(stage, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(join(stage, MANIFEST), join(outDir, MANIFEST));
    await syncFolder(outDir);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  return names.map((name) => join(outDir, name));
}
