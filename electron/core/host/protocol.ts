import type { CoreChannel, EventName, IpcResult } from '../../../shared/ipc/contract';

/** Messages between a CoreHost in the parent thread and the core worker. */
export type ToWorker =
  | { type: 'invoke'; id: number; channel: CoreChannel; input: unknown }
  | { type: 'close'; id: number }
  /** The host's heartbeat: a core whose thread is free answers at once. */
  | { type: 'ping'; id: number };
export type FromWorker =
  | { type: 'result'; id: number; result: IpcResult<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'closed'; id: number }
  | { type: 'pong'; id: number };
