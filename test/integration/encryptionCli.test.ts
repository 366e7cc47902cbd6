// `grounded encrypt | decrypt | rekey` and --passphrase-env on every command, run as the CLI runs
// (argv in, exit code and streams out) on real study files. stdin is not a terminal here, so a
// missing passphrase is an error that says how to give one, never a prompt that hangs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreHost } from '../../electron/core/host/inProcess';
import { goodTranscripts } from '../helpers/core';
import { grounded, useCliSettings } from '../helpers/runCli';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();
useCliSettings(tmp);

const VARS = { GROUNDED_TEST_PASS: 'correct horse battery staple', GROUNDED_TEST_NEW: 'a brand new passphrase', GROUNDED_TEST_WRONG: 'not it at all' };
beforeEach(() => Object.assign(process.env, VARS));
afterEach(() => {
  for (const k of Object.keys(VARS)) delete process.env[k];
});

const isPlainSqlite = (file: string) => readFileSync(file).subarray(0, 15).toString('latin1') === 'SQLite format 3';
const counts = async (study: string, ...pass: string[]) => JSON.parse((await grounded('info', study, '--json', ...pass)).stdout).counts;

describe('grounded encrypt / decrypt / rekey', () => {
  it('encrypts, changes the passphrase and decrypts, every command needing the passphrase in between', async () => {
    const study = join(tmp(), 's.grounded');
    expect((await grounded('import', study, ...goodTranscripts)).code).toBe(0);
    const want = await counts(study);

    const enc = await grounded('encrypt', study, '--passphrase-env', 'GROUNDED_TEST_PASS');
    expect(enc).toMatchObject({ code: 0, stdout: `${study}\tencrypted\n` });
    expect(enc.stderr).toMatch(/if it is lost, so is the study/);
    expect(isPlainSqlite(study)).toBe(false);

    const without = await grounded('info', study);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain(study);
    expect(without.stderr).toMatch(/encrypted.*--passphrase-env NAME/);
    const wrong = await grounded('info', study, '--passphrase-env', 'GROUNDED_TEST_WRONG');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/the passphrase does not open this study/);
    expect(wrong.stderr).toContain(study);
    const unset = await grounded('info', study, '--passphrase-env', 'GROUNDED_TEST_NOT_SET');
    expect(unset).toMatchObject({ code: 1, stderr: expect.stringContaining('the variable GROUNDED_TEST_NOT_SET is not set') });
    expect(await counts(study, '--passphrase-env', 'GROUNDED_TEST_PASS')).toEqual(want);

    expect((await grounded('encrypt', study, '--passphrase-env', 'GROUNDED_TEST_PASS')).stderr).toMatch(/already encrypted/);
    const rekey = await grounded('rekey', study, '--passphrase-env', 'GROUNDED_TEST_PASS', '--new-passphrase-env', 'GROUNDED_TEST_NEW');
    expect(rekey.code).toBe(0);
    expect((await grounded('info', study, '--passphrase-env', 'GROUNDED_TEST_PASS')).code).toBe(1);
    expect(await counts(study, '--passphrase-env', 'GROUNDED_TEST_NEW')).toEqual(want);

    expect((await grounded('decrypt', study)).stderr).toMatch(/--passphrase-env NAME/);
    expect((await grounded('decrypt', study, '--passphrase-env', 'GROUNDED_TEST_NEW')).stdout).toBe(`${study}\tnot encrypted\n`);
    expect(isPlainSqlite(study)).toBe(true);
    expect(await counts(study)).toEqual(want);
  });

  it('imports into an encrypted study (created encrypted by --passphrase-env) and searches it', async () => {
    const dir = tmp();
    const study = join(dir, 'new.grounded');
    const first = await grounded('import', study, ...goodTranscripts.slice(0, 3), '--passphrase-env', 'GROUNDED_TEST_PASS');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`Created encrypted study ${study}`);
    expect(isPlainSqlite(study)).toBe(false);
    const second = await grounded('import', study, ...goodTranscripts, '--passphrase-env', 'GROUNDED_TEST_PASS');
    expect(second.code).toBe(0);
    expect(second.stdout.split('\n').filter((l) => l.startsWith('skipped'))).toHaveLength(3);
    expect(second.stdout.split('\n').filter((l) => l.startsWith('ok'))).toHaveLength(goodTranscripts.length - 3);
    expect((await grounded('import', study, goodTranscripts[0]!)).stderr).toMatch(/is encrypted/);

    const host = await createCoreHost({ settingsDir: join(dir, 'settings') });
    try {
      await host.core.openStudy(study, false, VARS.GROUNDED_TEST_PASS);
      const found = await host.core.handlers()['search:query']({ q: 'spreadsheet' });
      expect(found.total).toBeGreaterThan(0);
      expect(found.hits[0]!.segments.some((s) => s.hit && /spreadsheet/i.test(s.text))).toBe(true);
    } finally {
      await host.close();
    }
  });

  it('backs up an encrypted study to an encrypted copy and restores it with the passphrase', async () => {
    const dir = tmp();
    const study = join(dir, 's.grounded');
    await grounded('import', study, ...goodTranscripts.slice(0, 2), '--passphrase-env', 'GROUNDED_TEST_PASS');
    const copy = join(dir, 'copy.grounded');
    expect((await grounded('backup', study, copy)).stderr).toMatch(/encrypted/);
    expect((await grounded('backup', study, copy, '--passphrase-env', 'GROUNDED_TEST_PASS')).code).toBe(0);
    expect(isPlainSqlite(copy)).toBe(false);
    const restored = join(dir, 'restored.grounded');
    expect((await grounded('restore', copy, restored, '--passphrase-env', 'GROUNDED_TEST_PASS')).code).toBe(0);
    expect(await counts(restored, '--passphrase-env', 'GROUNDED_TEST_PASS')).toEqual(await counts(study, '--passphrase-env', 'GROUNDED_TEST_PASS'));
  });
});
