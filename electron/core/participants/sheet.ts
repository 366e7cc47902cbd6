// A participant sheet (CSV) keyed by participant id: the researcher's recruitment spreadsheet,
// applied to the study's participants in one transaction.
import { parse } from 'csv-parse/sync';
import { CONSENT_STATUSES, EXPERIENCE_LEVELS, type ConsentStatus, type ExperienceLevel, type ParticipantProfile } from '../../../shared/domain';
import { IpcFailure } from '../../../shared/ipc/contract';
import { transaction, type Db } from '../db/open';
import { participantKey } from '../db/queries/participants';
import { listParticipantDetails, updateProfile } from '../db/queries/profiles';

type Field = Exclude<keyof ParticipantProfile, 'attributes' | 'notes'> | 'notes' | 'name';

const HEADERS: Record<string, Field | 'key'> = {
  participant: 'key', 'participant id': 'key', participantid: 'key', pid: 'key', id: 'key',
  code: 'code', pseudonym: 'code', name: 'name', 'display name': 'name',
  segment: 'segment', experience: 'experience', 'experience level': 'experience',
  'company size': 'companySize', companysize: 'companySize', 'org size': 'companySize',
  industry: 'industry', sector: 'industry', role: 'role', 'job title': 'role', title: 'role',
  'interview date': 'interviewDate', date: 'interviewDate',
  consent: 'consentStatus', 'consent status': 'consentStatus', 'consent date': 'consentDate', notes: 'notes',
};

export interface SheetResult {
  updated: number;
  /** Rows whose key matched no participant, with their row number (1 = first data row). */
  unmatched: { row: number; key: string }[];
  /** Cells that could not be used, e.g. an unknown experience level: "row 5, column Experience: …". The row's other
   *  cells are applied; the bad cell's field is left as it was. */
  errors: string[];
}

function normaliseHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[_\s]+/g, ' ');
}

/** The consent status a cell means; null for an empty cell, undefined for a value that means none of them. */
function consent(value: string): ConsentStatus | null | undefined {
  const v = value.trim().toLowerCase();
  if (!v) return null;
  if (['yes', 'y', 'signed', 'given', 'true', 'consented'].includes(v)) return 'given';
  if (['no', 'withdrawn', 'revoked'].includes(v)) return 'withdrawn';
  return (CONSENT_STATUSES as readonly string[]).includes(v) ? (v as ConsentStatus) : undefined;
}

export function applySheet(db: Db, fileName: string, csv: string): SheetResult {
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (err) {
    throw new IpcFailure('invalid_sheet', `${fileName}: not a readable CSV (${(err as Error).message})`);
  }
  const [header, ...data] = rows;
  if (!header) throw new IpcFailure('invalid_sheet', `${fileName}: the sheet is empty`);
  const columns = header.map((h) => HEADERS[normaliseHeader(h)] ?? null);
  const keyColumn = columns.indexOf('key') >= 0 ? columns.indexOf('key') : columns.indexOf('code') >= 0 ? columns.indexOf('code') : columns.indexOf('name');
  if (keyColumn < 0) throw new IpcFailure('invalid_sheet', `${fileName}: needs a "participant id", "code" or "name" column`);

  const people = listParticipantDetails(db);
  const find = (key: string) => {
    const k = participantKey(key);
    return people.find((p) => (p.profile.code && participantKey(p.profile.code) === k) || participantKey(p.name) === k || p.aliases.includes(k));
  };
  const result: SheetResult = { updated: 0, unmatched: [], errors: [] };
  transaction(db, () => {
    data.forEach((cells, i) => {
      const key = cells[keyColumn] ?? '';
      const person = key ? find(key) : undefined;
      if (!person) {
        result.unmatched.push({ row: i + 1, key });
        return;
      }
      const patch: Partial<ParticipantProfile> & { name?: string } = { attributes: { ...person.profile.attributes } };
      const invalid = (title: string, value: string, allowed: readonly string[]) =>
        result.errors.push(`row ${i + 1}, column ${title}: "${value}" is not one of ${allowed.join(', ')}`);
      cells.forEach((value, c) => {
        const field = columns[c];
        const title = header[c]!.trim();
        if (field === 'key' || (c === keyColumn && field !== 'code')) return;
        if (field === null || field === undefined) {
          if (title && value) patch.attributes![title] = value;
        } else if (field === 'experience') {
          const v = value.trim().toLowerCase();
          if (v && !(EXPERIENCE_LEVELS as readonly string[]).includes(v)) invalid(title, value, EXPERIENCE_LEVELS);
          else patch.experience = (v || null) as ExperienceLevel | null;
        } else if (field === 'consentStatus') {
          const status = consent(value);
          if (status === undefined) invalid(title, value, CONSENT_STATUSES);
          else patch.consentStatus = status;
        } else if (field === 'name') {
          if (value) patch.name = value;
        } else if (field === 'notes') patch.notes = value;
        else patch[field] = value || null;
      });
      // A bad cell leaves its own field as it was; the row's valid cells are applied.
      if (!patch.code && columns[keyColumn] === 'key') patch.code = key;
      updateProfile(db, person.id, patch);
      result.updated++;
    });
  });
  return result;
}
