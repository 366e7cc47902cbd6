// The built `grounded` command, run as a user would: a child process on a real study file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goodTranscripts, modelReady, transcriptsDir } from '../helpers/core';
import { useTmpDir } from '../helpers/tmp';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'grounded.js');
const tmp = useTmpDir();

function grounded(args: string[], settingsDir: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GROUNDED_SETTINGS_DIR: settingsDir },
    timeout: 180_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the grounded CLI (built)', () => {
  it('is built by npm test / npm install', () => expect(existsSync(join(root, 'out', 'main', 'cli.js'))).toBe(true));

  it('prints help for every command and refuses unknown ones', () => {
    const dir = tmp();
    expect(grounded(['--help'], dir)).toMatchObject({ code: 0, stdout: expect.stringContaining('grounded <command>') });
    for (const c of ['import', 'synthesize', 'export', 'info', 'questions']) {
      expect(grounded([c, '--help'], dir)).toMatchObject({ code: 0, stdout: expect.stringContaining(`grounded ${c}`) });
    }
    expect(grounded(['frobnicate'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown command 'frobnicate'") });
    expect(grounded(['export', 'x.grounded', '--format', 'docx', '--out', dir], dir).code).not.toBe(0);
  });

  it('imports a folder with one line per file and exit 1 when a file failed, creating the study', () => {
    const dir = tmp();
    const study = join(dir, 'study.grounded');
    const r = grounded(['import', study, ...goodTranscripts, join(transcriptsDir, 'bad')], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('ok\t'))).toHaveLength(goodTranscripts.length + 2); // + cp1252, utf16
    expect(lines).toContainEqual(expect.stringMatching(/^error\tempty\.txt: /));
    expect(lines).toContainEqual(expect.stringMatching(/^error\tbinary\.txt: /));
    expect(r.stderr).toContain('Created study');
    const again = grounded(['import', study, goodTranscripts[0]!], dir);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringMatching(/^skipped\tfocus-call\.vtt: already imported/) });
    const info = JSON.parse(grounded(['info', study, '--json'], dir).stdout) as { counts: Record<string, number> };
    expect(info.counts).toMatchObject({ transcripts: goodTranscripts.length + 2, embedded: 0, themes: 0, personas: 0 });
  });

  it('sets, lists and clears the research questions, refusing an empty one', () => {
    const dir = tmp();
    const study = join(dir, 'study.grounded');
    expect(grounded(['import', study, goodTranscripts[1]!], dir).code).toBe(0);
    const set = grounded(['questions', study, 'How do people decide what to pay first?', 'What makes someone switch apps?'], dir);
    expect(set).toMatchObject({ code: 0, stdout: 'How do people decide what to pay first?\nWhat makes someone switch apps?\n' });
    expect(grounded(['info', study], dir).stdout).toMatch(/Questions +How do people decide what to pay first\?\n +What makes someone switch apps\?/);
    expect(grounded(['questions', study, ''], dir)).toMatchObject({ code: 1, stderr: expect.stringContaining('study:setQuestions') });
    expect(grounded(['questions', study], dir).stdout).toContain('What makes someone switch apps?');
    expect(grounded(['questions', study, '--clear'], dir)).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(grounded(['info', study, '--json'], dir).stdout)).toMatchObject({ questions: [] });
  });

  it('says which study is missing', () => {
    const dir = tmp();
    expect(grounded(['info', join(dir, 'nope.grounded')], dir)).toMatchObject({ code: 1, stderr: expect.stringContaining('nope.grounded: no such study file') });
  });

  it.runIf(modelReady)('synthesizes to the documented JSON and exports one PDF per persona plus a deck', () => {
    const dir = tmp();
    const study = join(dir, 'study.grounded');
    expect(grounded(['import', study, ...goodTranscripts], dir).code).toBe(0);
    const r = grounded(['synthesize', study, '--personas', 'auto', '--seed', '3', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Embedded \d+ of \d+ quotes/);
    const out = JSON.parse(r.stdout) as {
      themes: { id: number; label: string; description: string; quoteIds: number[] }[];
      personas: {
        id: number;
        name: string;
        participants: { id: number; name: string; transcripts: string[] }[];
        definingQuote: { id: number; text: string };
        goals: { text: string; evidence: number[] }[];
      }[];
    };
    expect(out.themes.length).toBeGreaterThan(1);
    expect(out.themes[0]).toEqual({ id: expect.any(Number), label: expect.any(String), description: expect.any(String), quoteIds: expect.any(Array) });
    expect(out.personas.length).toBeGreaterThanOrEqual(2);
    for (const p of out.personas) {
      expect(Object.keys(p).sort()).toEqual(['behaviors', 'context', 'dayInLife', 'decisionFactors', 'definingQuote', 'frustrations', 'goals', 'id', 'name', 'participants', 'success']);
      expect(p.definingQuote).toEqual({ id: expect.any(Number), text: expect.any(String) });
      for (const b of p.goals) expect(b.evidence.length).toBeGreaterThan(0);
    }
    // Each persona participant names the files they were heard in: one interview each here (the
    // focus call's two participants share theirs), and every file is someone's.
    const people = out.personas.flatMap((p) => p.participants);
    for (const person of people) {
      expect(Object.keys(person).sort()).toEqual(['id', 'name', 'transcripts']);
      expect(person.transcripts).toHaveLength(1);
    }
    expect(new Set(people.flatMap((person) => person.transcripts))).toEqual(new Set(goodTranscripts.map((f) => basename(f))));
    expect(people.find((person) => person.name === 'Alex')?.transcripts).toEqual(['interview-alex.txt']);
    expect(people.filter((person) => person.transcripts[0] === 'focus-call.vtt').map((person) => person.name).sort()).toEqual(['Ben Carter', 'Nadia Haddad']);
    const exportDir = join(dir, 'cards');
    const e = grounded(['export', study, '--format', 'pdf', '--out', exportDir], dir);
    expect(e.code, e.stderr).toBe(0);
    expect(readdirSync(exportDir).filter((f) => f.endsWith('.pdf'))).toHaveLength(out.personas.length + 1);
    const text = grounded(['synthesize', study], dir);
    expect(text.stdout).toMatch(/^Themes \(\d+\)/);
    expect(text.stdout).toMatch(/Personas \(\d+\)/);
  });
});
