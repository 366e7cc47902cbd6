// Consent withdrawal: a participant and every trace of their words leave the study. One
// transaction removes the rows with secure_delete on; then VACUUM (which cannot run inside a
// transaction) and a truncating checkpoint leave nothing in free pages or the WAL.
import { BULLET_SECTIONS, type Bullet, type BulletSection, type ParticipantRemoval } from '../../../../shared/domain';
import { SECTION_TITLE } from '../../../../shared/vocabularies';
import { IpcFailure } from '../../../../shared/ipc/contract';
import { transaction, type Db } from '../open';
import { remapQuoteReferences } from './evidence';
import { clearHistory } from './history';

/**
 * Removes a participant: their turns (and with them the FTS rows and highlights on those turns),
 * every quote on those turns or attributed to them, the vectors and facets of quote texts no other
 * quote still holds, their speaker labels, records (profile, aliases) and persona memberships.
 * Persona claims that cited their quotes are marked and listed (as when a transcript is deleted).
 * A transcript where only the interviewer (or other people) remain keeps those turns and is
 * listed as such; a transcript left with no turns at all is deleted.
 */
export function removeParticipant(db: Db, participantId: number): ParticipantRemoval {
  return withSecureDelete(db, () => {
    const removal = deleteParticipantRows(db, participantId);
    eraseFreedPages(db);
    return removal;
  });
}

function deleteParticipantRows(db: Db, participantId: number): ParticipantRemoval {
  const sqlite = db.$client;
  return transaction(db, () => {
    const person = sqlite
      .prepare('select p.id, p.name, pp.code from participants p left join participant_profiles pp on pp.participant_id = p.id where p.id = ?')
      .get(participantId) as { id: number; name: string; code: string | null } | undefined;
    if (!person) throw new IpcFailure('not_found', `No participant with id ${participantId}`);
    // Their turns: every turn spoken under a label linked to them, in any transcript.
    const turnIds = (
      sqlite
        .prepare(
          `select t.id from turns t join speakers s on s.transcript_id = t.transcript_id and s.name = t.speaker
            where s.participant_id = ?`,
        )
        .all(participantId) as { id: number }[]
    ).map((r) => r.id);
    const turnsJson = JSON.stringify(turnIds);
    const quoteRows = sqlite
      .prepare(
        `select id, text_hash as textHash from quotes
          where participant_id = ? or turn_id in (select value from json_each(?))`,
      )
      .all(participantId, turnsJson) as { id: number; textHash: string }[];
    const quotesJson = JSON.stringify(quoteRows.map((q) => q.id));
    const transcriptIds = (
      sqlite.prepare('select distinct transcript_id as id from speakers where participant_id = ? order by transcript_id').all(participantId) as { id: number }[]
    ).map((r) => r.id);
    const labels = (sqlite.prepare('select distinct name from speakers where participant_id = ?').all(participantId) as { name: string }[]).map((r) => r.name);
    const removedWords = new Words(
      (sqlite.prepare(`select text from turns where id in (select value from json_each(?))`).all(turnsJson) as { text: string }[]).map((r) => r.text),
      [person.name, ...labels],
    );
    const loss = remapQuoteReferences(db, new Map(quoteRows.map((q) => [q.id, null])));
    const inQuotes = 'in (select value from json_each(?))';
    sqlite.prepare(`delete from quotes where id ${inQuotes}`).run(quotesJson);
    const highlightsRemoved = sqlite.prepare(`delete from highlights where turn_id ${inQuotes}`).run(turnsJson).changes;
    // The FTS delete trigger fires per turn; the index is rebuilt below so no segment keeps their tokens.
    const turnsRemoved = sqlite.prepare(`delete from turns where id ${inQuotes}`).run(turnsJson).changes;

    // Drafted text that repeats their words (a theme's description is a central quote; persona
    // bullets quote what people said) is redacted, whether or not it cited their quotes.
    const redacted = redactTheirWords(db, removedWords);

    // Vectors and facets are cached by text hash: those of texts no remaining quote holds go.
    const hashes = JSON.stringify([...new Set(quoteRows.map((q) => q.textHash))]);
    const orphan = `text_hash in (select value from json_each(?)) and text_hash not in (select text_hash from quotes)`;
    const embeddingsRemoved = sqlite.prepare(`delete from embeddings where ${orphan}`).run(hashes).changes;
    sqlite.prepare(`delete from quote_facets where ${orphan}`).run(hashes);

    sqlite.prepare('delete from speakers where participant_id = ?').run(participantId);
    sqlite.prepare('delete from persona_participants where participant_id = ?').run(participantId);
    sqlite.prepare('delete from participant_aliases where participant_id = ?').run(participantId);
    sqlite.prepare('delete from participant_profiles where participant_id = ?').run(participantId);
    sqlite.prepare('delete from participants where id = ?').run(participantId);

    const transcripts: ParticipantRemoval['transcripts'] = [];
    const fileOf = sqlite.prepare('select file_name as fileName from transcripts where id = ?');
    const turnsLeft = sqlite.prepare('select count(*) as n from turns where transcript_id = ?');
    for (const id of transcriptIds) {
      const { fileName } = fileOf.get(id) as { fileName: string };
      const left = (turnsLeft.get(id) as { n: number }).n;
      if (left === 0) {
        sqlite.prepare('delete from transcripts where id = ?').run(id);
        transcripts.push({ id, fileName, outcome: 'deleted', turnsLeft: 0 });
      } else transcripts.push({ id, fileName, outcome: 'kept', turnsLeft: left });
    }
    // Rebuilding from the remaining turns leaves no index segment holding the removed words.
    sqlite.prepare(`insert into turns_fts(turns_fts) values('rebuild')`).run();
    // The undo history holds rows as they were (quotes, highlights, bullets): it may hold their
    // words, and undoing into their rows would bring them back. It goes, all of it.
    const undoEntriesCleared = (sqlite.prepare('select count(*) as n from history').get() as { n: number }).n;
    clearHistory(db);
    return {
      participant: { id: person.id, name: person.name, code: person.code },
      undoEntriesCleared,
      turnsRemoved,
      quotesRemoved: quoteRows.length,
      highlightsRemoved,
      embeddingsRemoved,
      redacted,
      transcripts,
      loss,
    };
  });
}

/** Runs fn with secure_delete on (freed content is overwritten with zeros), then restores it. */
function withSecureDelete<T>(db: Db, fn: () => T): T {
  const sqlite = db.$client;
  const before = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    return fn();
  } finally {
    sqlite.pragma(`secure_delete = ${before}`);
  }
}

/**
 * Overwrites what deleted rows left behind: VACUUM rewrites the file without free pages, and a
 * truncating checkpoint empties the WAL, which held earlier copies of the pages. Runs outside any
 * transaction.
 */
export function eraseFreedPages(db: Db): void {
  const sqlite = db.$client;
  sqlite.exec('VACUUM');
  // With another connection reading, the WAL is emptied at its next checkpoint instead.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** What stands where a drafted text quoted a participant who withdrew consent. */
export const REDACTED = '[removed: quoted a participant who withdrew consent]';
/** What stands where a drafted text named them ("Drafted from 2 participants (Nadia, Maria)"). */
export const WITHDRAWN = 'a withdrawn participant';
/** Unquoted text sharing this many consecutive words with their turns repeats them. */
const RUN_WORDS = 8;

const normal = (text: string): string => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** The removed turns' words, for telling whether a drafted text repeats them. */
class Words {
  private readonly joined: string;
  private readonly runs = new Set<string>();
  private readonly names: RegExp | null;
  constructor(texts: string[], names: string[]) {
    const escaped = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))]
      .sort((a, b) => b.length - a.length)
      .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.names = escaped.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
    this.joined = texts.map(normal).join('\n');
    for (const text of texts) {
      const words = normal(text).trim().split(' ');
      for (let i = 0; i + RUN_WORDS <= words.length; i++) this.runs.add(words.slice(i, i + RUN_WORDS).join(' '));
    }
  }

  /** True when a quotation (of 3 words or more) is theirs word for word. */
  quotes(span: string): boolean {
    const n = normal(span);
    return n.trim().split(' ').length >= 3 && this.joined.includes(n);
  }

  /** True when the text holds a run of RUN_WORDS of their words. */
  repeats(text: string): boolean {
    const words = normal(text).trim().split(' ');
    for (let i = 0; i + RUN_WORDS <= words.length; i++) if (this.runs.has(words.slice(i, i + RUN_WORDS).join(' '))) return true;
    return false;
  }

  /**
   * The text with their quotations replaced (the whole text when it repeats them unquoted) and
   * their name and speaker labels replaced.
   */
  redact(text: string): string {
    const out = text.replace(/“([^”]*)”|"([^"]*)"/g, (all, a?: string, b?: string) => (this.quotes(a ?? b ?? '') ? REDACTED : all));
    if (this.repeats(out)) return REDACTED;
    return this.names ? out.replace(this.names, WITHDRAWN) : out;
  }
}

type Sections = Partial<Record<BulletSection, Bullet[]>>;

function redactTheirWords(db: Db, words: Words): ParticipantRemoval['redacted'] {
  const sqlite = db.$client;
  const redacted: ParticipantRemoval['redacted'] = [];
  const themes = sqlite.prepare(`select id, label, description from themes where description <> ''`).all() as { id: number; label: string; description: string }[];
  const clearTheme = sqlite.prepare(`update themes set description = '' where id = ?`);
  for (const t of themes) {
    if (words.redact(t.description) === t.description) continue;
    clearTheme.run(t.id);
    redacted.push({ what: 'theme description', of: t.label });
  }
  const personas = sqlite.prepare('select id, name, summary, sections from personas').all() as { id: number; name: string; summary: string; sections: string }[];
  const save = sqlite.prepare('update personas set summary = ?, sections = ? where id = ?');
  for (const p of personas) {
    const sections = JSON.parse(p.sections) as Sections;
    let changed = false;
    const summary = words.redact(p.summary);
    if (summary !== p.summary) {
      changed = true;
      redacted.push({ what: 'persona summary', of: p.name });
    }
    for (const section of BULLET_SECTIONS) {
      sections[section]?.forEach((bullet, index) => {
        const text = words.redact(bullet.text);
        if (text === bullet.text) return;
        bullet.text = text;
        changed = true;
        redacted.push({ what: `${SECTION_TITLE[section]} bullet ${index + 1}`, of: p.name });
      });
    }
    if (changed) save.run(summary, JSON.stringify(sections), p.id);
  }
  return redacted;
}
