// A participant's first-person sentence as a persona claim: "I always check the release notes
// first." -> "Always checks the release notes first." compromise finds the subject and the verb
// and conjugates it; the rewrite happens only when it is safe: the sentence opens on "I" and its
// verb, and speaks for no one else ("we", "our" would turn into someone else's claim). Anything
// else returns null and the caller keeps the speaker's own words.

import { expandContractions, termsOf, verbForms, type Term } from './nlpTerms';

/** Pronouns of the speaker in the rest of the sentence, as the persona's. */
const THIRD_PERSON: Record<string, string> = { i: 'they', me: 'them', my: 'their', mine: 'theirs', myself: 'themselves' };
/** After "they" (was "I"), the two verbs whose form differs from the first person's. */
const PLURAL_AGREEMENT: Record<string, string> = { am: 'are', was: 'were' };
/** The speaker talks for a group: the claim is not theirs alone. */
const GROUP_VOICE = new Set(['we', 'us', 'our', 'ours', 'ourselves']);

const skippable = (term: Term) => (term.tags.has('Adverb') || term.tags.has('Negative')) && !term.tags.has('Verb');

/** The verb as the persona's: "check" -> "checks", "am" -> "is", "can" and "started" unchanged. */
function thirdSingular(verb: Term): string | null {
  if (verb.tags.has('Modal') || verb.tags.has('PastTense')) return verb.normal === 'were' ? 'was' : verb.normal;
  return verbForms(verb.normal).present;
}

/** The sentence in the third person without its subject, or null when that is not safe. */
export function toThirdPerson(sentence: string): string | null {
  // Only a sentence that opens on "I" can be rewritten: most are settled before any parsing.
  if (!/^I\b/.test(sentence.trim())) return null;
  const terms = termsOf(expandContractions(sentence.trim()));
  if (terms.length < 2 || terms[0]!.normal !== 'i') return null;
  if (terms.some((term) => GROUP_VOICE.has(term.normal))) return null;
  let verbAt = 1;
  while (verbAt < terms.length && skippable(terms[verbAt]!)) verbAt++;
  const verb = terms[verbAt];
  if (!verb?.tags.has('Verb')) return null;
  const conjugated = thirdSingular(verb);
  if (!conjugated) return null;
  // "I run the code and use examples": which verbs share the subject is beyond a safe rewrite.
  if (conjugated !== verb.normal && coordinatedVerb(terms, verbAt)) return null;

  const words: string[] = [];
  let afterThey = false;
  terms.slice(1).forEach((term, i) => {
    let word = term.text;
    const at = i + 1;
    if (at === verbAt) word = matchCase(term.text, conjugated);
    else if (THIRD_PERSON[term.normal] !== undefined) word = matchCase(term.text, THIRD_PERSON[term.normal]!);
    else if (afterThey && PLURAL_AGREEMENT[term.normal] !== undefined) word = matchCase(term.text, PLURAL_AGREEMENT[term.normal]!);
    if (term.normal === 'i') afterThey = true;
    else if (!skippable(term)) afterThey = false;
    words.push(`${at === 1 ? '' : term.pre}${word}${term.post}`);
  });
  // compromise expands "can't" to "can not"; the one-word spelling reads as the speaker meant it.
  const text = words.join('').trim().replace(/\b([Cc])an not\b/g, '$1annot');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A bare verb joined by "and"/"or"/"but" after the subject's verb: it may share the subject or not. */
function coordinatedVerb(terms: readonly Term[], verbAt: number): boolean {
  for (let i = verbAt + 1; i < terms.length - 1; i++) {
    if (!['and', 'or', 'but'].includes(terms[i]!.normal)) continue;
    let next = i + 1;
    while (next < terms.length && skippable(terms[next]!)) next++;
    const tags = terms[next]?.tags;
    if (tags?.has('Verb') && tags.has('Infinitive') && !tags.has('Gerund')) return true;
  }
  return false;
}

/** `word` in the case of `like`: "I" -> "they" stays lower case, "My" -> "Their". */
function matchCase(like: string, word: string): string {
  return /^\p{Lu}\p{Ll}/u.test(like) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}
