// grounded encrypt | decrypt | rekey: a study's passphrase, added, removed or changed on disk.
import { existsSync } from 'node:fs';
import { IpcFailure } from '../../../shared/ipc/contract';
import { transformStudy, type Transform } from '../encryption';
import { withExtension } from '../studyPath';
import { escapeControls } from './format';
import type { Passphrases } from './passphrase';

const LOST = 'Nothing can open the study without its passphrase: if it is lost, so is the study (keep a copy of the passphrase apart from the study).';

export const ENCRYPTION_HELP: Record<Transform, string> = {
  encrypt: `Usage: grounded encrypt <study.grounded> [--passphrase-env NAME]

Encrypts the study with a passphrase (typed twice at the prompt, or read from the environment
variable NAME): SQLCipher (AES-256, HMAC-SHA512 per page) with a key derived by scrypt; its
write-ahead log is encrypted too. Every command then needs the passphrase. The study is rewritten
beside itself and renamed in: a crash leaves the old file as it was. Close it in the app first.
${LOST}`,
  decrypt: `Usage: grounded decrypt <study.grounded> [--passphrase-env NAME]

Removes the study's encryption: it becomes a plain SQLite file anyone with the file can read.`,
  rekey: `Usage: grounded rekey <study.grounded> [--passphrase-env NAME] [--new-passphrase-env NEW]

Changes the study's passphrase (and its salt and key). --passphrase-env names the variable with
the current one, --new-passphrase-env the variable with the new one; missing ones are asked for.
Backups taken before keep the old passphrase.`,
};

export function isEncryptionCommand(command: string): command is Transform {
  return command === 'encrypt' || command === 'decrypt' || command === 'rekey';
}

export async function encryptionCommand(
  kind: Transform,
  positionals: string[],
  passphrases: Passphrases,
  out: Pick<NodeJS.WriteStream, 'write'>,
  err: Pick<NodeJS.WriteStream, 'write'>,
): Promise<number> {
  const [study, extra] = positionals;
  if (!study || extra !== undefined) throw new IpcFailure('invalid_input', `give one study: grounded ${kind} <study.grounded>`);
  const path = existsSync(study) ? study : withExtension(study);
  if (!existsSync(path)) throw new IpcFailure('not_found', `${study}: no such study file`);
  const passphrase = kind === 'encrypt' ? undefined : await passphrases.current(path);
  const newPassphrase =
    kind === 'decrypt' ? undefined : await passphrases.next(path, kind === 'encrypt' ? 'passphrase-env' : 'new-passphrase-env');
  err.write(`${kind === 'encrypt' ? 'Encrypting' : kind === 'decrypt' ? 'Decrypting' : 'Changing the passphrase of'} ${escapeControls(path)}…\n`);
  const r = transformStudy(path, kind, { passphrase, newPassphrase });
  out.write(`${escapeControls(r.path)}\t${r.encrypted ? 'encrypted' : 'not encrypted'}\n`);
  if (kind !== 'decrypt') err.write(`${LOST}\n`);
  return 0;
}
