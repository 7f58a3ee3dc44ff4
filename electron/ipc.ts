import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcContract, type IpcCallName, type IpcResult } from '../shared/ipc-contract.ts';
import type { IpcRouter } from './core/api/router.ts';

export interface IpcLogger {
  warn(message: string, context: Record<string, unknown>): void;
}

/** The answer to a call from a frame that is not the app's own top-level page. */
export const BAD_SENDER: IpcResult<never> = { ok: false, error: { code: 'bad_sender' } };

/**
 * Why a sender is refused, or null when it is the app's own top-level page. The frame may be
 * gone (null) when the page navigated or closed while the call was in flight.
 */
export function refuseSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  isTrustedUrl: (url: string) => boolean,
): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'no sender frame';
  if (frame.parent !== null) return 'not the top frame';
  if (!isTrustedUrl(frame.url)) return 'untrusted origin';
  return null;
}

/**
 * Registers every contract call, and only those, through one wrapper: check the sender, then let
 * the router validate and run the call. Returns the channels it registered.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  router: IpcRouter,
  isTrustedUrl: (url: string) => boolean,
  logger: IpcLogger,
): string[] {
  const channels: string[] = [];
  for (const name of Object.keys(ipcContract) as IpcCallName[]) {
    const { channel } = ipcContract[name];
    ipcMain.handle(channel, async (event, rawRequest: unknown) => {
      const refusal = refuseSender(event, isTrustedUrl);
      if (refusal !== null) {
        // The URL helps find the offending frame; it is not sent back.
        logger.warn('IPC call dropped', { channel, reason: refusal, url: event.senderFrame?.url ?? null });
        return BAD_SENDER;
      }
      return router.dispatch(name, rawRequest);
    });
    channels.push(channel);
  }
  return channels;
}
