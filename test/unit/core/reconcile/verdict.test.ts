import { describe, expect, it } from 'vitest';
import type { PaymentRecord } from '../../../../electron/core/ledger/ledger.ts';
import { reconcileVerdict } from '../../../../electron/core/reconcile/verdict.ts';
import type { GatewayAnswer } from '../../../../shared/day/day-contract.ts';

const base: PaymentRecord = {
  tradeNo: 'T1', platformTradeNo: 'p1', amount: 100_000, paidAmount: null, overpaidAmount: null, state: 'awaiting_payment', gatewayStatus: '0015',
  customerName: 'Pelanggan', customerMobile: '081234567890', customerEmail: 'a@b.c', customerTyped: { name: true, mobile: true, email: true }, qrString: null, paymentUrl: null,
  errorCode: null, errorDetail: null, environment: 'live', createdAt: 1, updatedAt: 1, expiresAt: 2,
};
const sale = (change: Partial<PaymentRecord>): PaymentRecord => ({ ...base, ...change });
const answered = (outcome: 'paid' | 'partially_paid' | 'failed' | 'processing', paidAmount: number | null = null): GatewayAnswer => ({
  kind: 'answered', status: { paid: '0000', partially_paid: '0001', failed: '00029', processing: '0015' }[outcome], outcome, checkedAt: 3, paidAmount,
});

describe('what one answer of Paypro means for one sale', () => {
  it('agrees when both hold the same money, whatever the state names', () => {
    expect(reconcileVerdict(sale({ state: 'paid', paidAmount: 100_000 }), answered('paid', 100_000), sale({ state: 'paid', paidAmount: 100_000 }))).toBe('agrees');
    expect(reconcileVerdict(sale({ state: 'expired' }), answered('processing'), sale({ state: 'expired' }))).toBe('agrees');
    expect(reconcileVerdict(sale({ state: 'cancelled' }), answered('failed'), sale({ state: 'failed' }))).toBe('agrees');
    // Never reached Paypro and the app knows it: nothing to disagree about.
    expect(reconcileVerdict(sale({ state: 'failed', gatewayStatus: null }), { kind: 'not_found', checkedAt: 3 }, sale({ state: 'failed', gatewayStatus: null }))).toBe('agrees');
  });

  it('applied: Paypro knew more and the transitions took it; paid_late for a sale the counter had closed', () => {
    expect(reconcileVerdict(sale({}), answered('failed'), sale({ state: 'failed' }))).toBe('applied');
    expect(reconcileVerdict(sale({}), answered('paid', 100_000), sale({ state: 'paid', paidAmount: 100_000 }))).toBe('applied');
    expect(reconcileVerdict(sale({ state: 'cancelled' }), answered('paid', 100_000), sale({ state: 'paid', paidAmount: 100_000 }))).toBe('paid_late');
  });

  it('differs when the app holds a settled sale that Paypro sees otherwise (settled states are final)', () => {
    const paid = sale({ state: 'paid', paidAmount: 100_000 });
    expect(reconcileVerdict(paid, answered('failed'), paid)).toBe('differs');
    expect(reconcileVerdict(paid, answered('paid', 60_000), paid)).toBe('differs');
    const failed = sale({ state: 'failed', errorCode: 'payment.not_created' });
    expect(reconcileVerdict(failed, answered('paid', 100_000), failed)).toBe('differs');
  });

  it('an order Paypro does not know: unknown live, forgotten by the training simulator; no answer is its own verdict', () => {
    const paid = sale({ state: 'paid', paidAmount: 100_000 });
    expect(reconcileVerdict(paid, { kind: 'not_found', checkedAt: 3 }, paid)).toBe('unknown_to_gateway');
    const training = sale({ state: 'paid', paidAmount: 100_000, environment: 'training' });
    expect(reconcileVerdict(training, { kind: 'not_found', checkedAt: 3 }, training)).toBe('forgotten_by_simulator');
    expect(reconcileVerdict(paid, { kind: 'no_answer', code: 'gateway.timeout', checkedAt: 3 }, paid)).toBe('no_answer');
  });
});
