import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCustomerView, type CustomerDisplayContext } from '../../../../electron/core/customer/customer-view.ts';
import { COUNTER_STATES, PAID_LATE, PAYMENT_STATES, type PaymentView, type QrDisplay } from '../../../../shared/payment.ts';
import { waitingPayment } from '../../../harness/payment-view-fixture.ts';

const context: CustomerDisplayContext = { shopName: 'Toko Maju', language: 'id', training: false, now: 1_000 };

/** Customer details that cannot occur by chance in any other field (they all hold a `§`). */
const piiText = fc.string({ minLength: 1, maxLength: 30 }).map((text) => `§${text}§`);
const customer = fc.record({ name: piiText, mobile: piiText, email: piiText });

const qr: fc.Arbitrary<QrDisplay> = fc.oneof(
  fc.record({ kind: fc.constant('qris' as const), payload: fc.string(), merchantName: fc.option(fc.string()) }),
  fc.record({ kind: fc.constant('payment_url' as const), payload: fc.webUrl() }),
  fc.record({ kind: fc.constant('integrity_error' as const), code: fc.string(), detail: fc.string() }),
  fc.constant({ kind: 'none' as const }),
);

const payment: fc.Arbitrary<PaymentView> = fc.record({
  tradeNo: fc.string({ minLength: 1 }),
  platformTradeNo: fc.option(fc.string()),
  amount: fc.integer({ min: 1, max: 10_000_000 }),
  paidAmount: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
  overpaidAmount: fc.option(fc.integer({ min: 1, max: 10_000_000 })),
  state: fc.constantFrom(...PAYMENT_STATES),
  counterState: fc.constantFrom(...COUNTER_STATES),
  gatewayStatus: fc.option(fc.string()),
  customer,
  cashier: fc.option(fc.string()),
  qr,
  paymentUrl: fc.option(fc.webUrl()),
  errorCode: fc.option(fc.string()),
  errorDetail: fc.option(fc.string()),
  environment: fc.constantFrom('training' as const, 'live' as const),
  paidLate: fc.constantFrom(null, ...PAID_LATE),
  createdAt: fc.nat(),
  updatedAt: fc.nat(),
  expiresAt: fc.nat(),
});

/** Every key and string value in a JSON-able value, however deep. */
function allTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allTexts);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...allTexts(inner)]);
  }
  return [];
}

describe('toCustomerView (the customer display feed)', () => {
  it('never carries a customer detail, in the model or in its serialised feed', () => {
    fc.assert(
      fc.property(payment, (view) => {
        const model = toCustomerView(view, context);
        const feed = JSON.stringify(model);
        for (const detail of Object.values(view.customer)) {
          expect(feed).not.toContain(detail);
          // The escaped form too (a detail with quotes or control characters).
          expect(feed).not.toContain(JSON.stringify(detail).slice(1, -1));
          for (const text of allTexts(model)) expect(text).not.toContain(detail);
        }
        for (const key of ['customer', 'cashier', 'name', 'mobile', 'email', 'tradeNo', 'platformTradeNo', 'errorDetail']) {
          expect(allTexts(JSON.parse(feed))).not.toContain(key);
        }
      }),
    );
  });

  it('does not depend on the customer details or the cashier at all', () => {
    fc.assert(
      fc.property(payment, customer, fc.option(fc.string()), (view, other, cashier) => {
        expect(toCustomerView({ ...view, customer: other, cashier }, context)).toEqual(toCustomerView(view, context));
      }),
    );
  });

  const base = waitingPayment({
    qr: { kind: 'qris', payload: '000201…', merchantName: ' Toko Maju ' },
    environment: 'training',
    expiresAt: 900_000,
  });

  it('shows a waiting sale with its amount, QR, merchant name and expiry, marked training', () => {
    expect(toCustomerView(base, context)).toEqual({
      kind: 'sale',
      shopName: 'Toko Maju',
      language: 'id',
      training: true,
      amount: 25_000,
      merchantName: 'Toko Maju',
      qr: { kind: 'qris', payload: '000201…' },
      expiresAt: 900_000,
    });
  });

  it('shows no code to scan when the integrity check refused it', () => {
    const view = toCustomerView({ ...base, qr: { kind: 'integrity_error', code: 'qris.amount', detail: 'x' } }, context);
    expect(view).toMatchObject({ kind: 'sale', qr: null, merchantName: null });
  });

  it('reports a partial payment with what is still outstanding', () => {
    const view = toCustomerView({ ...base, state: 'partially_paid', paidAmount: 10_000 }, context);
    expect(view).toMatchObject({ kind: 'result', outcome: 'partially_paid', paidAmount: 10_000, outstanding: 15_000, settledAt: 1_000 });
  });

  it.each(['paid', 'failed', 'expired'] as const)('reports %s as an outcome', (state) => {
    expect(toCustomerView({ ...base, state, paidAmount: 25_000 }, context)).toMatchObject({ kind: 'result', outcome: state });
  });

  it('is idle with no payment, or one the counter cancelled', () => {
    const idle = { kind: 'idle', shopName: 'Toko Maju', language: 'id', training: false };
    expect(toCustomerView(null, context)).toEqual(idle);
    expect(toCustomerView({ ...base, state: 'cancelled' }, context)).toEqual(idle);
  });
});
