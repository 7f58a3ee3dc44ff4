import type { GatewayAnswer } from '../../../shared/day/day-contract.ts';
import { CLOSED_LOCALLY_STATES } from '../../../shared/payment.ts';
import { receivedOf } from '../day/report.ts';
import type { PaymentRecord } from '../ledger/ledger.ts';
import type { ReconcileVerdict } from '../ledger/reconciliation-book.ts';

/**
 * The money Paypro says a charge of `amount` brought in: a paid answer without an amount is the
 * charge (as the transitions read it), a partial one without an amount nothing yet, any other
 * status (processing, failed) nothing.
 */
export function gatewayReceived(answer: Extract<GatewayAnswer, { kind: 'answered' }>, amount: number): number {
  if (answer.outcome === 'paid') return answer.paidAmount ?? amount;
  if (answer.outcome === 'partially_paid') return answer.paidAmount ?? 0;
  return 0;
}

/**
 * What one answer means, comparing money received: the app's before the question (`before`), Paypro's
 * answer, and the app's after the normal transitions took the answer (`after`). The comparison is
 * of money, not of state names: a sale the app expired and Paypro still calls "processing" brought
 * in nothing on either side, so they agree.
 */
export function reconcileVerdict(before: PaymentRecord, answer: GatewayAnswer, after: PaymentRecord): ReconcileVerdict {
  if (answer.kind === 'no_answer') return 'no_answer';
  const appBefore = receivedOf(before);
  if (answer.kind === 'not_found') {
    // Never confirmed by Paypro and nothing received: the app already knows it never got there.
    if (appBefore === 0 && before.gatewayStatus === null) return 'agrees';
    return before.environment === 'training' ? 'forgotten_by_simulator' : 'unknown_to_gateway';
  }
  const paypro = gatewayReceived(answer, before.amount);
  if (paypro === appBefore && !(answer.outcome === 'failed' && !isFailedOrClosed(before))) return 'agrees';
  if (receivedOf(after) === paypro && (paypro > 0 || after.state === 'failed')) {
    return paypro > 0 && CLOSED_LOCALLY_STATES.has(before.state) ? 'paid_late' : 'applied';
  }
  return 'differs';
}

/** Paypro's "failed" agrees with a sale the app holds failed, expired or cancelled. */
function isFailedOrClosed(record: PaymentRecord): boolean {
  return record.state === 'failed' || CLOSED_LOCALLY_STATES.has(record.state);
}
