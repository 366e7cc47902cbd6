// What a new synthesis would replace, said before it runs (synthesis:plan): the confirm dialog and
// the CLI show `message`; the run itself carries what it can map (carryOver.ts) and reports the rest.
import { BULLET_SECTIONS, type ResynthesisPlan } from '../../../shared/domain';
import type { Db } from '../db/open';
import { correctedFacets } from '../db/queries/facets';
import { listPersonas, listThemes } from '../db/queries/synthesis';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function synthesisPlan(db: Db): ResynthesisPlan {
  const themes = listThemes(db, 0);
  const personas = listPersonas(db).map((p) => ({
    id: p.id,
    name: p.name,
    edited: p.edited,
    editedBullets: BULLET_SECTIONS.reduce((n, s) => n + p[s].filter((b) => b.edited).length, 0),
  }));
  const curatedThemes = themes.filter((t) => t.curated).map((t) => ({ id: t.id, label: t.label }));
  const hiddenThemes = themes.filter((t) => t.hidden).length;
  const correctedCount = correctedFacets(db).size;
  const hasSynthesis = themes.length > 0 || personas.length > 0;
  if (!hasSynthesis) {
    return { hasSynthesis, personas, curatedThemes, hiddenThemes, correctedFacets: correctedCount, message: 'Nothing to replace: this study has no synthesis yet.' };
  }
  const edited = personas.filter((p) => p.edited);
  const lines = [
    `A new synthesis replaces the ${plural(themes.filter((t) => !t.outlier).length, 'theme')} and ${plural(personas.length, 'persona')} of the current one.`,
  ];
  if (edited.length) {
    lines.push(
      `Your edits to ${plural(edited.length, 'persona')} (${edited.map((p) => `“${p.name}”`).join(', ')}; ${plural(edited.reduce((n, p) => n + p.editedBullets, 0), 'edited bullet')}) are kept as you left them on the new persona sharing most of their participants; a persona whose participants all move to other personas loses its edits, and the result lists it.`,
    );
  } else lines.push('No persona has been edited: the drafts are replaced by new drafts; marks (primary, secondary, anti) follow their participants.');
  if (curatedThemes.length || hiddenThemes) {
    lines.push(
      `${plural(curatedThemes.length, 'renamed, merged or split theme')} and ${plural(hiddenThemes, 'hidden theme')} pass their name and hidden flag to the new theme holding most of their quotes (at least 40%); quotes you moved between themes are regrouped.`,
    );
  }
  if (correctedCount) lines.push(`Your ${plural(correctedCount, 'facet correction')} are kept.`);
  lines.push('Undo history of the current synthesis is cleared. A backup of the study is taken first.');
  return { hasSynthesis, personas, curatedThemes, hiddenThemes, correctedFacets: correctedCount, message: lines.join(' ') };
}
