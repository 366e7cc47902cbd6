// The 16 real interviews of the open-source-sustainability study (CC BY 3.0, see the shared
// data README). They are not shipped with the app nor present on users' machines, so this suite
// skips, saying why, when the folder is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectInterviewer, ImportError, parseTranscript, type ParsedTranscript } from '../../electron/core/importers/parse';
import { extractQuotes } from '../../electron/core/quotes/extract';

const repoRoot = path.resolve(__dirname, '..', '..');
const sharedData = process.env.GROUNDED_SHARED_DATA ?? path.resolve(repoRoot, '../shared/data');
const dir = path.join(sharedData, 'transcripts', 'open-source-sustainability');
const present = existsSync(dir);
if (!present) console.warn(`realTranscripts: skipped, no real transcripts at ${dir} (set GROUNDED_SHARED_DATA to run them)`);

const interviews = present ? readdirSync(dir).filter((f) => /^[a-z]+-\d-full\.md$/.test(f)).sort() : [];
/** People who speak in a few files without being interviewed: the live transcriber, an observer. */
const HELPERS = new Set(['MIRABAI', 'AMANDA']);

/**
 * Turns per speaker counted the simple way, independently of the parser: lines that open with a
 * capitalised name and a colon ("NICK:", "Amanda:", "MEL (typed):", "MEL, TYPING:"), never a
 * blockquote line.
 */
function labelledLines(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z][A-Za-z]+)(?: \([a-z]+\)|, [A-Z]+)?:\s/.exec(line);
    if (m?.[1]) counts[m[1].toUpperCase()] = (counts[m[1].toUpperCase()] ?? 0) + 1;
  }
  return counts;
}

function turnCounts(p: ParsedTranscript): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of p.turns) counts[t.speaker.toUpperCase()] = (counts[t.speaker.toUpperCase()] ?? 0) + 1;
  return counts;
}

describe.skipIf(!present)('real transcripts: open-source-sustainability (16 interviews)', () => {
  it('finds all 16 interviews', () => {
    expect(interviews).toHaveLength(16);
  });

  it.each(interviews)('%s: parses, MEL interviews, the named participant answers', (file) => {
    const bytes = readFileSync(path.join(dir, file));
    const parsed = parseTranscript(file, bytes);
    const participant = file.split('-')[0]!.toUpperCase();
    const counts = turnCounts(parsed);

    expect(parsed.format).toBe('markdown');
    expect(detectInterviewer(parsed.turns)).toBe('MEL');
    expect(parsed.interviewDate).toMatch(/^2019-\d\d-\d\d$/);
    // Every speaker is MEL, the participant, or a helper with a few lines.
    for (const [speaker, n] of Object.entries(counts)) {
      if (speaker === 'MEL' || speaker === participant) continue;
      expect(HELPERS.has(speaker), `${file}: unexpected speaker ${speaker}`).toBe(true);
      expect(n).toBeLessThanOrEqual(5);
    }
    expect(counts[participant]).toBeGreaterThan(15);
    // Same counts as the plain line scan: nobody was invented from a blockquote, nobody lost.
    expect(counts).toEqual(labelledLines(Buffer.from(bytes).toString('utf8')));
  });

  it.each(interviews)('%s: names quoted in "> NAME:" blockquotes never become speakers', (file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const participant = file.split('-')[0]!.toUpperCase();
    const quoted = new Set([...text.matchAll(/^>\s*([A-Z]+):/gm)].map((m) => m[1]));
    quoted.delete('MEL');
    quoted.delete(participant);
    const speakers = new Set(parseTranscript(file, Buffer.from(text)).turns.map((t) => t.speaker));
    for (const name of quoted) expect(speakers.has(name!), `${file}: ${name} from a blockquote became a speaker`).toBe(false);
  });

  it('the interview protocol is a guide, not a transcript: refused as no_turns', () => {
    const file = '_interview-protocol.md';
    let error: unknown;
    try {
      parseTranscript(file, readFileSync(path.join(dir, file)));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('no_turns');
    expect((error as ImportError).message).toMatch(/^_interview-protocol\.md: has no participant turns: only one speaker \(INTERVIEWER\)/);
  });

  it('quotes come from participants only, never from blockquoted lines; prints counts and throughput', () => {
    const rows: string[] = [];
    let bytesTotal = 0;
    let parseMs = 0;
    let quotesTotal = 0;
    for (const file of interviews) {
      const bytes = readFileSync(path.join(dir, file));
      const started = performance.now();
      const parsed = parseTranscript(file, bytes);
      parseMs += performance.now() - started;
      bytesTotal += bytes.length;
      const interviewer = detectInterviewer(parsed.turns);
      const quotes = extractQuotes(parsed.turns, (s) => s !== interviewer && !HELPERS.has(s));
      quotesTotal += quotes.length;
      for (const q of quotes) {
        const turn = parsed.turns[q.turnIndex]!;
        expect(turn.speaker).toBe(file.split('-')[0]!.toUpperCase());
        const slice = turn.text.slice(q.start, q.end);
        expect(slice.split('\n').some((line) => /^\s*>/.test(line)), `${file}: quote from a blockquote: ${q.text}`).toBe(false);
      }
      expect(quotes.length).toBeGreaterThan(80);
      rows.push(`${file.padEnd(18)} ${String(parsed.turns.length).padStart(4)} turns ${String(quotes.length).padStart(5)} quotes`);
    }
    const mb = bytesTotal / 1e6;
    console.log(
      [...rows, `total: ${mb.toFixed(2)} MB, ${quotesTotal} quotes; parse ${parseMs.toFixed(0)} ms = ${(mb / (parseMs / 1000)).toFixed(1)} MB/s (after warm-up)`].join('\n'),
    );
  });
});

describe.skipIf(!present)('real transcripts imported into a study', () => {
  it('yields 6 participants across 16 transcripts, MEL interviewing, the guide reported', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { coreWithStudy, importAll } = await import('../helpers/core');
    const tmp = mkdtempSync(path.join(tmpdir(), 'grounded-oss-'));
    try {
      const core = await coreWithStudy(tmp);
      const results = await importAll(core, [dir]);
      const protocol = results.find((r) => r.path.endsWith('_interview-protocol.md'));
      expect(protocol).toMatchObject({ status: 'error', message: expect.stringMatching(/has no participant turns/) });
      expect(results.filter((r) => r.status === 'ok')).toHaveLength(16);
      const transcripts = await core.handlers()['transcripts:list']({});
      expect(new Set(transcripts.map((t) => t.interviewer))).toEqual(new Set(['MEL']));
      const people = await core.handlers()['participants:list']({});
      expect(people.map((p) => p.name).sort()).toEqual(['Donald', 'Ernest', 'Jackie', 'Naomi', 'Nick', 'Terri']);
      expect(people.find((p) => p.name === 'Naomi')?.transcriptCount).toBe(3);
      await core.close();
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
