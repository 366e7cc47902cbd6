// The words the researcher sees for "what was this file": the tool that made it, read from how
// its speaker labels are written (see LabelStyle), and the container around it.
import type { TextTraits } from './plainText';

/** A short name for the tool behind a text transcript, or null for a hand-typed "Name: text". */
function textSource(traits: TextTraits, inWord: boolean): string | null {
  if (traits.meet) return 'Google Meet';
  switch (traits.style) {
    case 'name-clock':
      return traits.otter || !inWord ? 'Otter' : 'Teams';
    case 'rev':
      return 'Rev';
    case 'bracket-clock':
      return 'Zoom captions';
    case 'stamped':
      return traits.bold ? 'Descript/Sonix' : 'timestamped';
    case 'colon-stamp':
      return 'timestamped';
    default:
      return traits.otter ? 'Otter' : null;
  }
}

export function describeText(traits: TextTraits, markdown: boolean, inWord: boolean): string {
  const source = textSource(traits, inWord);
  if (inWord) return `Word document (${source ?? 'Name: text'})`;
  switch (source) {
    case 'Google Meet':
      return 'Google Meet transcript';
    case 'Otter':
      return 'Otter text export';
    case 'Rev':
      return 'Rev transcript';
    case 'Zoom captions':
      return 'Zoom saved captions';
    case 'Descript/Sonix':
      return `Descript/Sonix transcript${markdown ? ' (Markdown)' : ''}`;
    case 'timestamped':
      return `Timestamped ${markdown ? 'Markdown' : 'text'} (${traits.style === 'colon-stamp' ? 'Name: [hh:mm:ss] text' : '[hh:mm:ss] Name: text'})`;
    default:
      return `${markdown ? 'Markdown' : 'Plain text'} (${traits.style === 'bracket' ? '[Name] text' : 'Name: text'})`;
  }
}
