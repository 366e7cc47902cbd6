// 0003_stable_evidence on a study made the way Grounded made them before quote ids were stable:
// real transcripts imported through the import path, a synthesis written as the app wrote it, then a
// transcript's quotes re-derived the old way (every quote deleted and re-inserted under new ids),
// plus references written with foreign keys off (a file touched by another tool).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BULLET_SECTIONS, mapSections, type Bullet } from '../../../shared/domain';
import { openStudyDb, type Db } from '../../../electron/core/db/open';
import { danglingReferences, repairReport, REPAIR_META_KEY } from '../../../electron/core/db/queries/evidence';
import { listQuotes } from '../../../electron/core/db/queries/quotes';
import { listPersonas, listThemes } from '../../../electron/core/db/queries/synthesis';
import { personaJson } from '../../../electron/core/export/json';
import { personaMarkdown } from '../../../electron/core/export/markdown';
import { ingestFile } from '../../../electron/core/ingest/ingestFile';
import { migrationsDir } from '../../../electron/core/paths';
import { goodTranscripts } from '../../helpers/core';
import { useTmpDir } from '../../helpers/tmp';

const tmp = useTmpDir();

function migrationsUpTo(dir: string, tag: string): string {
  const out = join(dir, 'migrations');
  cpSync(migrationsDir(), out, { recursive: true });
  const journalPath = join(out, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag));
  writeFileSync(journalPath, JSON.stringify(journal));
  return out;
}

const ids = (db: Db, transcriptId: number) =>
  (db.$client.prepare('select id from quotes where transcript_id = ? order by id').all(transcriptId) as { id: number }[]).map((r) => r.id);

/** What the old applyRoles did on a highlight or a role change: every quote of the transcript deleted and inserted again. */
function renumberTheOldWay(db: Db, transcriptId: number): void {
  const old = ids(db, transcriptId);
  db.$client
    .prepare(
      `insert into quotes (transcript_id, turn_id, participant_id, text, text_hash, start_offset, end_offset, highlight_id)
       select transcript_id, turn_id, participant_id, text, text_hash, start_offset, end_offset, highlight_id from quotes where transcript_id = ? order by id`,
    )
    .run(transcriptId);
  db.$client.prepare('delete from quotes where id in (select value from json_each(?))').run(JSON.stringify(old));
}

describe('0003_stable_evidence repairs a study that holds dangling references', () => {
  it('prunes and marks what the old renumbering broke, says what it repaired, and the study exports', async () => {
    const dir = tmp();
    const path = join(dir, 'old.grounded');
    const before = openStudyDb(path, { create: true, migrationsFolder: migrationsUpTo(dir, '0003_stable_evidence') });
    const db = before.db;
    for (const file of goodTranscripts.slice(0, 3)) {
      const r = await ingestFile(db, { path: file, bytes: readFileSync(file) });
      expect(r.status).toBe('ok');
    }
    const [a, b] = [1, 2].map((t) => ids(db, t));
    expect(a!.length).toBeGreaterThan(4);
    expect(b!.length).toBeGreaterThan(4);
    const all = listQuotes(db).map((q) => q.id);
    const mixed: Bullet = { text: 'Cites quotes from two transcripts', evidence: [a![0]!, b![0]!, a![1]!, b![1]!] };
    const onlyA: Bullet = { text: 'Cites the renumbered transcript only', evidence: [a![2]!, a![3]!] };
    const onlyB: Bullet = { text: 'Untouched claim', evidence: [b![2]!, b![3]!] };
    // The synthesis as the app wrote it at 0002 (raw SQL: later migrations add columns saveRun fills).
    const run = (sql: string, ...args: unknown[]) => db.$client.prepare(sql).run(...args);
    run(`insert into synthesis_runs (id, model_id, model_hash, seed, params, chosen_k, scores) values (1, 'm', 'h', 1, '{}', 1, '{}')`);
    run(`insert into themes (id, run_id, idx, label, keywords) values (1, 1, 0, 'first half', '[]'), (2, 1, 1, 'second half', '[]')`);
    all.forEach((quoteId, rank) => run('insert into theme_quotes (theme_id, quote_id, rank) values (?, ?, ?)', rank < all.length / 2 ? 1 : 2, quoteId, rank));
    all.forEach((quoteId, i) => run('insert into quote_points (run_id, quote_id, x, y) values (1, ?, ?, ?)', quoteId, i, -i));
    const sections = mapSections((s) => (s === 'goals' ? [mixed, onlyA] : s === 'frustrations' ? [onlyB] : []));
    run(
      `insert into personas (id, run_id, idx, name, summary, defining_quote_id, sections, theme_ids) values (1, 1, 0, 'Persona A', '', ?, ?, '[1,2]')`,
      b![4]!,
      JSON.stringify(sections),
    );
    run('insert into persona_participants (persona_id, participant_id) values (1, 1)');
    renumberTheOldWay(db, 1);
    // A file written with foreign keys off holds references the cascades never cleaned.
    db.$client.pragma('foreign_keys = OFF');
    db.$client.prepare('insert into theme_quotes (theme_id, quote_id, rank) values (1, 999999, 0), (1, 999998, 1)').run();
    db.$client.prepare('insert into quote_points (run_id, quote_id, x, y) values (1, 999999, 0, 0)').run();
    db.$client.prepare('update personas set defining_quote_id = 999997').run();
    db.$client.pragma('foreign_keys = ON');
    const themeLinksOfA = a!.length; // cascaded away with the old ids, not dangling
    expect(danglingReferences(db)).toMatchObject({ themeLinks: 2, mapPoints: 1, definingQuotes: 1, personaEvidence: 4 });
    before.close();

    const after = openStudyDb(path, { create: false });
    const report = JSON.parse(
      (after.sqlite.prepare('select value from study_meta where key = ?').get(REPAIR_META_KEY) as { value: string }).value,
    ) as Record<string, number>;
    expect(report).toMatchObject({ themeLinks: 2, mapPoints: 1, definingQuotes: 1, personaEvidence: 4, bullets: 2 });
    expect(repairReport(after.db)).toEqual([
      'Evidence an older Grounded left broken, fixed when this study was opened: removed 2 dangling theme links, removed 1 dangling map point, ' +
        'cleared 1 missing defining quote, removed 4 persona evidence references, marked 2 bullets as having lost evidence.',
    ]);
    expect(Object.values(danglingReferences(after.db)).every((n) => n === 0)).toBe(true);

    const persona = listPersonas(after.db)[0]!;
    expect(persona.goals).toEqual([
      { text: mixed.text, evidence: [b![0], b![1]], lostEvidence: 2 },
      { text: onlyA.text, evidence: [], lostEvidence: 2 },
    ]);
    expect(persona.frustrations).toEqual([onlyB]);
    expect(persona.definingQuote).toBeNull();
    expect(persona.themeIds).toHaveLength(2);
    expect(listThemes(after.db).reduce((n, t) => n + t.size, 0)).toBe(all.length - themeLinksOfA);

    const cited = BULLET_SECTIONS.flatMap((s) => persona[s]).flatMap((x) => x.evidence);
    const quotesById = new Map(listQuotes(after.db, { ids: cited }).map((q) => [q.id, { text: q.text, participantName: q.participantName }]));
    const card = { persona, studyName: 'old', researchDate: null, participantCount: 1, quotesById };
    expect(personaJson(card).goals[1]).toMatchObject({ text: onlyA.text, unsupported: true, lostEvidence: 2 });
    expect(personaMarkdown(card)).toContain('Cites the renumbered transcript only _(unsupported, no quotes, 2 quotes deleted)_');
    after.close();

    // The repair ran once: reopening applies nothing and keeps the report.
    const again = openStudyDb(path, { create: false });
    expect(repairReport(again.db)).toHaveLength(1);
    again.close();
  });

  it('a healthy study is left as it was and reports nothing', () => {
    const study = openStudyDb(join(tmp(), 'new.grounded'), { create: true });
    expect(repairReport(study.db)).toEqual([]);
    expect(Object.values(danglingReferences(study.db)).every((n) => n === 0)).toBe(true);
    study.close();
  });
});
