import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { BULLET_SECTIONS, mapSections, type Bullet, type BulletSection, type MapPoint, type Persona, type PersonaMark, type Theme } from '../../../../shared/domain';
import { IpcFailure, type PersonaPatch } from '../../../../shared/ipc/contract';
import { transaction, type Db } from '../open';
import { participantAliases, participants, personaParticipants, personas, quotes, speakers, synthesisRuns, themeQuotes, themes } from '../schema';
import { clearHistory } from './history';
import { listQuotes } from './quotes';

export interface NewRun {
  modelId: string;
  modelHash: string;
  seed: number;
  params: Record<string, unknown>;
  chosenK: number;
  scores: Record<string, number>;
  themes: { label: string; description?: string; keywords: string[]; quoteIds: number[]; outlier: boolean; hidden?: boolean; curated?: boolean }[];
  personas: {
    name: string;
    summary: string;
    mark: PersonaMark;
    edited: boolean;
    participantIds: number[];
    fit: Record<number, number>;
    definingQuoteId: number | null;
    sections: Record<BulletSection, Bullet[]>;
    themeIndexes: number[];
  }[];
  points: { quoteId: number; x: number; y: number }[];
}

/** Replaces the study's synthesis with a new run, all or nothing. */
export function saveRun(db: Db, run: NewRun): number {
  return transaction(db, () => {
    const tx = db;
    tx.delete(synthesisRuns).run();
    // Undo entries refer to the replaced run's themes and personas: they mean nothing now.
    clearHistory(db);
    const runId = tx
      .insert(synthesisRuns)
      .values({
        modelId: run.modelId,
        modelHash: run.modelHash,
        seed: run.seed,
        params: JSON.stringify(run.params),
        chosenK: run.chosenK,
        scores: JSON.stringify(run.scores),
      })
      .returning({ id: synthesisRuns.id })
      .get().id;
    const themeIds = run.themes.map((t, idx) => {
      const themeId = tx
        .insert(themes)
        .values({
          runId,
          idx,
          label: t.label,
          description: t.description ?? '',
          keywords: JSON.stringify(t.keywords),
          outlier: t.outlier,
          hidden: t.hidden ?? false,
          curated: t.curated ?? false,
        })
        .returning({ id: themes.id })
        .get().id;
      const rows = t.quoteIds.map((quoteId, rank) => ({ themeId, quoteId, rank }));
      for (let i = 0; i < rows.length; i += 500) tx.insert(themeQuotes).values(rows.slice(i, i + 500)).run();
      return themeId;
    });
    run.personas.forEach((p, idx) => {
      const personaId = tx
        .insert(personas)
        .values({
          runId,
          idx,
          name: p.name,
          mark: p.mark,
          edited: p.edited,
          summary: p.summary,
          definingQuoteId: p.definingQuoteId,
          sections: JSON.stringify(p.sections),
          themeIds: JSON.stringify(p.themeIndexes.map((i) => themeIds[i]).filter((x) => x !== undefined)),
        })
        .returning({ id: personas.id })
        .get().id;
      if (p.participantIds.length)
        tx.insert(personaParticipants)
          .values(p.participantIds.map((participantId) => ({ personaId, participantId, fit: p.fit[participantId] ?? null })))
          .run();
    });
    if (run.points.length) {
      const insert = db.$client.prepare('insert into quote_points (run_id, quote_id, x, y) values (?, ?, ?, ?)');
      for (const pt of run.points) insert.run(runId, pt.quoteId, pt.x, pt.y);
    }
    return runId;
  });
}

function latestRunId(db: Db): number | null {
  return db.select({ id: synthesisRuns.id }).from(synthesisRuns).orderBy(desc(synthesisRuns.id)).get()?.id ?? null;
}

/** Every name a speaker of the study goes by: speaker labels, participant names and aliases. */
export function studySpeakerNames(db: Db): string[] {
  const names = new Set<string>();
  for (const r of db.select({ name: speakers.name }).from(speakers).all()) names.add(r.name);
  for (const r of db.select({ name: participants.name }).from(participants).all()) names.add(r.name);
  for (const r of db.select({ key: participantAliases.key }).from(participantAliases).all()) names.add(r.key);
  return [...names].sort();
}

export function latestRun(db: Db) {
  return db.select().from(synthesisRuns).orderBy(desc(synthesisRuns.id)).get() ?? null;
}

export function listThemes(db: Db, topN = 5): Theme[] {
  const runId = latestRunId(db);
  if (runId === null) return [];
  const rows = db.select().from(themes).where(eq(themes.runId, runId)).orderBy(asc(themes.idx)).all();
  const links = db
    .select({ themeId: themeQuotes.themeId, quoteId: themeQuotes.quoteId, participantId: quotes.participantId, transcriptId: quotes.transcriptId })
    .from(themeQuotes)
    .innerJoin(themes, eq(themes.id, themeQuotes.themeId))
    .innerJoin(quotes, eq(quotes.id, themeQuotes.quoteId))
    .where(eq(themes.runId, runId))
    .orderBy(asc(themeQuotes.themeId), asc(themeQuotes.rank))
    .all();
  const byTheme = new Map<number, { quoteId: number; participantId: number; transcriptId: number }[]>();
  for (const l of links) (byTheme.get(l.themeId) ?? byTheme.set(l.themeId, []).get(l.themeId)!).push(l);
  const topIds = rows.flatMap((t) => (byTheme.get(t.id) ?? []).slice(0, topN).map((l) => l.quoteId));
  const top = new Map(listQuotes(db, { ids: topIds }).map((q) => [q.id, q]));
  return rows.map((t) => {
    const members = byTheme.get(t.id) ?? [];
    return {
      id: t.id,
      label: t.label,
      description: t.description,
      keywords: JSON.parse(t.keywords) as string[],
      size: members.length,
      quoteIds: members.map((m) => m.quoteId),
      topQuotes: members.slice(0, topN).flatMap((m) => top.get(m.quoteId) ?? []),
      participantCount: new Set(members.map((m) => m.participantId)).size,
      transcriptCount: new Set(members.map((m) => m.transcriptId)).size,
      outlier: t.outlier,
      hidden: t.hidden,
      curated: t.curated,
    };
  });
}

export function listPersonas(db: Db): Persona[] {
  const runId = latestRunId(db);
  if (runId === null) return [];
  const rows = db.select().from(personas).where(eq(personas.runId, runId)).orderBy(asc(personas.idx)).all();
  return rows.map((p) => toPersona(db, p));
}

function toPersona(db: Db, p: typeof personas.$inferSelect): Persona {
  const members = db
    .select({ id: participants.id, name: participants.name, fit: personaParticipants.fit })
    .from(personaParticipants)
    .innerJoin(participants, eq(participants.id, personaParticipants.participantId))
    .where(eq(personaParticipants.personaId, p.id))
    .orderBy(asc(participants.name))
    .all();
  const defining = p.definingQuoteId
    ? db.select({ id: quotes.id, text: quotes.text }).from(quotes).where(eq(quotes.id, p.definingQuoteId)).get() ?? null
    : null;
  const stored = JSON.parse(p.sections) as Partial<Record<BulletSection, Bullet[]>>;
  // Cards saved before the optional sections existed simply have none.
  const sections = mapSections((s) => stored[s] ?? []);
  return {
    id: p.id,
    name: p.name,
    mark: p.mark ?? null,
    summary: p.summary,
    participants: members,
    definingQuote: defining,
    ...sections,
    // A hidden theme is kept but left out of personas (cards, exports); unhiding brings it back.
    themeIds: withoutHidden(db, JSON.parse(p.themeIds) as number[]),
    edited: p.edited,
    updatedAt: p.updatedAt,
  };
}

function withoutHidden(db: Db, themeIds: number[]): number[] {
  const hidden = new Set(db.select({ id: themes.id }).from(themes).where(eq(themes.hidden, true)).all().map((t) => t.id));
  return themeIds.filter((id) => !hidden.has(id));
}

export function getPersona(db: Db, id: number): Persona {
  const row = db.select().from(personas).where(eq(personas.id, id)).get();
  if (!row) throw new IpcFailure('not_found', `No persona with id ${id}`);
  return toPersona(db, row);
}

/**
 * Applies a researcher's edit. A bullet citing a quote that no longer exists (the editor was open
 * while its transcript was deleted) keeps its other evidence and is marked (lostEvidence); a
 * missing defining quote is refused by name, since it is one explicit choice.
 */
export function updatePersona(db: Db, id: number, patch: PersonaPatch): Persona {
  return transaction(db, () => {
    const tx = db;
    const current = getPersona(db, id);
    const cited = BULLET_SECTIONS.map((s) => patch[s])
      .flatMap((s) => s ?? [])
      .flatMap((b) => b.evidence);
    if (patch.definingQuoteId) cited.push(patch.definingQuoteId);
    const unique = [...new Set(cited)];
    const found = new Set(unique.length ? tx.select({ id: quotes.id }).from(quotes).where(inArray(quotes.id, unique)).all().map((q) => q.id) : []);
    if (patch.definingQuoteId && !found.has(patch.definingQuoteId)) {
      throw new IpcFailure('invalid_evidence', `The defining quote (quote ${patch.definingQuoteId}) no longer exists: pick another`);
    }
    const sections = mapSections((s) => (patch[s] ? patch[s].map((b) => withoutMissing(markEdited(b, current), found)) : current[s]));
    tx.update(personas)
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.summary !== undefined && { summary: patch.summary }),
        ...(patch.mark !== undefined && { mark: patch.mark }),
        ...(patch.definingQuoteId !== undefined && { definingQuoteId: patch.definingQuoteId }),
        sections: JSON.stringify(sections),
        edited: true,
        updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
      })
      .where(eq(personas.id, id))
      .run();
    return getPersona(db, id);
  });
}

/**
 * A saved bullet is the researcher's when no stored bullet of the persona has its wording and
 * evidence (new or reworded), or when the stored one it matches already was. The mark is the
 * core's to set: the IPC schema drops one sent by the renderer.
 */
function markEdited(bullet: Bullet, current: Persona): Bullet {
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
  const text = bullet.text.trim();
  const stored = BULLET_SECTIONS.flatMap((s) => current[s]).find((b) => b.text.trim() === text && same(b.evidence, bullet.evidence));
  const { edited: _sent, ...rest } = bullet;
  return stored && !stored.edited ? rest : { ...rest, edited: true };
}

function withoutMissing(bullet: Bullet, found: ReadonlySet<number>): Bullet {
  const evidence = bullet.evidence.filter((q) => found.has(q));
  const lost = bullet.evidence.length - evidence.length;
  return lost ? { ...bullet, evidence, lostEvidence: (bullet.lostEvidence ?? 0) + lost } : bullet;
}

/** The latest run's 2-D map: one point per quote, with its theme. */
export function mapPoints(db: Db): MapPoint[] {
  const runId = latestRunId(db);
  if (runId === null) return [];
  return db.$client
    .prepare(
      `select p.quote_id as quoteId, p.x as x, p.y as y, tq.theme_id as themeId
         from quote_points p
         join theme_quotes tq on tq.quote_id = p.quote_id
         join themes t on t.id = tq.theme_id and t.run_id = p.run_id
        where p.run_id = ?
        order by p.quote_id`,
    )
    .all(runId) as MapPoint[];
}
