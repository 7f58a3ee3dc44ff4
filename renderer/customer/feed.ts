import type { CustomerDisplayApi } from '../../electron/customer-preload-api.ts';
import type { CustomerView } from '../../shared/customer-view.ts';

declare global {
  interface Window {
    /** The customer display's preload (or the web preview's customer bridge): subscribe only. */
    customerDisplay?: CustomerDisplayApi;
  }
}

/**
 * The newest customer view, subscribed to as soon as this module runs (before React mounts) so
 * the view main sends when the page has loaded is never missed. For useSyncExternalStore.
 */
let latest: CustomerView | null = null;
const listeners = new Set<() => void>();

window.customerDisplay?.onCustomerView((view) => {
  latest = view;
  for (const listener of [...listeners]) listener();
});

export function subscribeCustomerView(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function currentCustomerView(): CustomerView | null {
  return latest;
}

export function hasCustomerFeed(): boolean {
  return window.customerDisplay !== undefined;
}
