// Personas on the 16 real open-source-sustainability interviews (shared data, CC BY 3.0), whose
// six participants fall into two known groups: upstream maintainers (donald, ernest, nick) and
// downstream users (jackie, naomi, terri). Imports the folder into a temporary study through the
// core, synthesizes with personas 'auto' and 2, and prints who landed in which persona and the
// adjusted Rand index against the two groups. Nothing is tuned to this set; it is a check.
//
//   npx tsx scripts/bench/ossPersonas.ts [folder]   (default ../shared/data/transcripts/open-source-sustainability)

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEmbedder } from '../../electron/core/embeddings/embedder';
import { MODEL_ID } from '../../electron/core/embeddings/model';
import { openStudyDb } from '../../electron/core/db/open';
import { loadEmbeddings } from '../../electron/core/db/queries/embeddings';
import { listParticipants } from '../../electron/core/db/queries/participants';
import { quotesForSynthesis } from '../../electron/core/db/queries/quotes';
import { createCoreHost } from '../../electron/core/host/inProcess';
import { FACET_LABELS, FACET_PROTOTYPES, synthesize, trainingSentences, type FacetLabel } from '../../electron/core/synthesis';
import { adjustedRandIndex } from '../../electron/core/synthesis/metrics';

const GROUPS: Record<string, 'upstream' | 'downstream'> = {
  donald: 'upstream',
  ernest: 'upstream',
  nick: 'upstream',
  jackie: 'downstream',
  naomi: 'downstream',
  terri: 'downstream',
};

/** ARI of persona membership against the known groups, over the six known participants. */
function ariOf(personas: { participants: { name: string }[] }[]): number {
  const truth: number[] = [];
  const found: number[] = [];
  personas.forEach((persona, p) =>
    persona.participants.forEach(({ name }) => {
      const group = GROUPS[name.toLowerCase()];
      if (!group) return;
      truth.push(group === 'upstream' ? 0 : 1);
      found.push(p);
    }),
  );
  return adjustedRandIndex(truth, found);
}

async function main(): Promise<void> {
  const folder = resolve(process.argv[2] ?? join(__dirname, '..', '..', '..', 'shared', 'data', 'transcripts', 'open-source-sustainability'));
  if (!existsSync(folder)) {
    console.log(`ossPersonas: skipped, no transcripts at ${folder}`);
    return;
  }
  const files = readdirSync(folder)
    .filter((f) => /^[a-z]+-\d-full\.md$/.test(f))
    .sort()
    .map((f) => join(folder, f));
  const dir = mkdtempSync(join(tmpdir(), 'grounded-oss-'));
  const studyPath = join(dir, 'study.grounded');
  const host = await createCoreHost({ settingsDir: join(dir, 'settings') });
  const core = host.core;
  try {
    await core.openStudy(studyPath, true);
    const imported = await core.startJob({ kind: 'import', paths: files }).done;
    const ok = imported.result?.imports?.filter((r) => r.status === 'ok').length ?? 0;
    console.log(`imported ${ok}/${files.length} interviews`);

    for (const personas of ['auto', 2] as const) {
      const run = await core.startJob({ kind: 'synthesize', personas, seed: 42 }).done;
      if (run.status !== 'completed') throw new Error(`synthesis ${personas}: ${JSON.stringify(run.error)}`);
      const list = await core.handlers()['personas:list']({});
      const themes = await core.handlers()['themes:list']({});
      console.log(`\npersonas=${personas}: ${list.length} personas, ${themes.length} themes, scores ${JSON.stringify(run.result?.synthesis?.scores)}`);
      list.forEach((p) => console.log(`  ${p.name}: ${p.participants.map((x) => x.name).join(', ')}`));
      console.log(`  ARI against upstream/downstream: ${ariOf(list).toFixed(3)}`);
    }
  } finally {
    await core.close();
  }

  // The same quotes and vectors straight through synthesize(), for what the core does not store
  // yet: whether any grouping is clearly better than one, and each participant's fit.
  const study = openStudyDb(studyPath, { create: false });
  try {
    const vectors = loadEmbeddings(study.db, MODEL_ID);
    const quotes = quotesForSynthesis(study.db).map((q) => ({ ...q, vector: vectors.get(q.textHash)! }));
    const participants = listParticipants(study.db).filter((p) => p.quoteCount > 0);
    const embedder = await createEmbedder();
    const sentences = trainingSentences(FACET_PROTOTYPES);
    const prototypeVectors = Object.fromEntries(
      await Promise.all(FACET_LABELS.map(async (f) => [f, await embedder.embed(sentences[f])] as const)),
    ) as Record<FacetLabel, Float32Array[]>;
    await embedder.dispose();
    const out = synthesize({ quotes, participants, facetPrototypeVectors: prototypeVectors, facetPrototypeTexts: sentences, seed: 42, personaCount: 'auto' });
    const name = new Map(participants.map((p) => [p.id, p.name]));
    const outliers = out.themes.themes.find((t) => t.outlier)?.quoteIds.length ?? 0;
    console.log(`\ndirect synthesize (auto): k=${out.personas.k}, ${out.themes.k} themes + ${outliers} quotes fitting none, of ${quotes.length}`);
    console.log(`  clearlyBetterThanOne: ${out.personas.clearlyBetterThanOne}`);
    console.log(`  groups: ${out.personas.groups.map((g) => g.map((id) => name.get(id)).join(', ')).join(' | ')}`);
    console.log(`  fit: ${[...out.personas.fit].map(([id, fit]) => `${name.get(id)} ${fit.toFixed(2)}`).join(', ')}`);
    const facetCounts: Record<string, number> = {};
    for (const { facet } of out.facets.values()) facetCounts[facet] = (facetCounts[facet] ?? 0) + 1;
    console.log(`  facets: ${JSON.stringify(facetCounts)}`);
  } finally {
    study.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
