// "Name: text" speaker labels: reading one line, then deciding for the whole document which
// labels are people. A label is only a candidate when it is shaped like a name (<= 40 chars,
// <= 4 words, capitalised words, no URL or sentence punctuation, not a word like "Note"). It is
// accepted when it recurs; said once, only after the conversation has started (the first
// recurring label) and when it looks like the other speakers (all caps among all caps), which
// keeps a note-taker's one line but drops "Participant: Sam" above the transcript and a lone
// "Tuesday: workshop" in prose. Two exceptions, both measured on every fixture and on the shared
// sets (ai-at-work: 3 headings in 250 files, none of the 4 one-off speakers of the OSS set lost):
// a label said once above the conversation is a speaker when it opens it with a real turn
// ("Assistant: Hi! Thank you for..." right before the first recurring label), and a label said at
// most twice is text when it reads as a heading: alone on its line where the speakers' labels carry
// their words ("Initial Steps:" above a paragraph), or ordinary Title Case words, not a name
// ("Key Findings: ..."), see looksLikeHeading. Lines quoted with ">" are never labels: a blockquote
// "> NAME: ..." is someone else's words, not a turn of NAME.
import { isNoiseToken } from '../quotes/noise';
import { parseClock, leadingStamp } from './timestamps';
import { genericSide, looksLikeHeading } from './speakerKinds';

/**
 * How a label was written; the mix of styles tells which tool made the file.
 * colon "Alex: text" · stamped "[00:01:02] Alex: text" (Descript, Sonix) · rev "Alex (00:01:02):"
 * · colon-stamp "Alex: [00:01:02] text" · name-clock "Alex  0:03" alone (Otter, Teams .docx)
 * · bracket "[Alex] text" · bracket-clock "[Alex] 10:02:03" alone (Zoom saved captions).
 */
export type LabelStyle = 'colon' | 'stamped' | 'rev' | 'colon-stamp' | 'name-clock' | 'bracket' | 'bracket-clock';

export interface LabelCandidate {
  /** Label as written without wrappers, qualifiers and timestamps: "MEL", "Mel Chua". */
  base: string;
  /** Text before a comma when the label had one ("MEL, TYPING"), resolved against other labels. */
  commaHead: string | null;
  rest: string;
  startMs: number | null;
  style?: LabelStyle;
}

const MAX_LABEL_CHARS = 40;
const MAX_LABEL_WORDS = 4;
const MAX_SCAN = 90;
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}.'’_-]*$/u; // "_" for diarised ids: SPEAKER_00
const STARTS_UPPER = /^[\p{Lu}\p{Lt}\p{Lo}]/u;
const HAS_LOWER = /\p{Ll}/u;
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'da', 'del', 'der', 'den', 'di', 'du', 'la', 'le', 'bin', 'al', 'y', 'st.']);

/** Words that open "Word: ..." lines in notes and metadata but are not people. */
const NOT_SPEAKERS = new Set([
  'note', 'notes', 'nb', 'n.b.', 'ps', 'p.s.', 'edit', 'edited', 'update', 'updated', 'source', 'sources',
  'link', 'links', 'url', 'http', 'https', 'ftp', 'mailto', 'www', 'date', 'time', 'duration', 'length',
  'location', 'place', 'subject', 'title', 'topic', 'summary', 'warning', 'caution', 'tip', 'todo',
  'example', 'examples', 'e.g', 'e.g.', 'i.e', 'i.e.', 'step', 're', 'fwd', 'fw', 'from', 'to', 'cc', 'bcc',
  'sent', 'attendees', 'participants', 'transcript', 'transcribed by', 'recorded', 'recording', 'tags',
  'keywords', 'agenda', 'objective', 'goal', 'goals', 'context', 'background', 'status', 'version',
  'copyright', 'license', 'licence', 'author', 'authors', 'project', 'study', 'session', 'total',
  'pros', 'cons', 'answer key', 'reference', 'references', 'see also', 'disclaimer',
  'abstract', 'description', 'overview', 'purpose', 'method', 'methods', 'methodology', 'introduction', 'intro',
  'setting', 'consent', 'instructions', 'bio', 'biography', 'profile', 'demographics', 'aim', 'aims',
  // Discourse words that open a sentence with a colon ("So: here's the thing").
  'so', 'and', 'but', 'or', 'also', 'anyway', 'well', 'okay', 'ok', 'yes', 'no', 'yeah', 'now', 'then',
  'first', 'second', 'third', 'finally', 'however', 'therefore', 'basically', 'honestly', 'seriously',
  'remember', 'quote', 'unquote', 'important', 'result', 'results', 'conclusion',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'tomorrow',
  'yesterday', 'morning', 'afternoon', 'evening', 'january', 'february', 'march', 'september', 'october',
  'november', 'december', // not April, May, June, August: those are names too
]);

/**
 * Reads a speaker label at the start of a line: "MEL: text", "Mel Chua: text", "**Sam:** text",
 * "[00:01:02] Alex: text", "Alex (00:01:02): text", "AMANDA (typed): text", "Alex:" alone,
 * "@Alex: text", "#Alex: text", "[Alex] text", "[Alex] 10:02:03" alone, "Alex  0:03" alone.
 */
export function readLabel(line: string): LabelCandidate | null {
  if (line.length === 0 || /^ {0,3}>/.test(line)) return null;
  return readColonLabel(line) ?? readBracketLabel(line) ?? readNameClock(line);
}

function readColonLabel(line: string): LabelCandidate | null {
  const firstColon = line.indexOf(':');
  if (firstColon < 1 || firstColon > MAX_SCAN + 40) return null; // most lines: no label at all
  let s = line;
  let startMs: number | null = null;
  let style: LabelStyle = 'colon';
  const stamp = leadingStamp(s);
  if (stamp) {
    startMs = stamp.ms;
    style = 'stamped';
    s = s.slice(stamp.length);
  }
  s = s.replace(/^ {0,3}(?:[#@](?=\S))?(?:\*\*|__|\*|_)?/, '');

  const colon = findLabelColon(s);
  if (colon < 0) return null;
  let rawLabel = s.slice(0, colon);
  let after = colon + 1;
  const closing = /^(?:\*\*|__|\*|_)/.exec(s.slice(after, after + 2));
  if (closing) after += closing[0].length;
  if (after < s.length && !/\s/.test(s.charAt(after))) return null;
  rawLabel = rawLabel.replace(/(?:\*\*|__|\*|_)$/, '').trim();
  if (rawLabel.length === 0 || rawLabel.length > MAX_LABEL_CHARS) return null;

  const bracketed = /^([^()[\]]*?)\s*[([]([^()[\]]*)[)\]]$/.exec(rawLabel);
  let label = rawLabel;
  if (bracketed && bracketed[1] !== undefined && bracketed[2] !== undefined) {
    label = bracketed[1];
    const ms = parseClock(bracketed[2]);
    if (ms !== null && startMs === null) {
      startMs = ms;
      style = 'rev';
    }
  }
  let commaHead: string | null = null;
  const comma = label.indexOf(',');
  if (comma >= 0) {
    commaHead = label.slice(0, comma).trim();
    if (!isNameShaped(commaHead)) return null;
  } else if (!isNameShaped(label)) {
    return null;
  }
  let rest = s.slice(after).trim();
  // "Alex: [00:01:02] text": a bracketed time right after the label is the turn's time, not words.
  const inner = rest.startsWith('[') || rest.startsWith('(') ? leadingStamp(rest) : null;
  if (inner && startMs === null) {
    startMs = inner.ms;
    style = 'colon-stamp';
    rest = rest.slice(inner.length).trim();
  }
  return { base: collapse(label), commaHead: commaHead && collapse(commaHead), rest, startMs, style };
}

const BRACKET_LABEL = /^ {0,3}\[([^[\]\n]{1,40})\]:?(?:[ \t]+|$)/;

/** "[Alex] text", "[SPEAKER_00]: text" (WhisperX captions), "[Alex] 10:02:03" (Zoom saved captions). */
function readBracketLabel(line: string): LabelCandidate | null {
  if (!line.trimStart().startsWith('[')) return null;
  const m = BRACKET_LABEL.exec(line);
  const name = m?.[1]?.trim();
  if (!m || !name || !isNameShaped(name) || isNoiseToken(`[${name}]`) || parseClock(name) !== null) return null;
  const rest = line.slice(m[0].length).trim();
  const ms = parseClock(rest);
  if (ms !== null) return { base: collapse(name), commaHead: null, rest: '', startMs: ms, style: 'bracket-clock' };
  return { base: collapse(name), commaHead: null, rest, startMs: null, style: 'bracket' };
}

const NAME_CLOCK = /^ {0,3}(\S.{0,40}?)[ \t]+((?:\d{1,3}:)?\d{1,2}:\d{2})[ \t]*$/;

/** "Alex  0:03" or "Alex Smith   00:01:02" alone on its line: the turn's text follows below. */
function readNameClock(line: string): LabelCandidate | null {
  if (line.length > MAX_LABEL_CHARS + 20 || !/\d[ \t]*$/.test(line)) return null;
  const m = NAME_CLOCK.exec(line);
  if (!m?.[1] || !m[2]) return null;
  const name = m[1].trim();
  const ms = parseClock(m[2]);
  if (ms === null || !isNameShaped(name)) return null;
  return { base: collapse(name), commaHead: null, rest: '', startMs: ms, style: 'name-clock' };
}

/** The first ":" that ends a label: followed by space, end of line, or a closing "**". */
function findLabelColon(s: string): number {
  const limit = Math.min(s.length, MAX_SCAN);
  for (let i = 1; i < limit; i++) {
    if (s.charCodeAt(i) !== 0x3a) continue;
    const next = s.charAt(i + 1);
    if (next === '' || next === ' ' || next === '\t' || next === '*' || next === '_') return i;
  }
  return -1;
}

/** Labels repeat hundreds of times in a file: remember the verdict (bounded, so memory stays flat). */
const shapeCache = new Map<string, boolean>();
const keyCache = new Map<string, string>();
const CACHE_LIMIT = 10_000;

function remember<V>(cache: Map<string, V>, key: string, compute: (k: string) => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute(key);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

export function isNameShaped(label: string): boolean {
  return remember(shapeCache, label, computeNameShaped);
}

function computeNameShaped(label: string): boolean {
  const words = label.trim().split(/\s+/);
  if (words.length === 0 || words.length > MAX_LABEL_WORDS) return false;
  if (!STARTS_UPPER.test(label.trim())) return false;
  if (NOT_SPEAKERS.has(collapse(label).toLowerCase())) return false;
  return words.every((w, i) => WORD.test(w) && (i > 0 && NAME_PARTICLES.has(w.toLowerCase()) ? true : !/^\p{Ll}/u.test(w)));
}

export function speakerKey(label: string): string {
  return remember(keyCache, label, (l) => collapse(l).toLowerCase());
}

function collapse(s: string): string {
  const t = s.trim();
  return /\s\s|[\t\n]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

export interface ResolvedLabels {
  /** Display name per candidate position; positions that are not speakers are absent. */
  speakerAt: Map<number, string>;
  /** Position of the first accepted label (the conversation starts there), or -1. */
  start: number;
  /** Display name per speaker key, for names that came from markup. */
  names: Map<string, string>;
  /** Labels inside the conversation read as text, not speakers ("Initial Steps:" in an answer), in order. */
  asText: string[];
}

export interface PositionedLabel {
  at: number;
  label: LabelCandidate;
  /** Named by markup (a WebVTT <v> tag) rather than guessed from "Name:". */
  certain?: boolean;
}

/** Said this often or less, a label has to look like a speaker to be one. */
const RARE = 2;
/** Labels per document checked for reading as a heading (see isText). */
const MAX_HEADING_CHECKS = 200;
/** An opening turn said once above the conversation ("Assistant: Hi! Thank you for...") has this many words at least. */
const OPENER_WORDS = 8;

interface Keyed {
  at: number;
  key: string;
  display: string;
  certain: boolean;
  label: LabelCandidate;
}

/**
 * Decides which candidates, given in document order, are speakers, and how to spell each.
 * `speakers` holds keys (speakerKey) the researcher says are speakers, whatever they look like.
 */
export function resolveLabels(candidates: PositionedLabel[], speakers: ReadonlySet<string> = new Set()): ResolvedLabels {
  const plainKeys = new Set(
    candidates.filter((c) => c.label.commaHead === null).map((c) => speakerKey(c.label.base)),
  );
  const keyed: Keyed[] = [];
  for (const { at, label, certain = false } of candidates) {
    if (label.commaHead === null) {
      keyed.push({ at, key: speakerKey(label.base), display: label.base, certain, label });
    } else if (plainKeys.has(speakerKey(label.commaHead))) {
      // "MEL, TYPING" is MEL typing; "Smith, John" with no "Smith" elsewhere is not a label.
      keyed.push({ at, key: speakerKey(label.commaHead), display: label.commaHead, certain, label });
    }
  }

  const counts = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  for (const { key, display } of keyed) {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const forKey = spellings.get(key) ?? new Map<string, number>();
    forKey.set(display, (forKey.get(display) ?? 0) + 1);
    spellings.set(key, forKey);
  }
  const displays = new Map([...spellings].map(([key, forKey]) => [key, mostFrequent(forKey)]));

  const recurring = new Set([...counts].filter(([, n]) => n >= 2).map(([k]) => k));
  const allCaps = recurring.size > 0 && [...recurring].every((k) => !HAS_LOWER.test(displays.get(k) ?? k));
  // Do the speakers' labels carry their words on the same line ("User: text")? Then a rare label
  // alone on its line ("Initial Steps:" above a paragraph) is a heading inside a turn.
  const colonTurns = keyed.filter((k) => recurring.has(k.key) && (k.label.style ?? 'colon') === 'colon');
  const inline = colonTurns.length > 0 && colonTurns.filter((k) => k.label.rest.length > 0).length >= colonTurns.length / 2;
  // Tagging words costs a fraction of a millisecond; a file of thousands of distinct one-off
  // labels (junk, or a list) gets the old reading past this many.
  let headingChecks = MAX_HEADING_CHECKS;
  const isText = (k: Keyed): boolean =>
    (counts.get(k.key) ?? 0) <= RARE &&
    ((inline && k.label.rest.length === 0 && (k.label.style ?? 'colon') === 'colon') || (headingChecks-- > 0 && looksLikeHeading(k.display)));

  const speakerAt = new Map<number, string>();
  const asText: string[] = [];
  let start = -1;
  keyed.forEach((k, i) => {
    const { at, key, certain } = k;
    const display = displays.get(key) ?? key;
    if (speakers.has(key)) {
      if (start < 0 || at < start) start = at;
      speakerAt.set(at, display);
      return;
    }
    const trusted = certain || recurring.has(key);
    // A label said once, above the first recurring one, is metadata ("Participant: Sam"), unless
    // it opens the conversation: a real turn right before the first recurring label.
    if (!trusted && start < 0 && !(i === 0 && opensConversation(k, keyed[i + 1], recurring))) return;
    if (!trusted && allCaps && HAS_LOWER.test(display)) return;
    if (!trusted && isText(k)) {
      if (start >= 0 && !asText.includes(display)) asText.push(display);
      return;
    }
    if (start < 0 || at < start) start = at;
    speakerAt.set(at, display);
  });
  return { speakerAt, start, names: displays, asText };
}

/** "Assistant: Hi! Thank you for taking the time..." then "User: ...": a greeting, not "Participant: Sam". */
function opensConversation(k: Keyed, next: Keyed | undefined, recurring: ReadonlySet<string>): boolean {
  if (!next || !recurring.has(next.key) || genericSide(k.display) === 'participant') return false;
  const words = k.label.rest.split(/\s+/).filter(Boolean).length;
  return words >= OPENER_WORDS && HAS_LOWER.test(k.label.rest);
}

function mostFrequent(forKey: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [spelling, n] of forKey) {
    if (n > bestCount) {
      best = spelling;
      bestCount = n;
    }
  }
  return best;
}
