// Consent withdrawal: removing a participant leaves no byte of their words in the study file or its
// WAL (grepped after the removal's VACUUM), keeps the interviewer's turns of their transcript, and
// lists (and marks) every persona claim that lost evidence, on a study synthesized with the real model.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLET_SECTIONS, type ParticipantRemoval } from '../../shared/domain';
import type { Db } from '../../electron/core/db/open';
import { danglingReferences } from '../../electron/core/db/queries/evidence';
import { REDACTED } from '../../electron/core/db/queries/removeParticipant';
import type { Core } from '../../electron/core/service';
import { coreWithStudy, goodTranscripts, importAll, modelReady } from '../helpers/core';
import { grounded, useCliSettings } from '../helpers/runCli';
import { useTmpDir } from '../helpers/tmp';

/** Words only Maria says in the fixtures (her interview's speaker label among them). */
const HER_WORDS = ['a system my mother used', 'Every month I look at the next three months', 'part-time work at the pharmacy', 'Eight pots. I named them all', 'Maria Lopez'];

function studyBytes(path: string): string {
  const file = readFileSync(path).toString('latin1');
  const wal = existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).toString('latin1') : '';
  return file + wal;
}

describe('withdrawing a participant', () => {
  let core: Core;
  let dir: string;
  let db: Db;
  let path: string;
  let removal: ParticipantRemoval;
  let citedBefore: Map<string, number>;
  let mariaQuotes: Set<number>;
  let herHashes: Set<string>;
  let highlightId: number;
  const h = () => core.handlers();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-consent-'));
    core = await coreWithStudy(dir);
    path = core.requireStudy().path;
    db = core.requireStudy().db;
    await importAll(core, goodTranscripts);
    if (modelReady) {
      const f = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
      expect(f.status, JSON.stringify(f.error)).toBe('completed');
    }
    const maria = (await h()['participants:list']({})).find((p) => p.name === 'Maria Lopez')!;
    expect(maria.quoteCount).toBeGreaterThan(0);
    // A highlight of hers (the researcher's own selection) must go too.
    const transcript = (await h()['transcripts:list']({})).find((t) => t.fileName === 'interview-maria.md')!;
    const turn = (await h()['transcripts:get']({ id: transcript.id })).turns.find((t) => t.text.includes('Eight pots'))!;
    const start = turn.text.indexOf('Eight pots');
    highlightId = (await h()['highlights:create']({ turnId: turn.id, start, end: start + 'Eight pots. I named them all.'.length, tags: [] })).id;
    mariaQuotes = new Set((db.$client.prepare('select id from quotes where participant_id = ?').all(maria.id) as { id: number }[]).map((r) => r.id));
    herHashes = new Set((db.$client.prepare('select text_hash as h from quotes where participant_id = ?').all(maria.id) as { h: string }[]).map((r) => r.h));
    citedBefore = new Map();
    for (const p of await h()['personas:list']({})) {
      for (const s of BULLET_SECTIONS) {
        p[s].forEach((b, i) => {
          const n = b.evidence.filter((id) => mariaQuotes.has(id)).length;
          if (n > 0) citedBefore.set(`${p.id}:${s}:${i}`, n);
        });
      }
    }
    // The control: before the removal her words are in the file's bytes.
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const before = studyBytes(path);
    for (const words of HER_WORDS) expect(before.includes(words), words).toBe(true);
    removal = await h()['participants:remove']({ id: maria.id });
  }, 600_000);

  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('clears the undo history, which held her highlight (undo would bring her words back)', async () => {
    expect(removal.undoEntriesCleared).toBeGreaterThanOrEqual(1);
    expect((await h()['history:state']({})).canUndo).toBe(false);
  });

  it('leaves no byte of her words in the study file or its WAL', () => {
    const after = studyBytes(path);
    for (const words of HER_WORDS) expect(after.includes(words), words).toBe(false);
  });

  it('removes her turns, quotes, highlight, FTS rows, records and unshared vectors', async () => {
    expect(removal.participant.name).toBe('Maria Lopez');
    expect(removal.turnsRemoved).toBeGreaterThan(0);
    expect(removal.quotesRemoved).toBeGreaterThanOrEqual(mariaQuotes.size);
    expect(removal.highlightsRemoved).toBe(1);
    expect(db.$client.prepare('select count(*) as n from highlights where id = ?').get(highlightId)).toEqual({ n: 0 });
    expect((await h()['participants:list']({})).map((p) => p.name)).not.toContain('Maria Lopez');
    expect((await h()['search:query']({ q: '"part-time work"', who: 'everyone' })).total).toBe(0);
    expect(db.$client.prepare(`select count(*) as n from turns_fts where turns_fts match '"part-time work"'`).get()).toEqual({ n: 0 });
    // The FTS index agrees with its content table (what 'integrity-check' verifies for external content).
    expect(() => db.$client.prepare(`insert into turns_fts(turns_fts) values('integrity-check')`).run()).not.toThrow();
    const unshared = db.$client.prepare(
      'select count(*) as n from embeddings where text_hash in (select value from json_each(?)) and text_hash not in (select text_hash from quotes)',
    );
    expect(unshared.get(JSON.stringify([...herHashes]))).toEqual({ n: 0 });
    if (modelReady) expect(removal.embeddingsRemoved).toBeGreaterThan(0);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.$client.pragma('freelist_count', { simple: true })).toBe(0);
  });

  it("keeps the interviewer's turns of her transcript, and says so", async () => {
    expect(removal.transcripts).toEqual([expect.objectContaining({ fileName: 'interview-maria.md', outcome: 'kept' })]);
    const t = (await h()['transcripts:list']({})).find((x) => x.fileName === 'interview-maria.md')!;
    const detail = await h()['transcripts:get']({ id: t.id });
    expect(detail.turns.length).toBe(removal.transcripts[0]!.turnsLeft);
    expect(new Set(detail.turns.map((x) => x.speaker))).toEqual(new Set(['Chris Wu']));
    expect(t.participants).toEqual([]);
  });

  it.skipIf(!modelReady)('lists and marks every persona claim that cited her', async () => {
    expect(citedBefore.size).toBeGreaterThan(0);
    const listed = new Map(removal.loss.claims.map((c) => [`${c.personaId}:${c.section}:${c.index}`, c.lost]));
    expect(listed).toEqual(citedBefore);
    const personas = await h()['personas:list']({});
    for (const c of removal.loss.claims) {
      const bullet = personas.find((p) => p.id === c.personaId)![c.section][c.index]!;
      expect(bullet.lostEvidence).toBeGreaterThanOrEqual(c.lost);
      expect(bullet.evidence.some((id) => mariaQuotes.has(id))).toBe(false);
    }
    // The drafts quoted her: those quotations are replaced, wherever they stood.
    expect(removal.redacted.length).toBeGreaterThan(0);
    expect(personas.flatMap((p) => BULLET_SECTIONS.flatMap((s) => p[s].map((b) => b.text))).filter((t) => t.includes(REDACTED)).length).toBeGreaterThan(0);
    for (const p of personas) expect(p.participants.map((x) => x.name)).not.toContain('Maria Lopez');
    expect(danglingReferences(db)).toEqual({
      themeLinks: 0, themeLinksToThemes: 0, mapPoints: 0, definingQuotes: 0, personaEvidence: 0, personaThemes: 0, personaParticipants: 0, highlightQuotes: 0,
    });
  });
});

describe('grounded participants remove', () => {
  const tmp = useTmpDir();
  useCliSettings(() => tmp());

  it('removes by name (any case), prints what went and what was kept, refuses unknown names', async () => {
    const dir = tmp();
    const study = join(dir, 'study.grounded');
    expect((await grounded('import', study, ...goodTranscripts.filter((f) => /maria|alex/.test(f)))).code).toBe(0);
    const unknown = await grounded('participants', 'remove', study, 'Nobody Here');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no participant named or coded 'Nobody Here'");
    const r = await grounded('participants', 'remove', study, 'maria lopez');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Removed Maria Lopez: \d+ turns, \d+ quotes, 0 highlights/);
    expect(r.stdout).toContain('Kept interview-maria.md: ');
    expect(r.stdout).toContain('No persona claim cited them.');
    const bytes = readFileSync(study).toString('latin1');
    expect(bytes.includes('a system my mother used')).toBe(false);
    const names = JSON.parse((await grounded('info', study, '--json')).stdout) as { counts: { participants: number } };
    expect(names.counts.participants).toBe(1);
  });
});
