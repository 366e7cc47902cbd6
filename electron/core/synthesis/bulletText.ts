// Quote -> bullet text without a language model: the researcher edits the drafts, so the aim
// is a readable, faithful sentence of about 20 words, not a paraphrase.

// Always filler at the start ("Yeah so I…"), or filler only when a comma follows ("Right, I…"
// but not "Right now I…").
const ALWAYS_FILLER = String.raw`(?:yeah|yep|yes|so|well|um+|uh+|erm|oh|okay|ok|honestly|basically|and)\b[,.…!]*\s+`;
const COMMA_FILLER = String.raw`(?:right|like|i mean|you know|i guess)\s*,\s*`;
const LEADING_FILLER = new RegExp(`^(?:${ALWAYS_FILLER}|${COMMA_FILLER})+`, 'i');
const INLINE_FILLER = /,?\s+\b(?:um+|uh+|erm)\b,?(?=\s)|,\s*(?:you know|i mean|like),(?=\s)/gi;
const SENTENCE_END = /(?<=[.!?…])\s+(?=["“'‘(]?[A-Z0-9])/;
const CLAUSE_WORDS = new Set(
  'and but because so which when where while although though or since unless until'.split(' '),
);
const MIN_WORDS_BEFORE_CUT = 6;

export const countWords = (text: string): number => text.split(/\s+/).filter((word) => word.length > 0).length;

/**
 * The quote as a bullet: fillers dropped, whole sentences while they fit in `maxWords`; when
 * that leaves a fragment of under 6 words, the longest sentence instead, cut at its last clause
 * boundary within the limit and marked with "…" if too long.
 */
export function shortenQuote(text: string, maxWords = 20): string {
  const cleaned = text.replace(/\s+/g, ' ').replace(INLINE_FILLER, '').trim().replace(LEADING_FILLER, '').trim();
  if (cleaned.length === 0) return '';
  const sentences = cleaned.split(SENTENCE_END).map((sentence) => sentence.trim());
  // A lone "Oh totally." says nothing; start from the first sentence with some substance.
  const start = Math.max(0, sentences.findIndex((sentence) => countWords(sentence) >= 3));

  let kept = '';
  for (const sentence of sentences.slice(start)) {
    const candidate = kept ? `${kept} ${sentence}` : sentence;
    if (countWords(candidate) > maxWords) break;
    kept = candidate;
  }
  if (countWords(kept) >= MIN_WORDS_BEFORE_CUT) return capitalise(kept);
  // "I started at uni, really." fits, but the next, longer sentence carries the point.
  const longest = sentences
    .slice(start)
    .reduce((best, sentence) => (countWords(sentence) > countWords(best) ? sentence : best), kept);
  return capitalise(countWords(longest) <= maxWords ? longest : cutClause(longest, maxWords));
}

function cutClause(sentence: string, maxWords: number): string {
  const words = sentence.split(' ');
  let cut = maxWords;
  for (let i = maxWords; i >= MIN_WORDS_BEFORE_CUT; i--) {
    const before = words[i - 1]!;
    const next = words[i]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
    if (/[,;:—–]$/.test(before) || CLAUSE_WORDS.has(next) || words[i] === '—' || words[i] === '–') {
      cut = i;
      break;
    }
  }
  return `${words.slice(0, cut).join(' ').replace(/[\s,;:—–-]+$/, '')}…`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
