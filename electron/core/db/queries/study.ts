import { count, eq, isNotNull, sql } from 'drizzle-orm';
import type { StudyCounts } from '../../../../shared/domain';
import type { Db } from '../open';
import { embeddings, personas, quotes, studyMeta, themes, transcripts, speakers, synthesisRuns } from '../schema';

export function getMeta(db: Db, key: string): string | null {
  return db.select().from(studyMeta).where(eq(studyMeta.key, key)).get()?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.insert(studyMeta).values({ key, value }).onConflictDoUpdate({ target: studyMeta.key, set: { value } }).run();
}

export function studyCounts(db: Db, modelId: string): StudyCounts {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  const latestRun = db.select({ id: sql<number>`max(${synthesisRuns.id})` }).from(synthesisRuns).get()?.id ?? -1;
  return {
    transcripts: n(db.select({ n: count() }).from(transcripts).get()),
    participants: n(
      db
        .select({ n: sql<number>`count(distinct ${speakers.participantId})` })
        .from(speakers)
        .where(isNotNull(speakers.participantId))
        .get(),
    ),
    quotes: n(db.select({ n: count() }).from(quotes).get()),
    embedded: n(
      db
        .select({ n: count() })
        .from(quotes)
        .innerJoin(embeddings, sql`${embeddings.textHash} = ${quotes.textHash} and ${embeddings.modelId} = ${modelId}`)
        .get(),
    ),
    themes: n(db.select({ n: count() }).from(themes).where(eq(themes.runId, latestRun)).get()),
    personas: n(db.select({ n: count() }).from(personas).where(eq(personas.runId, latestRun)).get()),
  };
}

/** What the research needs to learn, one question per entry, in the researcher's order. */
export function researchQuestions(db: Db): string[] {
  const raw = getMeta(db, 'questions');
  if (!raw) return [];
  const parsed = JSON.parse(raw) as unknown;
  return Array.isArray(parsed) ? parsed.filter((q): q is string => typeof q === 'string') : [];
}

export function setResearchQuestions(db: Db, questions: string[]): void {
  setMeta(db, 'questions', JSON.stringify(questions.map((q) => q.trim()).filter(Boolean)));
}

/** The newest interview date, else the newest import date (ISO yyyy-mm-dd). */
export function researchDate(db: Db): string | null {
  const row = db
    .select({ d: sql<string | null>`max(coalesce(${transcripts.interviewDate}, substr(${transcripts.importedAt}, 1, 10)))` })
    .from(transcripts)
    .get();
  return row?.d ?? null;
}
