// Worker entry (out/main/prepare.worker.js): reads and prepares transcripts for an import job, so
// parsing and quote extraction run beside the job's database writes. Pure work: no database.
import { parentPort } from 'node:worker_threads';
import { installNetworkGuard } from '../networkGuard';
import { prepareTranscript } from './prepare';
import type { PrepareReady, PrepareReply, PrepareRequest } from './preparePool';
import { readSource } from './readSource';

if (!parentPort) throw new Error('prepare.worker must run in a worker thread');
installNetworkGuard();
const port = parentPort;

port.on('message', (m: PrepareRequest) => {
  void (async () => {
    const source = await readSource(m.path);
    const prepared = 'bytes' in source ? await prepareTranscript(source, m.choices) : ({ ok: false, result: source } as const);
    port.postMessage({ id: m.id, prepared } satisfies PrepareReply);
  })();
});
// Told apart from a reply: a worker that dies before this could not start, and blames no file.
port.postMessage({ ready: true } satisfies PrepareReady);
