// Data for the theme benches: a folder of interviews turned into quotes the way the app does it
// (parse, find the interviewer, extract quotes), each with its participant, interview and the
// interviewer's question it answers; and the labelled intent sets of clusterEval. Vectors come
// from Grounded's embedder, cached as raw float32 in the temp folder by a hash of the texts.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { detectInterviewer, parseTranscript } from '../../electron/core/importers/parse';
import { extractQuotes } from '../../electron/core/quotes/extract';
import { readColumns } from './delimited';

const DIM = 384;

export interface InterviewQuote {
  id: number;
  text: string;
  /** Interview (file) index. */
  interview: number;
  participant: string;
  /** The interviewer's turn just before, when it asks something. */
  question: string | null;
}

export interface InterviewSet {
  name: string;
  files: string[];
  quotes: InterviewQuote[];
  /** Every speaker label seen in the set (participants and interviewers). */
  speakerNames: string[];
  /** Known group per interview, from the sub-folder name; null when the set has none. */
  groups: (string | null)[];
}

function listFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (/\.(txt|md|vtt|srt|docx)$/i.test(entry) && !entry.startsWith('_')) out.push(path);
  }
  return out;
}

/**
 * Generic labels (`User`, `Speaker 1`) are a different person in every file; a bench of 250
 * `User` interviews names each participant after its file so they stay apart.
 */
const GENERIC = /^(user|speaker\s*\w*|interviewee|participant|respondent|guest|unknown|speaker_\d+)$/i;

export function loadInterviewSet(folder: string): InterviewSet {
  const files = listFiles(folder);
  const quotes: InterviewQuote[] = [];
  const speakerNames = new Set<string>();
  const groups: (string | null)[] = [];
  files.forEach((file, interview) => {
    const parsed = parseTranscript(basename(file), readFileSync(file));
    const interviewer = detectInterviewer(parsed.turns);
    // A second interviewer label in the same file ("Assistant:" then "AI:") asks questions too.
    const asks = (speaker: string) => speaker === interviewer || /^(ai|assistant|interviewer)$/i.test(speaker);
    for (const turn of parsed.turns) speakerNames.add(turn.speaker);
    const rel = relative(folder, file);
    groups.push(rel.includes('/') ? rel.split('/')[0]! : null);
    for (const q of extractQuotes(parsed.turns, (speaker) => !asks(speaker))) {
      const turn = parsed.turns[q.turnIndex]!;
      const previous = parsed.turns[q.turnIndex - 1];
      quotes.push({
        id: quotes.length + 1,
        text: q.text,
        interview,
        participant: GENERIC.test(turn.speaker) ? `${turn.speaker}@${basename(file)}` : turn.speaker.toLowerCase(),
        question: previous && asks(previous.speaker) && previous.text.includes('?') ? previous.text : null,
      });
    }
  });
  return { name: basename(folder), files, quotes, speakerNames: [...speakerNames], groups };
}

export interface LabelledSet {
  name: string;
  texts: string[];
  /** Gold intent names, one per text. */
  gold: string[];
}

export function loadBanking77(path: string): LabelledSet {
  const { texts, labels } = readColumns(readFileSync(path, 'utf8'), 'text', 'category', ',');
  return { name: 'banking77/test', texts, gold: labels };
}

export function loadClinc150(path: string, split = 'test'): LabelledSet {
  const rows = (JSON.parse(readFileSync(path, 'utf8')) as Record<string, [string, string][]>)[split]!;
  return { name: `clinc150:${split}`, texts: rows.map((r) => r[0]), gold: rows.map((r) => r[1]) };
}

/** Embeds texts once; later runs read the cached vectors. */
export async function embedCached(texts: readonly string[]): Promise<Float32Array[]> {
  const { ONNX_FILE } = await import('../../electron/core/embeddings/model');
  const dir = join(tmpdir(), 'grounded-bench-vectors');
  mkdirSync(dir, { recursive: true });
  const key = createHash('sha256').update(JSON.stringify(texts)).digest('hex').slice(0, 24);
  const file = join(dir, `texts-${key}-${ONNX_FILE.sha256.slice(0, 8)}.f32`);
  let all: Float32Array;
  if (existsSync(file) && statSync(file).size === texts.length * DIM * 4) {
    const bytes = readFileSync(file);
    all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  } else {
    const { createEmbedder } = await import('../../electron/core/embeddings/embedder');
    const embedder = await createEmbedder();
    all = new Float32Array(texts.length * DIM);
    try {
      for (let i = 0; i < texts.length; i += 512) {
        const vectors = await embedder.embed(texts.slice(i, i + 512) as string[]);
        vectors.forEach((v, j) => all.set(v, (i + j) * DIM));
        if (texts.length > 2000) console.error(`embedded ${Math.min(i + 512, texts.length)}/${texts.length}`);
      }
    } finally {
      await embedder.dispose();
    }
    writeFileSync(`${file}.part`, Buffer.from(all.buffer));
    renameSync(`${file}.part`, file);
  }
  return Array.from({ length: texts.length }, (_, i) => all.slice(i * DIM, (i + 1) * DIM));
}
