// Hostile Word files (zip bombs with honest and lying sizes) are refused while they are being
// unpacked, in bounded memory, and the rest of the batch is imported; a file that kills a prepare
// worker is reported as failed, never parsed again on the job's thread.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStudyDb } from '../../electron/core/db/open';
import { readSource } from '../../electron/core/ingest/readSource';
import { inThreadPreparer, prepareWorkerFile, workerPreparer } from '../../electron/core/ingest/preparePool';
import { MAX_XML_BYTES } from '../../electron/core/importers/docx';
import { ImportError, parseTranscriptFile } from '../../electron/core/importers/parse';
import { runImportJob } from '../../electron/core/jobs/importJob';
import { docxBomb } from '../helpers/docxBombs';
import { coreWithStudy, goodTranscripts, importAll } from '../helpers/core';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();
const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });
const MB = 1e6;

async function refusal(bytes: Buffer): Promise<ImportError> {
  const err = await parseTranscriptFile('bomb.docx', bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}

describe('zip bombs in Word clothing', () => {
  // The bombs: 390 MB and 150 MB of document.xml from 2.3 MB and 0.9 MB files. Peak RSS
  // of this process may grow by far less than one of them: the XML is counted, never held.
  it.each([
    ['honest sizes, 390 MB', { xmlBytes: 390 * MB }, 'too_large', /^bomb\.docx: its text unpacks to over 10 MB of Word XML/],
    ['honest sizes, 150 MB', { xmlBytes: 150 * MB }, 'too_large', /^bomb\.docx: its text unpacks to over 10 MB/],
    ['lying sizes, 390 MB said to be 100 KB', { xmlBytes: 390 * MB, declaredBytes: 100_000 }, 'corrupt', /^bomb\.docx: .*a part is larger than its table of contents says/],
    ['lying sizes, 150 MB said to be 9 MB', { xmlBytes: 150 * MB, declaredBytes: 9 * MB }, 'corrupt', /^bomb\.docx: .*a part is larger than its table of contents says/],
    ['under the size limit, packed 1000:1', { xmlBytes: 5 * MB, level: 9 }, 'corrupt', /^bomb\.docx: .*as a zip bomb does/],
  ] as const)('%s: refused with a message naming the file, in bounded memory', async (_, opts, code, message) => {
    const bytes = await docxBomb(opts);
    expect(bytes.length).toBeLessThan(opts.xmlBytes / 50);
    const before = process.memoryUsage().rss;
    const err = await refusal(bytes);
    const peakGrowth = process.resourceUsage().maxRSS * 1024 - before;
    expect([err.code, err.message]).toEqual([code, expect.stringMatching(message)]);
    expect(peakGrowth).toBeLessThan(MAX_XML_BYTES * 3);
  });

  it('a small document that packs tightly is still read: only large parts are judged by their ratio', async () => {
    // 100 KB of one repeated exchange packs ~150:1, past the ratio limit.
    const err = await parseTranscriptFile('small.docx', await docxBomb({ xmlBytes: 100_000 })).then(
      (p) => p.turns.length,
      (e: unknown) => e,
    );
    expect(err).toBeGreaterThan(500);
  });

  it('a batch with a bomb among 4 good files: the bomb gets its error line, the 4 others import', async () => {
    const dir = tmp();
    const bomb = join(dir, 'minutes.docx');
    writeFileSync(bomb, await docxBomb({ xmlBytes: 390 * MB }));
    const good = goodTranscripts.slice(1, 5);
    const study = openStudyDb(join(dir, 's.grounded'), { create: true });
    const result = await runImportJob(study.db, [good[0]!, good[1]!, bomb, good[2]!, good[3]!], ctx(), {}, () => inThreadPreparer());
    const lines = result?.imports ?? [];
    expect(lines.map((r) => [basename(r.path), r.status])).toEqual([
      [basename(good[0]!), 'ok'],
      [basename(good[1]!), 'ok'],
      ['minutes.docx', 'error'],
      [basename(good[2]!), 'ok'],
      [basename(good[3]!), 'ok'],
    ]);
    expect(lines[2]!.message).toMatch(/^minutes\.docx: its text unpacks to over 10 MB/);
    study.close();
  });
});

describe('a prepare worker that dies', () => {
  /** A stand-in prepare worker: exhausts its heap on files named *kill*, answers the others. */
  function fakeWorker(dir: string): string {
    const file = join(dir, 'fake.worker.cjs');
    writeFileSync(
      file,
      `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.path.includes('kill')) { const hog = []; for (;;) hog.push(new Array(1e6).fill(m.path)); }
  parentPort.postMessage({ id: m.id, prepared: { ok: false, result: { path: m.path, status: 'skipped', message: 'read by a worker' } } });
});
parentPort.postMessage({ ready: true });
`,
    );
    return file;
  }

  it('reports the file that killed it as failed, never re-reads it on the job thread, and a fresh worker takes the rest', async () => {
    const dir = tmp();
    const pool = workerPreparer(fakeWorker(dir), 1, { heapMb: 32 });
    try {
      const paths = ['/nowhere/a.txt', '/nowhere/kill-me.docx', '/nowhere/b.txt', '/nowhere/c.txt'];
      const results = await Promise.all(paths.map((p) => pool.prepare(p)));
      // A file re-read on this thread would say "cannot read (ENOENT)": every answer came from a worker.
      expect(results.map((r) => !r.ok && [r.result.status, r.result.message])).toEqual([
        ['skipped', 'read by a worker'],
        ['error', expect.stringMatching(/^kill-me\.docx: could not be read: preparing it stopped the import worker \(out of memory\)/)],
        ['skipped', 'read by a worker'],
        ['skipped', 'read by a worker'],
      ]);
    } finally {
      await pool.close();
    }
  });
});

describe('the real prepare worker, on a heap too small for a legal but heavy document', () => {
  it('dies on that file, which is reported as failed; the good files beside it are prepared', async () => {
    const workerFile = prepareWorkerFile();
    expect(workerFile, 'npm test builds the worker first').not.toBeNull();
    const dir = tmp();
    // 4 MB of varied Word XML (packs ~8:1, passes every zip check): more than a 40 MB heap holds in mammoth.
    const words = 'money rent budget week bank card save spend because really think know pay app'.split(' ');
    const paragraphs = Array.from({ length: 14_000 }, (_, i) =>
      `<w:p><w:r><w:t xml:space="preserve">${i % 2 ? 'Alex' : 'Sam'}: ${Array.from({ length: 30 }, (_, j) => words[(i * 7 + j * 3 + (i >> 3)) % words.length]).join(' ')} ${i}</w:t></w:r></w:p>`,
    );
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(join(__dirname, '..', 'fixtures', 'transcripts', 'formats', 'teams.docx')));
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>`;
    zip.file('word/document.xml', xml);
    const heavy = join(dir, 'heavy.docx');
    writeFileSync(heavy, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const pool = workerPreparer(workerFile!, 1, { heapMb: 40 });
    try {
      const [before, killed, after] = await Promise.all([goodTranscripts[1]!, heavy, goodTranscripts[2]!].map((p) => pool.prepare(p)));
      expect(before?.ok).toBe(true);
      expect(killed).toEqual({ ok: false, result: { path: heavy, status: 'error', message: expect.stringMatching(/^heavy\.docx: could not be read: preparing it stopped the import worker/) } });
      expect(after?.ok).toBe(true);
    } finally {
      await pool.close();
    }
  }, 120_000);
});

describe('reading and committing', () => {
  it('a FIFO named like a transcript is refused without waiting for a writer', async () => {
    const fifo = join(tmp(), 'interview.txt');
    execFileSync('mkfifo', [fifo]);
    expect(await readSource(fifo)).toEqual({ path: fifo, status: 'error', message: 'interview.txt: not a regular file' });
  });

  it('an import job leaves what it imported in the study file itself (checkpointed, fsynced), not only in its log', async () => {
    const dir = tmp();
    const core = await coreWithStudy(dir);
    const results = await importAll(core, [goodTranscripts[1]!]);
    expect(results[0]?.status).toBe('ok');
    // Without the job's checkpoint a small import lives only in s.grounded-wal until the study closes.
    const handlers = core.handlers();
    const transcript = await handlers['transcripts:get']({ id: results[0]!.transcriptId! });
    const phrase = transcript.turns.find((t) => t.text.length > 40)!.text.slice(0, 40);
    expect(readFileSync(join(dir, 'study.grounded')).includes(Buffer.from(phrase))).toBe(true);
    await core.close();
  });
});
