import { inArray, sql } from 'drizzle-orm';
import type { FacetLabel, QuoteFacet } from '../../../../shared/domain';
import { IpcFailure } from '../../../../shared/ipc/contract';
import { transaction, type Db } from '../open';
import { quoteFacets, quotes } from '../schema';

/** The researcher's corrections, by quote text hash: a run must not overwrite them. */
export function correctedFacets(db: Db): Map<string, FacetLabel> {
  return new Map(
    db
      .select()
      .from(quoteFacets)
      .where(sql`${quoteFacets.corrected} = 1`)
      .all()
      .map((r) => [r.textHash, r.facet as FacetLabel]),
  );
}

/** Stores a run's suggestions; corrected rows are left as the researcher set them. */
export function saveSuggestedFacets(db: Db, rows: { textHash: string; facet: FacetLabel; confidence: number }[]): void {
  const upsert = db.$client.prepare(
    `insert into quote_facets (text_hash, facet, confidence, corrected) values (?, ?, ?, 0)
     on conflict(text_hash) do update set facet = excluded.facet, confidence = excluded.confidence where corrected = 0`,
  );
  transaction(db, () => {
    for (const r of rows) upsert.run(r.textHash, r.facet, r.confidence);
  });
}

/**
 * A researcher's correction follows its quote when the quote's text changes (a highlight drawn
 * over it, an edited highlight): the new text gets the correction unless it has one of its own.
 */
export function carryFacetCorrections(db: Db, changes: readonly { from: string; to: string }[]): void {
  const carry = db.$client.prepare(
    `insert into quote_facets (text_hash, facet, confidence, corrected)
     select ?, facet, confidence, 1 from quote_facets where text_hash = ? and corrected = 1
     on conflict(text_hash) do update set facet = excluded.facet, confidence = excluded.confidence, corrected = 1 where corrected = 0`,
  );
  for (const c of changes) if (c.from !== c.to) carry.run(c.to, c.from);
}

export function setFacet(db: Db, quoteId: number, facet: FacetLabel): QuoteFacet {
  const q = db.select({ textHash: quotes.textHash }).from(quotes).where(sql`${quotes.id} = ${quoteId}`).get();
  if (!q) throw new IpcFailure('not_found', `No quote with id ${quoteId}`);
  db.insert(quoteFacets)
    .values({ textHash: q.textHash, facet, confidence: 1, corrected: true })
    .onConflictDoUpdate({ target: quoteFacets.textHash, set: { facet, confidence: 1, corrected: true } })
    .run();
  return { quoteId, facet, confidence: 1, corrected: true };
}

export function listFacets(db: Db, ids?: number[]): QuoteFacet[] {
  const base = db
    .select({ quoteId: quotes.id, facet: quoteFacets.facet, confidence: quoteFacets.confidence, corrected: quoteFacets.corrected })
    .from(quotes)
    .innerJoin(quoteFacets, sql`${quoteFacets.textHash} = ${quotes.textHash}`);
  const rows = ids ? (ids.length ? base.where(inArray(quotes.id, ids)).all() : []) : base.all();
  return rows.map((r) => ({ ...r, facet: r.facet as FacetLabel }));
}
