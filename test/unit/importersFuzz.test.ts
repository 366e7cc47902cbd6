// 10,000 malformed inputs from a seeded generator, across every format the importer reads (text,
// WebVTT, SRT, Whisper JSON, CSV/TSV, Word documents and other zips): the importer may refuse any
// of them, but only with an ImportError naming the file, and never takes a second over one. What
// it accepts must hold the invariants the rest of the app relies on, and quote extraction must
// cope with it. The costly generators (megabyte lines, thousands of turns) are a small share, so
// the whole run stays near 30 s on one core.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectInterviewer,
  ImportError,
  parseTranscriptFile,
  type ImportErrorCode,
  type ParsedTranscript,
} from '../../electron/core/importers/parse';
import { extractQuotes, type DraftQuote } from '../../electron/core/quotes/extract';
import type { TranscriptFormat } from '../../shared/domain';
import { cleanQuoteText } from '../../electron/core/quotes/noise';

const CASES = 10_000;
const SEED = 0x5eed_2024;
// A guard against hangs and super-linear blowups (a quadratic path on these inputs takes tens of
// seconds), not a speed target: speed is measured in `npm run bench`. Loose enough that a busy
// 2-core machine does not trip it.
const MAX_MS = 5000;

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = new TextEncoder();
const fixtureDir = join(__dirname, '..', 'fixtures', 'transcripts');
const formatsDir = join(fixtureDir, 'formats');
const fixtures = [
  ...readdirSync(fixtureDir).filter((f) => /\.(txt|md|vtt)$/.test(f)).map((f) => join(fixtureDir, f)),
  ...readdirSync(formatsDir).filter((f) => /\.(txt|md|vtt|srt|json|csv|tsv)$/.test(f)).map((f) => join(formatsDir, f)),
].map((path) => readFileSync(path));
const vtt = readFileSync(join(fixtureDir, 'focus-call.vtt'));
const fixture = (name: string): Buffer => readFileSync(join(formatsDir, name));
const srt = fixture('speakers.srt');
const whisperx = fixture('whisperx.json');
const docxFiles = ['teams.docx', 'otter.docx', 'meet.docx', 'plain.docx'].map(fixture);

type Gen = (r: () => number) => Uint8Array;
const int = (r: () => number, n: number): number => Math.floor(r() * n);
const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[int(r, xs.length)] as T;
const repeat = (s: string, n: number): string => s.repeat(Math.max(0, n));

const PIECES = [
  'Alex:', 'MEL:', '> NAME:', '**Sam:**', 'Note:', 'https://x.y/z', ' ', '\n', '\n\n', '\r\n', '\r', '?', '…',
  '[inaudible]', '(laughs)', '{vocalsound}', '<v Ann>', '</v>', '<v', '<', '>', '-->', '00:00:01.000', '99:99.9',
  'WEBVTT', 'NOTE', '---', '# ', '((((', '))))', '[[[[', ']]]]', 'e.g.', 'Dr.', '3.5', 'So, um, ', 'I -- ',
  'Speaker 1:', 'A (00:01):', '[00:00:05] ', '&amp;', '&#x1F4B8;', '&#99999999;', '💸', 'é', 'word', 'Why?',
];
/** Pieces that make a whole input binary: rare, or every input would be refused the same way. */
const RARE = ['\u0000', '\ufffd', '\u0007', '\u0085'];
const piece = (r: () => number): string => (r() < 0.005 ? pick(r, RARE) : pick(r, PIECES));

const generators: [string, Gen][] = [
  ['random bytes', (r) => Uint8Array.from({ length: int(r, 4096) }, () => int(r, 256))],
  ['random printable soup', (r) => enc.encode(Array.from({ length: int(r, 400) }, () => piece(r)).join(''))],
  [
    'lines of labels and soup',
    (r) => {
      const labels = ['Alex:', 'MEL:', 'Mel Chua:', '> NAME:', 'Note:', '**Sam:**', '[00:01] Ann:', 'x:', ''];
      const lines = Array.from({ length: int(r, 60) }, () => `${pick(r, labels)} ${Array.from({ length: int(r, 12) }, () => piece(r)).join('')}`);
      return enc.encode(lines.join(pick(r, ['\n', '\n\n', '\r\n'])));
    },
  ],
  ['truncated WebVTT', (r) => vtt.subarray(0, int(r, vtt.length))],
  [
    'mutated fixture',
    (r) => {
      const src = Uint8Array.from(pick(r, fixtures));
      for (let i = int(r, 40); i > 0; i--) src[int(r, src.length)] = int(r, 256);
      return src.subarray(int(r, 50), src.length - int(r, 50));
    },
  ],
  [
    'fixture with spliced junk',
    (r) => {
      const src = Buffer.from(pick(r, fixtures)).toString('utf8');
      const at = int(r, src.length);
      return enc.encode(src.slice(0, at) + Array.from({ length: 20 }, () => piece(r)).join('') + src.slice(at));
    },
  ],
  [
    'huge line',
    (r) => {
      const unit = pick(r, [
        'a', 'A: ', 'x:', '<v ', '<', '(', '[', '…', '?', '. ', 'Dr. ', '-- ', '> ', '&amp', ' ',
        'word ', 'I am fine, ', 'So, um, ', '(laughs) ', 'Yeah. ', 'I -- ', 'Why? ', 'x\n',
      ]);
      const n = 5_000 + int(r, 45_000) + (r() < 0.1 ? 200_000 : 0); // now and then 1 MB and more
      const prefix = pick(r, [
        '',
        'WEBVTT\n\n00:01.000 --> 00:02.000\n',
        'MEL: q?\nANN: a\nMEL: ',
        'MEL: q?\nANN: a\nMEL: q?\nANN: ', // the huge line is a participant's: quotes are cut from it
        'WEBVTT\n\n00:01.000 --> 00:02.000\n<v MEL>q?\n\n00:03.000 --> 00:04.000\n<v ANN>',
      ]);
      return enc.encode(prefix + repeat(unit, n));
    },
  ],
  [
    'nested brackets and unmatched tags',
    (r) => {
      const depth = int(r, 5000);
      const body = pick(r, [
        repeat('(', depth) + 'laughs' + repeat(')', depth),
        repeat('[', depth) + repeat('{', depth),
        repeat('<v ', depth) + 'Ann>' + repeat('</v>', int(r, depth)),
        repeat('<c.x><i>', depth) + 'text',
      ]);
      const cue = pick(r, ['<v Ann>', 'Ann: ', '']);
      return enc.encode(`WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${cue}${body}\n\n1\n00:03.000 --> 00:04.000\n<v Bob>hi?\n\n00:05.000 --> 00:06.000\n<v Ann>yes`);
    },
  ],
  [
    'many tiny turns',
    (r) => {
      const n = 200 + int(r, 4_000) + (r() < 0.1 ? 20_000 : 0);
      return enc.encode(Array.from({ length: n }, (_, i) => `${i % 2 ? 'A' : 'B'}: ${pick(r, PIECES)}`).join('\n'));
    },
  ],
  [
    'byte-order marks over junk',
    (r) => {
      const bom = pick(r, [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]]);
      return Uint8Array.from([...bom, ...Array.from({ length: int(r, 300) }, () => int(r, 256))]);
    },
  ],
  ['truncated SRT', (r) => srt.subarray(0, int(r, srt.length))],
  [
    'SRT soup',
    (r) => {
      const lines = Array.from({ length: int(r, 40) }, (_, i) =>
        pick(r, [
          `${i}`, '00:00:01,000 --> 00:00:02,500', '99:99:99,999 --> x', '-->', '- ', '- Why?', '- Because.', 'Ann: hi?', '[SPEAKER_00]: yes',
          '{\\an8}', '{\\an8}Bob: ok', '<i>', '</i>', '<font color="red">', '', '', piece(r),
        ]),
      );
      return enc.encode(`1\n00:00:00,000 --> 00:00:01,000\n${lines.join(pick(r, ['\n', '\r\n']))}`);
    },
  ],
  [
    'mutated Whisper JSON',
    (r) => {
      const text = whisperx.toString('utf8');
      const at = int(r, text.length);
      const junk = pick(r, ['', '"', '{', '}', '[', ']', ',', ':', 'null', '1e999', '-1', '"speaker": 7', '"text": null', piece(r)]);
      return enc.encode(text.slice(0, at) + junk + text.slice(at + int(r, 8)));
    },
  ],
  [
    'Whisper-shaped JSON of odd values',
    (r) => {
      const value = (): unknown =>
        pick(r, [null, -1, 1e308, Number.MAX_SAFE_INTEGER, 'SPEAKER_00', 'SPEAKER_01', '', ' ', [], {}, true, 'x'.repeat(int(r, 500)), piece(r)]);
      const segment = (): unknown =>
        r() < 0.1
          ? value()
          : Object.fromEntries(
              ['start', 'end', 'text', 'speaker', 'words']
                .filter(() => r() < 0.8)
                .map((k) => [k, k === 'text' && r() < 0.7 ? `${piece(r)} ${piece(r)}?` : k === 'words' ? [{ speaker: value() }, value()] : value()]),
            );
      const segments = Array.from({ length: int(r, 60) }, segment);
      const root = pick(r, [{ segments }, segments, { segments: value() }, { text: 'x' }]);
      const nested = r() < 0.05 ? `${'['.repeat(50_000)}${']'.repeat(50_000)}` : JSON.stringify(root);
      return enc.encode(nested);
    },
  ],
  [
    'CSV and TSV soup',
    (r) => {
      const d = pick(r, [',', '\t', ';']);
      const header = pick(r, ['Speaker,Text,Start', 'start\tend\ttext', 'speaker\ttext', 'Name;Transcript;Time', 'Timestamp,Transcript', '', 'a,b,c']);
      const cell = (): string =>
        pick(r, ['Ann', 'Bob', 'DB:', 'KM', '', '"', '""', '"quoted, cell"', '"unclosed', '00:00:05', '1500', '1.5', '-3', 'Why?', 'I think so.', piece(r)]);
      const rows = Array.from({ length: int(r, 80) }, () => Array.from({ length: 1 + int(r, 5) }, cell).join(d));
      return enc.encode([header.replace(/[,\t;]/g, d), ...rows].join(pick(r, ['\n', '\r\n'])));
    },
  ],
  [
    'truncated Word document',
    (r) => {
      const doc = pick(r, docxFiles);
      return doc.subarray(0, Math.max(4, int(r, doc.length)));
    },
  ],
  [
    'Word document with flipped bytes',
    (r) => {
      const doc = Uint8Array.from(pick(r, docxFiles));
      for (let i = 1 + int(r, 6); i > 0; i--) doc[4 + int(r, doc.length - 4)] = int(r, 256);
      return doc;
    },
  ],
  [
    'zip header over junk',
    (r) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: int(r, 2000) }, () => int(r, 256))]),
  ],
];

/** Cases per generator, out of every 100: the costly ones are few, the cheap ones many. */
const WEIGHTS: Record<string, number> = {
  'random bytes': 5, 'random printable soup': 6, 'lines of labels and soup': 7, 'truncated WebVTT': 6, 'mutated fixture': 8,
  'fixture with spliced junk': 8, 'huge line': 1, 'nested brackets and unmatched tags': 1, 'many tiny turns': 1,
  'byte-order marks over junk': 4, 'truncated SRT': 6, 'SRT soup': 7, 'mutated Whisper JSON': 6, 'Whisper-shaped JSON of odd values': 6,
  'CSV and TSV soup': 8, 'truncated Word document': 5, 'Word document with flipped bytes': 6, 'zip header over junk': 3,
};
const schedule: [string, Gen][] = generators.flatMap((g) => Array.from({ length: WEIGHTS[g[0]] ?? 0 }, () => g));

const FORMATS: TranscriptFormat[] = ['text', 'markdown', 'webvtt', 'srt', 'docx', 'json', 'tsv', 'csv'];

interface Tally {
  ok: number;
  totalMs: number;
  refused: Record<string, number>;
  slowestMs: number;
  slowestWithQuotesMs: number;
}

/** What is wrong with an accepted transcript and its quotes; empty when all is well. */
function problemsOf(parsed: ParsedTranscript, quotes: DraftQuote[]): string[] {
  const problems: string[] = [];
  if (parsed.turns.length === 0) problems.push('no turns');
  if (new Set(parsed.turns.map((x) => x.speaker)).size < 2) problems.push('fewer than two speakers');
  if (!/^[0-9a-f]{64}$/.test(parsed.contentHash)) problems.push('bad hash');
  if (!FORMATS.includes(parsed.format) || parsed.detected.trim().length === 0) problems.push(`format ${parsed.format}, detected "${parsed.detected}"`);
  parsed.turns.forEach((turn, i) => {
    if (turn.speaker.trim().length === 0) problems.push(`turn ${i}: blank speaker`);
    if (turn.text.length === 0) problems.push(`turn ${i}: empty text`);
    if (turn.startMs !== null && !(Number.isFinite(turn.startMs) && turn.startMs >= 0)) problems.push(`turn ${i}: startMs ${turn.startMs}`);
  });
  for (const q of quotes) {
    const text = parsed.turns[q.turnIndex]?.text ?? '';
    if (q.start < 0 || q.end > text.length || q.start >= q.end) problems.push(`quote ${q.start}-${q.end} outside its turn`);
    else if (cleanQuoteText(text.slice(q.start, q.end)) !== q.text) problems.push(`quote text does not match its offsets: ${q.text.slice(0, 60)}`);
  }
  return problems;
}

describe(`importer fuzz: ${CASES} seeded malformed inputs`, () => {
  it('refuses only with ImportError, each parse under a second, and what it accepts is well-formed', async () => {
    const r = rng(SEED);
    const tally = new Map<string, Tally>();
    const failures: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const [kind, gen] = schedule[i % schedule.length] as [string, Gen];
      const bytes = gen(r);
      const name = `fuzz-${i}.txt`;
      const t = tally.get(kind) ?? { ok: 0, totalMs: 0, refused: {}, slowestMs: 0, slowestWithQuotesMs: 0 };
      tally.set(kind, t);
      const label = `${kind} #${i}`;

      const started = performance.now();
      let parsed: ParsedTranscript;
      try {
        parsed = await parseTranscriptFile(name, bytes);
      } catch (err) {
        const ms = performance.now() - started;
        t.slowestMs = Math.max(t.slowestMs, ms);
        t.totalMs += ms;
        if (!(err instanceof ImportError)) failures.push(`${label} crashed: ${String(err)}`);
        else if (!err.message.startsWith(`${name}: `)) failures.push(`${label}: message does not name the file: ${err.message}`);
        else t.refused[err.code] = (t.refused[err.code] ?? 0) + 1;
        if (ms >= MAX_MS) failures.push(`${label} took ${ms.toFixed(0)} ms to refuse`);
        continue;
      }
      const parseMs = performance.now() - started;
      t.slowestMs = Math.max(t.slowestMs, parseMs);
      t.ok++;
      if (parseMs >= MAX_MS) failures.push(`${label} took ${parseMs.toFixed(0)} ms to parse`);

      let quotes: DraftQuote[] = [];
      try {
        const interviewer = detectInterviewer(parsed.turns);
        quotes = extractQuotes(parsed.turns, (s) => s !== interviewer);
      } catch (err) {
        failures.push(`${label}: quote extraction crashed: ${String(err)}`);
      }
      const totalMs = performance.now() - started;
      t.totalMs += totalMs;
      t.slowestWithQuotesMs = Math.max(t.slowestWithQuotesMs, totalMs);
      if (totalMs >= 2 * MAX_MS) failures.push(`${label} took ${totalMs.toFixed(0)} ms with quotes`);
      failures.push(...problemsOf(parsed, quotes).map((p) => `${label}: ${p}`));
    }
    for (const [kind, t] of tally) {
      console.log(
        `${kind.padEnd(36)} parsed ${String(t.ok).padStart(4)}  refused ${JSON.stringify(t.refused)}  ` +
          `slowest ${t.slowestMs.toFixed(0)} ms (${t.slowestWithQuotesMs.toFixed(0)} ms with quotes), all ${(t.totalMs / 1000).toFixed(1)} s`,
      );
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // The generators must reach both outcomes, or the fuzzing tests nothing.
    const all = [...tally.values()];
    expect(all.reduce((n, t) => n + t.ok, 0)).toBeGreaterThan(2500);
    const codes = new Set(all.flatMap((t) => Object.keys(t.refused)));
    const expected: ImportErrorCode[] = ['binary', 'corrupt', 'empty', 'no_turns', 'unknown_format', 'unreadable'];
    for (const code of expected) expect(codes.has(code), `no input was refused as ${code}`).toBe(true);
    expect(all.reduce((n, t) => n + t.ok + Object.values(t.refused).reduce((a, b) => a + b, 0), 0)).toBe(CASES);
  });
});
