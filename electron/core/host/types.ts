import type { Channel, CoreChannel, EventName, Events, InputOf, IpcResult, OutputOf } from '../../../shared/ipc/contract';

/** What every face (Electron main, CLI, harness) talks to: the core, in-process or in a worker. */
export interface CoreHost {
  invoke<C extends CoreChannel>(channel: C, input: InputOf<C>): Promise<IpcResult<OutputOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  close(): Promise<void>;
}

export type { Channel };
