// Persona cards as Markdown: every bullet, every evidence quote, nothing cut for space.
import { definingQuote, deckStudy, evidenceNote, formatResearchDate, MARK_LABELS, plural, resolveSections, type EvidenceQuote } from './evidence';
import type { PersonaCardData } from './types';

/**
 * One line of inline Markdown: whitespace folded, and characters that would turn into markup
 * escaped: emphasis, code, links, HTML tags, tables, ~~strikethrough~~, and an entity (`&amp;`,
 * `&#60;`) that a renderer would decode into another character.
 */
function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&');
}

/**
 * Escapes what would open a heading, list, quote, rule or setext underline where the text starts
 * a block (a paragraph, a list item's content, a heading's text): `# x`, `- x`, `+ x`, `1. x`,
 * `1) x`, `===`, `---`. A number's dot is escaped, not the digit (a backslash before a digit is
 * printed as it is).
 */
function lineStart(text: string): string {
  return text
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^([-+])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([=-])(?=\1{2})/, '\\$1');
}

/** Text that starts a block: inline escapes, and no accidental heading, list or rule. */
const block = (text: string): string => lineStart(inline(text));

function quoteLine(q: EvidenceQuote, indent = ''): string {
  return `${indent}> "${inline(q.text)}" — ${inline(q.participant)}`;
}

export function personaMarkdown(card: PersonaCardData): string {
  const { persona } = card;
  const out: string[] = [`# ${block(persona.name)}`, ''];
  const facts = [
    persona.mark ? `**${MARK_LABELS[persona.mark]}**` : null,
    `Study: ${inline(card.studyName)}`,
    `Based on ${plural(card.participantCount, 'participant')}`,
    `Research date: ${formatResearchDate(card.researchDate)}`,
  ].filter((f): f is string => f !== null);
  out.push(facts.join(' · '), '');
  if (persona.participants.length > 0) {
    out.push(`Drawn from interviews with ${persona.participants.map((p) => inline(p.name)).join(', ')}.`, '');
  }
  const defining = definingQuote(card);
  if (defining) out.push(quoteLine(defining), '');
  if (persona.summary.trim()) out.push(block(persona.summary), '');

  for (const section of resolveSections(card)) {
    out.push(`## ${section.title}`, '');
    if (section.bullets.length === 0) out.push('_Nothing recorded yet._', '');
    for (const bullet of section.bullets) {
      out.push(`- ${block(bullet.text)} _(${evidenceNote(bullet.evidence.length, bullet.lostEvidence, ', ')})_`, '');
      // One blockquote per quote, nested in the list item, so each keeps its own line.
      for (const q of bullet.evidence) out.push(quoteLine(q, '  '), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function deckMarkdown(cards: PersonaCardData[]): string {
  const study = deckStudy(cards);
  const head = [
    `# Personas: ${inline(study.studyName)}`,
    '',
    `Research date: ${formatResearchDate(study.researchDate)} · ${plural(study.participantCount, 'participant')} · ${plural(cards.length, 'persona')}`,
    '',
    ...(study.questions.length ? ['What the research set out to learn:', '', ...study.questions.map((q) => `- ${block(q)}`), ''] : []),
    ...cards.map((c, i) => `${i + 1}. ${block(c.persona.name)}${c.persona.mark ? ` (${MARK_LABELS[c.persona.mark]})` : ''}`),
  ].join('\n');
  // Each card is demoted one level so the deck keeps a single top-level title.
  const bodies = cards.map((c) => personaMarkdown(c).replace(/^(#+) /gm, '#$1 ').trimEnd());
  return `${[head, ...bodies].join('\n\n---\n\n')}\n\nExported by Grounded.\n`;
}
