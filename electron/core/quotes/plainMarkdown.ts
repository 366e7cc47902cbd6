// A turn of a Markdown transcript as plain text, for showing it as context (the question a quote
// answers): an interviewer reading out other people's words writes them as a blockquote with
// emphasis and speaker labels ("> _Source(s): Jackie-1_", "> JACKIE: ..."), which read as noise
// when shown raw. Pure: text in, text out.

/** A speaker label at the start of a line: "JACKIE:", "**Sam:**", "__Dr Lee__:"; written in capitals or bold. */
const BOLD_LABEL = /^(?:\*\*|__)([^*_\n]{1,40}?):?(?:\*\*|__):?\s+/;
const CAPS_LABEL = /^([\p{Lu}][\p{Lu}\p{N} .'-]{0,39}):\s+/u;

/**
 * Renders Markdown to plain text: blockquote markers, headings, list markers, rules, emphasis,
 * code marks, links (their text stays) and speaker labels go; paragraphs are kept, separated by
 * a blank line, each on one line, and each speaker's words start one. `speakers` are labels also stripped when written as plain
 * names ("Priya:"); labels in capitals or bold are stripped always.
 */
export function plainMarkdown(markdown: string, speakers: readonly string[] = []): string {
  const known = new Set(speakers.map((s) => s.trim().toLowerCase()));
  const paragraphs: string[][] = [[]];
  for (const raw of markdown.split(/\r?\n/)) {
    let line = raw.replace(/^\s{0,3}(?:>\s?)+/, '');
    if (/^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/.test(line) || !line.trim()) {
      if (paragraphs.at(-1)!.length) paragraphs.push([]);
      continue;
    }
    line = line
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, '')
      .trim();
    const unlabelled = withoutLabel(line, known);
    // Another speaker's words start a paragraph of their own.
    if (unlabelled !== line && paragraphs.at(-1)!.length) paragraphs.push([]);
    line = inline(unlabelled).trim();
    if (line) paragraphs.at(-1)!.push(line);
  }
  return paragraphs
    .filter((p) => p.length)
    .map((p) => p.join(' ').replace(/\s+/g, ' '))
    .join('\n\n');
}

function withoutLabel(line: string, known: ReadonlySet<string>): string {
  const bold = BOLD_LABEL.exec(line);
  if (bold) return line.slice(bold[0].length);
  const caps = CAPS_LABEL.exec(line);
  // At least two letters: "A: ..." in a list of answers is not a speaker.
  if (caps && /\p{L}.*\p{L}/u.test(caps[1]!)) return line.slice(caps[0].length);
  const named = /^([^:\n]{1,40}):\s+/.exec(line);
  if (named && known.has(named[1]!.trim().toLowerCase())) return line.slice(named[0].length);
  return line;
}

/** Inline Markdown to its text. */
function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^)\s]+)(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}
