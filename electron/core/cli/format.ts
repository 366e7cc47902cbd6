import type { Persona, StudyInfo, SynthesisResult, Theme, TranscriptSummary } from '../../../shared/domain';
import { BULLET_SECTIONS } from '../../../shared/domain';
import type { ExportPreview } from '../../../shared/pseudonym';

/**
 * The `synthesize --json` object. Each persona participant lists the file names of their
 * transcripts, so anyone can check the grouping against groups they know (a folder, a file list).
 */
export function synthesisJson(themes: Theme[], personas: Persona[], transcripts: readonly TranscriptSummary[]) {
  // Participant names are unique in a study (participantKey), so a name finds its transcripts.
  const filesOf = new Map<string, string[]>();
  for (const t of transcripts) {
    for (const name of new Set(t.participants)) filesOf.set(name, [...(filesOf.get(name) ?? []), t.fileName]);
  }
  return {
    themes: themes.map((t) => ({ id: t.id, label: t.label, description: t.description, quoteIds: t.quoteIds })),
    personas: personas.map((p) => ({
      id: p.id,
      name: p.name,
      participants: p.participants.map(({ id, name }) => ({ id, name, transcripts: filesOf.get(name) ?? [] })),
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
    lines.push(`  #${t.id} ${escapeControls(t.label)} — ${t.size} quotes, ${t.participantCount} participants`);
    const top = t.topQuotes[0];
    if (top) lines.push(`      "${clip(top.text, 110)}" — ${escapeControls(top.participantName)}`);
  }
  lines.push('');
  const scores = run && Object.keys(run.scores).length
    ? ` (silhouette: ${Object.entries(run.scores).map(([k, v]) => `k=${k} ${v.toFixed(3)}`).join(', ')})`
    : '';
  lines.push(`Personas (${personas.length})${scores}`);
  for (const p of personas) {
    lines.push(`  ${escapeControls(p.name)} — ${p.participants.map((x) => escapeControls(x.name)).join(', ')}`);
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
      `Study        ${escapeControls(info.name)} (${escapeControls(info.path)})`,
      `Transcripts  ${c.transcripts}`,
      `Participants ${c.participants}`,
      `Quotes       ${c.quotes}`,
      `Embedded     ${c.embedded}`,
      `Themes       ${c.themes}`,
      `Personas     ${c.personas}`,
      `Research     ${info.researchDate ?? '—'}`,
      ...info.questions.map((q, i) => `${i === 0 ? 'Questions   ' : '            '} ${escapeControls(q)}`),
      ...(info.repairs ?? []).map((r, i) => `${i === 0 ? 'Repairs     ' : '            '} ${r}`),
    ].join('\n') + '\n'
  );
}

/**
 * Text from a file (its name, a speaker) made safe for one line of output: a newline, tab or
 * other control character in a file name would forge lines or fields (`ok\t...`), an escape
 * sequence would drive the terminal, a bidi override would reorder what is shown. Each is written
 * as an escape instead: `\n`, `\t`, `\u{1b}`.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\u{${c.codePointAt(0)!.toString(16)}}`;
  });
}

/** Shortened for one line of output, and escaped: study text is in the words of others. */
function clip(text: string, n: number): string {
  const s = escapeControls(text);
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** A pseudonymised export's preview: who becomes which label, then one tab-separated line per replacement. */
export function formatPreview(preview: ExportPreview): string {
  // Each field is escaped on its own: the tabs between them are the only ones printed.
  const row = (fields: string[]) => `${fields.map(escapeControls).join('\t')}\n`;
  return [
    ...preview.participants.map((p) => row([`${p.name} -> ${p.label} (${p.source})`])),
    '\n',
    row(['kind', 'original', 'replacement', 'count']),
    ...preview.replacements.map((r) => row([r.kind, r.original, r.replacement, String(r.count)])),
  ].join('');
}
