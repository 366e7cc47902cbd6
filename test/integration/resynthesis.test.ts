// Re-synthesis never throws away curated work silently: synthesis:plan says what a new run replaces
// and keeps, and the run carries renamed/hidden themes and edited/marked personas into the new run
// (on a study synthesized with the real model).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/service';
import { coreWithStudy, goodTranscripts, importAll, modelReady } from '../helpers/core';

describe.skipIf(!modelReady)('re-synthesis keeps curated work', () => {
  let core: Core;
  let dir: string;
  const h = () => core.handlers();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-resynth-'));
    core = await coreWithStudy(dir);
    await importAll(core, goodTranscripts);
  });
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says there is nothing to replace before the first synthesis', async () => {
    const plan = await h()['synthesis:plan']({});
    expect(plan.hasSynthesis).toBe(false);
    expect(plan.message).toMatch(/nothing to replace/i);
  });

  it('names what it replaces and carries a renamed theme, a hidden theme and an edited persona into the new run', async () => {
    const first = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
    expect(first.status, JSON.stringify(first.error)).toBe('completed');
    const themes = (await h()['themes:list']({})).filter((t) => !t.outlier).sort((a, b) => b.size - a.size);
    expect(themes.length).toBeGreaterThanOrEqual(2);
    const [renamed, hidden] = themes;
    const db = core.requireStudy().db.$client;
    // Set the flags as the curation channels do (they are pinned by their own tests).
    db.prepare('update themes set label = ?, curated = 1 where id = ?').run('Researcher named theme', renamed!.id);
    db.prepare('update themes set hidden = 1 where id = ?').run(hidden!.id);
    const persona = (await h()['personas:list']({}))[0]!;
    const evidence = persona.goals[0]?.evidence ?? renamed!.quoteIds.slice(0, 1);
    await h()['personas:update']({
      id: persona.id,
      patch: { name: 'Careful Maintainer', mark: 'primary', goals: [{ text: 'A claim the researcher wrote.', evidence }, ...persona.goals] },
    });

    const plan = await h()['synthesis:plan']({});
    expect(plan.hasSynthesis).toBe(true);
    expect(plan.personas.find((p) => p.id === persona.id)).toMatchObject({ edited: true, editedBullets: 1 });
    expect(plan.curatedThemes.map((t) => t.label)).toEqual(['Researcher named theme']);
    expect(plan.hiddenThemes).toBe(1);
    expect(plan.message).toContain('“Careful Maintainer”');
    expect(plan.message).toMatch(/1 renamed, merged or split theme and 1 hidden theme/);

    const again = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
    expect(again.status, JSON.stringify(again.error)).toBe('completed');
    expect(again.result?.synthesis?.carried).toEqual({ personas: 1, themes: 2 });
    expect(again.result?.synthesis?.lost).toEqual({ personas: [], themes: [] });
    const after = await h()['themes:list']({});
    expect(after.filter((t) => t.label === 'Researcher named theme' && t.curated)).toHaveLength(1);
    expect(after.filter((t) => t.hidden)).toHaveLength(1);
    const kept = (await h()['personas:list']({})).find((p) => p.name === 'Careful Maintainer');
    expect(kept?.mark).toBe('primary');
    expect(kept?.goals[0]).toMatchObject({ text: 'A claim the researcher wrote.', edited: true });
  });
});
