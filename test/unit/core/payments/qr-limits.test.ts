import { afterEach, describe, expect, it } from 'vitest';
import { startPaymentFixture, type PaymentFixture } from '../../../harness/payment-fixture.ts';
import { encodeQrPath } from '../../../../renderer/app/qrPath.ts';
import { qris } from '../../shared/qris/fixtures.ts';

const sale = { amount: 75_000 };
let fixture: PaymentFixture | undefined;

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

// A gateway's QR text too large for the screen once left the whole window blank (issue 14, item 3).
describe('QR payload limits', () => {
  it('refuses an intact QRIS code for the right amount that is longer than EMV allows (512 bytes)', async () => {
    // Unreserved templates 80–89 filled up: CRC and amount hold, only the length is wrong.
    const padding = Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`8${index}`, 'X'.repeat(99)]));
    const longQris = qris({ '54': String(sale.amount), ...padding });
    fixture = await startPaymentFixture({
      wrapGateway: (gateway) => ({
        ...gateway,
        createPaymentLink: async (request) => ({ ...(await gateway.createPaymentLink(request)), qrString: longQris }),
      }),
    });
    const payment = await fixture.service.charge(sale);
    expect(payment.state).toBe('awaiting_payment');
    expect(payment.qr).toMatchObject({ kind: 'integrity_error', code: 'qris.too_long' });
  });

  it('refuses to show a payment URL of thousands of characters as a QR', async () => {
    fixture = await startPaymentFixture({
      wrapGateway: (gateway) => ({
        ...gateway,
        createPaymentLink: async (request) => ({
          ...(await gateway.createPaymentLink(request)),
          qrString: null,
          paymentUrl: `https://pay.example/${'a'.repeat(4_000)}`,
        }),
      }),
    });
    const payment = await fixture.service.charge(sale);
    expect(payment.qr).toMatchObject({ kind: 'integrity_error', code: 'qr.url_too_long' });
  });

  it('draws nothing (null) instead of throwing for data no QR version can hold', () => {
    expect(encodeQrPath('x'.repeat(4_020))).toBeNull();
    expect(encodeQrPath('https://pay.example/ok')?.viewBoxSize).toBeGreaterThan(21);
  });
});
