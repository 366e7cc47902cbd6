import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreWithStudy, goodTranscripts, importAll, transcriptsDir } from '../helpers/core';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();

function rowCounts(core: Awaited<ReturnType<typeof coreWithStudy>>) {
  const sqlite = core.requireStudy().sqlite;
  const n = (t: string) => (sqlite.prepare(`select count(*) as c from ${t}`).get() as { c: number }).c;
  return { transcripts: n('transcripts'), turns: n('turns'), speakers: n('speakers'), quotes: n('quotes') };
}

describe('importing transcripts into a study (real SQLite file)', () => {
  it('imports a folder: good files in, bad files reported by name with the reason, nothing of them stored', async () => {
    const core = await coreWithStudy(tmp());
    const results = await importAll(core, [transcriptsDir]);
    const byName = new Map(results.map((r) => [r.path.split('/').pop(), r]));
    for (const good of goodTranscripts) expect(byName.get(good.split('/').pop())?.status, good).toBe('ok');
    expect(byName.get('empty.txt')).toMatchObject({ status: 'error', message: expect.stringMatching(/^empty\.txt: .*empty/) });
    expect(byName.get('binary.txt')).toMatchObject({ status: 'error', message: expect.stringMatching(/^binary\.txt: .*binary/) });
    expect(byName.get('no-speakers.txt')).toMatchObject({ status: 'error', message: expect.stringMatching(/^no-speakers\.txt: /) });
    const okCount = results.filter((r) => r.status === 'ok').length;
    const info = core.info()!;
    expect(info.counts.transcripts).toBe(okCount);
    expect(info.counts.quotes).toBeGreaterThan(200);
    const list = await core.handlers()['transcripts:list']({});
    const alex = list.find((t) => t.fileName === 'interview-alex.txt')!;
    const sqlite = core.requireStudy().sqlite;
    const count = (sql: string, id: number) => (sqlite.prepare(sql).get(id) as { c: number }).c;
    for (const t of list) {
      expect(t.turnCount, t.fileName).toBe(count('select count(*) as c from turns where transcript_id = ?', t.id));
      expect(t.quoteCount, t.fileName).toBe(count('select count(*) as c from quotes where transcript_id = ?', t.id));
    }
    for (const p of await core.handlers()['participants:list']({})) {
      expect(p.quoteCount, p.name).toBe(count('select count(*) as c from quotes where participant_id = ?', p.id));
      expect(p.transcriptCount, p.name).toBeGreaterThan(0);
    }
    expect(alex.interviewer).toBe('Interviewer');
    expect(alex.participants).toEqual(['Alex']);
  });

  it('reports unreadable paths and goes on with the rest', async () => {
    const core = await coreWithStudy(tmp());
    const results = await importAll(core, ['/nonexistent/folder/x.txt', goodTranscripts[1]!]);
    expect(results[0]).toMatchObject({ status: 'error', message: expect.stringMatching(/x\.txt: cannot read \(no such file/) });
    expect(results[1]!.status).toBe('ok');
  });

  it('skips a file whose content was already imported, whatever its name', async () => {
    const dir = tmp();
    const core = await coreWithStudy(dir);
    const copy = join(dir, 'renamed.txt');
    copyFileSync(goodTranscripts[1]!, copy);
    await importAll(core, [goodTranscripts[1]!]);
    const [again] = await importAll(core, [copy]);
    expect(again).toMatchObject({ status: 'skipped', message: expect.stringMatching(/renamed\.txt: already imported .*interview-alex\.txt/) });
    expect(core.info()!.counts.transcripts).toBe(1);
  });

  it('leaves nothing of a file whose write fails midway (one transaction per file)', async () => {
    const dir = tmp();
    const core = await coreWithStudy(dir);
    // A real failure inside the transaction, after the transcript and its turns were written.
    core.requireStudy().sqlite.exec(
      "create trigger boom before insert on quotes when new.text like '%kumquat%' begin select raise(abort, 'disk trouble'); end",
    );
    const broken = join(dir, 'broken.txt');
    writeFileSync(
      broken,
      'Interviewer: How do you budget?\nAlex: I keep a kumquat-coloured spreadsheet of every single purchase I make each month.\n' +
        'Interviewer: Why?\nAlex: Because otherwise I lose track of where the money goes by the middle of the month.\n',
    );
    const results = await importAll(core, [broken, goodTranscripts[0]!]);
    expect(results[0]).toMatchObject({ status: 'error', message: expect.stringMatching(/broken\.txt: .*disk trouble/) });
    expect(results[1]!.status).toBe('ok');
    const list = await core.handlers()['transcripts:list']({});
    expect(list.map((t) => t.fileName)).toEqual(['focus-call.vtt']);
    const counts = rowCounts(core);
    const vtt = await core.handlers()['transcripts:get']({ id: list[0]!.id });
    expect(counts.turns).toBe(vtt.turns.length);
  });

  it('lets the researcher change the interviewer, re-deriving whose quotes are whose', async () => {
    const core = await coreWithStudy(tmp());
    await importAll(core, [goodTranscripts[1]!]);
    const h = core.handlers();
    const [t] = await h['transcripts:list']({});
    const before = await h['quotes:list']({});
    expect(new Set(before.map((q) => q.participantName))).toEqual(new Set(['Alex']));
    const after = await h['transcripts:setInterviewer']({ id: t!.id, speaker: 'Alex' });
    expect(after.interviewer).toBe('Alex');
    // "Interviewer" is a generic label: as a participant it is a person of this file, named after it.
    expect(after.participants).toEqual(['interview-alex (Interviewer)']);
    const quotes = await h['quotes:list']({});
    expect(new Set(quotes.map((q) => q.participantName))).toEqual(new Set(['interview-alex (Interviewer)']));
    const back = await h['transcripts:setInterviewer']({ id: t!.id, speaker: 'Interviewer' });
    expect(back.quoteCount).toBe(before.length);
    await expect(Promise.resolve().then(() => h['transcripts:setInterviewer']({ id: t!.id, speaker: 'Nobody' }))).rejects.toThrow(
      /has no speaker named "Nobody"/,
    );
  });

  it('imports dropped file contents (browser drag and drop) the same way', async () => {
    const core = await coreWithStudy(tmp());
    const data = Buffer.from(
      'Interviewer: What do you do?\nRiya: I run a bakery and do the books on Sunday nights.\n' +
        'Interviewer: How does that go?\nRiya: Badly, honestly, because the receipts are always in a shoebox somewhere.\n',
    ).toString('base64');
    const finished = await core.startJob({ kind: 'importContent', files: [{ name: 'riya.txt', dataBase64: data }, { name: 'e.txt', dataBase64: '' }] }).done;
    expect(finished.result?.imports?.map((r) => r.status)).toEqual(['ok', 'error']);
    expect(core.info()!.counts.participants).toBe(1);
  });
});

describe('preview before import', () => {
  it('shows what was detected and who speaks, proposes roles, and writes nothing', async () => {
    const core = await coreWithStudy(tmp());
    const vtt = goodTranscripts[0]!;
    const { files } = await core.handlers()['transcripts:preview']({ paths: [vtt, join(transcriptsDir, 'bad', 'empty.txt')] });
    const [ok, bad] = files;
    expect(ok).toMatchObject({ path: vtt, ok: true, format: 'webvtt', detected: expect.stringMatching(/VTT/i), duplicateOf: null });
    if (!ok?.ok) throw new Error('expected a preview');
    expect(ok.speakers.map((s) => [s.name, s.proposedRole])).toEqual([
      ['Priya Raman', 'interviewer'],
      ['Nadia Haddad', 'participant'],
      ['Ben Carter', 'participant'],
    ]);
    for (const s of ok.speakers) {
      expect(s.turns).toBeGreaterThan(0);
      expect(s.sample.length).toBeGreaterThan(10);
    }
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/^empty\.txt: /) });
    expect(core.info()!.counts.transcripts).toBe(0);
  });

  it('imports with the researcher’s renames and roles', async () => {
    const core = await coreWithStudy(tmp());
    const vtt = goodTranscripts[0]!;
    const finished = await core.startJob({
      kind: 'import',
      paths: [vtt],
      speakers: { [vtt]: { renames: { 'Ben Carter': 'Ben' }, roles: { 'Nadia Haddad': 'other' } } },
    }).done;
    expect(finished.result?.imports?.[0]?.status).toBe('ok');
    const [t] = await core.handlers()['transcripts:list']({});
    expect(t!.participants).toEqual(['Ben']);
    const detail = await core.handlers()['transcripts:get']({ id: t!.id });
    expect(detail.speakers.find((s) => s.name === 'Nadia Haddad')?.role).toBe('other');
    const { files } = await core.handlers()['transcripts:preview']({ paths: [vtt] });
    expect(files[0]).toMatchObject({ ok: true, duplicateOf: 'focus-call.vtt' });
  });
});

describe('quotes keep their context', () => {
  it('carry the interviewer question they answer, when the turn before asked one', async () => {
    const core = await coreWithStudy(tmp());
    await importAll(core, [goodTranscripts[1]!]);
    const h = core.handlers();
    const [t] = await h['transcripts:list']({});
    const detail = await h['transcripts:get']({ id: t!.id });
    const quotes = await h['quotes:list']({});
    const withQuestion = quotes.filter((q) => q.question !== null);
    expect(withQuestion.length).toBeGreaterThan(5);
    for (const q of quotes) {
      const turn = detail.turns.find((x) => x.id === q.turnId)!;
      const before = detail.turns[turn.index - 1];
      const expected = before && before.role === 'interviewer' && before.text.includes('?') ? before.text : null;
      expect(q.question).toBe(expected);
    }
  });
});
