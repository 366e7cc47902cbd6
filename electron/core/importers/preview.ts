// What the researcher checks before importing: the detected source, and per speaker how much
// they said, a sample, the role Grounded proposes, whether the label is generic (a different
// person in each file) and whether it is read as another label of the same speaker. Same rules as
// the import itself: roles are proposed over the turns with the aliases applied.
import type { SpeakerPreview, TranscriptFormat } from '../../../shared/domain';
import { proposeRoles } from '../ingest/roles';
import { proposeAliases, withAliases } from './aliases';
import { detectInterviewer } from './interviewer';
import { isGenericLabel } from './speakerKinds';
import type { ParsedTranscript } from './types';

/** Characters of the sample: a first sentence or two, enough to recognise who it is. */
const SAMPLE_CHARS = 160;

export type { SpeakerPreview } from '../../../shared/domain';

export interface TranscriptPreview {
  format: TranscriptFormat;
  detected: string;
  speakers: SpeakerPreview[];
  textLabels: string[];
}

/** Speakers in order of first appearance; roles as the import would propose them (roleOf). */
export function previewTranscript(parsed: ParsedTranscript): TranscriptPreview {
  const aliases = proposeAliases(parsed.turns);
  const merged = withAliases(parsed.turns, aliases);
  const roles = proposeRoles(merged, detectInterviewer(merged));
  const aliasOf = new Map(aliases.map((a) => [a.label, a]));
  const bySpeaker = new Map<string, { turns: number; words: number; longest: string }>();
  for (const t of parsed.turns) {
    const s = bySpeaker.get(t.speaker) ?? { turns: 0, words: 0, longest: '' };
    s.turns++;
    s.words += t.text.split(/\s+/).filter(Boolean).length; // counted as roleOf counts them
    if (t.text.length > s.longest.length) s.longest = t.text;
    bySpeaker.set(t.speaker, s);
  }
  const speakers = [...bySpeaker].map(([name, s]): SpeakerPreview => {
    const alias = aliasOf.get(name);
    const as = alias?.into ?? name;
    return {
      name,
      turns: s.turns,
      words: s.words,
      sample: sampleOf(s.longest),
      proposedRole: roles.get(as) ?? 'participant',
      generic: isGenericLabel(as),
      alias: alias ? { into: alias.into, reason: alias.reason } : null,
    };
  });
  return { format: parsed.format, detected: parsed.detected, speakers, textLabels: parsed.textLabels };
}

/** The start of a turn, cut at a word boundary. */
function sampleOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SAMPLE_CHARS) return flat;
  const cut = flat.lastIndexOf(' ', SAMPLE_CHARS);
  return `${flat.slice(0, cut > 40 ? cut : SAMPLE_CHARS)}…`;
}
