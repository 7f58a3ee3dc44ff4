import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaymentRecord } from '../../../../electron/core/ledger/ledger.ts';
import { afterQueryAnswer } from '../../../../electron/core/payments/transitions.ts';

// A "paid" answer is compared with the charge (issue 14, item 4): status 0000 with amount 1 on a
// Rp 15.000 sale once became `paid`.
const base: PaymentRecord = {
  tradeNo: 'T1',
  platformTradeNo: 'P1',
  amount: 15_000,
  paidAmount: null,
  overpaidAmount: null,
  state: 'awaiting_payment',
  gatewayStatus: '0015',
  qrString: null,
  paymentUrl: null,
  errorCode: null,
  errorDetail: null,
  environment: 'live',
  createdAt: 0,
  updatedAt: 0,
  expiresAt: 60_000,
  customerName: 'x',
  customerMobile: '081234567890',
  customerEmail: 'a@b.id', customerTyped: { name: true, mobile: true, email: true },
};
const record = (amount: number): PaymentRecord => ({ ...base, amount });
const paid = (paidAmount: number | null, unreadableAmount: string | null = null) => ({
  tradeNo: 'T1', platformTradeNo: 'P1', status: '0000', paidAmount, unreadableAmount, message: null, successTime: null,
});

describe('a paid answer against the charge', () => {
  it('takes a paid answer for less than the charge as a flagged partial payment', () => {
    expect(afterQueryAnswer(record(15_000), paid(1))?.change).toMatchObject({
      state: 'partially_paid',
      paidAmount: 1,
      errorCode: 'payment.paid_amount_differs',
      errorDetail: 'the gateway reports paid for 1, the charge is 15000',
    });
  });

  // Issue 21, item 3: Rp 1.000.000 paid on a Rp 10.000 charge went into "Uang diterima" whole.
  it('keeps a paid answer for more than the charge as paid for the charge, the excess apart and flagged', () => {
    expect(afterQueryAnswer(record(10_000), paid(1_000_000))?.change).toMatchObject({
      state: 'paid',
      paidAmount: 10_000,
      overpaidAmount: 990_000,
      errorCode: 'payment.paid_amount_differs',
    });
  });

  it('takes the exact amount as paid without a flag', () => {
    expect(afterQueryAnswer(record(15_000), paid(15_000))?.change).toMatchObject({ state: 'paid', paidAmount: 15_000, errorCode: null });
  });

  it('counts a paid answer without an amount as the charge, flagged for the owner', () => {
    expect(afterQueryAnswer(record(15_000), paid(null))?.change).toMatchObject({
      state: 'paid',
      paidAmount: 15_000,
      errorCode: 'payment.paid_amount_missing',
    });
  });

  // Issue 21, item 2: status 0000 with an amount that is present but not whole rupiah once became LUNAS, unflagged.
  it.each(['10000.5', '9.999', '9999.99'])('never takes a paid answer with the unreadable amount %j as plainly paid', (amount) => {
    const decision = afterQueryAnswer(record(10_000), paid(null, amount));
    expect(decision?.change).toMatchObject({
      errorCode: 'payment.paid_amount_unreadable',
      errorDetail: `the gateway reports paid with an unreadable amount "${amount}"`,
    });
    expect(decision?.note).toContain(amount);
  });

  it('never records a paid state without a flag for an amount other than the charge (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 20_000_000 }), (charged, reported) => {
        const change = afterQueryAnswer(record(charged), paid(reported))?.change;
        // Received never passes the charge; received plus the excess is what the gateway reported.
        expect(change?.paidAmount).toBe(Math.min(reported, charged));
        expect((change?.paidAmount ?? 0) + (change?.overpaidAmount ?? 0)).toBe(reported);
        if (reported === charged) expect(change).toMatchObject({ state: 'paid', errorCode: null, overpaidAmount: null });
        else expect(change).toMatchObject({ state: reported < charged ? 'partially_paid' : 'paid', errorCode: 'payment.paid_amount_differs' });
      }),
    );
  });
});
