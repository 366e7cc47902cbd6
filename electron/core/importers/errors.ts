// Why an import was refused. The message names the file and the problem in words a researcher
// can act on; the code lets the import job group and count failures.

/** Largest transcript accepted, in bytes ("50 MB" as file managers count it). Hours of talk are
 * well under 1 MB; anything near this is a media file or a whole export, not one interview. */
export const MAX_FILE_BYTES = 50_000_000;

export type ImportErrorCode =
  | 'unreadable'
  | 'binary'
  | 'empty'
  | 'too_large'
  | 'unknown_format'
  | 'no_turns';

export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    readonly file: string,
    message: string,
  ) {
    super(message.startsWith(`${file}: `) ? message : `${file}: ${message}`);
  }
}
