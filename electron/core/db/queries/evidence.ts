// Everything that cites a quote by id, kept whole when quotes are re-derived or removed. Theme
// membership, map points and the defining quote are foreign keys; persona bullets cite quotes
// inside their sections JSON, so they are repaired here, in the caller's transaction.
import { BULLET_SECTIONS, type AffectedClaim, type Bullet, type BulletSection, type EvidenceLoss } from '../../../../shared/domain';
import type { Db } from '../open';

/**
 * Repoints every reference to a quote that is about to go: `new id` when a surviving quote took
 * its place (a highlight over an automatic passage), `null` when it is truly gone. Call it
 * before deleting the old quotes (the target quotes must already exist); bullets that lose
 * evidence are marked (lostEvidence) and returned.
 */
export function remapQuoteReferences(db: Db, mapping: ReadonlyMap<number, number | null>): EvidenceLoss {
  const loss: EvidenceLoss = { claims: [], definingQuotesCleared: 0, themeLinksRemoved: 0 };
  if (mapping.size === 0) return loss;
  const sqlite = db.$client;
  const moved = [...mapping].filter((e): e is [number, number] => e[1] !== null);
  const gone = [...mapping].filter(([, to]) => to === null).map(([from]) => from);
  // A quote belongs to one theme: the survivor keeps its own membership, or takes the old one's.
  const copyThemeLinks = sqlite.prepare(
    `insert or ignore into theme_quotes (theme_id, quote_id, rank, similarity)
     select theme_id, :to, rank, similarity from theme_quotes
      where quote_id = :from and not exists (select 1 from theme_quotes t where t.quote_id = :to)`,
  );
  const dropThemeLinks = sqlite.prepare('delete from theme_quotes where quote_id = ?');
  const movePoints = sqlite.prepare('update or ignore quote_points set quote_id = ? where quote_id = ?');
  const dropPoints = sqlite.prepare('delete from quote_points where quote_id = ?');
  const moveDefining = sqlite.prepare('update personas set defining_quote_id = ? where defining_quote_id = ?');
  for (const [from, to] of moved) {
    copyThemeLinks.run({ to, from });
    dropThemeLinks.run(from);
    movePoints.run(to, from);
    dropPoints.run(from);
    moveDefining.run(to, from);
  }
  if (gone.length) {
    const ids = JSON.stringify(gone);
    const inGone = 'in (select value from json_each(?))';
    loss.themeLinksRemoved = (sqlite.prepare(`select count(*) as n from theme_quotes where quote_id ${inGone}`).get(ids) as { n: number }).n;
    sqlite.prepare(`delete from theme_quotes where quote_id ${inGone}`).run(ids);
    sqlite.prepare(`delete from quote_points where quote_id ${inGone}`).run(ids);
    loss.definingQuotesCleared = sqlite.prepare(`update personas set defining_quote_id = null where defining_quote_id ${inGone}`).run(ids).changes;
  }
  loss.claims = rewritePersonaEvidence(db, (id) => (mapping.has(id) ? mapping.get(id)! : id));
  return loss;
}

type Sections = Partial<Record<BulletSection, Bullet[]>>;

/**
 * Rewrites every persona's bullet evidence through `next` (a new id, the same id, or null for a
 * quote that is gone), dropping duplicates; returns the bullets that lost quotes.
 */
export function rewritePersonaEvidence(db: Db, next: (quoteId: number) => number | null): AffectedClaim[] {
  const sqlite = db.$client;
  const rows = sqlite.prepare('select id, name, sections from personas order by id').all() as { id: number; name: string; sections: string }[];
  const save = sqlite.prepare('update personas set sections = ? where id = ?');
  const claims: AffectedClaim[] = [];
  for (const row of rows) {
    const sections = JSON.parse(row.sections) as Sections;
    let changed = false;
    for (const section of BULLET_SECTIONS) {
      sections[section]?.forEach((bullet, index) => {
        const evidence: number[] = [];
        let lost = 0;
        for (const id of bullet.evidence) {
          const to = next(id);
          if (to === null) lost++;
          else if (!evidence.includes(to)) evidence.push(to);
        }
        if (lost === 0 && evidence.length === bullet.evidence.length && evidence.every((id, i) => id === bullet.evidence[i])) return;
        changed = true;
        bullet.evidence = evidence;
        if (lost > 0) {
          bullet.lostEvidence = (bullet.lostEvidence ?? 0) + lost;
          claims.push({ personaId: row.id, personaName: row.name, section, index, text: bullet.text, lost, unsupported: evidence.length === 0 });
        }
      });
    }
    if (changed) save.run(JSON.stringify(sections), row.id);
  }
  return claims;
}

/** Quote ids of the given transcripts: what their deletion takes with it. */
export function quoteIdsOfTranscript(db: Db, transcriptId: number): number[] {
  return (db.$client.prepare('select id from quotes where transcript_id = ?').all(transcriptId) as { id: number }[]).map((r) => r.id);
}

export interface DanglingReferences {
  themeLinks: number;
  themeLinksToThemes: number;
  mapPoints: number;
  definingQuotes: number;
  personaEvidence: number;
  personaThemes: number;
  personaParticipants: number;
  highlightQuotes: number;
}

/** Counts every reference that points at nothing; a healthy study has 0 everywhere. */
export function danglingReferences(db: Db): DanglingReferences {
  const n = (q: string) => (db.$client.prepare(q).get() as { n: number }).n;
  return {
    themeLinks: n('select count(*) as n from theme_quotes where quote_id not in (select id from quotes)'),
    themeLinksToThemes: n('select count(*) as n from theme_quotes where theme_id not in (select id from themes)'),
    mapPoints: n('select count(*) as n from quote_points where quote_id not in (select id from quotes)'),
    definingQuotes: n('select count(*) as n from personas where defining_quote_id is not null and defining_quote_id not in (select id from quotes)'),
    personaEvidence: n(
      `select count(*) as n from personas p, json_each(p.sections) s, json_each(s.value) b, json_each(b.value, '$.evidence') e
        where e.value not in (select id from quotes)`,
    ),
    personaThemes: n('select count(*) as n from personas p, json_each(p.theme_ids) t where t.value not in (select id from themes)'),
    personaParticipants: n('select count(*) as n from persona_participants where participant_id not in (select id from participants)'),
    highlightQuotes: n('select count(*) as n from quotes where highlight_id is not null and highlight_id not in (select id from highlights)'),
  };
}

export const REPAIR_META_KEY = 'repair:0003_stable_evidence';

/** What each count means, in the report's words: [key, verb, noun (singular), noun (plural)]. */
const REPAIR_WORDS: [keyof DanglingReferences | 'bullets', string, string, string][] = [
  ['themeLinks', 'removed', 'dangling theme link', 'dangling theme links'],
  ['themeLinksToThemes', 'removed', 'theme link to a missing theme', 'theme links to missing themes'],
  ['mapPoints', 'removed', 'dangling map point', 'dangling map points'],
  ['definingQuotes', 'cleared', 'missing defining quote', 'missing defining quotes'],
  ['personaEvidence', 'removed', 'persona evidence reference', 'persona evidence references'],
  ['bullets', 'marked', 'bullet as having lost evidence', 'bullets as having lost evidence'],
  ['personaThemes', 'removed', 'persona theme reference', 'persona theme references'],
  ['personaParticipants', 'removed', 'persona participant link', 'persona participant links'],
  ['highlightQuotes', 'unlinked', 'quote from a deleted highlight', 'quotes from deleted highlights'],
];

/** The stable-evidence migration's report (stored in study_meta), in plain words; [] when it repaired nothing. */
export function repairReport(db: Db): string[] {
  const row = db.$client.prepare('select value from study_meta where key = ?').get(REPAIR_META_KEY) as { value: string } | undefined;
  if (!row) return [];
  const counts = JSON.parse(row.value) as Partial<Record<string, number>>;
  const parts = REPAIR_WORDS.flatMap(([key, verb, one, many]) => {
    const n = counts[key] ?? 0;
    return n > 0 ? [`${verb} ${n} ${n === 1 ? one : many}`] : [];
  });
  return parts.length ? [`Evidence an older Grounded left broken, fixed when this study was opened: ${parts.join(', ')}.`] : [];
}
