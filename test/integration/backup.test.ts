// Backups: `grounded backup` copies a study through SQLite's online backup API while another
// process imports into it (the copy opens, passes integrity_check and holds whole transcripts
// only); `grounded restore` refuses to replace a study without --force and swaps the copy in.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { autoBackup } from '../../electron/core/backup';
import { goodTranscripts } from '../helpers/core';
import { grounded, useCliSettings } from '../helpers/runCli';
import { useTmpDir } from '../helpers/tmp';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'grounded.js');
const tmp = useTmpDir();
useCliSettings(() => tmp());

/** Whole transcripts only: each has its turns, every turn is in the search index, no quote points at nothing. */
function consistency(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const n = (q: string) => (db.prepare(q).get() as { n: number }).n;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      transcripts: n('select count(*) as n from transcripts'),
      emptyTranscripts: n('select count(*) as n from transcripts t where not exists (select 1 from turns u where u.transcript_id = t.id)'),
      orphanQuotes: n('select count(*) as n from quotes where turn_id not in (select id from turns)'),
      ftsMatchesTurns: n('select count(*) as n from turns') === n('select count(*) as n from turns_fts_docsize'),
    };
  } finally {
    db.close();
  }
}

describe.skipIf(!existsSync(join(root, 'out', 'main', 'cli.js')))('backup and restore', () => {
  it('takes a consistent backup while another process imports', async () => {
    const dir = tmp();
    const folder = join(dir, 'many');
    mkdirSync(folder);
    // Many distinct files so the import is still running while backups are taken.
    const texts = goodTranscripts.filter((f) => f.endsWith('.txt')).map((f) => readFileSync(f, 'utf8'));
    for (let i = 0; i < 240; i++) writeFileSync(join(folder, `copy-${i}.txt`), `${texts[i % texts.length]}\nInterviewer: Note ${i}.\n`);
    const study = join(dir, 'study.grounded');
    const child = spawn(process.execPath, [bin, 'import', study, folder], { env: { ...process.env, GROUNDED_SETTINGS_DIR: join(dir, 's') }, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let running = true;
    void exited.then(() => (running = false));
    // Wait for the first committed transcript (the schema is still being created at first).
    const started = () => {
      try {
        return existsSync(study) && consistency(study).transcripts > 0;
      } catch {
        return false;
      }
    };
    while (running && !started()) await new Promise((r) => setTimeout(r, 50));
    const during: number[] = [];
    for (let i = 0; running && i < 5; i++) {
      const file = join(dir, `backup-${i}.grounded`);
      const r = await grounded('backup', study, file);
      expect(r.code, r.stderr).toBe(0);
      if (running) during.push(i);
      const c = consistency(file);
      expect(c).toMatchObject({ integrity: 'ok', emptyTranscripts: 0, orphanQuotes: 0, ftsMatchesTurns: true });
      expect(c.transcripts).toBeGreaterThan(0);
    }
    expect(during.length, 'the import finished before any backup was taken: the test proves nothing').toBeGreaterThan(0);
    expect(await exited).toBe(0);
  }, 300_000);

  it('automatic backups keep the newest N of the study in the chosen folder', async () => {
    const dir = tmp();
    const study = join(dir, 'study.grounded');
    expect((await grounded('import', study, goodTranscripts[1]!)).code).toBe(0);
    const folder = join(dir, 'backups');
    mkdirSync(folder);
    writeFileSync(join(folder, 'other-2020-01-01T00-00-00-000Z.grounded'), 'not ours');
    for (let day = 1; day <= 4; day++) await autoBackup(study, folder, 2, new Date(Date.UTC(2026, 0, day)));
    expect(readdirSync(folder).sort()).toEqual([
      'other-2020-01-01T00-00-00-000Z.grounded',
      'study-2026-01-03T00-00-00-000Z.grounded',
      'study-2026-01-04T00-00-00-000Z.grounded',
    ]);
    expect(consistency(join(folder, 'study-2026-01-04T00-00-00-000Z.grounded'))).toMatchObject({ integrity: 'ok', transcripts: 1 });
  });

  it('restores only with --force over an existing study, atomically', async () => {
    const dir = tmp();
    const study = join(dir, 'study.grounded');
    expect((await grounded('import', study, goodTranscripts[1]!)).code).toBe(0);
    const backup = join(dir, 'b.grounded');
    expect((await grounded('backup', study, backup)).code).toBe(0);
    expect((await grounded('import', study, goodTranscripts[2]!)).code).toBe(0);
    const refused = await grounded('restore', backup, study);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(consistency(study).transcripts).toBe(2);
    const forced = await grounded('restore', backup, study, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(consistency(study)).toMatchObject({ integrity: 'ok', transcripts: 1 });
    expect(existsSync(`${study}-wal`) ? readFileSync(`${study}-wal`).length : 0).toBe(0);
    const info = await grounded('info', study, '--json');
    expect(JSON.parse(info.stdout)).toMatchObject({ counts: expect.objectContaining({ transcripts: 1 }) });
  });
});
