// How long exporting persona cards as PDF takes: n persona files plus the deck (n + 1 pages),
// written by writeExport into a temporary folder, on synthetic cards of realistic size.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bullet, Persona } from '../../shared/domain';
import { writeExport } from '../../electron/core/export/files';
import type { PersonaCardData } from '../../electron/core/export/types';

export interface ExportBench {
  /** Wall time of writeExport(cards, 'pdf'), react-pdf and the fonts already loaded. */
  seconds: number;
  /** seconds / n, in ms: one persona's own PDF plus its page in the deck. */
  perPersonaMs: number;
  /** The process's peak resident memory, in MB. */
  peakMB: number;
  /** CPU time the export used (user + system), in s: steadier than wall time on a busy machine. */
  cpuSeconds: number;
}

const WORDS = (
  'plan week shop list partner kids dinner budget app phone notebook sunday delivery slot recipe ' +
  'ingredient fridge calendar school menu habit share check store order routine leftover time cost'
).split(' ');

/** Deterministic text from a small LCG, so every run benches the same cards. */
function textMaker(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' ');
  return { next, sentence: (min: number, max: number) => words(min + Math.floor(next() * (max - min + 1))) };
}

export function syntheticCards(n: number): PersonaCardData[] {
  const t = textMaker(42);
  const quotesById: PersonaCardData['quotesById'] = new Map();
  let id = 1;
  const quote = () => {
    quotesById.set(id, { text: t.sentence(8, 40), participantName: `P${1 + Math.floor(t.next() * 12)}` });
    return id++;
  };
  const bullets = (): Bullet[] =>
    Array.from({ length: 3 + Math.floor(t.next() * 4) }, () => ({
      text: t.sentence(5, 22),
      evidence: Array.from({ length: 1 + Math.floor(t.next() * 5) }, quote),
    }));
  return Array.from({ length: n }, (_, i): PersonaCardData => {
    const defining = quote();
    const persona: Persona = {
      id: i + 1,
      name: `Persona ${i + 1} the ${t.sentence(1, 2)}`,
      mark: (['primary', 'secondary', 'anti', null] as const)[i % 4]!,
      summary: t.sentence(30, 70),
      participants: Array.from({ length: 3 + (i % 5) }, (_, k) => ({ id: k + 1, name: `P${k + 1}` })),
      definingQuote: { id: defining, text: quotesById.get(defining)!.text },
      goals: bullets(),
      frustrations: bullets(),
      behaviors: bullets(),
      context: bullets(),
      dayInLife: [],
      decisionFactors: i % 2 === 0 ? bullets() : [],
      success: [],
      themeIds: [i],
      edited: false,
      updatedAt: '2025-03-20T10:00:00Z',
    };
    return { persona, studyName: 'Synthetic study', researchDate: '2025-03-12', participantCount: 12, quotesById };
  });
}

export async function benchExport(nPersonas: number): Promise<ExportBench> {
  if (!Number.isInteger(nPersonas) || nPersonas < 1) throw new RangeError(`nPersonas must be a positive integer, got ${nPersonas}`);
  const dir = await mkdtemp(join(tmpdir(), 'grounded-bench-export-'));
  try {
    // Warm-up: loading react-pdf and parsing the fonts is a one-off cost per process.
    await writeExport(syntheticCards(1), 'pdf', join(dir, 'warmup'));
    const cards = syntheticCards(nPersonas);
    const cpu = process.cpuUsage();
    const start = performance.now();
    await writeExport(cards, 'pdf', join(dir, 'out'));
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    return {
      seconds,
      perPersonaMs: (seconds * 1000) / nPersonas,
      peakMB: process.resourceUsage().maxRSS / 1024,
      cpuSeconds: (used.user + used.system) / 1e6,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
