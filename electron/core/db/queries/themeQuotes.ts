// Reads for the curation workspace: a theme's full list of quotes (paged, filtered) and
// everything the evidence side panel shows about one quote.
import { BULLET_SECTIONS, FACET_LABELS, type Bullet, type FacetLabel, type QuoteContext, type ThemeQuotesPage } from '../../../../shared/domain';
import { IpcFailure } from '../../../../shared/ipc/contract';
import { plainMarkdown } from '../../quotes/plainMarkdown';
import type { Db } from '../open';
import { listQuotes } from './quotes';
import { latestRun, studySpeakerNames } from './synthesis';

export interface ThemeQuotesFilter {
  id: number;
  participantId?: number;
  facet?: FacetLabel;
  offset: number;
  limit: number;
}

interface Member {
  quoteId: number;
  participantId: number;
  participantName: string;
  facet: FacetLabel | null;
  similarity: number | null;
}

/**
 * One page of a theme's quotes in the theme's order (synthesis rank, the quotes a researcher
 * moved in last), filtered by participant and facet. The counts build the filters: participants
 * counted under the facet filter, facets under the participant filter, so each list says what
 * picking it would show.
 */
export function themeQuotesPage(db: Db, f: ThemeQuotesFilter): ThemeQuotesPage {
  const run = latestRun(db);
  const theme = run ? db.$client.prepare('select id from themes where id = ? and run_id = ?').get(f.id, run.id) : undefined;
  if (!theme) throw new IpcFailure('not_found', `No theme with id ${f.id}`);
  const all = db.$client
    .prepare(
      `select tq.quote_id as quoteId, q.participant_id as participantId, p.name as participantName, qf.facet as facet, tq.similarity as similarity
         from theme_quotes tq
         join quotes q on q.id = tq.quote_id
         join participants p on p.id = q.participant_id
         left join quote_facets qf on qf.text_hash = q.text_hash
        where tq.theme_id = ?
        order by tq.rank, tq.quote_id`,
    )
    .all(f.id) as Member[];
  const byParticipant = (m: Member) => f.participantId === undefined || m.participantId === f.participantId;
  const byFacet = (m: Member) => f.facet === undefined || m.facet === f.facet;
  const shown = all.filter((m) => byParticipant(m) && byFacet(m));
  const page = shown.slice(f.offset, f.offset + f.limit);
  const quotes = new Map(listQuotes(db, { ids: page.map((m) => m.quoteId) }).map((q) => [q.id, q]));

  const participants = new Map<number, { id: number; name: string; count: number }>();
  for (const m of all.filter(byFacet)) {
    const p = participants.get(m.participantId) ?? participants.set(m.participantId, { id: m.participantId, name: m.participantName, count: 0 }).get(m.participantId)!;
    p.count++;
  }
  const facets = new Map<FacetLabel, number>();
  for (const m of all.filter(byParticipant)) if (m.facet) facets.set(m.facet, (facets.get(m.facet) ?? 0) + 1);
  return {
    total: shown.length,
    quotes: page.map((m) => ({ ...quotes.get(m.quoteId)!, facet: m.facet, similarity: m.similarity })),
    participants: [...participants.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    facets: FACET_LABELS.filter((l) => facets.has(l)).map((facet) => ({ facet, count: facets.get(facet)! })),
  };
}

/** The quote, who said it, where, the question it answers (as plain text), its facet, themes and the claims citing it. */
export function quoteContext(db: Db, id: number): QuoteContext {
  const [quote] = listQuotes(db, { ids: [id] });
  if (!quote) throw new IpcFailure('not_found', `No quote with id ${id}`);
  const sqlite = db.$client;
  const row = sqlite
    .prepare(
      `select pp.code as code, t.file_name as fileName, qf.facet as facet
         from quotes q
         join transcripts t on t.id = q.transcript_id
         left join participant_profiles pp on pp.participant_id = q.participant_id
         left join quote_facets qf on qf.text_hash = q.text_hash
        where q.id = ?`,
    )
    .get(id) as { code: string | null; fileName: string; facet: FacetLabel | null };
  // The same turn as quotes.ts's `question`: the interviewer's turn just before, when it asks something.
  const asked = quote.question
    ? (sqlite
        .prepare(
          `select p.speaker as speaker from turns p join turns own on own.id = ?
            where p.transcript_id = own.transcript_id and p.idx = own.idx - 1`,
        )
        .get(quote.turnId) as { speaker: string } | undefined)
    : undefined;
  const run = latestRun(db);
  const themes = run
    ? (sqlite
        .prepare('select t.id as id, t.label as label from theme_quotes tq join themes t on t.id = tq.theme_id where tq.quote_id = ? and t.run_id = ? order by t.idx')
        .all(id, run.id) as { id: number; label: string }[])
    : [];
  const personas = run ? (sqlite.prepare('select id, name, sections from personas where run_id = ? order by idx').all(run.id) as { id: number; name: string; sections: string }[]) : [];
  const citedBy: QuoteContext['citedBy'] = [];
  for (const p of personas) {
    const sections = JSON.parse(p.sections) as Partial<Record<string, Bullet[]>>;
    for (const section of BULLET_SECTIONS) {
      sections[section]?.forEach((b, index) => {
        if (b.evidence.includes(id)) citedBy.push({ personaId: p.id, personaName: p.name, section, index, text: b.text });
      });
    }
  }
  const question = quote.question && asked ? { speaker: asked.speaker, text: plainMarkdown(quote.question, studySpeakerNames(db)) } : null;
  return {
    quote: { ...quote, question: question?.text ?? null },
    participant: { id: quote.participantId, name: quote.participantName, code: row.code },
    transcript: { id: quote.transcriptId, fileName: row.fileName },
    question,
    facet: row.facet,
    themes,
    citedBy,
  };
}
