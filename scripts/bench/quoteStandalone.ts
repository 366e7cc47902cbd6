// Do quotes stand alone? Quote extraction over real transcript folders: how many quotes, how many
// open with backchannel, hold interview logistics, are under 6 words, dangle or lean on a previous
// sentence, and extraction time; with QUOTES_BASELINE=<path to an older extract.ts> the same
// figures for that version, timed in the same run (ratio new / baseline). Prints 30 random quotes
// per folder to read. Usage: tsx scripts/bench/quoteStandalone.ts <folder>...
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStudyDb } from '../../electron/core/db/open';
import { inThreadPreparer } from '../../electron/core/ingest/preparePool';
import { runImportJob } from '../../electron/core/jobs/importJob';
import { detectInterviewer, parseTranscript } from '../../electron/core/importers/parse';
import { proposeRoles } from '../../electron/core/ingest/roles';
import { extractQuotes, type DraftQuote } from '../../electron/core/quotes/extract';
import { countWords } from '../../electron/core/quotes/noise';
import { isDangling, isLogistics, needsPrevious, startsWithBackchannel } from '../../electron/core/quotes/standalone';
import { sentenceSpans } from '../../electron/core/quotes/sentences';

type Extract = typeof extractQuotes;
interface Doc {
  turns: { speaker: string; text: string }[];
  isParticipant: (s: string) => boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return /\.(txt|md|vtt|srt|json|csv|docx)$/.test(f) && !f.startsWith('_') ? [p] : [];
  });
}

/** Participants as the app proposes them; "AI"/"Assistant" beside another interviewer label are the interviewer too. */
function load(dir: string): Doc[] {
  return filesUnder(dir).flatMap((p) => {
    try {
      const parsed = parseTranscript(p, readFileSync(p));
      const roles = proposeRoles(parsed.turns, detectInterviewer(parsed.turns));
      const isParticipant = (s: string) => roles.get(s) === 'participant' && !/^(?:ai|assistant|interviewer)$/i.test(s);
      return [{ turns: parsed.turns, isParticipant }];
    } catch {
      return [];
    }
  });
}

function sentences(text: string): string[] {
  return sentenceSpans(text, 0, text.length).map(([s, e]) => text.slice(s, e));
}

function figures(docs: Doc[], extract: Extract) {
  const quotes: string[] = [];
  for (const d of docs) for (const q of extract(d.turns, d.isParticipant)) quotes.push(q.text);
  const share = (f: (t: string) => boolean) => +((100 * quotes.filter(f).length) / Math.max(1, quotes.length)).toFixed(1);
  return {
    quotes: quotes.length,
    startsBackchannelPct: share(startsWithBackchannel),
    logisticsPct: share((t) => sentences(t).some(isLogistics)),
    under6WordsPct: share((t) => countWords(t) < 6),
    danglingPct: share(isDangling),
    leansOnPreviousPct: share(needsPrevious),
    lowercaseStartPct: share((t) => /^\p{Ll}/u.test(t)),
    stutterPct: share((t) => /(?<![\p{L}'’])(\p{L}+)(?:,|\s*--|\s*—)?\s+\1(?![\p{L}])/iu.test(t.replace(/\b(that that|had had)\b/gi, ''))),
    meanWords: +(quotes.reduce((a, t) => a + countWords(t), 0) / Math.max(1, quotes.length)).toFixed(1),
    texts: quotes,
  };
}

function timeMs(docs: Doc[], extract: Extract, rounds: number): number {
  const t = performance.now();
  for (let r = 0; r < rounds; r++) for (const d of docs) extract(d.turns, d.isParticipant);
  return (performance.now() - t) / rounds;
}

async function timedImport(dir: string): Promise<number> {
  const tmp = mkdtempSync(join(tmpdir(), 'grounded-quote-bench-'));
  try {
    const study = openStudyDb(join(tmp, 'bench.grounded'), { create: true });
    const t = performance.now();
    await runImportJob(study.db, [dir], { signal: new AbortController().signal, progress: () => undefined }, {}, () => inThreadPreparer());
    const ms = performance.now() - t;
    study.close();
    return ms;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

async function main(): Promise<void> {
  const baselinePath = process.env.QUOTES_BASELINE;
  const baseline: Extract | null = baselinePath ? ((await import(resolve(baselinePath))) as { extractQuotes: Extract }).extractQuotes : null;
  for (const dir of process.argv.slice(2)) {
    const docs = load(dir);
    const now = figures(docs, extractQuotes);
    const before = baseline ? figures(docs, baseline) : null;
    // Alternate rounds so that both versions see the same machine load; the fastest round of each
    // is the one least disturbed by other work on the machine.
    let ms = Infinity;
    let baseMs = Infinity;
    for (let r = 0; r < 9; r++) {
      ms = Math.min(ms, timeMs(docs, extractQuotes, 1));
      if (baseline) baseMs = Math.min(baseMs, timeMs(docs, baseline, 1));
    }
    // The whole import on one thread (parse, roles, quotes, SQLite and FTS writes): the quote
    // extraction's share of it turns the extraction ratio into an import ratio.
    const importMs = await timedImport(dir);
    const importRatio = baseline ? importMs / (importMs - ms + baseMs) : null;
    const strip = ({ texts: _t, ...rest }: ReturnType<typeof figures>) => rest;
    console.log(
      JSON.stringify({
        dir,
        files: docs.length,
        now: { ...strip(now), extractMs: +ms.toFixed(1) },
        importMs: +importMs.toFixed(0),
        ...(before ? { before: { ...strip(before), extractMs: +baseMs.toFixed(1) }, timeRatio: +(ms / baseMs).toFixed(2), importRatioEstimate: +(importRatio ?? 0).toFixed(2) } : {}),
      }),
    );
    const rnd = seeded(Number(process.env.SEED ?? 7));
    const pick = [...now.texts].sort(() => 0).filter(() => true);
    for (let i = 0; i < 30 && pick.length > 0; i++) {
      const [q] = pick.splice(Math.floor(rnd() * pick.length), 1);
      console.log(`  - ${q}`);
    }
  }
}

void main();
export type { DraftQuote };
