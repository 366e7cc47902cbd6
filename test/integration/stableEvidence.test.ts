// Evidence that holds: on a study synthesized with the real model, every edit that re-derives
// quotes (highlights, re-imports, role changes, renames, merges) keeps each cited quote's id, so
// theme membership, persona evidence, the defining quote, facet corrections and map points stay
// whole; deleting a transcript marks and lists the claims that lose evidence, and export works.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLET_SECTIONS, type Persona } from '../../shared/domain';
import type { Db } from '../../electron/core/db/open';
import { danglingReferences } from '../../electron/core/db/queries/evidence';
import { passagesOfTranscript } from '../../electron/core/db/queries/quotes';
import type { Core } from '../../electron/core/service';
import { coreWithStudy, goodTranscripts, importAll, modelReady } from '../helpers/core';

type Evidence = Map<string, number[]>;

/** Every bullet's evidence, keyed by persona, section and position. */
function evidenceOf(personas: Persona[]): Evidence {
  const out: Evidence = new Map();
  for (const p of personas) for (const s of BULLET_SECTIONS) p[s].forEach((b, i) => out.set(`${p.id}:${s}:${i}`, b.evidence));
  return out;
}

describe.skipIf(!modelReady)('stable evidence on a synthesized study', () => {
  let core: Core;
  let dir: string;
  let db: Db;
  const h = () => core.handlers();
  const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const snapshot = async () => ({
    evidence: evidenceOf(await h()['personas:list']({})),
    defining: (await h()['personas:list']({})).map((p) => p.definingQuote?.id ?? null),
    themeLinks: count('theme_quotes'),
    themeSizes: (await h()['themes:list']({})).map((t) => t.size),
    mapPoints: count('quote_points'),
  });
  const expectWhole = () => expect(danglingReferences(db)).toEqual({
    themeLinks: 0, themeLinksToThemes: 0, mapPoints: 0, definingQuotes: 0, personaEvidence: 0, personaThemes: 0, personaParticipants: 0, highlightQuotes: 0,
  });
  const transcriptId = async (prefix: string) => (await h()['transcripts:list']({})).find((t) => t.fileName.startsWith(prefix))!.id;
  let synthesized: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-evidence-'));
    core = await coreWithStudy(dir);
    db = core.requireStudy().db;
    await importAll(core, goodTranscripts);
    const f = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
    expect(f.status, JSON.stringify(f.error)).toBe('completed');
    synthesized = await snapshot();
    expect(synthesized.themeLinks).toBeGreaterThan(0);
    expect(synthesized.mapPoints).toBeGreaterThan(0);
    expect([...synthesized.evidence.values()].flat().length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a highlight over a cited quote takes its id; editing and deleting it keep the id; the facet correction follows', async () => {
    const cited = [...synthesized.evidence.values()].flat()[0]!;
    const [quote] = await h()['quotes:list']({ ids: [cited] });
    const passage = passagesOfTranscript(db, quote!.transcriptId).find((p) => p.id === cited)!;
    await h()['quotes:setFacet']({ quoteId: cited, facet: 'goal' });
    const inner = Math.max(12, Math.floor((passage.end - passage.start) * 0.6));
    const made = await h()['highlights:create']({ turnId: passage.turnId, start: passage.start, end: passage.start + inner, tags: [] });
    expect(made.quoteId).toBe(cited);
    const [highlighted] = await h()['quotes:list']({ ids: [cited] });
    expect(highlighted!.text).not.toBe(quote!.text);
    expect(await h()['quotes:facets']({ ids: [cited] })).toEqual([{ quoteId: cited, facet: 'goal', confidence: 1, corrected: true }]);
    expect(await snapshot()).toEqual(synthesized);
    expectWhole();

    const edited = await h()['highlights:update']({ id: made.id, end: passage.end, tags: ['kept'] });
    expect(edited).toMatchObject({ quoteId: cited, start: passage.start, end: passage.end, tags: ['kept'] });
    expect(await snapshot()).toEqual(synthesized);

    await h()['highlights:delete']({ id: made.id });
    const [back] = await h()['quotes:list']({ ids: [cited] });
    expect(back!.text).toBe(quote!.text);
    expect(await snapshot()).toEqual(synthesized);
    expectWhole();
  });

  it('re-importing the same file skips it, a new round adds quotes, and every cited id stays', async () => {
    const again = await importAll(core, [goodTranscripts[1]!]);
    expect(again[0]!.status).toBe('skipped');
    const round2 = join(dir, 'interview-alex-round-2.txt');
    writeFileSync(
      round2,
      [
        'Interviewer: What changed since we last spoke?',
        'Alex: I moved the whole spreadsheet into the bank app because the categories finally match what I actually spend on.',
        'Interviewer: How does that feel day to day?',
        'Alex: Lighter, honestly. I check it on the bus instead of sitting down on Sunday evenings with a laptop and a coffee.',
        'Interviewer: Anything you miss?',
        'Alex: The spreadsheet let me plan holidays months ahead, and the app only looks back at what already happened.',
      ].join('\n\n'),
    );
    const [added] = await importAll(core, [round2]);
    expect(added!.status, added!.message).toBe('ok');
    expect(await snapshot()).toEqual(synthesized);
    expectWhole();
  });

  it('re-deriving on a role change, a speaker rename, a speaker merge and a participant merge keeps every id', async () => {
    const alex = await transcriptId('interview-alex');
    const alexIds = passagesOfTranscript(db, alex).map((p) => p.id);
    await h()['transcripts:setSpeakerRole']({ id: alex, speaker: 'Interviewer', role: 'interviewer' });
    expect(passagesOfTranscript(db, alex).map((p) => p.id)).toEqual(alexIds);

    const focus = await transcriptId('focus-call');
    const focusIds = passagesOfTranscript(db, focus).map((p) => p.id);
    await h()['transcripts:renameSpeaker']({ id: focus, from: 'Nadia Haddad', to: 'Nadia H.' });
    await h()['transcripts:renameSpeaker']({ id: focus, from: 'Ben Carter', to: 'Nadia H.' });
    const after = passagesOfTranscript(db, focus);
    expect(after.map((p) => p.id)).toEqual(focusIds);
    expect(new Set(after.map((p) => p.participantId)).size).toBe(1);

    const people = await h()['participants:list']({});
    const dev = people.find((p) => p.name === 'Dev')!;
    const jordan = people.find((p) => p.name === 'Jordan')!;
    await h()['participants:merge']({ fromId: dev.id, intoId: jordan.id });
    expect(await snapshot()).toEqual(synthesized);
    expectWhole();
  });

  it('exports PDF, Markdown and JSON after all of it', async () => {
    for (const format of ['pdf', 'md', 'json'] as const) {
      const f = await core.startJob({ kind: 'export', format, outDir: join(dir, `out-${format}`) }).done;
      expect(f.status, JSON.stringify(f.error)).toBe('completed');
    }
  });

  it('deleting a transcript lists and marks the claims that lose evidence, keeps the rest, and export still works', async () => {
    const before = await h()['personas:list']({});
    // The transcript the most cited quotes come from: deleting it must hit some claims.
    const cited = [...evidenceOf(before).values()].flat();
    const from = new Map((await h()['quotes:list']({ ids: cited })).map((q) => [q.id, q.transcriptId]));
    const tally = new Map<number, number>();
    for (const id of cited) tally.set(from.get(id)!, (tally.get(from.get(id)!) ?? 0) + 1);
    const victim = [...tally].sort((a, b) => b[1] - a[1])[0]![0];
    const gone = new Set(cited.filter((id) => from.get(id) === victim));

    const loss = await h()['transcripts:delete']({ id: victim });

    const expected = before.flatMap((p) =>
      BULLET_SECTIONS.flatMap((section) =>
        p[section].flatMap((b, index) => {
          const lost = b.evidence.filter((id) => gone.has(id)).length;
          return lost ? [{ personaId: p.id, personaName: p.name, section, index, text: b.text, lost, unsupported: lost === b.evidence.length }] : [];
        }),
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(loss.claims).toEqual(expected);
    expect(loss.themeLinksRemoved).toBeGreaterThan(0);
    const after = await h()['personas:list']({});
    for (const p of after) {
      const was = before.find((x) => x.id === p.id)!;
      for (const s of BULLET_SECTIONS) {
        p[s].forEach((b, i) => {
          const old = was[s][i]!;
          expect(b.evidence).toEqual(old.evidence.filter((id) => !gone.has(id)));
          expect(b.lostEvidence ?? 0).toBe((old.lostEvidence ?? 0) + old.evidence.filter((id) => gone.has(id)).length);
        });
      }
    }
    expectWhole();
    const md = await core.startJob({ kind: 'export', format: 'md', outDir: join(dir, 'after-delete') }).done;
    expect(md.status, JSON.stringify(md.error)).toBe('completed');
    for (const format of ['pdf', 'json'] as const) {
      const f = await core.startJob({ kind: 'export', format, outDir: join(dir, `after-delete-${format}`) }).done;
      expect(f.status, JSON.stringify(f.error)).toBe('completed');
    }
  });

  it('saving an edit that cites a deleted quote keeps the other evidence and marks the bullet; a missing defining quote is named', async () => {
    const [p] = await h()['personas:list']({});
    const goals = p!.goals.length ? p!.goals : [{ text: 'A claim', evidence: [] }];
    const real = goals[0]!.evidence;
    const saved = await h()['personas:update']({ id: p!.id, patch: { goals: [{ text: goals[0]!.text, evidence: [...real, 987654], lostEvidence: goals[0]!.lostEvidence }, ...goals.slice(1)] } });
    expect(saved.goals[0]!.evidence).toEqual(real);
    expect(saved.goals[0]!.lostEvidence).toBe((goals[0]!.lostEvidence ?? 0) + 1);
    await expect(async () => h()['personas:update']({ id: p!.id, patch: { definingQuoteId: 987654 } })).rejects.toThrow(/defining quote \(quote 987654\)/);
    expectWhole();
  });
});

describe('quotes a newer extractor would cut differently', () => {
  it('stand until their own turn changes: a highlight elsewhere in the transcript leaves them as stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grounded-settled-'));
    const core = await coreWithStudy(dir);
    try {
      await importAll(core, [goodTranscripts[1]!]);
      const db = core.requireStudy().db;
      const stored = passagesOfTranscript(db, 1);
      const [first, , other] = stored;
      // Quotes cut by an older extractor: one ends earlier than today's rules would end it.
      const olderCut = { ...first!, end: first!.end - 5, text: 'cut by an older extractor' };
      db.$client.prepare('update quotes set end_offset = ?, text = ? where id = ?').run(olderCut.end, olderCut.text, first!.id);
      const elsewhere = stored.find((p) => p.turnId !== first!.turnId && p.turnId !== other!.turnId)!;
      const made = await core.handlers()['highlights:create']({ turnId: elsewhere.turnId, start: elsewhere.start, end: elsewhere.end, tags: [] });
      const after = passagesOfTranscript(db, 1);
      expect(after.find((p) => p.id === first!.id)).toEqual(olderCut);
      expect(after.find((p) => p.id === other!.id)).toEqual(other);
      expect(made.quoteId).toBe(elsewhere.id);
      expect(after.map((p) => p.id)).toEqual(stored.map((p) => p.id));
      // Its own turn changing re-derives it with today's rules, under the same id.
      await core.handlers()['highlights:delete']({ id: made.id });
      const own = await core.handlers()['highlights:create']({ turnId: first!.turnId, start: first!.start, end: first!.start + 10, tags: [] });
      const [mine] = passagesOfTranscript(db, 1).filter((p) => p.highlightId === own.id);
      expect(mine!.id).toBe(first!.id);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
