import type { PaymentView } from '../../shared/payment.ts';

/** 30 Nov 2026 14:05 in Jakarta (07:05 UTC). */
export const PAID_AT = Date.UTC(2026, 10, 30, 7, 5, 0);

/**
 * The one payment-view fixture: a sale as core hands it out (to the receipt builder, the customer
 * feed). By default settled, live, with the largest default amount; override what a test is about.
 */
export function paidPayment(overrides: Partial<PaymentView> = {}): PaymentView {
  return {
    tradeNo: '20261130140455A1B2C3D4',
    platformTradeNo: 'PP202611300000012345',
    amount: 10_000_000,
    paidAmount: 10_000_000,
    overpaidAmount: null,
    state: 'paid',
    counterState: 'paid',
    gatewayStatus: 'SUCCESS',
    customer: { name: 'Budi Santoso', mobile: '081234567890', email: 'budi.santoso@example.co.id' },
    cashier: null,
    qr: { kind: 'qris', payload: '000201…', merchantName: 'WARUNG SEDERHANA' },
    paymentUrl: null,
    errorCode: null,
    errorDetail: null,
    environment: 'live',
    paidLate: null,
    createdAt: PAID_AT - 60_000,
    updatedAt: PAID_AT,
    expiresAt: PAID_AT + 15 * 60_000,
    ...overrides,
  };
}

/** The same sale still waiting for the customer to scan (Rp25.000, no money in yet). */
export function waitingPayment(overrides: Partial<PaymentView> = {}): PaymentView {
  return paidPayment({
    amount: 25_000,
    paidAmount: null,
    state: 'awaiting_payment',
    counterState: 'awaiting_payment',
    gatewayStatus: '0015',
    ...overrides,
  });
}
