/**
 * Transports for the web preview's `window.pos`. The API itself is the preload's own
 * (electron/preload-api.ts), so the page gets exactly the shape the app gets; only what carries
 * the calls differs:
 * - HTTP: POST /api/<call> and one Server-Sent Events stream for pushes (`npm run preview:web`,
 *   the e2e).
 * - binding: a function the test driver exposes in the page (Playwright's exposeBinding), and
 *   pushes it evaluates in the page: messages into the core's process, as IPC carries them, for
 *   the benchmarks, which should not time an HTTP stack the app does not have. Pushes may
 *   overtake an answer (as SSE beside fetch); the renderer keeps the newest view of a payment.
 *
 * Bundled by esbuild into one classic script (`GET /bridge.js`) when the preview starts, and
 * loaded before the renderer's module script. Runs in the browser; typed without the DOM library
 * (the root tsconfig has none), through the few globals it needs.
 */
import { customerViewChannel, paymentUpdateChannel } from '../../../shared/ipc-channels.ts';
import type { CustomerView } from '../../../shared/customer-view.ts';
import type { SubscribeOnlyTransport } from '../../../electron/customer-preload-api.ts';
import type { PaymentView } from '../../../shared/payment.ts';
import { callNameOf, type IpcRendererLike } from '../../../electron/preload-api.ts';

type PushListener = Parameters<IpcRendererLike['on']>[1];
type CustomerViewListener = Parameters<SubscribeOnlyTransport['on']>[1];

/** The subscribers of the one push channel, fed by whichever transport receives the pushes. */
function pushChannel() {
  const listeners = new Set<PushListener>();
  return {
    on(channel: string, listener: PushListener) {
      if (channel === paymentUpdateChannel) listeners.add(listener);
    },
    removeListener(channel: string, listener: PushListener) {
      if (channel === paymentUpdateChannel) listeners.delete(listener);
    },
    deliver(payment: PaymentView) {
      for (const listener of [...listeners]) listener(null, payment);
    },
  };
}

interface MessageEventLike {
  readonly data: string;
}
interface EventSourceLike {
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  close(): void;
}
export interface HttpBridgeGlobals {
  fetch: typeof fetch;
  EventSource: new (url: string) => EventSourceLike;
}

/** The <meta> the cashier page's bridge reads its capability from (server.ts puts it there). */
export const CAPABILITY_META = 'pos-capability';
/** The header a call carries the capability in; the push stream has it as `?capability=`. */
export const CAPABILITY_HEADER = 'x-pos-capability';

/**
 * Calls as POST `${base}/api/<call>`; `base` is the preview's origin, or '' for same-origin.
 * `capability` is the cashier page's (server.ts): every call and the push stream carry it.
 */
export function httpTransport(globals: HttpBridgeGlobals, capability: string, base = ''): IpcRendererLike {
  const pushes = pushChannel();
  // One stream for every subscriber, opened at once (as IPC is always connected), so a screen
  // that subscribes later misses nothing while the stream would still be connecting.
  // EventSource reconnects by itself if the preview restarts.
  const events = new globals.EventSource(`${base}/api/events?capability=${encodeURIComponent(capability)}`);
  events.addEventListener('message', (event) => pushes.deliver(JSON.parse(event.data) as PaymentView));
  return {
    async invoke(channel, request) {
      const name = callNameOf(channel);
      if (name === undefined) throw new Error(`web preview: no call on channel ${channel}`);
      const response = await globals.fetch(`${base}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [CAPABILITY_HEADER]: capability },
        body: JSON.stringify(request ?? {}),
      });
      // A transport failure rejects, as a failed ipcRenderer.invoke would; the renderer's
      // safeCall turns it into an `internal` result.
      if (!response.ok) throw new Error(`web preview: HTTP ${response.status} for ${name}`);
      return response.json();
    },
    on: pushes.on,
    removeListener: pushes.removeListener,
  };
}

/** The names the binding transport uses in the page. */
export const BINDING_INVOKE = 'posInvoke';
export const BINDING_PUSH = 'posPush';

export type BindingBridgeGlobals = Record<typeof BINDING_INVOKE, (channel: string, request: unknown) => Promise<unknown>> &
  Partial<Record<typeof BINDING_PUSH, (payment: PaymentView) => void>>;

/** Calls through the driver's exposed binding; installs the function the driver pushes through. */
export function bindingTransport(globals: BindingBridgeGlobals): IpcRendererLike {
  const pushes = pushChannel();
  globals[BINDING_PUSH] = pushes.deliver;
  return {
    // Looked up per call: the binding may be exposed after this script ran.
    invoke: (channel, request) => globals[BINDING_INVOKE](channel, request ?? {}),
    on: pushes.on,
    removeListener: pushes.removeListener,
  };
}

/**
 * The customer display's subscription over its own Server-Sent Events stream
 * (`/api/customer/events`, which carries the sanitised customer view and nothing else). The
 * newest view is replayed to a late subscriber, as main sends the current view once the page loads.
 */
export function customerFeedTransport(globals: Pick<HttpBridgeGlobals, 'EventSource'>, base = ''): SubscribeOnlyTransport {
  const listeners = new Set<CustomerViewListener>();
  let latest: CustomerView | null = null;
  const events = new globals.EventSource(`${base}/api/customer/events`);
  events.addEventListener('message', (event) => {
    latest = JSON.parse(event.data) as CustomerView;
    for (const listener of [...listeners]) listener(null, latest);
  });
  return {
    on(channel, listener) {
      if (channel !== customerViewChannel) return;
      listeners.add(listener);
      if (latest !== null) listener(null, latest);
    },
    removeListener(channel, listener) {
      if (channel === customerViewChannel) listeners.delete(listener);
    },
  };
}
