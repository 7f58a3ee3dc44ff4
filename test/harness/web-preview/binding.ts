import type { Page } from 'playwright-core';
import { callNameOf } from '../../../electron/preload-api.ts';
import type { PaymentView } from '../../../shared/payment.ts';
import { BINDING_INVOKE, BINDING_PUSH } from './bridge.ts';
import type { WebPreview } from './server.ts';

/**
 * The driver's side of the binding transport (bridge.ts): the page's calls arrive through a
 * Playwright binding and pushes go back by evaluating in the page. Like the app's IPC wrapper,
 * only the preview's own top frame is answered.
 * Call before the page loads the preview (started with `transport: 'binding'`).
 */
export async function connectBinding(page: Page, preview: WebPreview): Promise<() => void> {
  await page.exposeBinding(BINDING_INVOKE, async ({ frame }, channel: string, request: unknown) => {
    if (frame !== page.mainFrame() || new URL(frame.url()).origin !== preview.origin) {
      throw new Error('binding: a call from a frame that is not the preview');
    }
    const name = callNameOf(channel);
    if (name === undefined) throw new Error(`binding: no call on channel ${channel}`);
    return preview.call(name, request);
  });
  return preview.onPaymentUpdate((payment) => {
    page
      .evaluate(
        ([push, view]) => (globalThis as unknown as Record<string, ((payment: PaymentView) => void) | undefined>)[push]?.(view),
        [BINDING_PUSH, payment] as const,
      )
      // A push while the page is navigating or closed has nobody to reach, as with IPC.
      .catch(() => undefined);
  });
}
