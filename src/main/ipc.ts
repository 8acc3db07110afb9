import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../core/rpc/dispatch';
import { IPC_CHANNEL } from '../shared/contract/bridge';
import { fail, type Result } from '../shared/contract/wire';
import { isTrustedSender } from './security';

export const UNTRUSTED_SENDER_MESSAGE = "Refused: this IPC message does not come from one of Lectern's own pages.";

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/**
 * The one IPC handler: checks that the sending frame shows the app's own origin, then hands the call to
 * the same `dispatch` the web host uses. An untrusted sender gets a rejection and never reaches the core;
 * everything else (unknown command, bad input, a refusal) comes back as a result envelope.
 */
export function createDispatchHandler(dispatch: Dispatch, trustedOrigins: readonly string[] = []) {
  return async (event: SenderEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url, trustedOrigins)) throw new Error(UNTRUSTED_SENDER_MESSAGE);
    if (typeof name !== 'string') return fail('unknown_command', 'A command name must be a string.');
    try {
      return await dispatch(name, input);
    } catch (error) {
      return fail('internal', `Lectern hit an internal error in "${name}": ${(error as Error)?.message ?? String(error)}`);
    }
  };
}

export function registerDispatchHandler(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  trustedOrigins: readonly string[] = [],
): () => void {
  ipcMain.handle(IPC_CHANNEL, createDispatchHandler(dispatch, trustedOrigins));
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
