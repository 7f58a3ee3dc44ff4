// The zod-free channel map, not the contract: the preload bundle must not carry the schemas.
import { ipcChannels, paymentUpdateChannel } from '../shared/ipc-channels.ts';
import type { PosApi } from '../shared/ipc-contract.ts';
import type { PaymentView } from '../shared/payment.ts';

type PushListener = (event: unknown, payment: PaymentView) => void;

/**
 * What `window.pos` needs from its transport: Electron's ipcRenderer, or a stand-in with the same
 * three methods (the web preview's HTTP bridge, the benchmarks' in-browser binding).
 */
export interface IpcRendererLike {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: PushListener): unknown;
  removeListener(channel: string, listener: PushListener): unknown;
}

/**
 * `window.pos`: one function per contract call plus `onPaymentUpdate`, built from the channel map
 * so no name is written twice. Only plain functions cross the bridge — never `ipcRenderer`, an
 * event object or any Node API.
 */
export function createPosApi(renderer: IpcRendererLike): PosApi {
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
      const relay: PushListener = (_event, payment) => listener(payment);
      renderer.on(paymentUpdateChannel, relay);
      return () => {
        renderer.removeListener(paymentUpdateChannel, relay);
      };
    },
    // Built from the same map the contract is checked against; TypeScript cannot see through
    // Object.fromEntries.
  } as PosApi;
}

/** The call name a channel belongs to (transports that route by name). */
export function callNameOf(channel: string): string | undefined {
  return Object.entries(ipcChannels).find(([, known]) => known === channel)?.[0];
}
