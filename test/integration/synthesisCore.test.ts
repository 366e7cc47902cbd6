// Import -> synthesize -> edit -> export through the core, with the real model and a real file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLET_SECTIONS, type Persona } from '../../shared/domain';
import type { Core } from '../../electron/core/service';
import { labelReasons } from '../../electron/core/synthesis/checks/label';
import { coreWithStudy, goodTranscripts, importAll, modelReady } from '../helpers/core';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();

describe.skipIf(!modelReady)('synthesis with the on-device model', () => {
  let core: Core;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-synth-'));
    core = await coreWithStudy(dir);
    await importAll(core, goodTranscripts);
    const f = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
    expect(f.status, JSON.stringify(f.error)).toBe('completed');
  });
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('embeds every quote once, themes cover every quote, 2 to 4 personas', async () => {
    const info = core.info()!;
    expect(info.counts.embedded).toBe(info.counts.quotes);
    const themes = await core.handlers()['themes:list']({});
    expect(themes.length).toBeGreaterThanOrEqual(2);
    expect(themes.reduce((n, t) => n + t.size, 0)).toBe(info.counts.quotes);
    const speakerNames = (await core.handlers()['participants:list']({})).map((p) => p.name);
    for (const t of themes) {
      expect(t.label.length).toBeGreaterThan(0);
      expect(t.topQuotes.length).toBeGreaterThan(0);
      if (t.outlier) continue;
      // A key phrase about content: never a participant's name, never filler, 1 to 4 words.
      expect(labelReasons(t.label, speakerNames), t.label).toEqual([]);
      expect(t.description.length).toBeGreaterThan(0);
    }
    const personas = await core.handlers()['personas:list']({});
    expect(personas.length).toBeGreaterThanOrEqual(2);
    expect(personas.length).toBeLessThanOrEqual(4);
  });

  it('backs every bullet with quotes from the persona’s own participants', async () => {
    const h = core.handlers();
    for (const p of await h['personas:list']({})) {
      const own = new Set(p.participants.map((x) => x.id));
      expect(p.definingQuote).not.toBeNull();
      for (const s of BULLET_SECTIONS) {
        for (const b of p[s]) {
          expect(b.evidence.length, `${p.name} ${s}: ${b.text}`).toBeGreaterThan(0);
          const quotes = await h['quotes:list']({ ids: b.evidence });
          expect(quotes).toHaveLength(b.evidence.length);
          for (const q of quotes) expect(own.has(q.participantId)).toBe(true);
        }
      }
    }
  });

  it('never embeds a text twice: a re-run embeds nothing new', async () => {
    const f = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
    expect(f.result?.synthesis?.embedded).toBe(0);
  });

  it('embeds only the quotes of a newly imported transcript', async () => {
    const before = core.info()!.counts;
    const extra = join(dir, 'riya.txt');
    writeFileSync(
      extra,
      'Priya: How do you keep track of the shop money?\nRiya: I photograph every receipt and sort them on Sunday nights at the kitchen table.\n' +
        'Priya: What gets in the way?\nRiya: The bank app lumps the card fees together, so I never know what each supplier really costs me.\n',
    );
    await importAll(core, [extra]);
    const added = core.info()!.counts.quotes - before.quotes;
    expect(added).toBeGreaterThan(0);
    const f = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
    expect(f.result?.synthesis?.embedded).toBe(added);
  });

  it('is deterministic for the same study and settings', async () => {
    const snapshot = async () => {
      await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 7 }).done;
      const h = core.handlers();
      const strip = (p: Persona) => ({ ...p, id: 0, updatedAt: '', themeIds: [] });
      return JSON.stringify({
        themes: (await h['themes:list']({})).map((t) => ({ ...t, id: 0 })),
        personas: (await h['personas:list']({})).map(strip),
      });
    };
    expect(await snapshot()).toBe(await snapshot());
  });

  it('honours a persona count override', async () => {
    await core.startJob({ kind: 'synthesize', personas: 3, seed: 42 }).done;
    expect(await core.handlers()['personas:list']({})).toHaveLength(3);
    await core.startJob({ kind: 'synthesize', personas: 2, seed: 42 }).done;
    expect(await core.handlers()['personas:list']({})).toHaveLength(2);
  });

  it('keeps a researcher’s edit, and drops and marks evidence that does not exist', async () => {
    const h = core.handlers();
    const [p] = await h['personas:list']({});
    const goals = [{ text: 'Wants to see the month ahead at a glance', evidence: p!.goals[0]!.evidence }];
    const edited = await h['personas:update']({ id: p!.id, patch: { name: 'Maya the Planner', mark: 'primary', goals } });
    expect(edited).toMatchObject({ name: 'Maya the Planner', mark: 'primary', edited: true, goals });
    expect((await h['personas:list']({}))[0]).toMatchObject({ name: 'Maya the Planner', goals });
    const stale = await h['personas:update']({ id: p!.id, patch: { goals: [...goals, { text: 'Cites a quote that is gone', evidence: [999999] }] } });
    expect(stale.goals[1]).toMatchObject({ text: 'Cites a quote that is gone', evidence: [], lostEvidence: 1 });
    await h['personas:update']({ id: p!.id, patch: { goals } });
  });

  it('drafts decision factors from the quotes, leaves the day in the life and success to the researcher, and saves them', async () => {
    const h = core.handlers();
    const personas = await h['personas:list']({});
    for (const p of personas) {
      expect(p.dayInLife).toEqual([]);
      expect(p.success).toEqual([]);
      for (const b of p.decisionFactors) expect(b.evidence.length).toBeGreaterThan(0);
    }
    const p = personas[0]!;
    const dayInLife = [{ text: 'Checks the banking app on the bus to work', evidence: [] }];
    const success = [{ text: 'Never surprised by a bill', evidence: p.goals[0]?.evidence.slice(0, 1) ?? [] }];
    const saved = await h['personas:update']({ id: p.id, patch: { dayInLife, success } });
    expect(saved).toMatchObject({ dayInLife, success, goals: p.goals });
    expect((await h['personas:list']({})).find((x) => x.id === p.id)).toMatchObject({ dayInLife, success });
    const stale = await h['personas:update']({ id: p.id, patch: { decisionFactors: [{ text: 'Cites a quote that is gone', evidence: [999999] }] } });
    expect(stale.decisionFactors).toMatchObject([{ evidence: [], lostEvidence: 1 }]);
    await h['personas:update']({ id: p.id, patch: { decisionFactors: p.decisionFactors } });
  });

  it('keeps the researcher’s names, marks and edits through a re-run', async () => {
    const h = core.handlers();
    const before = await h['personas:list']({});
    const edited = before.find((p) => p.name === 'Maya the Planner')!;
    const f = await core.startJob({ kind: 'synthesize', personas: 2, seed: 42 }).done;
    expect(f.status).toBe('completed');
    const after = await h['personas:list']({});
    const heir = after.find((p) => p.name === 'Maya the Planner');
    expect(heir, JSON.stringify(after.map((p) => p.name))).toBeDefined();
    expect(heir).toMatchObject({ mark: 'primary', edited: true, goals: edited.goals });
  });

  it('stores each run’s model, settings and scores, and reports saturation and coverage', async () => {
    const summary = await core.handlers()['synthesis:summary']({});
    expect(summary.run).toMatchObject({ modelId: expect.stringContaining('MiniLM'), seed: 42, personaK: 2 });
    expect(summary.run!.modelHash).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.run!.params).toMatchObject({ personas: 2, themes: 'auto', seed: 42 });
    expect(typeof summary.run!.clearlyBetterThanOne).toBe('boolean');
    expect(summary.saturation.curve).toHaveLength(core.info()!.counts.transcripts);
    expect(summary.saturation.curve.at(-1)!.cumulativeThemes).toBeGreaterThan(0);
    const personas = await core.handlers()['personas:list']({});
    expect(summary.coverage.map((c) => c.personaId).sort()).toEqual(personas.map((p) => p.id).sort());
    // The guide's minimum is 5 interviews per persona; below it the card carries a warning.
    expect(summary.coverage.some((c) => c.interviews < 5)).toBe(true);
    for (const c of summary.coverage) {
      if (c.interviews < 5) expect(c.warning).toMatch(/at least 5/);
      else expect(c.warning).toBeNull();
    }
  });

  it('maps every quote in 2-D, marks outliers apart, and gives fit scores and thin flags', async () => {
    const h = core.handlers();
    const points = await h['themes:map']({});
    expect(points).toHaveLength(core.info()!.counts.quotes);
    for (const p of points) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    const themes = await h['themes:list']({});
    expect(themes.filter((t) => t.outlier).length).toBeLessThanOrEqual(1);
    for (const p of await h['personas:list']({})) {
      for (const x of p.participants) expect(x.fit).toBeGreaterThanOrEqual(0);
      for (const b of [...p.goals, ...p.frustrations, ...p.behaviors, ...p.context]) {
        if (b.thin === undefined) continue;
        const people = new Set((await h['quotes:list']({ ids: b.evidence })).map((q) => q.participantId));
        expect(b.thin).toBe(people.size === 1);
      }
    }
  });

  it('suggests a facet per quote and never overwrites the researcher’s correction', async () => {
    const h = core.handlers();
    const facets = await h['quotes:facets']({});
    expect(facets).toHaveLength(core.info()!.counts.quotes);
    const target = facets.find((f) => f.facet !== 'decisionFactor')!;
    await h['quotes:setFacet']({ quoteId: target.quoteId, facet: 'decisionFactor' });
    await core.startJob({ kind: 'synthesize', personas: 2, seed: 42 }).done;
    const [kept] = await h['quotes:facets']({ ids: [target.quoteId] });
    expect(kept).toMatchObject({ facet: 'decisionFactor', corrected: true });
  });

  it('classifies with the researcher’s own prototype sentences, recorded with the run', async () => {
    const h = core.handlers();
    const view = await h['facets:prototypes']({});
    expect(view.custom).toBe(false);
    const before = new Map((await h['quotes:facets']({})).map((f) => [f.quoteId, f.facet]));
    // Every facet but decision factor gets a sentence about something no one talks about.
    const odd = ['I collect vintage lighthouse postcards from the nineteen fifties'];
    const edited = {
      ...Object.fromEntries(Object.keys(view.defaults).map((k) => [k, odd])),
      decisionFactor: view.defaults.decisionFactor,
    } as typeof view.defaults;
    const saved = await h['facets:setPrototypes']({ prototypes: edited });
    expect(saved).toMatchObject({ custom: true, prototypes: { goal: odd } });
    await core.startJob({ kind: 'synthesize', personas: 2, seed: 42 }).done;
    const after = await h['quotes:facets']({});
    const changed = after.filter((f) => !f.corrected && before.get(f.quoteId) !== f.facet);
    expect(changed.length).toBeGreaterThan(0);
    const summary = await h['synthesis:summary']({});
    expect(summary.run!.params).toMatchObject({ facetPrototypes: { custom: true } });
    expect((await h['facets:setPrototypes']({ prototypes: null })).custom).toBe(false);
  });

  it('honours a theme count override', async () => {
    await core.startJob({ kind: 'synthesize', personas: 2, themes: 5, seed: 42 }).done;
    const themes = (await core.handlers()['themes:list']({})).filter((t) => !t.outlier);
    expect(themes).toHaveLength(5);
  });

  it('exports one single-page PDF per persona and a deck', async () => {
    const out = join(dir, 'export');
    const f = await core.startJob({ kind: 'export', format: 'pdf', outDir: out }).done;
    expect(f.status, JSON.stringify(f.error)).toBe('completed');
    const files = f.result!.export!.files;
    const personas = await core.handlers()['personas:list']({});
    expect(files).toHaveLength(personas.length + 1);
    for (const file of files.slice(0, -1)) {
      const pdf = readFileSync(file, 'latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    }
  });
});

describe('synthesis without enough data', () => {
  it.skipIf(!modelReady)('says it needs at least two participants', async () => {
    const core = await coreWithStudy(tmp());
    await importAll(core, [goodTranscripts[1]!]);
    const f = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 1 }).done;
    expect(f).toMatchObject({ status: 'failed', error: { code: 'too_little_data' } });
  });
});

describe.skipIf(!modelReady)('cancelling a synthesis', () => {
  it('stops between batches and keeps the vectors already committed; a re-run resumes', async () => {
    const core = await coreWithStudy(tmp());
    await importAll(core, goodTranscripts);
    const total = core.info()!.counts.quotes;
    let jobId = '';
    const off = core.on('jobs:progress', (p) => {
      if (p.done > 0 && p.done < p.total) void core.handlers()['jobs:cancel']({ jobId });
    });
    const started = core.startJob({ kind: 'synthesize', personas: 'auto', seed: 1 });
    jobId = started.jobId;
    const f = await started.done;
    off();
    expect(f.status).toBe('cancelled');
    const kept = core.info()!.counts.embedded;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(total);
    expect(core.info()!.counts.personas).toBe(0);
    const again = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 1 }).done;
    expect(again.status).toBe('completed');
    expect(core.info()!.counts.embedded).toBe(total);
    await core.close();
  });
});
