import type { CustomerOutcome, CustomerQr, CustomerView } from '../../../shared/customer-view.ts';
import type { PaymentState, PaymentView } from '../../../shared/payment.ts';
import type { Language } from '../../../shared/settings.ts';

/** The shop-level facts the customer display needs besides the payment. */
export interface CustomerDisplayContext {
  shopName: string;
  language: Language;
  /** Training mode, for the idle screen (a sale says it itself). */
  training: boolean;
  /** The clock, for `settledAt` of an outcome. */
  now: number;
}

const OUTCOME_OF: Partial<Record<PaymentState, CustomerOutcome>> = {
  paid: 'paid',
  partially_paid: 'partially_paid',
  failed: 'failed',
  expired: 'expired',
};

/**
 * The customer's side of a payment view, or idle without one. A pure function that picks the few
 * fields the customer may see, so a field added to PaymentView later stays out unless someone adds
 * it here: never the customer's name, mobile or email, the trade numbers, error details or the
 * gateway status. A sale the counter cancelled shows idle: there is nothing to tell the customer.
 */
export function toCustomerView(payment: PaymentView | null, context: CustomerDisplayContext): CustomerView {
  const base = { shopName: context.shopName, language: context.language };
  if (payment === null || payment.state === 'cancelled') return { kind: 'idle', ...base, training: context.training };
  const training = payment.environment === 'training';
  const outcome = OUTCOME_OF[payment.state];
  if (outcome !== undefined) {
    const outstanding =
      outcome === 'partially_paid' && payment.paidAmount !== null ? Math.max(0, payment.amount - payment.paidAmount) : null;
    return {
      kind: 'result',
      ...base,
      training,
      outcome,
      amount: payment.amount,
      paidAmount: outcome === 'paid' || outcome === 'partially_paid' ? payment.paidAmount : null,
      outstanding,
      settledAt: context.now,
    };
  }
  return {
    kind: 'sale',
    ...base,
    training,
    amount: payment.amount,
    merchantName: payment.qr.kind === 'qris' ? payment.qr.merchantName?.trim() || null : null,
    qr: scannable(payment),
    expiresAt: payment.expiresAt,
  };
}

/** Only what the QR integrity check in main let through (payments/payment-view.ts). */
function scannable(payment: PaymentView): CustomerQr | null {
  const { qr } = payment;
  if (qr.kind === 'qris' || qr.kind === 'payment_url') return { kind: qr.kind, payload: qr.payload };
  return null;
}
