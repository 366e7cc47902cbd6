// An import job prepares files (read, parse, roles, quotes) in worker threads and writes them on
// its own thread. Whatever prepares them, the study must come out the same, file for file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStudyDb, type StudyDb } from '../../electron/core/db/open';
import { inThreadPreparer, prepareWorkerFile, workerPreparer, type Preparer } from '../../electron/core/ingest/preparePool';
import { runImportJob } from '../../electron/core/jobs/importJob';
import { cleanQuoteText } from '../../electron/core/quotes/noise';
import { transcriptsDir } from '../helpers/core';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();
const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });

async function importWith(dir: string, name: string, paths: string[], preparer: () => Preparer) {
  const study = openStudyDb(join(dir, name), { create: true });
  const result = await runImportJob(study.db, paths, ctx(), {}, preparer);
  return { study, results: result?.imports ?? [] };
}

/** Everything an import writes, without the ids' absolute values. */
function dump(study: StudyDb) {
  const all = (sql: string) => study.sqlite.prepare(sql).all();
  return {
    transcripts: all('select file_name, format, detected, content_hash, interview_date from transcripts order by id'),
    turns: all('select t.file_name, u.idx, u.speaker, u.text, u.start_ms from turns u join transcripts t on t.id = u.transcript_id order by u.id'),
    speakers: all('select t.file_name, s.name, s.role, p.key from speakers s join transcripts t on t.id = s.transcript_id left join participants p on p.id = s.participant_id order by t.id, s.name'),
    quotes: all(
      'select t.file_name, u.idx, q.text, q.text_hash, q.start_offset, q.end_offset, p.key from quotes q join turns u on u.id = q.turn_id join transcripts t on t.id = q.transcript_id join participants p on p.id = q.participant_id order by q.id',
    ),
  };
}

describe('import preparation in worker threads', () => {
  it('the built worker exists (npm test builds before it tests)', () => {
    expect(prepareWorkerFile()).toMatch(/out\/main\/prepare\.worker\.js$/);
  });

  it('writes the same study as preparing on the job thread: every format, every bad file, in file order', async () => {
    const dir = tmp();
    const paths = [transcriptsDir]; // and its formats/ and bad/ folders
    const one = await importWith(dir, 'one.grounded', paths, () => inThreadPreparer());
    const pooled = await importWith(dir, 'pooled.grounded', paths, () => workerPreparer(prepareWorkerFile()!, 2));
    expect(pooled.results).toEqual(one.results);
    expect(one.results.filter((r) => r.status === 'ok').length).toBeGreaterThan(25);
    expect(one.results.filter((r) => r.status === 'error').length).toBeGreaterThan(5);
    const a = dump(one.study);
    const b = dump(pooled.study);
    expect(a.quotes.length).toBeGreaterThan(400);
    expect(b).toEqual(a);
    // The FTS5 index holds exactly the stored turns, written in one statement per transcript.
    for (const s of [one.study, pooled.study]) {
      expect(() => s.sqlite.prepare("insert into turns_fts(turns_fts, rank) values ('integrity-check', 1)").run()).not.toThrow();
      s.close();
    }
  });

  it('a worker that cannot start or dies hands its files back to the job thread; nothing is lost', async () => {
    const dir = tmp();
    const broken = join(dir, 'broken.worker.js');
    writeFileSync(broken, "throw new Error('this worker is broken');\n");
    const paths = [transcriptsDir];
    const one = await importWith(dir, 'one.grounded', paths, () => inThreadPreparer());
    const fallback = await importWith(dir, 'fallback.grounded', paths, () => workerPreparer(broken, 2));
    expect(fallback.results).toEqual(one.results);
    expect(dump(fallback.study)).toEqual(dump(one.study));
    one.study.close();
    fallback.study.close();
  });

  it('a cancelled job keeps the files written before the cancel and stops its workers', async () => {
    const dir = tmp();
    const study = openStudyDb(join(dir, 's.grounded'), { create: true });
    const controller = new AbortController();
    let closed = false;
    const inner = workerPreparer(prepareWorkerFile()!, 1);
    const preparer: Preparer = { parallel: inner.parallel, prepare: inner.prepare, close: async () => ((closed = true), inner.close()) };
    const result = await runImportJob(
      study.db,
      [transcriptsDir],
      { signal: controller.signal, progress: (done) => done === 3 && controller.abort() },
      {},
      () => preparer,
    );
    // The cancel arrives while the fourth file is being imported: it finishes, nothing after it starts.
    expect(result?.imports).toHaveLength(4);
    const ok = result!.imports!.filter((r) => r.status === 'ok').length;
    expect((study.sqlite.prepare('select count(*) as c from transcripts').get() as { c: number }).c).toBe(ok);
    expect(closed).toBe(true);
    study.close();
  });

  it('half a surrogate pair (a JSON escape) is stored as U+FFFD; quote offsets still match the turn', async () => {
    const dir = tmp();
    // Whisper output cut mid-emoji: JSON can escape half a pair, which SQLite cannot store as UTF-8.
    const segment = (start: number, speaker: string, text: string) => ({ start, end: start + 4, text, speaker });
    const json = JSON.stringify({
      segments: [
        segment(0, 'SPEAKER_00', 'How do you keep track of spending?'),
        segment(5, 'SPEAKER_01', 'I keep every receipt in a shoebox \ud83d and tally them up on Sunday evenings with my partner.'),
        segment(10, 'SPEAKER_00', 'What gets in the way?'),
        segment(15, 'SPEAKER_01', 'Honestly the hardest part is remembering the cash I spent at the market each week.'),
      ],
    });
    expect(json).toContain('\\ud83d');
    const file = join(dir, 'robin.json');
    writeFileSync(file, json);
    const { study, results } = await importWith(dir, 's.grounded', [file], () => inThreadPreparer());
    expect(results[0]?.status, results[0]?.message).toBe('ok');
    const rows = study.sqlite
      .prepare('select q.text, q.start_offset as s, q.end_offset as e, u.text as turn from quotes q join turns u on u.id = q.turn_id')
      .all() as { text: string; s: number; e: number; turn: string }[];
    expect(rows.some((r) => r.turn.includes('shoebox \ufffd and'))).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) expect(cleanQuoteText(r.turn.slice(r.s, r.e))).toBe(r.text);
    study.close();
  });
});
