// The curation workspace on a synthesized study file: every theme edit, persona edit, facet
// correction and highlight edit is undone and redone exactly (full themes:list / personas:list
// snapshots compared), the history lives in the study file (close and reopen, undo still works),
// a new edit clears redo, a new synthesis clears the history; themes:quotes pages and counts,
// quotes:context renders a Markdown question as plain text. The hashed-words embedder of the e2e
// host stands in for the model: what is under test is the bookkeeping, not the themes' quality.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLET_SECTIONS, type Persona, type Theme } from '../../shared/domain';
import type { CoreChannel, InputOf, OutputOf } from '../../shared/ipc/contract';
import { danglingReferences } from '../../electron/core/db/queries/evidence';
import { passagesOfTranscript } from '../../electron/core/db/queries/quotes';
import { runCli } from '../../electron/core/cli/commands';
import { createCoreHost } from '../../electron/core/host/inProcess';
import { hashedWordsEmbedder } from '../e2e/host';
import { goodTranscripts, importAll } from '../helpers/core';

type Host = Awaited<ReturnType<typeof createCoreHost>>;

describe('curation workspace, every edit undoable', () => {
  let dir: string;
  let host: Host;
  const studyPath = () => join(dir, 'study.grounded');

  /** Invokes a channel through the contract (input parsed by zod); a failure throws its code. */
  async function call<C extends CoreChannel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const r = await host.invoke(channel, input);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
    return r.value;
  }
  const snapshot = async () => ({ themes: await call('themes:list', {}), personas: await call('personas:list', {}) });
  const undo = () => call('history:undo', {});
  const redo = () => call('history:redo', {});
  /** The edit is undone to exactly `before` and redone to exactly what it made. */
  async function expectUndoRedo(before: Awaited<ReturnType<typeof snapshot>>, label: string | RegExp) {
    const after = await snapshot();
    expect(after).not.toEqual(before);
    const state = await call('history:state', {});
    expect(state.canUndo).toBe(true);
    expect(state.undoLabel).toMatch(label);
    const undone = await undo();
    expect(undone.redoLabel).toBe(state.undoLabel);
    expect(await snapshot()).toEqual(before);
    const redone = await redo();
    expect(redone.undoLabel).toBe(state.undoLabel);
    expect(await snapshot()).toEqual(after);
    return after;
  }
  const real = (t: Theme) => !t.outlier && t.size >= 3;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-curation-'));
    host = await createCoreHost({ settingsDir: join(dir, 'settings'), createEmbedder: async () => hashedWordsEmbedder() });
    await host.core.openStudy(studyPath(), true);
    await importAll(host.core, goodTranscripts);
    const f = await host.core.startJob({ kind: 'synthesize', personas: 'auto', seed: 7 }).done;
    expect(f.status, JSON.stringify(f.error)).toBe('completed');
    expect((await call('themes:list', {})).filter(real).length).toBeGreaterThanOrEqual(3);
    expect((await call('personas:list', {})).length).toBeGreaterThan(0);
  }, 120_000);
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with nothing to undo; a stray undo or redo changes nothing', async () => {
    expect(await call('history:state', {})).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
    const before = await snapshot();
    expect(await undo()).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
    expect(await redo()).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
    expect(await snapshot()).toEqual(before);
  });

  it('rename: the theme is curated under its new label; undo and redo restore each state exactly', async () => {
    const before = await snapshot();
    const t = before.themes.find(real)!;
    const renamed = await call('themes:rename', { id: t.id, label: '  Funding the work ' });
    expect(renamed).toMatchObject({ id: t.id, label: 'Funding the work', curated: true, quoteIds: t.quoteIds });
    await expectUndoRedo(before, `Rename theme “${t.label}” to “Funding the work”`);
    await expect(call('themes:rename', { id: 999999, label: 'X' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('merge: into the first theme, each quote once, personas repointed; undo and redo exact', async () => {
    const before = await snapshot();
    const [a, b] = before.themes.filter(real);
    // A persona pointing at the merged-away theme (and the kept one): repointed, not duplicated.
    const persona = before.personas[0]!;
    const db = host.core.db();
    db.$client.prepare('update personas set theme_ids = ? where id = ?').run(JSON.stringify([b!.id, a!.id]), persona.id);
    const start = await snapshot();
    const merged = await call('themes:merge', { ids: [a!.id, b!.id], label: 'Money and time' });
    expect(merged).toMatchObject({ id: a!.id, label: 'Money and time', curated: true, size: a!.size + b!.size });
    expect(merged.quoteIds).toEqual([...a!.quoteIds, ...b!.quoteIds]);
    const after = await snapshot();
    expect(after.themes.find((t) => t.id === b!.id)).toBeUndefined();
    expect(after.personas.find((p) => p.id === persona.id)!.themeIds).toEqual([a!.id]);
    await expectUndoRedo(start, 'Merge 2 themes into “Money and time”');
    await undo();
    expect(await snapshot()).toEqual(start);
    await expect(call('themes:merge', { ids: [a!.id, a!.id] })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('split: picked quotes into a new theme of the same run; undo removes it, redo brings it back with its id', async () => {
    const before = await snapshot();
    const t = before.themes.find(real)!;
    const picked = [t.quoteIds[2]!, t.quoteIds[0]!];
    const { from, created } = await call('themes:split', { id: t.id, quoteIds: picked, label: 'Spreadsheets' });
    expect(from.quoteIds).toEqual(t.quoteIds.filter((q) => !picked.includes(q)));
    expect(created).toMatchObject({ label: 'Spreadsheets', curated: true, hidden: false, outlier: false, quoteIds: [t.quoteIds[0], t.quoteIds[2]] });
    expect(from.curated).toBe(true);
    const after = await expectUndoRedo(before, `Split 2 quotes from “${t.label}” into “Spreadsheets”`);
    expect(after.themes.at(-1)!.id).toBe(created.id);
    await expect(call('themes:split', { id: t.id, quoteIds: from.quoteIds.concat(created.quoteIds), label: 'All' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('move quotes: to the end of the other theme, similarity null; undo and redo exact', async () => {
    const before = await snapshot();
    const [a, b] = before.themes.filter(real);
    const moving = [a!.quoteIds[1]!];
    const [from, to] = await call('themes:moveQuotes', { fromId: a!.id, toId: b!.id, quoteIds: moving });
    expect(from!.quoteIds).not.toContain(moving[0]);
    expect(to!.quoteIds.at(-1)).toBe(moving[0]);
    const page = await call('themes:quotes', { id: b!.id, offset: to!.size - 1, limit: 5 });
    expect(page.quotes.map((q) => [q.id, q.similarity])).toEqual([[moving[0], null]]);
    await expectUndoRedo(before, `Move 1 quote from “${a!.label}” to “${b!.label}”`);
    await expect(call('themes:moveQuotes', { fromId: a!.id, toId: b!.id, quoteIds: [b!.quoteIds[0]!] })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it("hide: the theme leaves personas' themes (cards, exports); undo shows it again", async () => {
    const personas = await call('personas:list', {});
    const withTheme = personas.find((p) => p.themeIds.length > 0)!;
    const id = withTheme.themeIds[0]!;
    const before = await snapshot();
    const hidden = await call('themes:setHidden', { id, hidden: true });
    expect(hidden).toMatchObject({ id, hidden: true });
    expect((await call('personas:list', {})).find((p) => p.id === withTheme.id)!.themeIds).not.toContain(id);
    await expectUndoRedo(before, /^Hide theme “/);
    await call('themes:setHidden', { id, hidden: false });
    expect((await call('history:state', {})).undoLabel).toMatch(/^Show theme “/);
    expect((await call('personas:list', {})).find((p) => p.id === withTheme.id)!.themeIds).toContain(id);
  });

  it('persona edits: evidence added to and removed from a bullet, and the defining quote, undone and redone', async () => {
    const before = await snapshot();
    const p = before.personas[0]!;
    const section = BULLET_SECTIONS.find((s) => p[s].some((b) => b.evidence.length >= 2))!;
    const bullets = p[section];
    const i = bullets.findIndex((b) => b.evidence.length >= 2);
    const extra = before.themes.flatMap((t) => t.quoteIds).find((q) => !bullets[i]!.evidence.includes(q))!;
    const edited = bullets.map((b, j) => (j === i ? { text: b.text, evidence: [...b.evidence.slice(1), extra] } : { text: b.text, evidence: b.evidence }));
    const saved = await call('personas:update', { id: p.id, patch: { [section]: edited, definingQuoteId: extra } });
    expect(saved[section][i]!.evidence).toEqual([...bullets[i]!.evidence.slice(1), extra]);
    expect(saved.definingQuote?.id).toBe(extra);
    await expectUndoRedo(before, `Edit persona “${p.name}”`);
    await undo();
    const back = (await call('personas:list', {})).find((x) => x.id === p.id)!;
    expect(back[section][i]!.evidence).toEqual(bullets[i]!.evidence);
    expect(back).toEqual(p);
    // Saving what is there already is no edit to undo.
    await redo();
    const entries = () => (host.core.db().$client.prepare('select count(*) as n from history').get() as { n: number }).n;
    const count = entries();
    await call('personas:update', { id: p.id, patch: { name: p.name } });
    expect(entries()).toBe(count);
  });

  it('a facet correction is undone and redone', async () => {
    const quoteId = (await call('themes:list', {})).find(real)!.quoteIds[0]!;
    const [was] = await call('quotes:facets', { ids: [quoteId] });
    const facet = was?.facet === 'goal' ? 'frustration' : 'goal';
    await call('quotes:setFacet', { quoteId, facet });
    expect((await call('history:state', {})).undoLabel).toBe(`Set a quote’s facet to “${facet}”`);
    await undo();
    expect(await call('quotes:facets', { ids: [quoteId] })).toEqual(was ? [was] : []);
    await redo();
    expect(await call('quotes:facets', { ids: [quoteId] })).toEqual([{ quoteId, facet, confidence: 1, corrected: true }]);
  });

  it('highlights: deleting one over a cited quote is undone with every quote id and citation as before', async () => {
    const db = host.core.db();
    const personas = await call('personas:list', {});
    const cited = personas.flatMap((p) => BULLET_SECTIONS.flatMap((s) => p[s].flatMap((b) => b.evidence)))[0]!;
    const [quote] = await call('quotes:list', { ids: [cited] });
    const passage = passagesOfTranscript(db, quote!.transcriptId).find((q) => q.id === cited)!;
    const original = await snapshot();
    const originalQuotes = passagesOfTranscript(db, quote!.transcriptId);

    const made = await call('highlights:create', { turnId: passage.turnId, start: passage.start, end: passage.start + 20, tags: ['money'] });
    expect(made.quoteId).toBe(cited);
    const highlighted = await snapshot();
    const highlightedQuotes = passagesOfTranscript(db, quote!.transcriptId);
    expect((await call('history:state', {})).undoLabel).toMatch(/^Highlight “/);

    await call('highlights:delete', { id: made.id });
    expect((await call('history:state', {})).undoLabel).toMatch(/^Delete highlight “/);
    await undo();
    expect(passagesOfTranscript(db, quote!.transcriptId)).toEqual(highlightedQuotes);
    expect(await snapshot()).toEqual(highlighted);
    expect(await call('highlights:list', { transcriptId: quote!.transcriptId })).toEqual([made]);

    await undo();
    expect(passagesOfTranscript(db, quote!.transcriptId)).toEqual(originalQuotes);
    expect(await snapshot()).toEqual(original);
    expect(await call('highlights:list', { transcriptId: quote!.transcriptId })).toEqual([]);
    await redo();
    expect(passagesOfTranscript(db, quote!.transcriptId)).toEqual(highlightedQuotes);
    expect(danglingReferences(db)).toEqual({
      themeLinks: 0, themeLinksToThemes: 0, mapPoints: 0, definingQuotes: 0, personaEvidence: 0, personaThemes: 0, personaParticipants: 0, highlightQuotes: 0,
    });
  });

  it('a new edit clears the redo stack', async () => {
    const t = (await call('themes:list', {})).find(real)!;
    await call('themes:rename', { id: t.id, label: 'First name' });
    await undo();
    expect((await call('history:state', {})).canRedo).toBe(true);
    await call('themes:rename', { id: t.id, label: 'Second name' });
    expect(await call('history:state', {})).toEqual({
      canUndo: true,
      canRedo: false,
      undoLabel: `Rename theme “${t.label}” to “Second name”`,
      redoLabel: null,
    });
  });

  it('the history is kept in the study file: close, reopen, and undo still works', async () => {
    const before = await snapshot();
    const t = before.themes.find(real)!;
    await call('themes:rename', { id: t.id, label: 'Kept across a restart' });
    const state = await call('history:state', {});
    await host.close();
    host = await createCoreHost({ settingsDir: join(dir, 'settings'), createEmbedder: async () => hashedWordsEmbedder() });
    await host.core.openStudy(studyPath(), false);
    expect(await call('history:state', {})).toEqual(state);
    await undo();
    expect(await snapshot()).toEqual(before);
  });

  it('themes:quotes pages a theme in its order, filtered by participant and facet, with counts for the filters', async () => {
    const t = (await call('themes:list', {})).filter(real).sort((a, b) => b.size - a.size)[0]!;
    const all = await call('themes:quotes', { id: t.id, limit: 500 });
    expect(all.total).toBe(t.size);
    expect(all.quotes.map((q) => q.id)).toEqual(t.quoteIds);
    const pages = [];
    for (let offset = 0; offset < t.size; offset += 2) pages.push(...(await call('themes:quotes', { id: t.id, offset, limit: 2 })).quotes.map((q) => q.id));
    expect(pages).toEqual(t.quoteIds);
    expect(all.participants.reduce((n, p) => n + p.count, 0)).toBe(t.size);
    const facets = await call('quotes:facets', { ids: t.quoteIds });
    expect(all.facets.reduce((n, f) => n + f.count, 0)).toBe(facets.length);

    const who = all.participants[0]!;
    const theirs = await call('themes:quotes', { id: t.id, participantId: who.id, limit: 500 });
    expect(theirs.total).toBe(who.count);
    expect(theirs.quotes.every((q) => q.participantId === who.id)).toBe(true);
    // The facet counts under a participant filter say what each facet would show for them.
    for (const f of theirs.facets) {
      const both = await call('themes:quotes', { id: t.id, participantId: who.id, facet: f.facet, limit: 500 });
      expect(both.total).toBe(f.count);
      expect(both.quotes.every((q) => q.facet === f.facet && q.participantId === who.id)).toBe(true);
    }
    await expect(call('themes:quotes', { id: 999999 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('quotes:context: who said it, the file, the question as plain text with who asked, themes and citing claims', async () => {
    const sam = (await call('transcripts:list', {})).find((t) => t.fileName === 'interview-sam.md')!;
    const quotes = await call('quotes:list', {});
    const answer = quotes.find((q) => q.transcriptId === sam.id && q.question?.includes('> ALEX:'))!;
    expect(answer.question).toContain('> ALEX:');
    const ctx = await call('quotes:context', { id: answer.id });
    expect(ctx.participant).toMatchObject({ id: answer.participantId, name: answer.participantName });
    expect(ctx.transcript).toEqual({ id: sam.id, fileName: 'interview-sam.md' });
    expect(ctx.question).toEqual({
      speaker: 'Priya',
      text: [
        "I'm going to show you something another participant said, and I'd love your reaction.",
        "Every payday I sit down with a coffee and I go through every line. It takes me maybe forty minutes and after that I don't have to think about it for the rest of the month.",
        "If I can't see the formula, I can't trust the number.",
        'What do you make of that?',
      ].join('\n\n'),
    });
    expect(ctx.quote.question).toBe(ctx.question!.text);
    const themes = (await call('themes:list', {})).filter((t) => t.quoteIds.includes(answer.id)).map((t) => ({ id: t.id, label: t.label }));
    expect(ctx.themes).toEqual(themes);

    const personas: Persona[] = await call('personas:list', {});
    const claim = personas.flatMap((p) => BULLET_SECTIONS.flatMap((s) => p[s].flatMap((b, index) => b.evidence.map((q) => ({ q, p, s, index, text: b.text })))))[0]!;
    const cited = await call('quotes:context', { id: claim.q });
    expect(cited.citedBy).toContainEqual({ personaId: claim.p.id, personaName: claim.p.name, section: claim.s, index: claim.index, text: claim.text });
    await expect(call('quotes:context', { id: 999999 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('undo after a change outside the history (its transcript deleted) leaves out what is gone and breaks nothing', async () => {
    const db = host.core.db();
    const [p] = await call('personas:list', {});
    const section = BULLET_SECTIONS.find((s) => p![s].some((b) => b.evidence.length > 0))!;
    const cited = p![section].find((b) => b.evidence.length > 0)!.evidence[0]!;
    const [quote] = await call('quotes:list', { ids: [cited] });
    const passage = passagesOfTranscript(db, quote!.transcriptId).find((q) => q.id === cited)!;
    const another = passagesOfTranscript(db, quote!.transcriptId).find((q) => q.id !== cited)!;
    await call('highlights:create', { turnId: passage.turnId, start: passage.start, end: passage.start + 20, tags: [] });
    const bullets = p![section].map((b, i) => ({ text: b.text, evidence: i === 0 ? [...b.evidence, another.id] : b.evidence }));
    await call('personas:update', { id: p!.id, patch: { [section]: bullets } });
    await call('transcripts:delete', { id: quote!.transcriptId });
    const whole = { themeLinks: 0, themeLinksToThemes: 0, mapPoints: 0, definingQuotes: 0, personaEvidence: 0, personaThemes: 0, personaParticipants: 0, highlightQuotes: 0 };
    await undo();
    await undo();
    expect(passagesOfTranscript(db, quote!.transcriptId)).toEqual([]);
    expect(danglingReferences(db)).toEqual(whole);
    await redo();
    await redo();
    expect(danglingReferences(db)).toEqual(whole);
    const after = (await call('personas:list', {})).find((x) => x.id === p!.id)!;
    expect(after[section][0]!.evidence).not.toContain(another.id);
    expect(after[section][0]!.lostEvidence).toBeGreaterThan(0);
  });

  it('the CLI lists themes, renames, merges, hides, undoes and redoes, in the same history as the app', async () => {
    process.env.GROUNDED_SETTINGS_DIR = join(dir, 'cli-settings');
    const cli = async (...argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, { write: (s: string) => ((stdout += s), true) } as never, { write: (s: string) => ((stderr += s), true) } as never);
      return { code, stdout, stderr };
    };
    const themes = (await call('themes:list', {})).filter(real);
    const listed = await cli('themes', studyPath());
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(`${themes[0]!.id}\t${themes[0]!.size}\t${themes[0]!.label}`);
    expect(await cli('themes', 'rename', studyPath(), String(themes[0]!.id), 'Named', 'from', 'the', 'CLI')).toMatchObject({ code: 0 });
    expect((await call('themes:list', {})).find((t) => t.id === themes[0]!.id)).toMatchObject({ label: 'Named from the CLI', curated: true });
    expect((await call('history:state', {})).undoLabel).toBe(`Rename theme “${themes[0]!.label}” to “Named from the CLI”`);
    expect(await cli('undo', studyPath())).toMatchObject({ code: 0, stdout: `Undone: Rename theme “${themes[0]!.label}” to “Named from the CLI”\n` });
    expect((await call('themes:list', {})).find((t) => t.id === themes[0]!.id)!.label).toBe(themes[0]!.label);
    expect(await cli('redo', studyPath())).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Redone: Rename theme/) });
    expect(await cli('themes', 'hide', studyPath(), String(themes[1]!.id))).toMatchObject({ code: 0, stdout: expect.stringContaining('\thidden') });
    expect((await cli('themes', studyPath())).stdout).toMatch(new RegExp(`^${themes[1]!.id}\\t.*\\[[a-z,]*hidden[a-z,]*\\]$`, 'm'));
    const merged = await cli('themes', 'merge', studyPath(), String(themes[0]!.id), String(themes[2]!.id));
    expect(merged).toMatchObject({ code: 0, stdout: `${themes[0]!.id}\t${themes[0]!.size + themes[2]!.size}\tNamed from the CLI\n` });
    expect(await cli('themes', 'merge', studyPath(), String(themes[0]!.id))).toMatchObject({ code: 1 });
    expect(await cli('themes', 'rename', studyPath(), 'x', 'Label')).toMatchObject({ code: 1, stderr: expect.stringContaining("'x' is not a theme id") });
  });

  it('a new synthesis replaces the run and clears the history', async () => {
    const t = (await call('themes:list', {})).find(real)!;
    await call('themes:rename', { id: t.id, label: 'Before the re-run' });
    expect((await call('history:state', {})).canUndo).toBe(true);
    const f = await host.core.startJob({ kind: 'synthesize', personas: 'auto', seed: 7 }).done;
    expect(f.status, JSON.stringify(f.error)).toBe('completed');
    expect(await call('history:state', {})).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
  }, 120_000);
});
