// A throwaway in-memory CoreHost for developing the UI before the real core was wired in.
// It answers every core channel with plausible data and emits the same events; nothing here is
// meant to match the real synthesis, only the contract.
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Bullet, ImportFileResult, Persona, Quote, Theme, TranscriptDetail, Turn } from '../../shared/domain';
import { IpcFailure, runHandler, type CoreChannel, type EventName, type Events, type Handlers } from '../../shared/ipc/contract';
import type { CoreHost } from '../../electron/core/host/types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function parseTurns(text: string): Turn[] {
  const turns: Turn[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(?:\[(\d+):(\d+)\]\s*)?([A-Z][\w .'-]{0,40}):\s+(.+)$/.exec(line.trim());
    if (!m) continue;
    const startMs = m[1] ? (Number(m[1]) * 60 + Number(m[2])) * 1000 : null;
    turns.push({ id: 0, index: turns.length, speaker: m[3]!, role: 'participant', text: m[4]!, startMs });
  }
  return turns;
}

export function createFakeCore(opts: { synthDelayMs?: number } = {}): CoreHost {
  const emitter = new EventEmitter();
  const emit = <E extends EventName>(event: E, payload: Events[E]) => emitter.emit(event, payload);
  let study: { path: string; name: string; createdAt: string } | null = null;
  let transcripts: TranscriptDetail[] = [];
  let quotes: Quote[] = [];
  let themes: Theme[] = [];
  let personas: Persona[] = [];
  const recent: string[] = [];
  let nextId = 1;
  let jobSeq = 0;
  const cancelled = new Set<string>();

  const requireStudy = () => {
    if (!study) throw new IpcFailure('no_study', 'No study is open');
    return study;
  };

  const rebuildQuotes = () => {
    quotes = [];
    for (const t of transcripts) {
      for (const turn of t.turns) {
        turn.role = turn.speaker === t.interviewer ? 'interviewer' : 'participant';
        if (turn.role === 'participant' && turn.text.split(/\s+/).length >= 6) {
          quotes.push({ id: turn.id, text: turn.text, participantId: 1 + t.participants.indexOf(turn.speaker), participantName: turn.speaker, transcriptId: t.id, turnId: turn.id });
        }
      }
      t.participants = t.speakers.filter((s) => s.name !== t.interviewer).map((s) => s.name);
      t.quoteCount = quotes.filter((q) => q.transcriptId === t.id).length;
    }
  };

  const addTranscript = (name: string, sourcePath: string, text: string): ImportFileResult => {
    if (transcripts.some((t) => t.fileName === name)) return { path: sourcePath, status: 'skipped', message: 'Already imported' };
    const turns = parseTurns(text).map((t) => ({ ...t, id: nextId++ }));
    if (turns.length === 0) return { path: sourcePath, status: 'error', message: 'No speaker turns found' };
    const names = [...new Set(turns.map((t) => t.speaker))];
    const interviewer = names[0] ?? null;
    const speakers = names.map((n) => ({ name: n, role: n === interviewer ? ('interviewer' as const) : ('participant' as const), turnCount: turns.filter((t) => t.speaker === n).length }));
    const format = name.endsWith('.vtt') ? 'webvtt' : name.endsWith('.md') ? 'markdown' : 'text';
    const id = nextId++;
    transcripts.push({ id, fileName: name, sourcePath, format, importedAt: new Date().toISOString(), interviewDate: '2025-03-12', turnCount: turns.length, interviewer, participants: [], quoteCount: 0, turns, speakers });
    rebuildQuotes();
    return { path: sourcePath, status: 'ok', message: `${turns.length} turns`, transcriptId: id };
  };

  const runJob = (kind: 'import' | 'synthesize' | 'export', work: (jobId: string) => Promise<Record<string, unknown>>) => {
    const jobId = `job-${++jobSeq}`;
    setTimeout(() => {
      work(jobId).then(
        (result) => {
          const status = cancelled.has(jobId) ? 'cancelled' : 'completed';
          emit('jobs:finished', { jobId, kind, status, result });
          emit('study:changed', { reason: `${kind} ${status}` });
        },
        (err: Error) => emit('jobs:finished', { jobId, kind, status: 'failed', error: { code: 'failed', message: err.message } }),
      );
    }, 20);
    return { jobId };
  };

  const synthesize = async (jobId: string, count: number) => {
    const steps = ['Embedding quotes', 'Clustering', 'Labelling themes', 'Drafting personas'];
    for (const [i, message] of steps.entries()) {
      if (cancelled.has(jobId)) return {};
      emit('jobs:progress', { jobId, kind: 'synthesize', done: i, total: steps.length, message });
      await sleep(opts.synthDelayMs ?? 150);
    }
    if (quotes.length < 4) throw new Error('Need at least 4 quotes to synthesize');
    const labels = ['Trust in automation', 'Time pressure', 'Sharing with the team', 'Learning the tool', 'Cost control'];
    const k = Math.min(labels.length, Math.max(2, Math.ceil(quotes.length / 4)));
    themes = labels.slice(0, k).map((label, i) => {
      const members = quotes.filter((_, j) => j % k === i);
      return { id: 100 + i, label, keywords: label.toLowerCase().split(' ').filter((w) => w.length > 3), size: members.length, quoteIds: members.map((q) => q.id), topQuotes: members.slice(0, 3), participantCount: new Set(members.map((q) => q.participantName)).size };
    });
    const names = ['Careful Carla', 'Busy Ben', 'Sceptical Sam', 'Curious Kim'];
    personas = names.slice(0, count).map((name, i) => {
      const cite = (n: number): Bullet => ({ text: `${themes[(i + n) % themes.length]!.label} matters a lot to this group.`, evidence: themes[(i + n) % themes.length]!.quoteIds.slice(0, 2 + n) });
      const q = quotes[i % quotes.length]!;
      return { id: i + 1, name, mark: i === 0 ? 'primary' : i === count - 1 ? 'anti' : 'secondary', summary: `${name.split(' ')[1]} wants to get research done without losing the nuance of what people said.`, participants: [...new Map(quotes.filter((_, j) => j % count === i).map((x) => [x.participantId, { id: x.participantId, name: x.participantName }])).values()], definingQuote: { id: q.id, text: q.text }, goals: [cite(0), cite(1)], frustrations: [cite(1)], behaviors: [cite(2), cite(0)], context: [cite(3)], themeIds: themes.map((t) => t.id), edited: false, updatedAt: new Date().toISOString() };
    });
    return { synthesis: { themes: themes.length, personas: personas.length, embedded: quotes.length, chosenK: count, scores: {} } };
  };

  const handlers: Handlers<CoreChannel> = {
    'app:status': () => ({ model: { available: false, modelId: 'Xenova/all-MiniLM-L6-v2', reason: 'Model files are missing: run `npm run provision-model`.' }, version: '0.1.0-fake' }),
    'study:create': ({ path }) => {
      study = { path, name: basename(path).replace(/\.grounded$/, ''), createdAt: new Date().toISOString() };
      transcripts = [];
      quotes = [];
      themes = [];
      personas = [];
      if (!recent.includes(path)) recent.unshift(path);
      return handlers['study:info']({}) as never;
    },
    'study:open': ({ path }) => {
      if (!recent.includes(path)) throw new IpcFailure('not_found', `${path}: no such study`);
      study = { path, name: basename(path).replace(/\.grounded$/, ''), createdAt: new Date().toISOString() };
      return handlers['study:info']({}) as never;
    },
    'study:close': () => ((study = null), null),
    'study:info': () =>
      study && {
        ...study,
        counts: { transcripts: transcripts.length, participants: new Set(quotes.map((q) => q.participantName)).size, quotes: quotes.length, embedded: 0, themes: themes.length, personas: personas.length },
        researchDate: transcripts.length ? '2025-03-12' : null,
      },
    'study:recent': () => recent,
    'transcripts:list': () => (requireStudy(), transcripts.map(({ turns: _t, speakers: _s, ...rest }) => rest)),
    'transcripts:get': ({ id }) => transcripts.find((t) => t.id === id) ?? (() => { throw new IpcFailure('not_found', 'No transcript'); })(),
    'transcripts:setInterviewer': ({ id, speaker }) => {
      const t = transcripts.find((x) => x.id === id)!;
      t.interviewer = speaker;
      t.speakers = t.speakers.map((s) => ({ ...s, role: s.name === speaker ? 'interviewer' : 'participant' }));
      rebuildQuotes();
      emit('study:changed', { reason: 'interviewer changed' });
      return t;
    },
    'transcripts:delete': ({ id }) => ((transcripts = transcripts.filter((t) => t.id !== id)), rebuildQuotes(), null),
    'participants:list': () => [],
    'quotes:list': ({ ids }) => (ids ? quotes.filter((q) => ids.includes(q.id)) : quotes),
    'themes:list': () => themes,
    'personas:list': () => personas,
    'personas:update': ({ id, patch }) => {
      const i = personas.findIndex((p) => p.id === id);
      const prev = personas[i]!;
      const { definingQuoteId, ...rest } = patch;
      const dq = definingQuoteId === undefined ? prev.definingQuote : definingQuoteId === null ? null : { id: definingQuoteId, text: quotes.find((q) => q.id === definingQuoteId)?.text ?? '' };
      personas[i] = { ...prev, ...rest, definingQuote: dq, edited: true, updatedAt: new Date().toISOString() };
      emit('study:changed', { reason: 'persona edited' });
      return personas[i]!;
    },
    'jobs:start': (spec) => {
      requireStudy();
      switch (spec.kind) {
        case 'import':
          return runJob('import', async (jobId) => ({
            imports: spec.paths.map((p, i) => {
              emit('jobs:progress', { jobId, kind: 'import', done: i, total: spec.paths.length, message: basename(p) });
              try {
                return addTranscript(basename(p), p, readFileSync(p, 'utf8'));
              } catch (err) {
                return { path: p, status: 'error' as const, message: (err as Error).message };
              }
            }),
          }));
        case 'importContent':
          return runJob('import', async () => ({ imports: spec.files.map((f) => addTranscript(f.name, f.name, Buffer.from(f.dataBase64, 'base64').toString('utf8'))) }));
        case 'synthesize':
          return runJob('synthesize', (jobId) => synthesize(jobId, spec.personas === 'auto' ? 3 : spec.personas));
        case 'export':
          return runJob('export', async () => {
            mkdirSync(spec.outDir, { recursive: true });
            const files = personas.map((p) => join(spec.outDir, `${p.name.replace(/\s+/g, '-').toLowerCase()}.${spec.format}`));
            files.forEach((f, i) => writeFileSync(f, JSON.stringify(personas[i])));
            return { export: { files } };
          });
      }
    },
    'jobs:cancel': ({ jobId }) => (cancelled.add(jobId), null),
  };

  return {
    invoke: (channel, input) => runHandler(handlers, channel, input),
    on: (event, listener) => {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    close: async () => {},
  };
}
