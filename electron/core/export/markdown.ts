// Persona cards as Markdown: every bullet, every evidence quote, nothing cut for space.
import { definingQuote, deckStudy, evidenceNote, formatResearchDate, MARK_LABELS, plural, resolveSections, type EvidenceQuote } from './evidence';
import type { PersonaCardData } from './types';

/** One line of inline Markdown: whitespace folded, and characters that would turn into markup escaped. */
function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** Escapes what would start a heading, list, quote or rule when the text opens a line. */
function lineStart(text: string): string {
  return text.replace(/^(#{1,6}\s|[-+]\s|>|\d+[.)]\s|={3,}|-{3,})/, (m) => `\\${m}`);
}

function quoteLine(q: EvidenceQuote, indent = ''): string {
  return `${indent}> "${inline(q.text)}" — ${inline(q.participant)}`;
}

export function personaMarkdown(card: PersonaCardData): string {
  const { persona } = card;
  const out: string[] = [`# ${inline(persona.name)}`, ''];
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
  if (persona.summary.trim()) out.push(lineStart(inline(persona.summary)), '');

  for (const section of resolveSections(card)) {
    out.push(`## ${section.title}`, '');
    if (section.bullets.length === 0) out.push('_Nothing recorded yet._', '');
    for (const bullet of section.bullets) {
      out.push(`- ${inline(bullet.text)} _(${evidenceNote(bullet.evidence.length, bullet.lostEvidence, ', ')})_`, '');
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
    ...(study.questions.length ? ['What the research set out to learn:', '', ...study.questions.map((q) => `- ${inline(q)}`), ''] : []),
    ...cards.map((c, i) => `${i + 1}. ${inline(c.persona.name)}${c.persona.mark ? ` (${MARK_LABELS[c.persona.mark]})` : ''}`),
  ].join('\n');
  // Each card is demoted one level so the deck keeps a single top-level title.
  const bodies = cards.map((c) => personaMarkdown(c).replace(/^(#+) /gm, '#$1 ').trimEnd());
  return `${[head, ...bodies].join('\n\n---\n\n')}\n\nExported by Grounded.\n`;
}
