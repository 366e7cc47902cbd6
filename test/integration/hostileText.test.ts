// Text that fights back: control characters in a transcript, and search queries built to be slow.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStudyDb } from '../../electron/core/db/open';
import { MAX_QUERY_TERMS, searchTurns, toFtsQuery } from '../../electron/core/db/queries/search';
import { inThreadPreparer } from '../../electron/core/ingest/preparePool';
import { parseTranscriptFile } from '../../electron/core/importers/parse';
import { runImportJob } from '../../electron/core/jobs/importJob';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();
const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

describe('control characters in transcripts', () => {
  const spoof = [
    'Interviewer: How do you pay rent?',
    '',
    // \u0002 and \u0003 are the search highlighter's own markers; ESC drives a terminal; BEL, DEL, C1 NEL.
    'Alex: I pay \u0002rent\u0003 on the first \u001b[31mevery month and\u0007 budget\u007f the rest\u0085.',
    '',
    'Interviewer: And savings?',
    '',
    'Alex: Savings come after rent,\u000cwhatever is left.',
    '',
    // Enough ordinary talk that six stray controls are noise in a transcript, not a binary file.
    ...Array.from({ length: 4 }, (_, i) => `Interviewer: Question ${i}?\n\nAlex: ${'I keep a list of bills and tick them off as they are paid. '.repeat(2)}`),
  ].join('\n');

  it('are stripped at parse time (a page break becomes a line break), tab and newline kept', async () => {
    const p = await parseTranscriptFile('alex.txt', Buffer.from(spoof));
    const text = p.turns.map((t) => t.text).join('\n');
    expect(text).not.toMatch(CONTROLS);
    expect(text).toContain('I pay rent on the first [31mevery month and budget the rest.');
  });

  it('cannot spoof a search highlight: only the searched word is marked', async () => {
    const dir = tmp();
    const file = join(dir, 'alex.txt');
    writeFileSync(file, spoof);
    const study = openStudyDb(join(dir, 's.grounded'), { create: true });
    const r = await runImportJob(study.db, [file], ctx(), {}, () => inThreadPreparer());
    expect(r?.imports?.[0]?.status).toBe('ok');
    const { hits } = searchTurns(study.db, 'budget');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['budget']);
    expect(hits[0]!.segments.map((s) => s.text).join('')).not.toMatch(CONTROLS);
    study.close();
  });
});

describe('control characters written as escapes', () => {
  // Escapes decode after the bytes were stripped: what JSON's \u001b or a caption's &#27; yields is stripped too.
  const talk = (i: number) => `I keep a list of bills and tick them off as they are paid, week ${i}.`;

  it('Whisper JSON: escaped controls in text and speaker names do not survive parsing', async () => {
    const segments = [
      { start: 0, speaker: 'SPEAKER_00', text: 'How do you pay \\u0002rent\\u0003?' },
      { start: 2, speaker: 'SPEAKER\\u001b_01', text: 'I pay \\u001b[31mrent\\u0007 on the first\\u0085 and budget\\u007f the rest.' },
      ...Array.from({ length: 6 }, (_, i) => ({ start: 4 + i, speaker: i % 2 ? 'SPEAKER\\u001b_01' : 'SPEAKER_00', text: talk(i) })),
    ];
    const json = JSON.stringify({ segments }).replace(/\\\\u/g, '\\u');
    expect(JSON.parse(json).segments[1].text).toMatch(CONTROLS);
    const p = await parseTranscriptFile('call.json', Buffer.from(json));
    expect(p.turns.map((t) => t.text).join('\n')).not.toMatch(CONTROLS);
    expect(p.turns.map((t) => t.speaker).join('\n')).not.toMatch(CONTROLS);
    expect(p.turns[1]).toMatchObject({ speaker: 'SPEAKER_01', text: 'I pay [31mrent on the first and budget the rest.' });
  });

  it('WebVTT: controls written as character references do not survive parsing', async () => {
    const cues = Array.from({ length: 8 }, (_, i) => {
      const t = `00:00:${String(i * 5).padStart(2, '0')}.000 --> 00:00:${String(i * 5 + 4).padStart(2, '0')}.000`;
      const text = i === 1 ? 'I pay &#27;[31mrent&#x7; on the first&#2; and budget&#127; the rest.' : talk(i);
      return `${t}\n<v ${i % 2 ? 'Alex' : 'Interviewer'}>${text}`;
    });
    const p = await parseTranscriptFile('call.vtt', Buffer.from(`WEBVTT\n\n${cues.join('\n\n')}\n`));
    expect(p.turns.map((t) => t.text).join('\n')).not.toMatch(CONTROLS);
    expect(p.turns[1]?.text).toBe('I pay [31mrent on the first and budget the rest.');
  });
});

describe('search queries built to be slow', () => {
  it('a repeated term counts once, case folded, and a repeat drops the prefix', () => {
    expect(toFtsQuery('rent rent Rent RENT')).toBe('"rent"');
    expect(toFtsQuery(`${'rent '.repeat(150)}bud`)).toBe('"rent" "bud"*');
    expect(toFtsQuery('"late fees" rent "Late Fees"')).toBe('"late fees" "rent"');
  });

  it(`keeps at most ${MAX_QUERY_TERMS} terms of the first 1,000 characters`, () => {
    const words = Array.from({ length: 250 }, (_, i) => `w${i}`);
    expect(toFtsQuery(words.join(' '))!.split(' ')).toHaveLength(MAX_QUERY_TERMS);
    // Cut at a word boundary: "beta" would straddle the limit, so it goes whole.
    expect(toFtsQuery(`${'x'.repeat(990)} alpha beta`)).toBe(`"${'x'.repeat(990)}" "alpha"*`);
  });

  it('250 copies of a word find exactly what the word alone finds', async () => {
    const dir = tmp();
    const study = openStudyDb(join(dir, 's.grounded'), { create: true });
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'Interviewer: Rent?\n\nAlex: Rent is my biggest bill, rent first always.\n\nInterviewer: And food?\n\nAlex: Food after rent.\n');
    await runImportJob(study.db, [file], ctx(), {}, () => inThreadPreparer());
    const one = searchTurns(study.db, 'rent', 50, { who: 'everyone' });
    expect(one.total).toBe(3);
    expect(searchTurns(study.db, 'rent '.repeat(250), 50, { who: 'everyone' })).toEqual(one);
    study.close();
  });
});
