import { describe, expect, it } from 'vitest';
import { qrDisplayFor, toPaymentView } from '../../../../electron/core/payments/payment-view.ts';
import { buildSimulatedQris } from '../../../../electron/core/simulator/qris.ts';
import { counterStateFor, PAYMENT_STATES, type QrDisplay } from '../../../../shared/payment.ts';
import { waitingRecord } from './waiting-record.ts';
import { toCustomerView } from '../../../../electron/core/customer/customer-view.ts';

const order = { merchantNo: '8729248847', amount: 50_000, merchantName: 'TOKO', city: 'JAKARTA', reference: 'T1' };
const record = { ...waitingRecord, qrString: buildSimulatedQris(order), paymentUrl: 'https://pay.example/c/P1' };

describe('the counter state of a payment view', () => {
  it('is the ledger state while a code the customer may scan is shown', () => {
    expect(toPaymentView(record, null).counterState).toBe('awaiting_payment');
    expect(toPaymentView({ ...record, qrString: null }, null).counterState).toBe('awaiting_payment'); // the payment page
  });

  it('is qr_refused when the gateway QR fails the integrity check, whatever the code', () => {
    const view = toPaymentView({ ...record, qrString: buildSimulatedQris(order, 'other_amount') }, null);
    expect(view).toMatchObject({ state: 'awaiting_payment', counterState: 'qr_refused', qr: { kind: 'integrity_error' } });
    // Any integrity code flows through, including ones the check may add later.
    const future: QrDisplay = { kind: 'integrity_error', code: 'qris.too_long', detail: '600 characters' };
    expect(counterStateFor('awaiting_payment', future)).toBe('qr_refused');
  });

  it('is qr_lost when the gateway holds the order but nothing scannable came', () => {
    const view = toPaymentView({ ...record, qrString: null, paymentUrl: null, errorCode: 'payment.qr_lost' }, null);
    expect(view).toMatchObject({ state: 'awaiting_payment', counterState: 'qr_lost', qr: { kind: 'none' } });
  });

  it('is the ledger state for every other state, whatever the QR', () => {
    const refused = qrDisplayFor({ ...record, qrString: buildSimulatedQris(order, 'broken_crc') });
    for (const state of PAYMENT_STATES.filter((s) => s !== 'awaiting_payment')) {
      expect(counterStateFor(state, refused)).toBe(state);
      expect(counterStateFor(state, { kind: 'none' })).toBe(state);
    }
  });
});

// Issue 21, item 4: an http: payment URL was shown as a QR, on the counter and the customer display, in live mode.
describe('the payment page as a QR', () => {
  const pageOnly = { ...record, qrString: null };

  it('is shown in live mode only over https:', () => {
    expect(qrDisplayFor({ ...pageOnly, environment: 'live' })).toEqual({ kind: 'payment_url', payload: 'https://pay.example/c/P1' });
    const plain = toPaymentView({ ...pageOnly, environment: 'live', paymentUrl: 'http://paypro.tech/cashier/P1' }, null);
    expect(plain).toMatchObject({ counterState: 'qr_refused', qr: { kind: 'integrity_error', code: 'qr.url_not_https' } });
    const customer = toCustomerView(plain, { shopName: 'Toko', language: 'id', training: false, now: 0 });
    expect(customer).toMatchObject({ kind: 'sale', qr: null });
  });

  it("is shown over http: in training, where the simulator serves its pages on this computer", () => {
    expect(qrDisplayFor({ ...pageOnly, environment: 'training', paymentUrl: 'http://127.0.0.1:5000/cashier/P1' })).toMatchObject({ kind: 'payment_url' });
  });
});

