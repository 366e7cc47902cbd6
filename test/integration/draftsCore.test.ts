// The drafts of a real study read as findings: the fixture interviews imported into a real
// SQLite study and synthesized through the core with the on-device model. Every bullet of every
// persona is a sentence (the same fragment check the insight bench counts), every name is 2 to 4
// words naming no participant, and two runs give byte-identical drafts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLET_SECTIONS, type Persona } from '../../shared/domain';
import type { Core } from '../../electron/core/service';
import { fragmentReasons } from '../../electron/core/synthesis/checks/fragment';
import { coreWithStudy, importAll, modelReady, transcriptsDir } from '../helpers/core';

const interviews = [
  'interview-alex.txt',
  'interview-dev.txt',
  'interview-jordan.txt',
  'interview-kai.txt',
  'interview-maria.md',
  'interview-sam.md',
].map((file) => join(transcriptsDir, file));

describe.skipIf(!modelReady)('drafted personas of the fixture interviews', () => {
  let core: Core;
  let dir: string;
  let personas: Persona[];
  const synthesizeAndList = async () => {
    const finished = await core.startJob({ kind: 'synthesize', personas: 'auto', seed: 42 }).done;
    expect(finished.status, JSON.stringify(finished.error)).toBe('completed');
    return core.handlers()['personas:list']({});
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-drafts-'));
    core = await coreWithStudy(dir);
    await importAll(core, interviews);
    personas = await synthesizeAndList();
  }, 600_000);
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('drafts bullets, and every one of them is a sentence', () => {
    const bullets = personas.flatMap((p) => BULLET_SECTIONS.flatMap((s) => p[s].map((b) => `${p.name} / ${s}: ${b.text}`)));
    expect(bullets.length).toBeGreaterThan(3);
    const fragments = personas.flatMap((p) =>
      BULLET_SECTIONS.flatMap((s) => p[s].filter((b) => fragmentReasons(b.text).length > 0).map((b) => `${b.text} (${fragmentReasons(b.text).join('; ')})`)),
    );
    expect(fragments).toEqual([]);
  });

  it('names each persona in 2 to 4 words, uniquely, after no participant', () => {
    const names = personas.map((p) => p.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    const people = new Set(personas.flatMap((p) => p.participants.flatMap((x) => x.name.toLowerCase().split(/\s+/))));
    people.add('interviewer');
    for (const name of names) {
      const words = name.split(/\s+/);
      expect(words.length, name).toBeGreaterThanOrEqual(2);
      expect(words.length, name).toBeLessThanOrEqual(4);
      expect(name).not.toMatch(/^Persona [A-Z]\b/);
      for (const word of words) expect(people.has(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')), name).toBe(false);
    }
  });

  it('gives each persona a defining quote of 8 to 30 words', () => {
    for (const p of personas) {
      const words = p.definingQuote!.text.split(/\s+/).length;
      expect(words, p.definingQuote!.text).toBeGreaterThanOrEqual(8);
      expect(words, p.definingQuote!.text).toBeLessThanOrEqual(30);
    }
  });

  it('drafts byte-identical personas on a second run', async () => {
    const strip = (list: Persona[]) => JSON.stringify(list.map((p) => ({ ...p, id: 0, updatedAt: '', themeIds: [] })));
    expect(strip(await synthesizeAndList())).toBe(strip(personas));
  }, 600_000);
});
