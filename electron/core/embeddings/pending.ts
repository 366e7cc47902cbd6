import type { Db } from '../db/open';
import { putEmbeddings, textsToEmbed } from '../db/queries/embeddings';
import { throwIfCancelled, type JobContext } from '../jobs/runner';
import type { Embedder } from './embedder';

/**
 * Embeds every quote text that has no vector for this model yet. Each batch is committed on its
 * own, so a crash or a cancel loses at most the batch in flight and a re-run resumes.
 */
export async function embedPending(db: Db, embedder: Embedder, ctx: JobContext, batchSize = 64): Promise<number> {
  // Shortest first across the whole study (a stable sort), not only within the embedder's batch:
  // every ONNX batch then holds texts of about one length and pays little for padding. Measured
  // on 512 ai-at-work quotes: 28.7 -> 36.5 quotes per CPU second, the same vectors bit for bit
  // (a text's vector does not depend on its batch mates).
  const todo = textsToEmbed(db, embedder.modelId).sort((a, b) => a.text.length - b.text.length);
  let done = 0;
  ctx.progress(0, todo.length, `Embedding ${todo.length} quotes`);
  for (let i = 0; i < todo.length; i += batchSize) {
    throwIfCancelled(ctx.signal);
    const batch = todo.slice(i, i + batchSize);
    const vectors = await embedder.embed(batch.map((t) => t.text));
    putEmbeddings(
      db,
      embedder.modelId,
      batch.map((t, j) => ({ textHash: t.textHash, vector: vectors[j]! })),
    );
    done += batch.length;
    ctx.progress(done, todo.length, `Embedded ${done} of ${todo.length} quotes`);
  }
  return done;
}
