import { mapSections, type JobFinished } from '../../../shared/domain';
import { IpcFailure, type PersonaCount } from '../../../shared/ipc/contract';
import type { Db } from '../db/open';
import { loadEmbeddings, putEmbeddings } from '../db/queries/embeddings';
import { listParticipants } from '../db/queries/participants';
import { quotesForSynthesis } from '../db/queries/quotes';
import { correctedFacets, saveSuggestedFacets } from '../db/queries/facets';
import { listPersonas, listThemes, saveRun, studySpeakerNames } from '../db/queries/synthesis';
import { carryPersonas, carryThemes } from '../synthesis/carryOver';
import type { Embedder } from '../embeddings/embedder';
import { embedPending } from '../embeddings/pending';
import type { FacetLabel } from '../../../shared/domain';
import { projectQuotes2d, synthesize, type FacetPrototypes } from '../synthesis';
import { prototypesHash, studyPrototypes } from '../synthesis/prototypeStore';
import { synthesisThemes } from '../synthesis/synthesize';
import { relabelThemes } from '../synthesis/themes';
import { textHash } from '../ingest/roles';
import { FACET_LABELS, trainingSentences } from '../synthesis/facets';
import { throwIfCancelled, type JobContext } from './runner';

export interface SynthesisSettings {
  personas: PersonaCount;
  seed: number;
  /** Number of themes, or 'auto' to let the data choose. */
  themes?: number | 'auto';
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
  const { prototypes, custom } = studyPrototypes(db);
  const prototypeVectors = await embedPrototypes(embedder, prototypes);
  throwIfCancelled(ctx.signal);
  const hashOf = new Map(quotesForSynthesis(db).map((q) => [q.id, q.textHash]));
  const corrections = correctedFacets(db);
  const facetOverrides = new Map<number, FacetLabel>();
  for (const q of quotes) {
    const fixed = corrections.get(hashOf.get(q.id)!);
    if (fixed) facetOverrides.set(q.id, fixed);
  }
  const themeCount = settings.themes === undefined || settings.themes === 'auto' ? undefined : settings.themes;
  const input = {
    quotes,
    participants: participants.map((p) => ({ id: p.id, name: p.name })),
    facetPrototypeVectors: prototypeVectors,
    facetPrototypeTexts: trainingSentences(prototypes),
    seed: settings.seed,
    personaCount: settings.personas,
    themeCount,
    facetOverrides,
    names: studySpeakerNames(db),
  };
  // Themes first, so their candidate label phrases can be embedded (KeyBERT) before drafting.
  const clustered = synthesisThemes(input);
  const phrases = [...new Set(clustered.themes.flatMap((t) => t.candidates.map((c) => c.phrase.toLowerCase())))].sort();
  const phraseVectors = await embedTexts(db, embedder, vectors, phrases);
  throwIfCancelled(ctx.signal);
  const out = synthesize({ ...input, themes: relabelThemes(clustered, quotes, input.names, phraseVectors) });
  throwIfCancelled(ctx.signal);
  ctx.progress(0, 1, 'Laying out the theme map');
  const xy = projectQuotes2d(quotes.map((q) => q.vector), settings.seed);
  throwIfCancelled(ctx.signal);

  // A re-run continues the personas it overlaps: the researcher's names, marks and edits stay.
  // Curated work is carried where it maps (synthesis/carryOver.ts) and what cannot be is reported.
  const previous = listPersonas(db);
  const personaCarry = carryPersonas(
    previous.map((p) => ({ id: p.id, name: p.name, participantIds: p.participants.map((x) => x.id), curated: p.edited || p.mark !== null })),
    out.personas.drafts,
  );
  const heirs = personaCarry.heirs;
  const themeCarry = carryThemes(listThemes(db, 0), out.themes.themes.map((t) => ({ ...t, outlier: t.outlier === true })));
  saveSuggestedFacets(
    db,
    [...out.facets].map(([quoteId, f]) => ({ textHash: hashOf.get(quoteId)!, facet: f.facet, confidence: f.confidence })),
  );
  saveRun(db, {
    modelId: embedder.modelId,
    modelHash: embedder.modelHash,
    seed: settings.seed,
    params: {
      personas: settings.personas,
      themes: settings.themes ?? 'auto',
      seed: settings.seed,
      quotes: quotes.length,
      themeK: out.themes.k,
      themeScores: out.themes.scores,
      clearlyBetterThanOne: out.personas.clearlyBetterThanOne,
      facetCorrections: facetOverrides.size,
      facetPrototypes: { custom, sha256: prototypesHash(prototypes) },
    },
    chosenK: out.personas.k,
    scores: out.personas.scores,
    themes: out.themes.themes.map((t, i) => {
      const carried = themeCarry.carried[i];
      return {
        label: carried?.label ?? t.label,
        description: t.description,
        keywords: t.keywords,
        quoteIds: t.quoteIds,
        outlier: t.outlier === true,
        hidden: carried?.hidden ?? false,
        curated: carried?.curated ?? false,
      };
    }),
    personas: out.personas.drafts.map((d, i) => {
      const old = previous.find((p) => p.id === heirs[i]);
      // A day in the life and what success looks like are the researcher's to write; decision
      // factors are drafted from the quotes like the four core sections.
      const drafted = { goals: d.goals, frustrations: d.frustrations, behaviors: d.behaviors, context: d.context, dayInLife: [], decisionFactors: d.decisionFactors, success: [] };
      const keepEdits = old?.edited === true;
      return {
        name: keepEdits ? old.name : d.name,
        summary: keepEdits ? old.summary : d.summary,
        mark: old?.mark ?? null,
        edited: keepEdits,
        participantIds: d.participantIds,
        fit: d.fit,
        definingQuoteId: keepEdits && old.definingQuote ? old.definingQuote.id : d.definingQuoteId,
        sections: keepEdits ? mapSections((s) => old[s]) : drafted,
        themeIndexes: d.themeIndexes,
      };
    }),
    points: quotes.map((q, i) => ({ quoteId: q.id, x: xy[2 * i]!, y: xy[2 * i + 1]! })),
  });
  ctx.progress(1, 1, `${out.themes.themes.length} themes, ${out.personas.drafts.length} personas`);
  return {
    synthesis: {
      themes: out.themes.themes.length,
      personas: out.personas.drafts.length,
      embedded,
      chosenK: out.personas.k,
      scores: out.personas.scores,
      carried: {
        personas: heirs.filter((h) => h !== null && previous.some((p) => p.id === h && (p.edited || p.mark !== null))).length,
        themes: themeCarry.carried.filter((c) => c !== null).length,
      },
      lost: { personas: personaCarry.lost, themes: themeCarry.lost },
    },
  };
}

/**
 * Vectors of short texts (theme label candidates), from the study's embedding cache where known
 * (by text hash, like quotes), the rest embedded now and cached: a re-run embeds nothing new.
 */
async function embedTexts(db: Db, embedder: Embedder, cache: ReadonlyMap<string, Float32Array>, texts: readonly string[]): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  const todo: { text: string; textHash: string }[] = [];
  for (const text of texts) {
    const hash = textHash(text);
    const known = cache.get(hash);
    if (known) out.set(text, known);
    else todo.push({ text, textHash: hash });
  }
  for (let i = 0; i < todo.length; i += 64) {
    const batch = todo.slice(i, i + 64);
    const vectors = await embedder.embed(batch.map((t) => t.text));
    putEmbeddings(db, embedder.modelId, batch.map((t, j) => ({ textHash: t.textHash, vector: vectors[j]! })));
    batch.forEach((t, j) => out.set(t.text, vectors[j]!));
  }
  return out;
}

const prototypeCache = new WeakMap<Embedder, Map<string, Promise<Record<FacetLabel, Float32Array[]>>>>();

/** Embeds a set of prototype sentences (with the built-in "other" sentences) once per embedder and wording. */
function embedPrototypes(embedder: Embedder, prototypes: FacetPrototypes): Promise<Record<FacetLabel, Float32Array[]>> {
  const byHash = prototypeCache.get(embedder) ?? new Map<string, Promise<Record<FacetLabel, Float32Array[]>>>();
  prototypeCache.set(embedder, byHash);
  const key = prototypesHash(prototypes);
  let cached = byHash.get(key);
  if (!cached) {
    cached = (async () => {
      const sentences = trainingSentences(prototypes);
      const entries = await Promise.all(FACET_LABELS.map(async (f) => [f, await embedder.embed(sentences[f])] as const));
      return Object.fromEntries(entries) as Record<FacetLabel, Float32Array[]>;
    })();
    byHash.set(key, cached);
  }
  return cached;
}
