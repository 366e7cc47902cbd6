// Why an import was refused. The message names the file and the problem in words a researcher
// can act on; the code lets the import job group and count failures.

export type ImportErrorCode =
  | 'unreadable'
  /** A container (a Word document) whose structure is damaged or incomplete: truncated, half-downloaded. */
  | 'corrupt'
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
