import { describe, expect, it } from 'vitest';
import { isGoodLabel, labelReasons, nameWords } from '../../../electron/core/synthesis/checks/label';
import { describeTheme, labelThemes, nounPhrases } from '../../../electron/core/synthesis/labels';
import { createRng } from '../../../electron/core/synthesis/random';
import { clusterThemes, relabelThemes } from '../../../electron/core/synthesis/themes';

describe('labelReasons', () => {
  const names = ['DONALD', 'Mel Chua', 'User', 'SPEAKER_00'];

  it('accepts a short key phrase', () => {
    expect(labelReasons('Release notes', names)).toEqual([]);
    expect(labelReasons('Python software foundation', names)).toEqual([]);
  });

  it('rejects names, filler, conversation words and long labels', () => {
    expect(labelReasons('Donald', names)).toContain('names a person ("donald")');
    expect(labelReasons('chua funding', names)).toContain('names a person ("chua")');
    expect(labelReasons('true · agree · sense', names)).toContain('is filler');
    expect(labelReasons('question · answer · ask', names)).toContain('is filler');
    expect(labelReasons('pycon · conference · local', names)).toEqual([]);
    expect(labelReasons('hear · transcript · interesting', names)).toContain('has filler ("transcript")');
    expect(labelReasons('the funding model of small projects', names)[0]).toMatch(/more than 4/);
    expect(labelReasons('', names)).toEqual(['is empty']);
  });

  it('takes no name from generic speaker labels', () => {
    expect([...nameWords(names)].sort()).toEqual(['chua', 'donald', 'mel']);
    expect(isGoodLabel('User research', names)).toBe(true);
  });
});

describe('nounPhrases', () => {
  it('finds singular noun phrases, trims filler and stops at pronouns and names', () => {
    const phrases = nounPhrases("We're still tracking the invoices in spreadsheets, and Zorblat reads our release notes.", new Set(['zorblat']));
    const keys = phrases.map((p) => p.key);
    expect(keys).toContain('invoice');
    expect(keys).toContain('release note');
    expect(keys.some((k) => k.includes('zorblat') || k.includes("we're"))).toBe(false);
  });
});

/**
 * Three planted themes of real sentences; vectors are blobs around one centre per theme, so the
 * clustering is known and only the labelling is on trial. Every quote of theme 0 names its
 * speaker, "Zorblat", a word no tagger knows as a name.
 */
function plantedStudy() {
  const rng = createRng(5);
  const texts = [
    (i: number) => `Zorblat says the invoice backlog grows every month, invoice number ${i} included.`,
    (i: number) => `Our release notes list every breaking change, and release notes ${i} were late.`,
    (i: number) => `The grant funding from the foundation covers server costs for year ${i}.`,
  ];
  const dim = 32;
  const unit = (v: Float32Array) => {
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  const centres = [0, 1, 2].map(() => unit(Float32Array.from({ length: dim }, () => rng.gaussian())));
  return Array.from({ length: 60 }, (_, i) => {
    const theme = i % 3;
    const vector = unit(Float32Array.from({ length: dim }, (_, d) => centres[theme]![d]! + 0.3 * rng.gaussian()));
    return { id: i + 1, text: texts[theme]!(i), vector, theme };
  });
}

describe('theme labels', () => {
  const quotes = plantedStudy();

  it('names what a theme is about, never its speaker', () => {
    const result = clusterThemes({ quotes, seed: 1, k: 3, outliers: false, names: ['ZORBLAT', 'Interviewer'] });
    const themeOf = (id: number) => quotes.find((q) => q.id === id)!.theme;
    const labelOf = (theme: number) => result.themes.find((t) => themeOf(t.quoteIds[0]!) === theme)!.label.toLowerCase();
    expect(labelOf(0)).toMatch(/^invoice (backlog|number)$/);
    expect(labelOf(1)).toMatch(/^(release note|breaking change)$/);
    expect(labelOf(2)).toMatch(/^(funding|foundation|server)$/);
    for (const theme of result.themes) {
      expect(labelReasons(theme.label, ['ZORBLAT'])).toEqual([]);
      expect(theme.keywords.join(' ').toLowerCase()).not.toContain('zorblat');
    }
  });

  it('without the speaker names, a frequent unknown name can take the label (so the names matter)', () => {
    const result = clusterThemes({ quotes, seed: 1, k: 3, outliers: false });
    const all = result.themes.flatMap((t) => [t.label, ...t.keywords]).join(' ').toLowerCase();
    expect(all).toContain('zorblat');
  });

  it('re-ranks candidates by their cosine to the theme centroid when given phrase vectors', () => {
    const result = clusterThemes({ quotes, seed: 1, k: 3, outliers: false, names: ['ZORBLAT'] });
    // A runner-up phrase whose vector is the theme's centroid outranks the most distinctive one.
    const theme = result.themes[0]!;
    const runnerUp = theme.candidates.map((c) => c.phrase).find((p) => p !== theme.label)!;
    expect(runnerUp).toBeDefined();
    const relabelled = relabelThemes(result, quotes, ['ZORBLAT'], new Map([[runnerUp.toLowerCase(), theme.centroid]]));
    expect(relabelled.themes[0]!.label).toBe(runnerUp);
    expect(result.themes[0]!.label).toBe(theme.label); // the input is not changed
    expect(result.themes[0]!.label).not.toBe(runnerUp);
  });

  it('describes a theme by a central quote of 8 to 30 words that names its key phrase', () => {
    const result = clusterThemes({ quotes, seed: 1, k: 3, outliers: false, names: ['ZORBLAT'] });
    for (const theme of result.themes) {
      const words = theme.description.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(8);
      expect(words).toBeLessThanOrEqual(30);
      expect(quotes.some((q) => q.text === theme.description && theme.quoteIds.includes(q.id))).toBe(true);
    }
  });

  it('gives no two themes the same label', () => {
    const labelled = labelThemes(
      [
        { candidates: [{ phrase: 'Invoice', distinct: 1 }, { phrase: 'Receipt', distinct: 0.5 }], centroid: new Float32Array(2), size: 5 },
        { candidates: [{ phrase: 'Invoice', distinct: 1 }, { phrase: 'Payment run', distinct: 0.8 }], centroid: new Float32Array(2), size: 9 },
      ],
    );
    expect(labelled.map((l) => l.label)).toEqual(['Receipt', 'Invoice']);
  });
});

describe('describeTheme', () => {
  it('skips questions, dangling openers and quotes too short or too long', () => {
    const texts = [
      'Yeah.',
      'And then the invoices pile up at the end of every single month.',
      'How do you keep track of all the invoices that come in?',
      'I keep every invoice in one shared spreadsheet that the whole team can edit.',
    ];
    expect(describeTheme(texts, ['invoice'])).toBe(texts[3]);
  });
});
