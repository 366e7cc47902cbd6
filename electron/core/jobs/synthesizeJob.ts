import type { JobFinished } from '../../../shared/domain';
import { IpcFailure, type PersonaCount } from '../../../shared/ipc/contract';
import type { Db } from '../db/open';
import { loadEmbeddings } from '../db/queries/embeddings';
import { listParticipants } from '../db/queries/participants';
import { quotesForSynthesis } from '../db/queries/quotes';
import { saveRun } from '../db/queries/synthesis';
import type { Embedder } from '../embeddings/embedder';
import { embedPending } from '../embeddings/pending';
import { FACETS, FACET_PROTOTYPES, synthesize, type Facet } from '../synthesis';
import { throwIfCancelled, type JobContext } from './runner';

export interface SynthesisSettings {
  personas: PersonaCount;
  seed: number;
}

/**
 * Embeds what is new (batch by batch, each committed), then clusters and drafts personas and
 * stores the run in one transaction: a crash leaves the previous synthesis intact.
 */
export async function runSynthesisJob(
  db: Db,
  embedder: Embedder,
  settings: SynthesisSettings,
  ctx: JobContext,
): Promise<JobFinished['result']> {
  const embedded = await embedPending(db, embedder, ctx);
  throwIfCancelled(ctx.signal);

  const vectors = loadEmbeddings(db, embedder.modelId);
  const quotes = quotesForSynthesis(db).map((q) => ({ id: q.id, participantId: q.participantId, text: q.text, vector: vectors.get(q.textHash)! }));
  if (quotes.some((q) => !q.vector)) throw new IpcFailure('internal', 'A quote has no embedding after embedding ran');
  const participants = listParticipants(db).filter((p) => p.quoteCount > 0);
  if (participants.length < 2) {
    throw new IpcFailure('too_little_data', `Synthesis needs quotes from at least 2 participants; this study has ${participants.length}`);
  }

  ctx.progress(0, 1, 'Clustering themes and personas');
  const prototypeVectors = await embedPrototypes(embedder);
  throwIfCancelled(ctx.signal);
  const out = synthesize({
    quotes,
    participants: participants.map((p) => ({ id: p.id, name: p.name })),
    facetPrototypeVectors: prototypeVectors,
    seed: settings.seed,
    personaCount: settings.personas,
  });
  throwIfCancelled(ctx.signal);

  saveRun(db, {
    modelId: embedder.modelId,
    modelHash: embedder.modelHash,
    seed: settings.seed,
    params: { personas: settings.personas, seed: settings.seed, quotes: quotes.length, themeK: out.themes.k },
    chosenK: out.personas.k,
    scores: out.personas.scores,
    themes: out.themes.themes.map((t) => ({ label: t.label, keywords: t.keywords, quoteIds: t.quoteIds })),
    personas: out.personas.drafts.map((d) => ({
      name: d.name,
      summary: d.summary,
      mark: null,
      participantIds: d.participantIds,
      definingQuoteId: d.definingQuoteId,
      sections: { goals: d.goals, frustrations: d.frustrations, behaviors: d.behaviors, context: d.context },
      themeIndexes: d.themeIndexes,
    })),
  });
  ctx.progress(1, 1, `${out.themes.themes.length} themes, ${out.personas.drafts.length} personas`);
  return {
    synthesis: {
      themes: out.themes.themes.length,
      personas: out.personas.drafts.length,
      embedded,
      chosenK: out.personas.k,
      scores: out.personas.scores,
    },
  };
}

const prototypeCache = new WeakMap<Embedder, Promise<Record<Facet, Float32Array[]>>>();

function embedPrototypes(embedder: Embedder): Promise<Record<Facet, Float32Array[]>> {
  let cached = prototypeCache.get(embedder);
  if (!cached) {
    cached = (async () => {
      const entries = await Promise.all(FACETS.map(async (f) => [f, await embedder.embed(FACET_PROTOTYPES[f])] as const));
      return Object.fromEntries(entries) as Record<Facet, Float32Array[]>;
    })();
    prototypeCache.set(embedder, cached);
  }
  return cached;
}
