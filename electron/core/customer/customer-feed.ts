import type { CustomerView } from '../../../shared/customer-view.ts';
import { isFinishedAtCounter, type PaymentView } from '../../../shared/payment.ts';
import { toCustomerView, type CustomerDisplayContext } from './customer-view.ts';

export interface CustomerFeedDeps {
  /** The payment as the ledger has it now (throws when unknown). */
  getPayment(tradeNo: string): PaymentView;
  /** Subscribes to every payment change; the cashier's screen hears the same event. */
  onPaymentUpdate(listener: (payment: PaymentView) => void): () => void;
  /** Shop name, display language and training mode, read from the settings at each change. */
  context(): Omit<CustomerDisplayContext, 'now'>;
  now(): number;
}

/**
 * The customer display's feed: follows the payment the cashier's screen watches and publishes its
 * sanitised view (customer-view.ts) whenever it changes. An outcome stays published when the
 * cashier moves on; the display itself returns to idle after a few seconds.
 */
export class CustomerFeed {
  private watched: PaymentView | null = null;
  private view: CustomerView;
  private readonly listeners = new Set<(view: CustomerView) => void>();
  private readonly unsubscribe: () => void;
  private readonly deps: CustomerFeedDeps;

  constructor(deps: CustomerFeedDeps) {
    this.deps = deps;
    this.view = this.build(null);
    this.unsubscribe = deps.onPaymentUpdate((payment) => {
      if (this.watched?.tradeNo !== payment.tradeNo || payment.updatedAt < this.watched.updatedAt) return;
      this.show(payment);
    });
  }

  /** The view a display that (re)connects should show at once. */
  current(): CustomerView {
    return this.view;
  }

  onView(listener: (view: CustomerView) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /**
   * The cashier's screen now shows this payment (null: none). A sale still open stays in front of
   * the customer while the cashier looks at another tab (they may be scanning), and its outcome is
   * still shown; a finished sale's outcome stays until the display times it out.
   */
  watch(tradeNo: string | null): void {
    if (tradeNo === null) {
      if (this.watched !== null && !isFinishedAtCounter(this.watched.state)) return;
      if (this.view.kind !== 'result') this.show(null);
      this.watched = null;
      return;
    }
    if (this.watched?.tradeNo === tradeNo) return;
    try {
      this.show(this.deps.getPayment(tradeNo));
    } catch {
      this.show(null);
    }
  }

  /** Settings changed (shop name, language, mode): publish the same state with the new facts. */
  refresh(): void {
    this.show(this.watched);
  }

  close(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private show(payment: PaymentView | null): void {
    this.watched = payment;
    const next = this.build(payment);
    if (JSON.stringify(next) === JSON.stringify(this.view)) return;
    this.view = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  private build(payment: PaymentView | null): CustomerView {
    const next = toCustomerView(payment, { ...this.deps.context(), now: this.deps.now() });
    // The same outcome seen again (a late re-check) keeps its time, so the display does not restart it.
    const previous = this.view as CustomerView | undefined;
    if (next.kind === 'result' && previous?.kind === 'result' && previous.outcome === next.outcome && previous.amount === next.amount) {
      return { ...next, settledAt: previous.settledAt };
    }
    return next;
  }
}
