import { extname, resolve } from 'node:path';

export const STUDY_EXTENSION = '.grounded';

/** The study file a path names: `.grounded` appended unless it is there. */
export function withExtension(path: string): string {
  const full = resolve(path);
  return extname(full) === STUDY_EXTENSION ? full : `${full}${STUDY_EXTENSION}`;
}
