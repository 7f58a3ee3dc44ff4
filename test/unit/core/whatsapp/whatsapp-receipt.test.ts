import { describe, expect, it } from 'vitest';
import { formatRupiah } from '../../../../shared/money.ts';
import { buildReceipt } from '../../../../electron/core/receipts/receipt-model.ts';
import { whatsAppReceiptLink, whatsAppReceiptText } from '../../../../electron/core/whatsapp/whatsapp-receipt.ts';
import { paidPayment } from '../../../harness/payment-view-fixture.ts';
import { SHOP_SETTINGS } from '../../../harness/receipt-fixture.ts';

// Issue 20: "Kirim struk via WhatsApp" — the receipt as text: shop, time, amount, state, both numbers.
const receiptOf = (payment = paidPayment()) => buildReceipt(payment, { settings: SHOP_SETTINGS, timeZone: 'Asia/Jakarta' });

describe('whatsAppReceiptText', () => {
  it('names the shop, the time, the amount, the state and both numbers', () => {
    const text = whatsAppReceiptText(receiptOf());
    expect(text).toContain('Toko Maju Jaya');
    expect(text).toContain(formatRupiah(10_000_000));
    expect(text).toContain('Status: LUNAS');
    expect(text).toContain('No. transaksi: 20261130140455A1B2C3D4');
    expect(text).toContain('No. Paypro: PP202611300000012345');
    expect(text).toMatch(/Waktu: 30\/11\/2026 \d{2}\.\d{2} WIB/);
    expect(text).not.toContain('Bukti pembayaran');
  });

  it("adds Paypro's proof of payment when there is one, and says what is still owed on a partial sale", () => {
    const partial = receiptOf(paidPayment({ state: 'partially_paid', counterState: 'partially_paid', paidAmount: 7_500_000 }));
    const text = whatsAppReceiptText(partial, 'https://voucher.paypro.tech/v/1.pdf');
    expect(text).toContain('Status: DIBAYAR SEBAGIAN');
    expect(text).toContain(`Kurang: ${formatRupiah(2_500_000)}`);
    expect(text).toContain('Bukti pembayaran: https://voucher.paypro.tech/v/1.pdf');
  });
});

describe('whatsAppReceiptLink', () => {
  it("goes to the customer's mobile in the 62… form, the message in the text", () => {
    const payment = paidPayment({ customer: { name: '', mobile: '0812-3456-7890', email: '' } });
    const url = new URL(whatsAppReceiptLink(payment, receiptOf(payment), null));
    expect(url.href.startsWith('https://wa.me/6281234567890?text=')).toBe(true);
    expect(url.searchParams.get('text')).toContain(formatRupiah(10_000_000));
  });

  it('is refused for a sale whose cashier typed no mobile (the shop contact sent to Paypro is nobody to message)', () => {
    const payment = paidPayment({ customer: { name: 'Budi', mobile: '', email: '' } });
    expect(() => whatsAppReceiptLink(payment, receiptOf(payment), null)).toThrow(expect.objectContaining({ code: 'whatsapp.no_mobile' }));
  });
});
