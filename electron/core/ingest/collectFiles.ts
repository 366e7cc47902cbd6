import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { ImportFileResult } from '../../../shared/domain';
import { TRANSCRIPT_EXTENSIONS } from '../../../shared/transcriptFiles';

/** Extensions taken when walking a folder; a file named explicitly is always tried. */
const EXTENSIONS = new Set<string>(TRANSCRIPT_EXTENSIONS.map((e) => `.${e}`));

export interface CollectedFiles {
  files: string[];
  errors: ImportFileResult[];
}

/** Expands folders recursively (hidden entries skipped), in a stable order. */
export async function collectFiles(paths: string[]): Promise<CollectedFiles> {
  const files: string[] = [];
  const errors: ImportFileResult[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      files.push(p);
    }
  };
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      errors.push({ path: dir, status: 'error', message: `${dir}: cannot read folder (${(err as Error).message})` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && EXTENSIONS.has(extname(e.name).toLowerCase())) add(full);
    }
  }
  for (const raw of paths) {
    const p = resolve(raw);
    try {
      const s = await stat(p);
      if (s.isDirectory()) await walk(p);
      else add(p);
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (err as Error).message;
      errors.push({ path: p, status: 'error', message: `${basename(p)}: cannot read (${reason})` });
    }
  }
  return { files, errors };
}
