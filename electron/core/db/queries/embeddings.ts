import { and, eq, sql } from 'drizzle-orm';
import { transaction, type Db } from '../open';
import { embeddings, quotes } from '../schema';

/** Distinct quote texts that have no vector yet for this model, oldest quotes first. */
export function textsToEmbed(db: Db, modelId: string): { textHash: string; text: string }[] {
  return db
    .select({ textHash: quotes.textHash, text: sql<string>`min(${quotes.text})` })
    .from(quotes)
    .leftJoin(embeddings, and(eq(embeddings.textHash, quotes.textHash), eq(embeddings.modelId, modelId)))
    .where(sql`${embeddings.textHash} is null`)
    .groupBy(quotes.textHash)
    .orderBy(sql`min(${quotes.id})`)
    .all();
}

export function putEmbeddings(db: Db, modelId: string, rows: { textHash: string; vector: Float32Array }[]): void {
  transaction(db, () => {
    for (const r of rows) {
      db.insert(embeddings)
        .values({
          modelId,
          textHash: r.textHash,
          dim: r.vector.length,
          vector: Buffer.from(r.vector.buffer, r.vector.byteOffset, r.vector.byteLength),
        })
        .onConflictDoNothing()
        .run();
    }
  });
}

export function loadEmbeddings(db: Db, modelId: string): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  const rows = db.select({ h: embeddings.textHash, v: embeddings.vector }).from(embeddings).where(eq(embeddings.modelId, modelId)).all();
  for (const r of rows) {
    // Copy: the Buffer may share a pool and its offset need not be 4-byte aligned.
    const copy = new Uint8Array(r.v.byteLength);
    copy.set(r.v);
    out.set(r.h, new Float32Array(copy.buffer));
  }
  return out;
}
