import type { PaymentState } from '../../../shared/payment.ts';

/**
 * Paypro's `data.status` as a payment state (paypro-api.md §4): "0000" paid, "0001" partially
 * paid, "0015" still processing (null: no change), anything else failed. Statuses are text with
 * leading zeros and are compared as text.
 */
export function stateForGatewayStatus(status: string): PaymentState | null {
  switch (status) {
    case '0000':
      return 'paid';
    case '0001':
      return 'partially_paid';
    case '0015':
      return null;
    default:
      return 'failed';
  }
}

/** A status as the cashier reads the gateway's answer: settled one way or another, or still processing. */
export function answerOutcome(status: string): 'paid' | 'partially_paid' | 'failed' | 'processing' {
  const state = stateForGatewayStatus(status);
  if (state === null) return 'processing';
  return state === 'paid' || state === 'partially_paid' ? state : 'failed';
}
