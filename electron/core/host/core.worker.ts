// Worker entry: the core runs here so the Electron main thread only relays messages.
import { parentPort, workerData } from 'node:worker_threads';
import { channels, runHandler } from '../../../shared/ipc/contract';
import { installNetworkGuard } from '../networkGuard';
import { Core } from '../service';
import type { FromWorker, ToWorker } from './protocol';

if (!parentPort) throw new Error('core.worker must run in a worker thread');
installNetworkGuard();
const port = parentPort;
const { settingsDir, modelsDir } = workerData as { settingsDir: string; modelsDir?: string };
const core = new Core({ settingsDir, modelsDir, autoBackups: true });
const handlers = core.handlers();
const send = (m: FromWorker) => port.postMessage(m);

for (const event of ['jobs:progress', 'jobs:finished', 'study:changed'] as const) {
  core.on(event, (payload) => send({ type: 'event', event, payload }));
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'ping') {
    send({ type: 'pong', id: msg.id });
    return;
  }
  if (msg.type === 'close') {
    void core.close().finally(() => send({ type: 'closed', id: msg.id }));
    return;
  }
  if (!channels.includes(msg.channel)) {
    send({ type: 'result', id: msg.id, result: { ok: false, error: { code: 'unknown_channel', message: msg.channel } } });
    return;
  }
  void runHandler(handlers, msg.channel, msg.input).then((result) => send({ type: 'result', id: msg.id, result }));
});
