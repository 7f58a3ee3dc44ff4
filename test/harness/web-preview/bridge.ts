/**
 * The web preview's `window.pos`: the same shape the Electron preload exposes (electron/preload.ts),
 * over HTTP instead of IPC. One function per call in the channel map — the names come from
 * shared/ipc-channels.ts, never typed here — plus `onPaymentUpdate` over Server-Sent Events.
 *
 * Bundled by esbuild into one classic script (`GET /bridge.js`) when the preview starts, and
 * loaded before the renderer's module script. Runs in the browser; typed without the DOM library
 * (the root tsconfig has none), through the few globals it needs.
 */
import { ipcChannels } from '../../../shared/ipc-channels.ts';
import type { PosApi } from '../../../shared/ipc-contract.ts';
import type { PaymentView } from '../../../shared/payment.ts';

interface MessageEventLike {
  readonly data: string;
}
interface EventSourceLike {
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  close(): void;
}
export interface BridgeGlobals {
  fetch: typeof fetch;
  EventSource: new (url: string) => EventSourceLike;
}

/** Builds the API against `base` (the preview's origin, or '' for same-origin relative URLs). */
export function createWebPosApi(globals: BridgeGlobals, base = ''): PosApi {
  const calls = Object.fromEntries(
    Object.keys(ipcChannels).map((name) => [
      name,
      async (request: unknown) => {
        const response = await globals.fetch(`${base}/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request ?? {}),
        });
        // A transport failure rejects, as a failed ipcRenderer.invoke would; the renderer's
        // safeCall turns it into an `internal` result.
        if (!response.ok) throw new Error(`web preview: HTTP ${response.status} for ${name}`);
        return response.json();
      },
    ]),
  );

  const listeners = new Set<(payment: PaymentView) => void>();
  // One stream for every subscriber, opened at once (as IPC is always connected), so a screen
  // that subscribes later misses nothing while the stream would still be connecting.
  // EventSource reconnects by itself if the preview restarts.
  const events = new globals.EventSource(`${base}/api/events`);
  events.addEventListener('message', (event) => {
    const payment = JSON.parse(event.data) as PaymentView;
    for (const listener of [...listeners]) listener(payment);
  });

  return {
    ...calls,
    onPaymentUpdate(listener: (payment: PaymentView) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    // Built from the channel map the contract is checked against (as in the preload);
    // TypeScript cannot see through Object.fromEntries.
  } as PosApi;
}
