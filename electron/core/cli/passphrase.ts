// Where the CLI gets a study's passphrase: the variable named by --passphrase-env (scripts, CI),
// else a prompt that does not echo (a person at a terminal). Never an argument: command lines
// show up in `ps` and in shell history.
import { IpcFailure } from '../../../shared/ipc/contract';

export interface PassphraseIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  /** Prompts go to stderr: stdout carries results that scripts read. */
  err: Pick<NodeJS.WriteStream, 'write'>;
}

export type PassphraseOption = 'passphrase-env' | 'new-passphrase-env';

export class Passphrases {
  constructor(
    private readonly names: Partial<Record<PassphraseOption, string>>,
    private readonly io: PassphraseIo = { env: process.env, stdin: process.stdin, err: process.stderr },
  ) {}

  /** The value of the variable the option names; undefined when the option was not given. */
  fromEnv(option: PassphraseOption): string | undefined {
    const name = this.names[option];
    if (name === undefined) return undefined;
    const value = this.io.env[name];
    if (value === undefined || value === '') throw new IpcFailure('invalid_input', `--${option} ${name}: the variable ${name} is not set`);
    return value;
  }

  private canAsk(): boolean {
    return this.io.stdin.isTTY === true && typeof this.io.stdin.setRawMode === 'function';
  }

  /**
   * Runs fn without a passphrase unless --passphrase-env gave one; if the study turns out to be
   * encrypted and a person is at the terminal, asks for it and runs fn again.
   */
  async unlock<T>(path: string, fn: (passphrase: string | undefined) => Promise<T> | T): Promise<T> {
    const given = this.fromEnv('passphrase-env');
    if (given !== undefined) return fn(given);
    try {
      return await fn(undefined);
    } catch (err) {
      if (!(err instanceof IpcFailure) || err.code !== 'encrypted' || !this.canAsk()) throw err;
    }
    return fn(await promptHidden(`Passphrase for ${path}: `, this.io));
  }

  /** The study's current passphrase (decrypt, rekey): the variable, or a prompt. */
  async current(path: string): Promise<string> {
    const given = this.fromEnv('passphrase-env');
    if (given !== undefined) return given;
    if (!this.canAsk()) throw new IpcFailure('encrypted', `${path}: give the passphrase with --passphrase-env NAME (the name of a variable that holds it), or run this at a terminal to type it`);
    return promptHidden(`Passphrase for ${path}: `, this.io);
  }

  /** A new passphrase (encrypt, rekey): the variable the option names, or typed twice. */
  async next(path: string, option: PassphraseOption): Promise<string> {
    const given = this.fromEnv(option);
    if (given !== undefined) return given;
    if (!this.canAsk()) throw new IpcFailure('invalid_input', `give the new passphrase with --${option} NAME (the name of a variable that holds it), or run this at a terminal to type it`);
    const first = await promptHidden(`New passphrase for ${path}: `, this.io);
    const again = await promptHidden('The same passphrase again: ', this.io);
    if (first !== again) throw new IpcFailure('invalid_input', 'the two passphrases differ; nothing was changed');
    return first;
  }
}

/** Reads one line from the terminal in raw mode, echoing nothing; Ctrl-C cancels. */
export function promptHidden(question: string, io: Pick<PassphraseIo, 'stdin' | 'err'>): Promise<string> {
  const { stdin, err } = io;
  return new Promise((resolve, reject) => {
    err.write(question);
    const wasRaw = stdin.isRaw;
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    let text = '';
    const finish = (failure?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(wasRaw);
      stdin.pause();
      err.write('\n');
      if (failure) reject(failure);
      else resolve(text);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new IpcFailure('cancelled', 'cancelled at the passphrase prompt'));
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
        else if (ch >= ' ') text += ch;
      }
    };
    stdin.on('data', onData);
  });
}
