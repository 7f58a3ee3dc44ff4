import { customerViewChannel } from '../shared/ipc-channels.ts';
import type { CustomerView } from '../shared/customer-view.ts';

type ViewListener = (event: unknown, view: CustomerView) => void;

/** What the customer display's transport offers: subscribing, nothing to call (no `invoke`). */
export interface SubscribeOnlyTransport {
  on(channel: string, listener: ViewListener): unknown;
  removeListener(channel: string, listener: ViewListener): unknown;
}

/** `window.customerDisplay`: what the customer display may do — listen, and nothing else. */
export interface CustomerDisplayApi {
  /** Subscribes to the customer feed; returns the unsubscribe function. */
  onCustomerView(listener: (view: CustomerView) => void): () => void;
}

/** Only the view crosses the bridge, never the event object or `ipcRenderer`. */
export function createCustomerDisplayApi(renderer: SubscribeOnlyTransport): CustomerDisplayApi {
  return {
    onCustomerView(listener) {
      const relay: ViewListener = (_event, view) => listener(view);
      renderer.on(customerViewChannel, relay);
      return () => {
        renderer.removeListener(customerViewChannel, relay);
      };
    },
  };
}
