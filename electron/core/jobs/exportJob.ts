import { BULLET_SECTIONS, type JobFinished, type StudyInfo } from '../../../shared/domain';
import { IpcFailure, type ExportFormat } from '../../../shared/ipc/contract';
import type { Db } from '../db/open';
import { pseudonymPeople } from '../db/queries/exportPeople';
import { listParticipantDetails } from '../db/queries/profiles';
import { listQuotes } from '../db/queries/quotes';
import { listPersonas, listThemes } from '../db/queries/synthesis';
import { pseudonymiseCards, type Pseudonymised } from '../export/pseudonymise';
import type { PersonaCardData } from '../export/types';
import { throwIfCancelled, type JobContext } from './runner';

/** The cards an export writes: the personas picked (all by default) with the quotes, records and themes they draw on. */
export function gatherCards(db: Db, study: StudyInfo, personaIds?: number[]): PersonaCardData[] {
  const personas = listPersonas(db).filter((p) => !personaIds || personaIds.includes(p.id));
  if (personas.length === 0) throw new IpcFailure('nothing_to_export', 'There are no personas to export yet: run a synthesis first');
  const cited = personas.flatMap((p) => [
    ...(p.definingQuote ? [p.definingQuote.id] : []),
    ...BULLET_SECTIONS.flatMap((s) => p[s]).flatMap((b) => b.evidence),
  ]);
  const quotesById = new Map(
    listQuotes(db, { ids: [...new Set(cited)] }).map((q) => [q.id, { text: q.text, participantName: q.participantName }]),
  );
  const profiles = new Map(listParticipantDetails(db).map((p) => [p.id, { segment: p.profile.segment, role: p.profile.role }]));
  const themes = listThemes(db, 0).map((t) => ({ id: t.id, label: t.label, description: t.description, quoteIds: t.quoteIds }));
  return personas.map((persona) => ({
    persona,
    studyName: study.name,
    researchDate: study.researchDate,
    questions: study.questions,
    participantCount: persona.participants.length,
    quotesById,
    profiles,
    themes,
  }));
}

/** What a pseudonymised export of these personas replaces (export:preview), and the cards it writes. */
export function pseudonymisedCards(db: Db, study: StudyInfo, personaIds?: number[]): Pseudonymised {
  return pseudonymiseCards(gatherCards(db, study, personaIds), pseudonymPeople(db));
}

export async function runExportJob(
  db: Db,
  study: StudyInfo,
  opts: { format: ExportFormat; outDir: string; personaIds?: number[]; pseudonymise?: boolean },
  ctx: JobContext,
): Promise<JobFinished['result']> {
  const cards = opts.pseudonymise ? pseudonymisedCards(db, study, opts.personaIds).cards : gatherCards(db, study, opts.personaIds);
  throwIfCancelled(ctx.signal);
  // The renderer is only loaded when exporting: react-pdf is heavy and most sessions never export.
  const { writeExport } = await import('../export/files');
  const files = await writeExport(
    cards,
    opts.format,
    opts.outDir,
    (done, total) => {
      throwIfCancelled(ctx.signal);
      ctx.progress(done, total, `Exported ${done} of ${total}`);
    },
    study.path, // a re-export of this study replaces its earlier files in the folder
  );
  return { export: { files } };
}
