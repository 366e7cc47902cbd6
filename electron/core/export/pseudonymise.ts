// A pseudonymised export: participants become their label (the researcher's pseudonym, else their
// code, else a generated P01...), and in every text the export carries (persona names, summaries,
// bullets, quotes, theme labels and descriptions, the study's name and questions) the names of
// participants and of other people, e-mail addresses, phone numbers and links are replaced. The
// same pass lists every replacement, so the preview shows exactly what the export will do.
//
// Names come from three places: the study's own records (participants' names, speaker labels and
// aliases), the other speakers (interviewers, note takers), and compromise's person finder for
// people only mentioned ("I asked Donald Stufft"). A name part that is also an ordinary word
// ("Will", "May", "Hope") is replaced only where it reads as a name: tagged as a person in its
// sentence, or capitalised mid-sentence and not in a date ("in May").
import { mapSections, type Persona } from '../../../shared/domain';
import type { ExportPreview, LabelSource, Replacement, ReplacementKind } from '../../../shared/pseudonym';
import { isGenericLabel } from '../importers/speakerKinds';
import { findEmails, findPhones, findUrls, type Span } from './contactPatterns';
import { NOT_A_NAME, isDateWord, isLexiconName, isOrdinaryWord, personSpans, readsAsDate, splitRun, startsSentence } from './nameReading';
import type { PersonaCardData } from './types';

export interface KnownParticipant {
  id: number;
  name: string;
  code: string | null;
  pseudonym: string | null;
  /** Every other way the study spells them: speaker labels, merged aliases. */
  otherNames: string[];
}

export interface OtherSpeaker {
  name: string;
  role: 'interviewer' | 'other';
}

export interface PseudonymPeople {
  participants: KnownParticipant[];
  others: OtherSpeaker[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface NameEntry {
  re?: RegExp;
  /** A single word is matched in Title or UPPER case; several words in any case. */
  text: string;
  label: string;
  kind: ReplacementKind;
  /** Also an ordinary word: replaced only where it reads as a name. */
  ambiguous: boolean;
  month: boolean;
}

/** Labels for participants: their pseudonym, else their code, else the next free P01, P02... in id order. */
export function participantLabels(people: KnownParticipant[]): Map<number, { label: string; source: LabelSource }> {
  const sorted = [...people].sort((a, b) => a.id - b.id);
  const taken = new Set<string>();
  const labels = new Map<number, { label: string; source: LabelSource }>();
  for (const p of sorted) {
    const chosen: [string | null, LabelSource][] = [[p.pseudonym, 'pseudonym'], [p.code, 'code']];
    const hit = chosen.find(([l]) => l?.trim() && !taken.has(l.trim().toLowerCase()));
    if (hit) {
      labels.set(p.id, { label: hit[0]!.trim(), source: hit[1] });
      taken.add(hit[0]!.trim().toLowerCase());
    }
  }
  const width = Math.max(2, String(sorted.length).length);
  let n = 0;
  for (const p of sorted) {
    if (labels.has(p.id)) continue;
    let label: string;
    do label = `P${String(++n).padStart(width, '0')}`;
    while (taken.has(label.toLowerCase()));
    taken.add(label.toLowerCase());
    labels.set(p.id, { label, source: 'generated' });
  }
  return labels;
}

const normalName = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ');
const nameWords = (s: string) => normalName(s).split(/[\s.]+/).map((w) => w.replace(/^['’-]+|['’-]+$/g, '')).filter((w) => /^\p{L}[\p{L}'’-]*$/u.test(w) && w.length >= 2 && !NOT_A_NAME.has(w.toLowerCase()));

/**
 * The names one person goes by, as entries: each full spelling, and each of its words alone
 * ("Maria Lopez" -> "Maria Lopez", "Maria", "Lopez"). Generic labels ("User", "Speaker 1") and
 * codes name no one and are left alone.
 */
function entriesFor(names: string[], label: string, kind: ReplacementKind, lowercaseSeen: Set<string>): NameEntry[] {
  const out: NameEntry[] = [];
  for (const raw of names) {
    const name = normalName(raw);
    if (!name || isGenericLabel(name) || /\d/.test(name)) continue;
    const words = nameWords(name);
    if (words.length > 1) out.push({ text: words.join(' '), label, kind, ambiguous: false, month: false });
    for (const w of words) {
      const ambiguous = isOrdinaryWord(w) || lowercaseSeen.has(w.toLowerCase());
      out.push({ text: w, label, kind, ambiguous, month: isDateWord(w) });
    }
  }
  return out;
}

interface Found extends Span {
  replacement: string;
  kind: ReplacementKind;
  priority: number;
}

/** Replaces in every text of the export and counts what it replaced. */
class Replacer {
  private readonly entries: NameEntry[] = [];
  private readonly counts = new Map<string, Replacement>();
  private readonly spans = new Map<string, { people: Span[]; dates: Span[] }>();

  constructor(entries: NameEntry[]) {
    const seen = new Set<string>();
    for (const e of entries.sort((a, b) => b.text.length - a.text.length)) {
      const key = e.text.toLowerCase();
      if (seen.has(key)) continue; // the first person to claim a name keeps it (participants first)
      seen.add(key);
      const single = !e.text.includes(' ');
      const pattern = single
        ? `${escapeRe(e.text[0]!.toUpperCase() + e.text.slice(1))}|${escapeRe(e.text.toUpperCase())}`
        : escapeRe(e.text).replace(/ /g, '\\s+');
      this.entries.push({ ...e, re: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${pattern})(?![\\p{L}\\p{N}_])`, single ? 'gu' : 'giu') });
    }
  }

  setSpans(text: string, spans: { people: Span[]; dates: Span[] }) {
    this.spans.set(text, spans);
  }

  count(kind: ReplacementKind, original: string, replacement: string, n = 1) {
    const key = `${kind}\u0000${original}\u0000${replacement}`;
    const r = this.counts.get(key) ?? { kind, original, replacement, count: 0 };
    r.count += n;
    this.counts.set(key, r);
  }

  replacements(): Replacement[] {
    return [...this.counts.values()].sort((a, b) => a.kind.localeCompare(b.kind) || b.count - a.count || a.original.localeCompare(b.original));
  }

  text(text: string): string {
    if (!text) return text;
    const found: Found[] = [
      ...findEmails(text).map((s) => ({ ...s, replacement: '[email]', kind: 'email' as const, priority: 0 })),
      ...findUrls(text).map((s) => ({ ...s, replacement: '[link]', kind: 'url' as const, priority: 1 })),
      ...findPhones(text).map((s) => ({ ...s, replacement: '[phone]', kind: 'phone' as const, priority: 2 })),
    ];
    const { people, dates } = this.spans.get(text) ?? { people: [], dates: [] };
    for (const e of this.entries) {
      const single = !e.text.includes(' ');
      for (const m of text.matchAll(e.re!)) {
        const start = m.index;
        const end = start + m[0].length;
        if (e.ambiguous) {
          const tagged = people.some((s) => s.start <= start && s.end >= end);
          const date = e.month || dates.some((s) => s.start <= start && s.end >= end) || readsAsDate(text, start, end);
          const midSentence = !date && !startsSentence(text, start) && m[0] !== m[0].toUpperCase();
          if (!tagged && !midSentence) continue;
        }
        found.push({ start, end, replacement: e.label, kind: e.kind, priority: 3 + (single ? 1 : 0) });
      }
    }
    found.sort((a, b) => a.start - b.start || a.priority - b.priority || b.end - a.end);
    let out = '';
    let at = 0;
    for (const f of found) {
      if (f.start < at) continue;
      out += text.slice(at, f.start) + f.replacement;
      this.count(f.kind, text.slice(f.start, f.end), f.replacement);
      at = f.end;
    }
    return out + text.slice(at);
  }
}

function withoutContacts(text: string): string {
  const spans = [...findEmails(text), ...findUrls(text)].sort((a, b) => b.start - a.start);
  for (const s of spans) text = text.slice(0, s.start) + ' ' + text.slice(s.end);
  return text;
}

/** Every text of the cards, once each, in a stable order. */
function cardTexts(cards: PersonaCardData[]): string[] {
  const texts = new Set<string>();
  const first = cards[0];
  if (first) {
    texts.add(first.studyName);
    for (const q of first.questions ?? []) texts.add(q);
    for (const q of first.quotesById.values()) texts.add(q.text);
    for (const t of first.themes ?? []) texts.add(t.label).add(t.description);
    for (const p of first.profiles?.values() ?? []) texts.add(p.segment ?? '').add(p.role ?? '');
  }
  for (const { persona } of cards) {
    texts.add(persona.name).add(persona.summary);
    if (persona.definingQuote) texts.add(persona.definingQuote.text);
    mapSections((s) => persona[s].forEach((b) => texts.add(b.text)));
  }
  texts.delete('');
  return [...texts];
}

export interface Pseudonymised {
  cards: PersonaCardData[];
  preview: ExportPreview;
}

/** The replacer for these texts: every name entry the records give, and the ones the finder reads in the texts. */
function replacerFor(texts: string[], people: PseudonymPeople) {
  const labels = participantLabels(people.participants);
  // Words the texts also use in lower case are ordinary words here ("grant", "will"), but not the
  // lower-case name in an e-mail address or a link, which are masked whole anyway.
  const lowercaseSeen = new Set(texts.flatMap((t) => withoutContacts(t).match(/(?<![\p{L}\p{N}_])\p{Ll}[\p{L}'’-]*/gu) ?? []));

  const entries: NameEntry[] = [];
  const byName = new Map<string, string>();
  for (const p of people.participants) {
    const label = labels.get(p.id)!.label;
    byName.set(normalName(p.name).toLowerCase(), label);
    entries.push(...entriesFor([p.name, ...p.otherNames], label, 'participant', lowercaseSeen));
  }
  const interviewers = [...new Set(people.others.filter((o) => o.role === 'interviewer').map((o) => normalName(o.name)))];
  interviewers.forEach((name, i) => entries.push(...entriesFor([name], interviewers.length > 1 ? `[Interviewer ${i + 1}]` : '[Interviewer]', 'person', lowercaseSeen)));

  // Other people: speakers who are neither participant nor interviewer, then the names the finder reads.
  let letter = 0;
  const nextPerson = () => `[Person ${letter < 26 ? String.fromCharCode(65 + letter++) : ++letter}]`;
  const others = people.others.filter((o) => o.role === 'other').map((o) => normalName(o.name));
  for (const name of new Set(others)) entries.push(...entriesFor([name], nextPerson(), 'person', lowercaseSeen));

  const known = new Set(entries.map((e) => e.text.toLowerCase()));
  const spansByText = new Map<string, { people: Span[]; dates: Span[] }>();
  const runs: string[][] = [];
  for (const text of texts) {
    const { spans, dates, names } = personSpans(text, (w) => known.has(w.toLowerCase()));
    spansByText.set(text, { people: spans, dates });
    // A word the texts also write in lower case is an ordinary word here, even inside a found name ("Moz Grant").
    for (const run of names) runs.push(...splitRun(run, (w) => lowercaseSeen.has(w.toLowerCase())));
  }
  // compromise reads most unknown capitalised words as people (Mozilla, MOSS): alone, a word is
  // taken only when the lexicon knows it as a name or the texts also write it in a full name.
  const inFullNames = new Set(runs.filter((run) => run.length > 1).flatMap((run) => run.map((w) => w.toLowerCase())));
  for (const run of runs) {
    if (run.length === 1 && !isLexiconName(run[0]!) && !inFullNames.has(run[0]!.toLowerCase())) continue;
    const full = run.join(' ');
    if (known.has(full.toLowerCase()) || run.every((w) => known.has(w.toLowerCase()))) continue;
    // "Nick Coghlan" is participant Nick; "Tomasz" after "Tomasz Kowalczyk" is the same person; an
    // interviewer's first name does not make a stranger the interviewer.
    // Only a first name and a surname: a longer run ("Nick, Robert McGibbon") may be a list of people.
    const participant = run.length === 2 ? entries.find((e) => e.kind === 'participant' && e.text.toLowerCase() === run[0]!.toLowerCase()) : undefined;
    const person = entries.find((e) => e.label.startsWith('[Person') && run.some((w) => w.toLowerCase() === e.text.toLowerCase()));
    const label = participant?.label ?? person?.label ?? nextPerson();
    entries.push(...entriesFor([full], label, participant ? 'participant' : 'person', lowercaseSeen).filter((e) => !known.has(e.text.toLowerCase())));
    for (const e of entries) known.add(e.text.toLowerCase());
  }

  const r = new Replacer(entries);
  for (const [text, spans] of spansByText) r.setSpans(text, spans);
  return { r, labels, byName, done: new Map(texts.map((t) => [t, r.text(t)])) };
}

/** Free texts pseudonymised as an export would be (the bench measures the finder with it). */
export function pseudonymiseTexts(texts: string[], people: PseudonymPeople): { texts: string[]; replacements: Replacement[] } {
  const { r, done } = replacerFor(texts, people);
  return { texts: texts.map((t) => done.get(t) ?? t), replacements: r.replacements() };
}

/** The cards with every person made a label and every contact detail masked, and the list of what changed. */
export function pseudonymiseCards(cards: PersonaCardData[], people: PseudonymPeople): Pseudonymised {
  const { r, labels, byName, done } = replacerFor(cardTexts(cards), people);
  const t = (s: string) => (s ? (done.get(s) ?? r.text(s)) : s);
  const labelOf = (name: string) => {
    const label = byName.get(normalName(name).toLowerCase());
    if (label) r.count('participant', name, label);
    return label ?? t(name);
  };

  const first = cards[0];
  const quotesById = new Map([...(first?.quotesById ?? new Map<number, { text: string; participantName: string }>())].map(([id, q]) => [id, { text: t(q.text), participantName: labelOf(q.participantName) }]));
  const themes = first?.themes?.map((th) => ({ ...th, label: t(th.label), description: t(th.description) }));
  const profiles = first?.profiles && new Map([...first.profiles].map(([id, p]) => [id, { segment: p.segment && t(p.segment), role: p.role && t(p.role) }]));
  const out = cards.map((card): PersonaCardData => {
    const p = card.persona;
    const persona: Persona = {
      ...p,
      name: t(p.name),
      summary: t(p.summary),
      participants: p.participants.map((x) => ({ ...x, name: labels.get(x.id)?.label ?? labelOf(x.name) })),
      definingQuote: p.definingQuote && { ...p.definingQuote, text: t(p.definingQuote.text) },
      ...mapSections((s) => p[s].map((b) => ({ ...b, text: t(b.text) }))),
    };
    for (const x of p.participants) if (labels.has(x.id)) r.count('participant', x.name, labels.get(x.id)!.label);
    return { ...card, persona, studyName: t(card.studyName), questions: card.questions?.map(t), quotesById, themes, profiles };
  });
  return {
    cards: out,
    preview: {
      participants: people.participants.map((p) => ({ id: p.id, name: p.name, ...labels.get(p.id)! })),
      replacements: r.replacements(),
    },
  };
}
