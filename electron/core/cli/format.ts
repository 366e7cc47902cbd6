import type { Persona, StudyInfo, SynthesisResult, Theme } from '../../../shared/domain';
import { BULLET_SECTIONS } from '../../../shared/domain';

export function synthesisJson(themes: Theme[], personas: Persona[]) {
  return {
    themes: themes.map((t) => ({ id: t.id, label: t.label, quoteIds: t.quoteIds })),
    personas: personas.map((p) => ({
      id: p.id,
      name: p.name,
      participants: p.participants.map(({ id, name }) => ({ id, name })),
      definingQuote: p.definingQuote,
      goals: p.goals,
      frustrations: p.frustrations,
      behaviors: p.behaviors,
      context: p.context,
      dayInLife: p.dayInLife,
      decisionFactors: p.decisionFactors,
      success: p.success,
    })),
  };
}

export function formatSynthesis(themes: Theme[], personas: Persona[], run?: SynthesisResult): string {
  const lines: string[] = [];
  lines.push(`Themes (${themes.length})`);
  for (const t of themes) {
    lines.push(`  #${t.id} ${t.label} — ${t.size} quotes, ${t.participantCount} participants`);
    const top = t.topQuotes[0];
    if (top) lines.push(`      "${clip(top.text, 110)}" — ${top.participantName}`);
  }
  lines.push('');
  const scores = run && Object.keys(run.scores).length
    ? ` (silhouette: ${Object.entries(run.scores).map(([k, v]) => `k=${k} ${v.toFixed(3)}`).join(', ')})`
    : '';
  lines.push(`Personas (${personas.length})${scores}`);
  for (const p of personas) {
    lines.push(`  ${p.name} — ${p.participants.map((x) => x.name).join(', ')}`);
    if (p.definingQuote) lines.push(`      "${clip(p.definingQuote.text, 110)}"`);
    for (const s of BULLET_SECTIONS) {
      for (const b of p[s]) lines.push(`      ${s.padEnd(15)} ${clip(b.text, 80)} [${b.evidence.length} quotes]`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function formatInfo(info: StudyInfo): string {
  const c = info.counts;
  return (
    [
      `Study        ${info.name} (${info.path})`,
      `Transcripts  ${c.transcripts}`,
      `Participants ${c.participants}`,
      `Quotes       ${c.quotes}`,
      `Embedded     ${c.embedded}`,
      `Themes       ${c.themes}`,
      `Personas     ${c.personas}`,
      `Research     ${info.researchDate ?? '—'}`,
      ...info.questions.map((q, i) => `${i === 0 ? 'Questions   ' : '            '} ${q}`),
      ...(info.repairs ?? []).map((r, i) => `${i === 0 ? 'Repaired    ' : '            '} ${r}`),
    ].join('\n') + '\n'
  );
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
