// Every transcript format a researcher has on disk, detected from content: speakers, turns,
// timestamps and the label the researcher sees. Fixtures live in test/fixtures/transcripts/formats
// (the .docx and legacy-encoding ones are made by test/fixtures/make-format-fixtures.mjs).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectInterviewer,
  ImportError,
  MAX_TRANSCRIPT_BYTES,
  parseTranscript,
  parseTranscriptFile,
  type ParsedTranscript,
} from '../../electron/core/importers/parse';
import { previewTranscript } from '../../electron/core/importers/preview';
import { extractQuotes } from '../../electron/core/quotes/extract';

const dir = join(__dirname, '..', 'fixtures', 'transcripts', 'formats');
const read = (name: string): Uint8Array => readFileSync(join(dir, name));
const parseFixture = (name: string): Promise<ParsedTranscript> => parseTranscriptFile(name, read(name));
const parseText = (text: string, name = 'inline.txt'): ParsedTranscript => parseTranscript(name, new TextEncoder().encode(text));

function turnCounts(p: ParsedTranscript): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of p.turns) counts[t.speaker] = (counts[t.speaker] ?? 0) + 1;
  return counts;
}

async function refusal(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('expected an ImportError, but parsing succeeded');
}

describe('formats detected from content', () => {
  it.each([
    // file, format, detected, turns per speaker (in order of first appearance), interviewer, startMs of the first turns
    ['otter-export.txt', 'text', 'Otter text export', { 'Priya Raman': 4, 'Tom Okafor': 4 }, 'Priya Raman', [2000, 7000, 21000]],
    ['rev-transcript.txt', 'text', 'Rev transcript', { 'Speaker 1': 4, 'Speaker 2': 4 }, 'Speaker 1', [3000, 9000, 24000]],
    ['descript.md', 'markdown', 'Descript/Sonix transcript (Markdown)', { Chris: 3, Leila: 3 }, 'Chris', [1000, 8000, 21000]],
    ['sonix.md', 'markdown', 'Timestamped Markdown ([hh:mm:ss] Name: text)', { Dana: 3, Omar: 3 }, 'Dana', [4000, 11000, 26000]],
    ['zoom-saved-captions.txt', 'text', 'Zoom saved captions', { 'Anita Shah': 3, 'Marco Bellini': 3 }, 'Anita Shah', [50531000, 50535000, 50539000]],
    ['google-meet.txt', 'text', 'Google Meet transcript', { 'Hana Kim': 3, 'Luis Ortega': 3 }, 'Hana Kim', [0, null, null, null, 300000]],
    ['bracket-names.txt', 'text', 'Plain text ([Name] text)', { Interviewer: 3, Rosa: 3 }, 'Interviewer', [null]],
    ['at-names.txt', 'text', 'Plain text (Name: text)', { Mei: 3, Jonas: 3 }, 'Mei', [null]],
    ['teams.vtt', 'webvtt', 'Teams WebVTT', { 'Grace Lee': 3, 'Sipho Dlamini': 3, UNKNOWN: 1 }, 'Grace Lee', [1520, 10240, 22010, 26100, 34000]],
    [
      'zoom-focus-group.vtt', 'webvtt', 'Zoom WebVTT',
      { Moderator: 3, 'Amara Nwosu': 2, 'Jake Miller': 3, 'Sofia Rossi': 1 }, 'Moderator', [3100, 10020, 23500, 32400],
    ],
    ['speakers.srt', 'srt', 'SRT subtitles', { Nora: 3, Felix: 3 }, 'Nora', [1200, 5300, 15000]],
    ['dash-dialogue.srt', 'srt', 'SRT subtitles (speakers from dialogue dashes)', { 'Speaker 1': 2, 'Speaker 2': 2 }, 'Speaker 1', [500, 500, 10200, 10200]],
    ['whisperx.json', 'json', 'WhisperX JSON', { SPEAKER_00: 3, SPEAKER_01: 3 }, 'SPEAKER_00', [31, 5100, 15900]],
    ['speakers.tsv', 'tsv', 'TSV (speaker, text, time)', { Interviewer: 2, Keisha: 2 }, 'Interviewer', [1500, 5600, 15800, 19300]],
    ['dovetail.csv', 'csv', 'CSV (speaker, text, time)', { Interviewer: 3, Ravi: 3 }, 'Interviewer', [2000, 8000, 20000]],
    ['initials.csv', 'csv', 'CSV ("Name:" labels, text, time)', { DB: 3, KM: 3 }, 'DB', [4000, 9000, 21000]],
    ['no-header.csv', 'csv', 'CSV (speaker, text, time)', { Interviewer: 3, Tanvir: 3 }, 'Interviewer', [3000, 8000, 24000]],
    ['teams.docx', 'docx', 'Word document (Teams)', { 'Ines Duarte': 3, 'Kofi Mensah': 3 }, 'Ines Duarte', [3000, 9000, 24000]],
    ['otter.docx', 'docx', 'Word document (Otter)', { 'Sam Porter': 2, 'Elena Petrova': 2 }, 'Sam Porter', [0, 5000, 18000]],
    ['meet.docx', 'docx', 'Word document (Google Meet)', { 'Ben Hart': 3, 'Aylin Demir': 3 }, 'Ben Hart', [0, null, null, null, 300000]],
    ['plain.docx', 'docx', 'Word document (Name: text)', { Interviewer: 2, Pedro: 2 }, 'Interviewer', [null]],
    ['latin1.txt', 'text', 'Plain text (Name: text)', { Inês: 2, João: 2 }, 'Inês', [null]],
    ['cp1251.txt', 'text', 'Plain text (Name: text)', { Анна: 2, Иван: 2 }, 'Анна', [null]],
    ['shift-jis.txt', 'text', 'Plain text (Name: text)', { 田中: 2, 佐藤: 2 }, '田中', [null]],
  ] as const)('%s: %s, "%s"', async (file, format, detected, counts, interviewer, firstMs) => {
    const p = await parseFixture(file);
    expect([p.format, p.detected]).toEqual([format, detected]);
    expect(turnCounts(p)).toEqual(counts);
    expect(Object.keys(turnCounts(p))).toEqual(Object.keys(counts));
    expect(detectInterviewer(p.turns)).toBe(interviewer);
    expect(p.turns.slice(0, firstMs.length).map((t) => t.startMs)).toEqual(firstMs);
    expect(p.contentHash).toMatch(/^[0-9a-f]{64}$/);
    for (const t of p.turns) {
      expect(t.text.trim()).toBe(t.text);
      expect(t.text.length).toBeGreaterThan(0);
      expect(t.text).not.toMatch(/\r|<\/?v|-->|\{\\|^\d{1,2}:\d{2}/);
    }
  });
});

describe('what each format keeps out of the turns', () => {
  it('Otter: the SUMMARY KEYWORDS / SPEAKERS header and "Transcribed by" are not turns; noise stays in the text, out of quotes', async () => {
    const p = await parseFixture('otter-export.txt');
    const all = p.turns.map((t) => t.text).join('\n');
    expect(all).not.toMatch(/KEYWORDS|SPEAKERS|otter\.ai/);
    expect(all).toContain('once a week [inaudible] and');
    expect(all).toContain('(laughs) Then I panic');
    expect(all).toContain('{vocalsound}');
    const quotes = extractQuotes(p.turns, (s) => s === 'Tom Okafor').map((q) => q.text);
    expect(quotes.length).toBeGreaterThan(3);
    for (const q of quotes) expect(q).not.toMatch(/\[inaudible\]|\(laughs\)|\{vocalsound\}/);
  });

  it('Rev: "Speaker 1 (00:00:03):" alone, text below; [crosstalk 00:00:31] kept in the turn, out of quotes', async () => {
    const p = await parseFixture('rev-transcript.txt');
    expect(p.turns[3]?.text).toBe("Because food is the thing I overspend on if I don't protect it. [crosstalk 00:00:31] Sorry, go on.");
    const quotes = extractQuotes(p.turns, (s) => s === 'Speaker 2').map((q) => q.text);
    expect(quotes.some((q) => q.includes('crosstalk'))).toBe(false);
  });

  it('Google Meet: bare timestamps and the closing lines are not words of the last speaker', async () => {
    for (const file of ['google-meet.txt', 'meet.docx']) {
      const p = await parseFixture(file);
      const all = p.turns.map((t) => t.text).join('\n');
      expect(all).not.toMatch(/00:0\d:00|Transcription ended|editable transcript|Attendees/);
      expect(p.turns.at(-1)?.text).toMatch(/prices stay where they are\.$|saved me a lot\.$/);
    }
  });

  it('Zoom saved captions: a speaker\'s consecutive caption lines are one turn', async () => {
    const p = await parseFixture('zoom-saved-captions.txt');
    expect(p.turns[3]?.text).toBe(
      'I have a spreadsheet with every bill and the day it leaves my account. I check it on Sunday evenings with a cup of tea. ' +
        'It sounds boring, but it means I am never surprised by a direct debit.',
    );
  });

  it('Teams: a cue split mid-sentence joins up, "<v Name:>" is the same person, UNKNOWN is proposed as other', async () => {
    const p = await parseFixture('teams.vtt');
    expect(p.turns[1]?.text).toBe(
      'Sure. Most of it is on debit order, so it just goes off on the first of the month, and whatever is left I split between groceries and transport.',
    );
    expect(p.turns[2]).toEqual({ speaker: 'Grace Lee', text: 'What happens when a debit order bounces?', startMs: 22010 });
    const roles = Object.fromEntries(previewTranscript(p).speakers.map((s) => [s.name, s.proposedRole]));
    expect(roles).toEqual({ 'Grace Lee': 'interviewer', 'Sipho Dlamini': 'participant', UNKNOWN: 'other' });
  });

  it('focus group: three participants, a moderator, a sentence split across cues joined', async () => {
    const p = await parseFixture('zoom-focus-group.vtt');
    const preview = previewTranscript(p);
    expect(preview.speakers.filter((s) => s.proposedRole === 'participant').map((s) => s.name)).toEqual(['Amara Nwosu', 'Jake Miller', 'Sofia Rossi']);
    expect(p.turns.find((t) => t.speaker === 'Sofia Rossi')?.text).toContain("my sister's wedding dress, which still amazes me.");
  });

  it('SRT: italics and {\\an8} position codes dropped, an unnamed cue continues its speaker', async () => {
    const p = await parseFixture('speakers.srt');
    expect(p.turns[1]?.text).toBe(
      "I pay the rent first, then I move a fixed amount into savings before I can touch it. It's automatic, so I don't have to be disciplined.",
    );
    expect(p.turns[2]?.text).toBe('How long have you done it that way?');
  });

  it('SRT with dialogue dashes: each dash is a change of speaker, undashed cues go on', async () => {
    const p = await parseFixture('dash-dialogue.srt');
    expect(p.turns.map((t) => [t.speaker, t.text.slice(0, 24)])).toEqual([
      ['Speaker 1', 'How do you split the bil'],
      ['Speaker 2', 'Fifty-fifty, always. We '],
      ['Speaker 1', 'Even when your incomes c'],
      ['Speaker 2', 'Even then. It probably i'],
    ]);
  });

  it('WhisperX: a segment without a speaker takes its words\' speaker; text trimmed; times in ms', async () => {
    const p = await parseFixture('whisperx.json');
    expect(p.turns[1]).toEqual({
      speaker: 'SPEAKER_01',
      text: "I plan meals on Sunday and write a list, and I only buy what's on the list. Most weeks that keeps me under sixty pounds.",
      startMs: 5100,
    });
  });

  it('CSV: quoted cells with commas, consecutive rows of one speaker merged; initials read from "DB:" labels', async () => {
    const ravi = await parseFixture('dovetail.csv');
    expect(ravi.turns[1]?.text).toBe("I ask myself how many times I'll use it. Divide the price by that, and if it's under a pound a use, it's fine.");
    const tsv = await parseFixture('speakers.tsv');
    expect(tsv.turns[1]?.text).toBe('Half goes into savings straight away, and the other half I let myself enjoy. Usually a weekend away somewhere.');
    const initials = await parseFixture('initials.csv');
    expect(initials.turns[0]?.text).toBe('Could you start by telling me how you pay for the weekly shop?');
  });

  it('Word: a line break inside a paragraph stays in the turn; the title above is preamble and gives the date', async () => {
    const p = await parseFixture('plain.docx');
    expect(p.turns[1]?.text).toBe(
      'I don’t, and that is the problem.\nLast year I lent my cousin five hundred and neither of us remembers if he paid it back.',
    );
    expect(p.interviewDate).toBe('2024-05-24');
    expect((await parseFixture('teams.docx')).interviewDate).toBe('2024-05-16');
  });

  it('legacy encodings decoded right: Latin-1, Windows-1251, Shift_JIS', async () => {
    expect((await parseFixture('latin1.txt')).turns[1]?.text).toBe(
      'Eu anoto tudo num caderno, até o café da manhã na padaria. Não confio em aplicativos.',
    );
    expect((await parseFixture('cp1251.txt')).turns[3]?.text).toBe('Тогда мы откладываем крупные покупки до следующего месяца. Это неприятно, но работает.');
    expect((await parseFixture('shift-jis.txt')).turns[0]?.text).toBe('毎月の食費はどのように管理していますか？');
  });
});

describe('the older fixtures', () => {
  it('bad/subtitles.srt: two cues, each name said once, is refused saying so (as "Name: x" said once is in text)', async () => {
    const err = await refusal(() => parseTranscriptFile('subtitles.srt', readFileSync(join(dir, '..', 'bad', 'subtitles.srt'))));
    expect(err.code).toBe('no_turns');
    expect(err.message).toMatch(/^subtitles\.srt: these subtitles name each speaker only once/);
  });
});

describe('labels in plain text', () => {
  const speakers = (text: string) => Object.keys(turnCounts(parseText(text)));

  it('"#Name:", "@Name:" and "[Name] text" are speakers; "[inaudible] ..." and "# Heading:" are not', () => {
    expect(speakers('#Ana: Why?\n#Bo: Because.\n#Ana: Ok?\n')).toEqual(['Ana', 'Bo']);
    expect(speakers('@Ana: Why?\n@Bo: Because.\n@Ana: Ok?\n')).toEqual(['Ana', 'Bo']);
    const p = parseText('[Ana] Why?\n[Bo] Because.\n[Inaudible] something\n[Ana] Ok?\n[Inaudible] more\n');
    expect(turnCounts(p)).toEqual({ Ana: 2, Bo: 1 });
    expect(p.turns[1]?.text).toBe('Because.\n[Inaudible] something');
  });

  it('"Name: [00:01:02] text" takes the time from after the label (Sonix, Trint)', () => {
    const p = parseText('Ana: [00:00:05] Why?\nBo: [00:00:09] Because.\nAna: [00:01:02] Ok?\n');
    expect(p.turns.map((t) => [t.startMs, t.text])).toEqual([[5000, 'Why?'], [9000, 'Because.'], [62000, 'Ok?']]);
    expect(p.detected).toBe('Timestamped text (Name: [hh:mm:ss] text)');
  });

  it('a time in the words ("10:30 is when ...") is not taken for a timestamp', () => {
    expect(parseText('Ana: When do you start?\nBo: 10:30 is when I wake up.\nAna: Ok?\n').turns[1]).toEqual({
      speaker: 'Bo',
      text: '10:30 is when I wake up.',
      startMs: null,
    });
  });

  it('WhisperX subtitles: "[SPEAKER_00]: text" cues', () => {
    const cues = ['[SPEAKER_00]: How do you budget?', '[SPEAKER_01]: I mostly do not.', '[SPEAKER_00]: Why not?', '[SPEAKER_01]: No time.'];
    const srt = cues.map((text, i) => `${i + 1}\n00:00:0${2 * i},000 --> 00:00:0${2 * i + 1},500\n${text}\n`).join('\n');
    expect(parseText(srt, 'x.srt').turns.map((t) => [t.speaker, t.startMs, t.text])).toEqual([
      ['SPEAKER_00', 0, 'How do you budget?'],
      ['SPEAKER_01', 2000, 'I mostly do not.'],
      ['SPEAKER_00', 4000, 'Why not?'],
      ['SPEAKER_01', 6000, 'No time.'],
    ]);
  });
});

describe('refusals say what is missing', () => {
  it.each([
    ['whisper.json', 'no_turns', /^whisper\.json: this Whisper JSON has timed text but no speakers/],
    ['whisper.tsv', 'no_turns', /^whisper\.tsv: this Whisper TSV has text and times but no speaker column/],
    ['whisper.vtt', 'no_turns', /^whisper\.vtt: these Whisper captions have timings and text but no speaker names/],
    ['no-speakers.srt', 'no_turns', /^no-speakers\.srt: these subtitles have timings and text but no speaker names/],
    ['truncated.docx', 'corrupt', /^truncated\.docx: this Word document \(\.docx\) is damaged or incomplete: its end is missing/],
    ['not-a-document.docx', 'unknown_format', /^not-a-document\.docx: is a ZIP archive but not a Word document/],
  ] as const)('%s: %s', async (file, code, message) => {
    const err = await refusal(() => parseFixture(file));
    expect([err.code, err.file]).toEqual([code, file]);
    expect(err.message).toMatch(message);
  });

  it('a Word document whose XML is damaged inside an intact zip is corrupt, naming the file', async () => {
    const bytes = Uint8Array.from(read('teams.docx'));
    bytes[120] = (bytes[120] ?? 0) ^ 0xff; // inside the deflated [Content_Types].xml
    bytes[700] = (bytes[700] ?? 0) ^ 0xff; // inside the deflated document.xml
    const err = await refusal(() => parseTranscriptFile('damaged.docx', bytes));
    expect(err.code).toBe('corrupt');
    // Its parts are unpacked and checksummed before mammoth reads them (importers/docx.ts).
    expect(err.message).toMatch(/^damaged\.docx: this Word document \(\.docx\) is damaged or incomplete: a part /);
  });

  it('the synchronous parseTranscript still refuses a Word document as binary; parseTranscriptFile reads it', async () => {
    expect((await refusal(async () => parseTranscript('teams.docx', read('teams.docx')))).code).toBe('binary');
    const p = await parseTranscriptFile('teams.docx', read('teams.docx'));
    expect(p.turns).toHaveLength(6);
    expect(p.contentHash).toBe(createHash('sha256').update(read('teams.docx')).digest('hex')); // the .docx bytes, not its text
  });

  it('a Word document over the size limit is refused before it is unpacked, saying the limit', async () => {
    const huge = new Uint8Array(MAX_TRANSCRIPT_BYTES + 1);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    const err = await refusal(() => parseTranscriptFile('huge.docx', huge));
    expect([err.code, err.message]).toEqual(['too_large', expect.stringMatching(/^huge\.docx: file is 50\.0 MB, over the 50 MB limit/)]);
  });

  it('JSON that is not Whisper is named as such', async () => {
    const err = await refusal(async () => parseText('{"items":[1,2]}', 'x.json'));
    expect([err.code, err.message]).toEqual(['unknown_format', expect.stringMatching(/a JSON file that is not a Whisper or WhisperX transcript/)]);
  });

  it('a malformed CSV with a header is unreadable, naming the file', async () => {
    const err = await refusal(async () => parseText('Speaker,Text\nAna,"Why?\nBo,Because\n', 'x.csv'));
    expect(err.code).toBe('unreadable');
    expect(err.message).toMatch(/^x\.csv: this CSV table is malformed/);
  });
});

describe('previewTranscript', () => {
  it('shows the format, the detected source, and per speaker turns, words, a sample and a proposed role', async () => {
    const preview = previewTranscript(await parseFixture('otter-export.txt'));
    expect(preview.format).toBe('text');
    expect(preview.detected).toBe('Otter text export');
    expect(preview.speakers.map((s) => [s.name, s.turns, s.proposedRole])).toEqual([
      ['Priya Raman', 4, 'interviewer'],
      ['Tom Okafor', 4, 'participant'],
    ]);
    const tom = preview.speakers[1]!;
    expect(tom.words).toBeGreaterThan(80);
    expect(tom.sample.length).toBeLessThanOrEqual(161);
    expect(tom.sample).toMatch(/^Yeah, I tried one of those budgeting apps\..*opening it\.$/); // his longest turn, whole
  });
});

describe('throughput', () => {
  /** ~4 MB of one fixture repeated (the repeats are more turns of the same people). */
  function big(file: string): Uint8Array {
    const one = read(file);
    const n = Math.ceil(4_000_000 / one.length);
    if (file.endsWith('.csv') || file.endsWith('.tsv')) {
      const text = Buffer.from(one).toString('utf8');
      const [head, ...rows] = text.split('\n');
      return Buffer.from([head, ...Array.from({ length: n }, () => rows.join('\n'))].join('\n'));
    }
    if (file.endsWith('.vtt')) {
      const text = Buffer.from(one).toString('utf8');
      return Buffer.from(`WEBVTT\n\n${Array.from({ length: n }, () => text.replace(/^WEBVTT[^\n]*\n/, '')).join('\n\n')}`);
    }
    if (file.endsWith('.json')) {
      const value = JSON.parse(Buffer.from(one).toString('utf8')) as { segments: unknown[] };
      return Buffer.from(JSON.stringify({ segments: Array.from({ length: n }, () => value.segments).flat() }));
    }
    return Buffer.concat(Array.from({ length: n }, () => one));
  }

  it('parses every family at several MB/s (prints the figures)', async () => {
    const rows: string[] = [];
    for (const file of ['otter-export.txt', 'rev-transcript.txt', 'descript.md', 'teams.vtt', 'speakers.srt', 'whisperx.json', 'dovetail.csv', 'speakers.tsv', 'cp1251.txt']) {
      const bytes = big(file);
      const started = performance.now();
      const p = await parseTranscriptFile(file, bytes);
      const seconds = (performance.now() - started) / 1000;
      const mbps = bytes.length / 1e6 / seconds;
      rows.push(`${file.padEnd(20)} ${(bytes.length / 1e6).toFixed(1)} MB ${String(p.turns.length).padStart(7)} turns ${mbps.toFixed(1).padStart(6)} MB/s`);
      expect(mbps).toBeGreaterThan(1);
    }
    console.log(rows.join('\n'));
  });
});
