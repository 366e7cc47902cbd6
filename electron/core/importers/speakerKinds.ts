// What a speaker label says about who it is. A generic label ("User", "Speaker 1", "SPEAKER_00",
// "Interviewee") names a role in one recording, not a person: "User" in two files is two people.
// A name or a code ("Naomi", "BSR02", "P3") names the same person wherever it appears.
// Interviewer-side words ("Interviewer", "Moderator", "AI", "Assistant") also say which side of
// the conversation a label is on, which lets two labels of one interviewer be read as one.
import type NlpType from 'compromise';

// compromise takes a second or more to load and most files never ask it anything (a heading check
// runs only for a rare multi-word label): load it on the first question.
let nlpLoaded: typeof NlpType | null = null;
function nlp(text: string): ReturnType<typeof NlpType> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  nlpLoaded ??= (require('compromise') as { default?: typeof NlpType }).default ?? (require('compromise') as typeof NlpType);
  return nlpLoaded(text);
}

/** Words for the asking side of an interview: humans, and the bots that interview. */
const INTERVIEWER_WORDS = [
  'interviewer', 'moderator', 'host', 'facilitator', 'researcher', 'questioner', 'q', 'question', 'i',
  'assistant', 'ai', 'bot', 'chatbot', 'agent', 'claude', 'chatgpt', 'gpt', 'copilot', 'gemini', 'system',
];
/** Words for the answering side, and for nobody in particular. */
const PARTICIPANT_WORDS = [
  'user', 'human', 'speaker', 'participant', 'interviewee', 'respondent', 'guest', 'unknown', 'unidentified',
  'person', 'voice', 'caller', 'customer', 'client', 'subject', 'member', 'attendee', 'panelist', 'panellist',
  'audience', 'a', 'answer', 'r', 'spk', 'p',
];
/** Words that may qualify a generic label: "Unknown Speaker", "Female Speaker 2". */
const QUALIFIERS = '(?:(?:unknown|unidentified|male|female|other|another|new|second|first|main)[\\s_-]+)?';
/** A number or a single letter after the word: "Speaker 1", "SPEAKER_00", "Speaker A", "Guest-2". */
const SUFFIX = '(?:[\\s_#-]*(?:\\d{1,3}|[a-z]))?';

const wordsPattern = (words: string[]) => new RegExp(`^${QUALIFIERS}(${words.join('|')})${SUFFIX}$`, 'i');
const INTERVIEWER = wordsPattern(INTERVIEWER_WORDS);
const PARTICIPANT = wordsPattern(PARTICIPANT_WORDS);
/** A letter with a number or letter ("P3", "R12", "PA") is a study's participant code: one person. */
const INTERVIEWER_BARE = new Set(INTERVIEWER_WORDS);
const CODE_LIKE = /^[a-z][\s_#-]*(?:\d{1,3}|[a-z])$/i;
/** A single letter alone ("A:", "B:") anonymises as much as "Speaker A". */
const LETTER = /^[A-Za-z]$/;

export type LabelSide = 'interviewer' | 'participant';

function normal(label: string): string {
  return label.trim().replace(/\s+/g, ' ');
}

/** Which side a generic label stands for; null for a name or a code. */
export function genericSide(label: string): LabelSide | null {
  const l = normal(label);
  if (l.length === 0) return null;
  if (INTERVIEWER_BARE.has(l.toLowerCase())) return 'interviewer'; // "AI" before it reads as a code
  if (CODE_LIKE.test(l)) return null;
  if (INTERVIEWER.test(l)) return 'interviewer';
  if (PARTICIPANT.test(l) || LETTER.test(l)) return 'participant';
  return null;
}

/**
 * A label that names a role in one recording rather than a person: a different person in each
 * file. "User", "Speaker 1", "Speaker A", "SPEAKER_00", "Interviewee", "Participant", "Respondent",
 * "Guest", "Unknown", "Interviewer 2", "A"; not "Naomi", "BSR02" or "P3", which name one person.
 */
export function isGenericLabel(label: string): boolean {
  return genericSide(label) !== null;
}

/** "Speaker 1", "Speaker A", "SPEAKER_00": numbered or lettered labels are distinct people by construction. */
export function isNumbered(label: string): boolean {
  return /\d$|[\s_#-][a-z]$/i.test(normal(label));
}

/** The role word of a generic label ("speaker" for "Speaker 2"), to tell two families apart. */
export function genericWord(label: string): string | null {
  const l = normal(label);
  const m = INTERVIEWER.exec(l) ?? PARTICIPANT.exec(l);
  return m?.[1]?.toLowerCase() ?? null;
}

/** Words of roles that a one-off speaker may be labelled with: "Note Taker", "Camera Operator". */
const ROLE_WORDS = /\b(?:taker|notetaker|operator|observer|interpreter|translator|captioner|producer|assistant|manager|colleague|partner|parent|mother|father|mom|dad|child|friend|wife|husband|nurse|doctor|teacher|director|engineer|speaker|interviewer|moderator|host|guest|participant)\b/i;
/** Tags compromise gives to ordinary words (its lexicon or their inflections), not to unknown names. */
const COMMON_WORD = /^(?:Adjective|Verb|Gerund|Adverb|Preposition|Determiner|Conjunction|Plural|Infinitive|PresentTense|PastTense|Comparative|Superlative)$/;

/**
 * "Initial Steps", "Algorithm Development", "Key Findings": several capitalised words, ordinary
 * English rather than a name, as a heading inside an answer is written. A name ("Mel Chua", "Dr.
 * Smith") or a role ("Note Taker") is not one. Only asked of labels said once or twice, so a
 * heading-like name that speaks often ("Hope Summers") stays a speaker.
 */
export function looksLikeHeading(label: string): boolean {
  const known = headingCache.get(label);
  if (known !== undefined) return known;
  const verdict = computeHeading(label);
  if (headingCache.size >= 5_000) headingCache.clear();
  headingCache.set(label, verdict);
  return verdict;
}

const headingCache = new Map<string, boolean>();

function computeHeading(label: string): boolean {
  const words = normal(label).split(' ');
  if (words.length < 2 || label === label.toUpperCase() || ROLE_WORDS.test(label)) return false;
  const doc = nlp(label);
  if (doc.has('#Person') || doc.has('#Honorific')) return false;
  const terms = (doc.json() as { terms: { tags: string[] }[] }[]).flatMap((s) => s.terms);
  return terms.some((t) => t.tags.some((tag) => COMMON_WORD.test(tag)));
}
