import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
// The zod-free channel map, not the contract: the preload bundle must not carry the schemas.
import { ipcChannels, paymentUpdateChannel } from '../shared/ipc-channels.ts';
import type { PaymentView } from '../shared/payment.ts';
import type { PosApi } from '../shared/ipc-contract.ts';

/**
 * `window.pos`: one function per contract call plus `onPaymentUpdate`, built from the channel map
 * so no name is written twice. Only plain functions cross the bridge — never `ipcRenderer`, an
 * event object or any Node API.
 */
export function createPosApi(renderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): PosApi {
  const calls = Object.fromEntries(
    Object.entries(ipcChannels).map(([name, channel]) => [
      name,
      (request: unknown) => renderer.invoke(channel, request),
    ]),
  );
  return {
    ...calls,
    onPaymentUpdate(listener: (payment: PaymentView) => void) {
      // The event carries `sender` (the ipcRenderer itself): only the payload goes on.
      const relay = (_event: IpcRendererEvent, payment: PaymentView) => listener(payment);
      renderer.on(paymentUpdateChannel, relay);
      return () => {
        renderer.removeListener(paymentUpdateChannel, relay);
      };
    },
    // Built from the same map the contract is checked against; TypeScript cannot see through
    // Object.fromEntries.
  } as PosApi;
}

contextBridge.exposeInMainWorld('pos', createPosApi(ipcRenderer));
