// A draft persona's name: 2 to 4 words from what sets the group apart, its most distinctive
// theme's key phrase and, when the participants say what they are ("I'm a maintainer", "as a
// scientist, I…"), that role: "Release process maintainer". Never a participant's name, never
// a single keyword, unique among the study's personas. The researcher renames it.

import nlp from 'compromise';
import { isFillerWord, nameWords } from './checks/label';
import { termsOf } from './nlpTerms';

export const NAME_RULES = { minWords: 2, maxWords: 4 } as const;

export interface NamingInput {
  /** Per persona: labels and keywords of its distinctive themes, most distinctive first. */
  themes: readonly { label: string; keywords: readonly string[] }[][];
  /** Per persona: its participants' quote texts by participant id. */
  quotesByParticipant: readonly ReadonlyMap<number, readonly string[]>[];
  /** Every participant's name: no persona is named after one. */
  participantNames: readonly string[];
}

/** A sentence in which the speaker may say what they are; cheap to test before parsing. */
const SELF_DESCRIPTION = /\b(?:i am|i['’]m|i['’]ve been|i have been|i was|i work as|as)\s+an?\s/i;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

export function namePersonas(input: NamingInput): string[] {
  const banned = nameWords(input.participantNames);
  const roles = input.quotesByParticipant.map((byParticipant) => roleCounts(byParticipant, banned));
  const sizes = input.quotesByParticipant.map((byParticipant) => Math.max(1, byParticipant.size));
  const used = new Set<string>();
  return input.themes.map((themes, p) => {
    const role = distinctiveRole(p, roles, sizes);
    const phrases = themes.map((theme) => keyPhrase(theme, banned)).filter((phrase): phrase is string => phrase !== null);
    for (const name of nameOptions(phrases, role)) {
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase());
        return name;
      }
    }
    // Two personas alike in every option: the letter tells them apart.
    const fallback = `${nameOptions(phrases, role)[0] ?? 'Persona'} ${String.fromCharCode(65 + (p % 26))}`;
    used.add(fallback.toLowerCase());
    return fallback;
  });
}

/** Names from the best phrase and role down: "Funding maintainer", "Funding and burnout", "Focused on funding". */
function nameOptions(phrases: readonly string[], role: string | null): string[] {
  const out: string[] = [];
  const words = (text: string) => text.split(/\s+/).length;
  for (const phrase of phrases) {
    if (role && words(phrase) < NAME_RULES.maxWords && !phrase.toLowerCase().split(/\s+/).includes(role)) out.push(`${phrase} ${role}`);
    if (words(phrase) >= NAME_RULES.minWords) out.push(phrase);
  }
  for (let i = 0; i + 1 < phrases.length; i++) {
    const pair = `${phrases[i]} and ${phrases[i + 1]}`;
    if (words(pair) <= NAME_RULES.maxWords) out.push(pair);
  }
  for (const phrase of phrases) if (words(phrase) <= 2) out.push(`Focused on ${phrase}`);
  if (role) out.push(`Typical ${role}`);
  return out.map(sentenceCase);
}

/** "PyPI and Software" -> "PyPI and software": capitalised words that are not names or acronyms lose the capital after the first. */
function sentenceCase(name: string): string {
  const words = name.split(' ').map((word, i) => (i > 0 && /^\p{Lu}\p{Ll}+$/u.test(word) && !isProperNoun(word) ? word.toLowerCase() : word));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isProperNoun(word: string): boolean {
  const tags = termsOf(word)[0]?.tags;
  return tags !== undefined && (tags.has('ProperNoun') || tags.has('Place') || tags.has('Organization'));
}

/**
 * The theme's key phrase without names or filler: its label when that is a phrase of up to 3
 * words, else its first keyword that is neither (keyword labels join terms with " · ").
 */
function keyPhrase(theme: { label: string; keywords: readonly string[] }, banned: ReadonlySet<string>): string | null {
  const clean = (text: string) => {
    const words = text.toLowerCase().match(WORD) ?? [];
    return words.length > 0 && words.every((word) => !banned.has(word)) && !words.every(isFillerWord);
  };
  const label = theme.label.trim();
  if (!label.includes('·') && label.split(/\s+/).length <= NAME_RULES.maxWords - 1 && clean(label)) return label;
  return [...label.split('·').map((part) => part.trim()), ...theme.keywords].find((word) => word.length > 0 && clean(word)) ?? null;
}

/** Per role word: how many of the persona's participants describe themselves with it. */
function roleCounts(byParticipant: ReadonlyMap<number, readonly string[]>, banned: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const texts of byParticipant.values()) {
    const roles = new Set<string>();
    for (const text of texts) {
      if (!SELF_DESCRIPTION.test(text)) continue;
      for (const role of selfDescriptions(text)) if (!banned.has(role) && !isFillerWord(role)) roles.add(role);
    }
    for (const role of roles) counts.set(role, (counts.get(role) ?? 0) + 1);
  }
  return counts;
}

/**
 * Role nouns in "I'm a maintainer", "I work as a software engineer", "As a scientist, I…": the
 * head noun after the article, singular. A role that compromise does not know as a person's
 * (#Actor: "result" in "as a result") counts only where the speaker says "I am"/"I work as".
 */
function selfDescriptions(text: string): string[] {
  const out: string[] = [];
  const terms = termsOf(text);
  terms.forEach((term, i) => {
    if (!/^an?$/.test(term.normal) || i === 0) return;
    const before = terms[i - 1]!.normal;
    const subjectBefore = terms[i - 2]?.normal === 'i' || terms[i - 3]?.normal === 'i';
    let j = i + 1;
    while (terms[j]?.tags.has('Adjective') && !terms[j]!.post.includes(',')) j++;
    let head = -1;
    while (terms[j]?.tags.has('Noun') && !terms[j]!.tags.has('Pronoun') && !terms[j]!.tags.has('Person')) {
      head = j;
      if (/[,.;:!?]/.test(terms[j]!.post)) break;
      j++;
    }
    if (head < 0) return;
    const noun = terms[head]!;
    const stated = subjectBefore && /^(am|be|been|was|as)$/.test(before);
    const asI = before === 'as' && (terms[head + 1]?.normal === 'i' || terms[head + 1]?.normal === 'we');
    if (stated || (asI && noun.tags.has('Actor'))) out.push(singular(noun.normal));
  });
  return out;
}

function singular(noun: string): string {
  const text = nlp(noun).nouns().toSingular().text().toLowerCase();
  return text.length > 0 ? text : noun;
}

/** The role this persona's participants claim more often, in share, than the others'. */
function distinctiveRole(p: number, roles: readonly Map<string, number>[], sizes: readonly number[]): string | null {
  let best: { role: string; lead: number; count: number } | null = null;
  const otherSize = sizes.reduce((sum, size, q) => (q === p ? sum : sum + size), 0);
  for (const [role, count] of roles[p]!) {
    const elsewhere = roles.reduce((sum, counts, q) => (q === p ? sum : sum + (counts.get(role) ?? 0)), 0);
    const lead = count / sizes[p]! - (otherSize > 0 ? elsewhere / otherSize : 0);
    if (lead <= 0) continue;
    if (!best || lead > best.lead || (lead === best.lead && (count > best.count || (count === best.count && role < best.role)))) {
      best = { role, lead, count };
    }
  }
  return best?.role ?? null;
}
