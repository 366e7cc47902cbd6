import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  coreContract,
  isChannel,
  runHandler,
  type CoreChannel,
  type Handlers,
  type IpcResult,
  type ShellChannel,
} from '../../shared/ipc/contract';
import type { CoreHost } from '../core/host/types';

/**
 * The one IPC entry point: checks the sender frame, validates the channel, then either answers a
 * shell channel here (dialogs) or relays to the core worker, which parses the input with zod.
 */
export function registerIpc(
  ipcMain: IpcMain,
  host: CoreHost,
  shell: Handlers<ShellChannel>,
  /** True only for the main frame of our window showing our page (security.ts isOurMainFrame). */
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  ipcMain.handle('grounded:invoke', async (event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } };
    if (!isChannel(channel)) return { ok: false, error: { code: 'unknown_channel', message: `Unknown channel ${String(channel)}` } };
    if (Object.prototype.hasOwnProperty.call(coreContract, channel)) {
      return host.invoke(channel as CoreChannel, input as never);
    }
    return runHandler(shell, channel, input);
  });
}
