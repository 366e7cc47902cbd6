// Is a drafted bullet a sentence a researcher could sign, or a fragment? The rules of issue 8:
// a bullet starts with a capital letter and a subject or a verb, ends with a full stop, has 4 to
// 25 words, and has no " -- ", no ellipsis and no word said twice in a row ("I I"). Shared by the
// drafting (a draft that fails is not shown), the tests and the insight bench (share of fragments).
//
// A bullet may quote the speaker: one pair of quotation marks around the whole bullet is allowed,
// and the rules apply to what is inside ("“I never know what each supplier costs me.”").

import { termsOf, verbForms, type Term } from '../nlpTerms';

export const FRAGMENT_RULES = { minWords: 4, maxWords: 25 } as const;

const OPEN_QUOTE = /^["“]/;
const CLOSE_QUOTE = /["”]$/;
/** Tags (compromise) that begin a subject: a noun phrase, a pronoun, "the", "two", "my", "new". */
const SUBJECT_TAGS = ['Noun', 'Pronoun', 'Determiner', 'Value', 'Possessive', 'Adjective'] as const;

/**
 * Why `bullet` is not a sentence; empty when it is one. `limits` changes only the word count
 * (a card's defining quote may have 8-30 words).
 */
export function fragmentReasons(
  bullet: string,
  limits: { minWords: number; maxWords: number } = FRAGMENT_RULES,
): string[] {
  const reasons: string[] = [];
  const text = unquote(bullet.trim());
  if (!/^\p{Lu}/u.test(text)) reasons.push('does not start with a capital letter');
  if (!text.endsWith('.') || /[.…]{2,}$|…$/.test(text)) reasons.push('does not end with a full stop');
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length < limits.minWords) reasons.push(`has ${words.length} words, fewer than ${limits.minWords}`);
  if (words.length > limits.maxWords) reasons.push(`has ${words.length} words, more than ${limits.maxWords}`);
  if (/\s--\s|\s--$|^--\s/.test(text)) reasons.push('has " -- "');
  if (/…|\.\.\./.test(text)) reasons.push('has an ellipsis');
  const repeated = repeatedWord(words);
  if (repeated) reasons.push(`repeats "${repeated}"`);
  if (words.length > 0 && !startsWithSubjectOrVerb(text)) reasons.push('does not start with a subject or a verb');
  return reasons;
}

/** True when `bullet` passes every rule: fragmentReasons is empty (the cheap rules first, then the parse). */
export function isSentence(bullet: string): boolean {
  const text = unquote(bullet.trim());
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (words < FRAGMENT_RULES.minWords || words > FRAGMENT_RULES.maxWords || !/^\p{Lu}/u.test(text) || !text.endsWith('.')) return false;
  return fragmentReasons(bullet).length === 0;
}

function unquote(text: string): string {
  return OPEN_QUOTE.test(text) && CLOSE_QUOTE.test(text) && text.length > 1 ? text.slice(1, -1).trim() : text;
}

function repeatedWord(words: readonly string[]): string | null {
  // "I I'm" repeats "I": compare words without their contracted ending.
  const bare = words.map((word) =>
    word
      .toLowerCase()
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
      .replace(/['’](?:m|s|re|ve|ll|d)$/, ''),
  );
  for (let i = 1; i < bare.length; i++) {
    // "I I" repeats; "had had" or "that that" are English, but rare enough in a short claim
    // that the rule stays simple, as the issue states it.
    if (bare[i] !== '' && bare[i] === bare[i - 1] && !/[,;:]$/.test(words[i - 1]!)) return bare[i]!;
  }
  return null;
}

/**
 * The first word, after any adverbs ("Usually checks…", "Never trusts…"), is a finite verb or
 * begins a subject, and a sentence that starts with a subject has a finite verb. Conjunctions
 * ("Because…", "If you have…"), prepositions ("Of the…") and interjections ("Yeah, …") open
 * fragments or backchannel; so do a bare verb ("Require us to…", "Not try to…": a clause cut
 * from its subject) and a noun phrase whose only verbs are "-ing" or "to" forms ("The danger of
 * making a change."). compromise tags a sentence-initial third-person verb ("Checks the notes.")
 * as a plural noun: either way it starts the sentence properly.
 */
function startsWithSubjectOrVerb(text: string): boolean {
  const terms = termsOf(text);
  const tags = terms.map((term) => term.tags);
  let first = 0;
  while (first < tags.length - 1 && skippable(terms[first]!, tags[first]!)) first++;
  const head = tags[first];
  if (!head) return false;
  if (head.has('Verb')) return isFinite(terms[first]!, head);
  if (droppedSubjectVerb(terms.slice(first).map((term) => term.text).join(' '))) return true;
  if (head.has('Conjunction') || head.has('Preposition') || head.has('Expression') || head.has('QuestionWord')) return false;
  if (!SUBJECT_TAGS.some((tag) => head.has(tag))) return false;
  return terms.some((term, i) => i > first && tags[i]!.has('Verb') && !tags[i]!.has('Gerund') && terms[i - 1]?.normal !== 'to');
}

/** "Usually", "never", "also" may open a claim; "not" opens a clause cut from its subject. */
const skippable = (term: Term, tags: ReadonlySet<string>) =>
  (tags.has('Adverb') || tags.has('Negative')) && !tags.has('Verb') && term.normal !== 'not';

/** A verb that can follow a dropped subject: "is", "can", "went", "checks"; not "check" or "checking". */
function isFinite(term: Term, tags: ReadonlySet<string>): boolean {
  if (tags.has('Gerund') || tags.has('Imperative')) return false;
  if (tags.has('Modal') || tags.has('Auxiliary') || tags.has('Copula') || tags.has('PastTense')) return true;
  const word = term.normal.replace(/[^\p{L}'’-]/gu, '');
  const forms = verbForms(word);
  return forms.present === word || forms.past === word;
}

/**
 * compromise reads a sentence-initial "Tracks money in a spreadsheet." as a noun phrase; with the
 * dropped subject put back ("it tracks money…") it finds the verb.
 */
function droppedSubjectVerb(text: string): boolean {
  const lowered = text.charAt(0).toLowerCase() + text.slice(1);
  const second = termsOf(`It ${lowered}`)[1];
  return second !== undefined && second.tags.has('Verb') && second.tags.has('PresentTense');
}
