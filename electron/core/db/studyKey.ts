// The key of an encrypted study: derived from the researcher's passphrase with scrypt, used as a
// raw SQLCipher key, never written anywhere. Plain Node (node:crypto), no `electron`.
import { randomBytes, scryptSync } from 'node:crypto';
import { IpcFailure } from '../../../shared/ipc/contract';

/**
 * scrypt N=2^17, r=8, p=1: 128 MiB of memory per guess (128 * N * r bytes), ~1 s on one core of
 * the 2-core test machine (N=2^16: 0.49 s; 2^15: 0.24 s). A guess costs an attacker with a GPU
 * the same 128 MiB, which is what makes a memory-hard KDF worth it over SQLCipher's own
 * PBKDF2-SHA512 (256,000 rounds, cheap to parallelise). Changing these constants makes every
 * encrypted study unreadable: they are part of the file format.
 */
export const KDF = { N: 2 ** 17, r: 8, p: 1, keyLength: 32, maxmem: 256 * 2 ** 20 } as const;
/** SQLCipher's salt: the first 16 bytes of an encrypted study, the only plaintext in it. */
export const SALT_BYTES = 16;
/** A new passphrase must be at least this long; an existing one is tried whatever its length. */
export const MIN_PASSPHRASE = 8;

/** The derived key and the salt it was derived with (the salt is also SQLCipher's own). */
export interface StudyKey {
  key: Buffer;
  salt: Buffer;
}

/** Unicode-normalised first, so the passphrase typed on macOS opens the study on Windows. */
export function deriveKey(passphrase: string, salt: Buffer): StudyKey {
  const key = scryptSync(passphrase.normalize('NFC'), salt, KDF.keyLength, { N: KDF.N, r: KDF.r, p: KDF.p, maxmem: KDF.maxmem });
  return { key, salt: Buffer.from(salt) };
}

export function newKey(passphrase: string): StudyKey {
  checkNewPassphrase(passphrase);
  return deriveKey(passphrase, randomBytes(SALT_BYTES));
}

export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE) {
    throw new IpcFailure('weak_passphrase', `A passphrase must have at least ${MIN_PASSPHRASE} characters`);
  }
}

/**
 * The SQLCipher raw key with its salt (`x'<64 hex key><32 hex salt>'`): SQLCipher skips its own
 * PBKDF2 and writes this salt as the file's first 16 bytes, so the file carries what scrypt needs.
 */
export function keyPragmaValue(k: StudyKey): string {
  return `"x'${k.key.toString('hex')}${k.salt.toString('hex')}'"`;
}

/** What SQLite3MultipleCiphers needs before `key` or `rekey`: SQLCipher 4's format (AES-256, HMAC-SHA512, 4 KiB pages). */
export const CIPHER_PRAGMAS = ["cipher = 'sqlcipher'", 'legacy = 4'] as const;

// Keys of studies open in this process, by salt: a second connection to the same study or to a
// copy of it (VACUUM INTO keeps key and salt: a backup, a check of the copy) opens without asking
// for the passphrase again. Memory only, dropped (and zeroed) when the last connection closes.
const open = new Map<string, { key: StudyKey; count: number }>();

export function holdKey(k: StudyKey): () => void {
  const id = k.salt.toString('hex');
  const entry = open.get(id);
  if (entry) entry.count += 1;
  else open.set(id, { key: { key: Buffer.from(k.key), salt: Buffer.from(k.salt) }, count: 1 });
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const e = open.get(id);
    if (!e) return;
    e.count -= 1;
    if (e.count === 0) {
      e.key.key.fill(0);
      open.delete(id);
    }
  };
}

export function heldKey(salt: Buffer): StudyKey | null {
  const e = open.get(salt.toString('hex'));
  return e ? { key: Buffer.from(e.key.key), salt: Buffer.from(e.key.salt) } : null;
}
