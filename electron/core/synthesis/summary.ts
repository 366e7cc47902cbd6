// What a researcher needs to trust a run: its settings and scores, how saturated the themes are,
// and how many interviews back each persona. Read from the study; nothing is recomputed.
import { eq } from 'drizzle-orm';
import type { SynthesisSummary } from '../../../shared/domain';
import type { Db } from '../db/open';
import { latestRun, listPersonas, listThemes } from '../db/queries/synthesis';
import { listTranscripts } from '../db/queries/transcripts';
import { quotes, speakers } from '../db/schema';
import { saturationCurve, saturationNote } from './saturation';

/** The guide's minimum: 5 interviews per segment before its themes can be trusted. */
export const MIN_INTERVIEWS_PER_PERSONA = 5;

export function synthesisSummary(db: Db): SynthesisSummary {
  const run = latestRun(db);
  if (!run) return { run: null, saturation: { curve: [], note: null }, coverage: [] };
  const params = JSON.parse(run.params) as Record<string, unknown>;
  const themes = listThemes(db, 0).filter((t) => !t.outlier);
  const themeOf = new Map<number, number>();
  themes.forEach((t, i) => t.quoteIds.forEach((q) => themeOf.set(q, i)));

  const transcripts = listTranscripts(db);
  const quoteRows = db.select({ id: quotes.id, transcriptId: quotes.transcriptId }).from(quotes).all();
  const curve = saturationCurve(
    transcripts.map((t) => ({
      id: t.id,
      date: t.interviewDate,
      quoteIds: quoteRows.filter((q) => q.transcriptId === t.id).map((q) => q.id),
    })),
    themeOf,
  );
  const names = new Map(transcripts.map((t) => [t.id, t.fileName]));

  const speakerRows = db.select({ transcriptId: speakers.transcriptId, participantId: speakers.participantId }).from(speakers).where(eq(speakers.role, 'participant')).all();
  const coverage = listPersonas(db).map((p) => {
    const mine = new Set(p.participants.map((x) => x.id));
    const interviews = new Set(speakerRows.filter((s) => s.participantId !== null && mine.has(s.participantId)).map((s) => s.transcriptId)).size;
    return {
      personaId: p.id,
      interviews,
      warning:
        interviews < MIN_INTERVIEWS_PER_PERSONA
          ? `Backed by ${interviews} interview${interviews === 1 ? '' : 's'}; the method asks for at least ${MIN_INTERVIEWS_PER_PERSONA} per segment before trusting it`
          : null,
    };
  });

  return {
    run: {
      createdAt: run.createdAt,
      modelId: run.modelId,
      modelHash: run.modelHash,
      seed: run.seed,
      params,
      personaK: run.chosenK,
      personaScores: JSON.parse(run.scores) as Record<string, number>,
      themeK: typeof params.themeK === 'number' ? params.themeK : themes.length,
      themeScores: (params.themeScores as Record<string, number> | undefined) ?? {},
      clearlyBetterThanOne: params.clearlyBetterThanOne !== false,
    },
    saturation: {
      curve: curve.map((c) => ({ transcriptId: c.interviewId, fileName: names.get(c.interviewId) ?? '', newThemes: c.newThemes, cumulativeThemes: c.cumulativeThemes })),
      note: saturationNote(curve),
    },
    coverage,
  };
}
