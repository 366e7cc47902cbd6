// What encryption at rest costs: open, import and synthesize on an encrypted study beside a plain
// one, the same work in the same run, as ratios (encrypted / plain: 1.00 = free). Also the KDF
// alone and the encrypt/rekey of a whole study. Runs inside `npm run bench`, or alone:
//   npx tsx scripts/bench/encryption.ts
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStudyDb, type StudyDb } from '../../electron/core/db/open';
import { deriveKey, KDF } from '../../electron/core/db/studyKey';
import { transformStudy } from '../../electron/core/encryption';
import { createEmbedder, type Embedder } from '../../electron/core/embeddings/embedder';
import { defaultModelsDir, modelStatus } from '../../electron/core/embeddings/model';
import { runImportJob } from '../../electron/core/jobs/importJob';
import { runSynthesisJob } from '../../electron/core/jobs/synthesizeJob';

const PASS = 'bench passphrase, long enough';
const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });

export interface EncryptionRow {
  what: string;
  plain: number;
  encrypted: number;
  unit: string;
}

function seconds<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, (performance.now() - t) / 1000];
}

async function secondsAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The shared interviews when they are here (measuring only), else the fixtures. */
export function benchTranscripts(): { dir: string; label: string } {
  const shared = process.env.GROUNDED_SHARED_DATA ?? join(__dirname, '..', '..', '..', 'shared', 'data');
  const oss = join(shared, 'transcripts', 'open-source-sustainability');
  if (existsSync(oss)) return { dir: oss, label: 'open-source-sustainability' };
  return { dir: join(__dirname, '..', '..', 'test', 'fixtures', 'transcripts'), label: 'test fixtures' };
}

export async function benchEncryption(
  opts: { synthesize?: boolean; log?: (line: string) => void; onRow?: (row: EncryptionRow) => void } = {},
): Promise<{ rows: EncryptionRow[]; notes: string[] }> {
  const log = opts.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'grounded-bench-enc-'));
  const rows: EncryptionRow[] = [];
  const push = (row: EncryptionRow) => {
    rows.push(row);
    opts.onRow?.(row);
  };
  const notes: string[] = [];
  const { dir: source, label } = benchTranscripts();
  const files = readdirSync(source)
    .filter((f) => /\.(txt|md|vtt)$/.test(f) && !f.startsWith('_'))
    .map((f) => join(source, f));
  const mb = files.reduce((s, f) => s + statSync(f).size, 0) / 1e6;
  try {
    const kdf = median([0, 1, 2].map(() => seconds(() => deriveKey(PASS, Buffer.alloc(16, 7)))[1]));
    notes.push(`KDF: scrypt N=2^${Math.log2(KDF.N)} r=${KDF.r} p=${KDF.p} (${(128 * KDF.N * KDF.r) / 2 ** 20} MiB), ${(kdf * 1000).toFixed(0)} ms (median of 3)`);

    // Import: three fresh studies of each kind, alternating, median time.
    const imports: Record<'plain' | 'encrypted', number[]> = { plain: [], encrypted: [] };
    for (let i = 0; i < 3; i++) {
      for (const kind of ['plain', 'encrypted'] as const) {
        const study = openStudyDb(join(dir, `import-${kind}-${i}.grounded`), { create: true, passphrase: kind === 'encrypted' ? PASS : undefined });
        const [r, s] = await secondsAsync(() => runImportJob(study.db, files, ctx()));
        study.close();
        if (r?.imports?.some((x) => x.status === 'error')) throw new Error(`bench import failed: ${r.imports.find((x) => x.status === 'error')!.message}`);
        imports[kind].push(s);
      }
    }
    push({ what: `import ${files.length} files, ${mb.toFixed(2)} MB (${label})`, plain: median(imports.plain), encrypted: median(imports.encrypted), unit: 's' });
    log(`import done`);

    // Open: the imported studies, five times each; the encrypted one derives its key each time.
    const plainPath = join(dir, 'import-plain-0.grounded');
    const encPath = join(dir, 'import-encrypted-0.grounded');
    const opens: Record<'plain' | 'encrypted', number[]> = { plain: [], encrypted: [] };
    for (let i = 0; i < 5; i++) {
      opens.plain.push(seconds(() => openStudyDb(plainPath, { create: false }).close())[1]);
      opens.encrypted.push(seconds(() => openStudyDb(encPath, { create: false, passphrase: PASS }).close())[1]);
    }
    push({ what: 'open a study (encrypted: with the KDF)', plain: median(opens.plain), encrypted: median(opens.encrypted), unit: 's' });
    // The same open once the key is derived (a second connection: a backup, the reopen after a
    // restore). Both kinds with a first connection held open, so neither pays the last close's checkpoint.
    const second: Record<'plain' | 'encrypted', number[]> = { plain: [], encrypted: [] };
    for (const [kind, path] of [['plain', plainPath], ['encrypted', encPath]] as const) {
      const holder = openStudyDb(path, { create: false, passphrase: kind === 'encrypted' ? PASS : undefined });
      for (let i = 0; i < 5; i++) second[kind].push(seconds(() => openStudyDb(path, { create: false }).close())[1]);
      holder.close();
    }
    push({ what: 'second connection, key already derived', plain: median(second.plain), encrypted: median(second.encrypted), unit: 's' });
    // Reads through a fresh connection (an empty SQLite page cache: every page read is decrypted;
    // the OS cache is warm for both): every turn's text, and a full-text query.
    const readAll = (db: StudyDb) => {
      db.sqlite.prepare('select sum(length(text)) from turns').get();
      db.sqlite.prepare("select count(*) from turns_fts where turns_fts match 'project OR maintainer OR funding OR time'").get();
    };
    const reads: Record<'plain' | 'encrypted', number[]> = { plain: [], encrypted: [] };
    for (const [kind, path] of [['plain', plainPath], ['encrypted', encPath]] as const) {
      const holder = openStudyDb(path, { create: false, passphrase: kind === 'encrypted' ? PASS : undefined });
      for (let i = 0; i < 5; i++) {
        const db = openStudyDb(path, { create: false });
        reads[kind].push(seconds(() => readAll(db))[1]);
        db.close();
      }
      holder.close();
    }
    push({ what: 'read every turn + a full-text query, cold page cache', plain: median(reads.plain), encrypted: median(reads.encrypted), unit: 's' });

    const size = statSync(plainPath).size / 1e6;
    const [, encryptS] = seconds(() => transformStudy(join(dir, 'import-plain-1.grounded'), 'encrypt', { newPassphrase: PASS }));
    const [, rekeyS] = seconds(() => transformStudy(join(dir, 'import-plain-1.grounded'), 'rekey', { passphrase: PASS, newPassphrase: `${PASS}!` }));
    notes.push(`encrypt a ${size.toFixed(1)} MB study: ${encryptS.toFixed(2)} s; rekey: ${rekeyS.toFixed(2)} s (each includes the KDF once or twice)`);

    if (opts.synthesize !== false) {
      const status = modelStatus(defaultModelsDir());
      if (!status.available) notes.push(`synthesize: skipped — ${status.reason}`);
      else {
        const embedder: Embedder = await createEmbedder();
        await embedder.embed(['warm up the model before timing']);
        const settings = { personas: 'auto' as const, seed: 42, themes: 'auto' as const };
        // On the fixture interviews: with the real model, the shared set takes ~10 min per synthesis
        // on a busy 2-core machine, and embedding (the same work either way) would drown the ratio.
        const fixtures = join(__dirname, '..', '..', 'test', 'fixtures', 'transcripts');
        const fixtureFiles = readdirSync(fixtures).filter((f) => /\.(txt|md|vtt)$/.test(f)).map((f) => join(fixtures, f));
        // A throwaway synthesis first: the one-time costs (the facet prototypes' vectors, the model's
        // first batches) would otherwise all land on whichever study goes first.
        const warm = openStudyDb(join(dir, 'warm.grounded'), { create: true });
        await runImportJob(warm.db, fixtureFiles.slice(0, 3), ctx());
        await runSynthesisJob(warm.db, embedder, settings, ctx());
        warm.close();
        log('warm-up synthesis done');
        const synth: Record<'plain' | 'encrypted', number[]> = { plain: [], encrypted: [] };
        const again: Record<'plain' | 'encrypted', number[]> = { plain: [], encrypted: [] };
        // Two rounds in alternating order (plain first, then encrypted first): a busy machine's drift
        // lands on both kinds. Each round: a fresh study synthesized (embeds every quote), then again
        // (the vectors are stored: the study's reads and writes plus clustering).
        for (const order of [['plain', 'encrypted'], ['encrypted', 'plain']] as const) {
          for (const kind of order) {
            const s = openStudyDb(join(dir, `synth-${kind}-${order[0]}.grounded`), { create: true, passphrase: kind === 'encrypted' ? PASS : undefined });
            await runImportJob(s.db, fixtureFiles, ctx());
            synth[kind].push((await secondsAsync(() => runSynthesisJob(s.db, embedder, settings, ctx())))[1]);
            again[kind].push((await secondsAsync(() => runSynthesisJob(s.db, embedder, settings, ctx())))[1]);
            s.close();
            log(`synthesize ${kind} done`);
          }
        }
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        await embedder.dispose();
        notes.push(`synthesize: the ${fixtureFiles.length} fixture interviews, real model (${embedder.modelId}), personas auto, seed 42`);
        push({ what: 'synthesize (embeds every quote), mean of 2', plain: mean(synth.plain), encrypted: mean(synth.encrypted), unit: 's' });
        push({ what: 're-synthesize (vectors stored), mean of 2', plain: mean(again.plain), encrypted: mean(again.encrypted), unit: 's' });
      }
    }
    return { rows, notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printHeader(): void {
  console.log(`${'encryption at rest'.padEnd(58)} ${'plain'.padStart(10)} ${'encrypted'.padStart(10)} ${'ratio'.padStart(7)}`);
}

function printRow(x: EncryptionRow): void {
  console.log(`${`${x.what} (${x.unit})`.padEnd(58)} ${x.plain.toFixed(3).padStart(10)} ${x.encrypted.toFixed(3).padStart(10)} ${(x.encrypted / x.plain).toFixed(2).padStart(7)}`);
}

function printNotes(notes: string[]): void {
  for (const n of notes) console.log(`  ${n}`);
  console.log('  ratio = encrypted / plain (1.00: encryption costs nothing); medians where repeated, same run, same files');
}

export function printEncryption(r: { rows: EncryptionRow[]; notes: string[] }): void {
  printHeader();
  r.rows.forEach(printRow);
  printNotes(r.notes);
}

if (require.main === module) {
  printHeader();
  benchEncryption({ log: (l) => console.error(l), onRow: printRow }).then((r) => printNotes(r.notes), (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
