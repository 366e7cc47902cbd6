// Full-text search latency on a study holding about a million words of transcript turns, against
// the raw FTS5 MATCH with no snippet, join or ranking: the floor of the same lookup.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStudyDb } from '../../electron/core/db/open';
import { searchTurns, toFtsQuery } from '../../electron/core/db/queries/search';

const VOCAB = (
  'budget month spreadsheet bank app card payday rent bills savings pot envelope receipt sunday calendar partner ' +
  'kids school holiday car tax insurance overdraft fee panic plan forecast category rule sync export import report ' +
  'trust balance cash coffee grocery subscription cancel renew annual quarterly weekly reconcile approve notify alert'
).split(' ');

export async function benchSearch(words = 1_000_000, queries = ['spreadsheet', 'overdraft fee', 'recon', '"annual insurance"']) {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-bench-search-'));
  try {
    const study = openStudyDb(join(dir, 's.grounded'), { create: true });
    const sqlite = study.sqlite;
    let state = 7;
    const rnd = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const insertTurn = sqlite.prepare('insert into turns (transcript_id, idx, speaker, text) values (?, ?, ?, ?)');
    let written = 0;
    sqlite.transaction(() => {
      for (let t = 1; written < words; t++) {
        sqlite.prepare("insert into transcripts (id, file_name, source_path, format, content_hash) values (?, ?, '', 'text', ?)").run(t, `t${t}.txt`, `h${t}`);
        for (let i = 0; i < 100 && written < words; i++) {
          const n = 20 + Math.floor(rnd() * 60);
          insertTurn.run(t, i, i % 2 ? 'P' : 'I', Array.from({ length: n }, () => VOCAB[Math.floor(rnd() * VOCAB.length)]).join(' '));
          written += n;
        }
      }
    })();
    const raw = sqlite.prepare('select rowid from turns_fts where turns_fts match ? limit 50');
    const rows: { query: string; ms: number; rawMs: number; total: number }[] = [];
    for (const q of queries) {
      searchTurns(study.db, q); // warm
      const reps = 20;
      let t = performance.now();
      let total = 0;
      for (let i = 0; i < reps; i++) total = searchTurns(study.db, q).total;
      const ms = (performance.now() - t) / reps;
      const fts = toFtsQuery(q)!;
      t = performance.now();
      for (let i = 0; i < reps; i++) raw.all(fts);
      rows.push({ query: q, ms, rawMs: (performance.now() - t) / reps, total });
    }
    study.close();
    return { words: written, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
