// How precise is the name finder of a pseudonymised export on real interviews? Imports one shared
// interview set into a temporary study, pseudonymises every participant turn as an export would
// (participants, interviewers and the names compromise finds), and prints:
//   replacements          every distinct replaced word or phrase with its count, by kind
//   leftParticipantNames  participants' name words still present after replacement (goal 0)
//   willMay               capitalised "Will"/"May"/"Mark"/"Grant"/"Hope"... in the texts, and how many were replaced
//   suspect               replaced person words the lexicon also knows as ordinary words: candidates
//                         for false replacements, for a reader to judge (the figure in the report
//                         is judged by hand from the full list, not by this flag)
//
//   npm run bench:pseudonymise [-- --set open-source-sustainability]
//
// GROUNDED_SHARED_DATA (default ../shared/data). Needs no model: nothing is embedded.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pseudonymPeople } from '../../electron/core/db/queries/exportPeople';
import { pseudonymiseTexts } from '../../electron/core/export/pseudonymise';
import { createCoreHost } from '../../electron/core/host/inProcess';

const { values } = parseArgs({ options: { set: { type: 'string', default: 'open-source-sustainability' } } });
const data = resolve(process.env.GROUNDED_SHARED_DATA ?? join(__dirname, '..', '..', '..', 'shared', 'data'));
const folder = join(data, 'transcripts', values.set!);
const files = readdirSync(folder)
  .filter((f) => /\.(md|txt|vtt)$/.test(f) && !f.startsWith('_'))
  .map((f) => join(folder, f));

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-bench-pseudonymise-'));
  const host = await createCoreHost({ settingsDir: join(dir, 'settings') });
  try {
    const core = host.core;
    await core.openStudy(join(dir, 'bench.grounded'), true);
    const finished = await core.startJob({ kind: 'import', paths: files }).done;
    if (finished.status !== 'completed') throw new Error(`import ${finished.status}`);
    const db = core.db();
    const turns = (
      db.$client
        .prepare(`select t.text from turns t join speakers s on s.transcript_id = t.transcript_id and s.name = t.speaker where s.role = 'participant'`)
        .all() as { text: string }[]
    ).map((r) => r.text);
    const people = pseudonymPeople(db);
    const started = process.hrtime.bigint();
    const { texts, replacements } = pseudonymiseTexts(turns, people);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    const nameWords = [...new Set(people.participants.flatMap((p) => p.name.split(/\s+/)).filter((w) => w.length > 2))];
    const left = nameWords.map((w) => ({ w, n: texts.join('\n').match(new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'gu'))?.length ?? 0 })).filter((x) => x.n > 0);
    const AMBIGUOUS = ['Will', 'May', 'Mark', 'Grant', 'Hope', 'Bill', 'June', 'April', 'Rose', 'Frank', 'Jack', 'Pat', 'Sue'];
    const count = (all: string[], w: string) => all.join('\n').match(new RegExp(`\\b${w}\\b`, 'g'))?.length ?? 0;
    const willMay = AMBIGUOUS.map((w) => ({ word: w, inTexts: count(turns, w), replaced: count(turns, w) - count(texts, w) })).filter((x) => x.inTexts > 0);
    const byKind = (kind: string) => replacements.filter((r) => r.kind === kind).map((r) => `${r.original} -> ${r.replacement} (${r.count})`);
    console.log(
      JSON.stringify(
        {
          set: values.set,
          files: files.length,
          participantTurns: turns.length,
          seconds: Math.round(seconds * 10) / 10,
          totals: Object.fromEntries(['participant', 'person', 'email', 'phone', 'url'].map((k) => [k, replacements.filter((r) => r.kind === k).reduce((s, r) => s + r.count, 0)])),
          leftParticipantNames: left,
          willMay,
          replacements: { participant: byKind('participant'), person: byKind('person'), email: byKind('email'), phone: byKind('phone'), url: byKind('url') },
        },
        null,
        2,
      ),
    );
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
