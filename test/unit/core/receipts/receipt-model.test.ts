import { describe, expect, it } from 'vitest';
import { formatRupiah } from '../../../../shared/money.ts';
import { PAYMENT_STATES } from '../../../../shared/payment.ts';
import {
  buildReceipt,
  formatReceiptTime,
  receiptRows,
  ReceiptError,
  LATE_MARK,
  REPRINT_MARK,
  TRAINING_MARK,
} from '../../../../electron/core/receipts/receipt-model.ts';
import { PAID_AT, paidPayment } from '../../../harness/payment-view-fixture.ts';
import { SHOP_SETTINGS } from '../../../harness/receipt-fixture.ts';

const JAKARTA = 'Asia/Jakarta';

describe('buildReceipt', () => {
  it('says LUNAS with the amount, both trade numbers, the QRIS merchant and the time with its zone', () => {
    const receipt = buildReceipt(paidPayment(), { settings: SHOP_SETTINGS, timeZone: JAKARTA });
    expect(receipt).toMatchObject({
      shopName: 'Toko Maju Jaya',
      status: 'LUNAS',
      amount: 10_000_000,
      received: null,
      outstanding: null,
      method: 'QRIS',
      platformTradeNo: 'PP202611300000012345',
      tradeNo: '20261130140455A1B2C3D4',
      merchantName: 'WARUNG SEDERHANA',
      paidAt: '30/11/2026 14.05 WIB',
      cashier: null,
      training: false,
      reprint: false,
    });
  });

  it('never carries the customer mobile or email in full', () => {
    const receipt = buildReceipt(paidPayment(), { settings: SHOP_SETTINGS, timeZone: JAKARTA });
    expect(receipt.customerMobile).toBe('*********890');
    expect(receipt.customerEmail).toBe('b***@example.co.id');
    const everything = JSON.stringify(receiptRows(receipt, { qr: true }));
    expect(everything).not.toContain('081234567890');
    expect(everything).not.toContain('budi.santoso@');
  });

  it('a partial payment shows what was received and what is still owed', () => {
    const receipt = buildReceipt(paidPayment({ state: 'partially_paid', paidAmount: 4_000_000 }), { settings: SHOP_SETTINGS });
    expect(receipt).toMatchObject({ status: 'DIBAYAR SEBAGIAN', received: 4_000_000, outstanding: 6_000_000 });
    const rows = receiptRows(receipt, { qr: false });
    expect(rows).toContainEqual({ kind: 'pair', label: 'Diterima', value: formatRupiah(4_000_000) });
    expect(rows).toContainEqual({ kind: 'pair', label: 'Kurang', value: formatRupiah(6_000_000) });
  });

  it.each(PAYMENT_STATES.filter((state) => state !== 'paid' && state !== 'partially_paid'))(
    'refuses a %s sale: a receipt is proof of payment',
    (state) => {
      expect(() => buildReceipt(paidPayment({ state }), { settings: SHOP_SETTINGS })).toThrow(ReceiptError);
    },
  );

  it('marks a training receipt at the top and the bottom', () => {
    const rows = receiptRows(buildReceipt(paidPayment({ environment: 'training' }), { settings: SHOP_SETTINGS }), { qr: false });
    expect(rows[0]).toEqual({ kind: 'banner', text: TRAINING_MARK });
    expect(rows.at(-1)).toEqual({ kind: 'banner', text: TRAINING_MARK });
    expect(TRAINING_MARK).toBe('LATIHAN — BUKAN BUKTI PEMBAYARAN');
  });

  it('prints only the customer fields the cashier typed (issue 20 #6)', () => {
    const customerLabels = (customer: { name: string; mobile: string; email: string }) =>
      receiptRows(buildReceipt(paidPayment({ customer }), { settings: SHOP_SETTINGS }), { qr: false })
        .flatMap((row) => (row.kind === 'pair' && ['Pelanggan', 'No. HP', 'Email'].includes(row.label) ? [row.label] : []));
    expect(customerLabels({ name: '', mobile: '', email: '' })).toEqual([]);
    expect(customerLabels({ name: '', mobile: '081298765432', email: '' })).toEqual(['No. HP']);
  });

  it('marks a late payment PEMBAYARAN TERLAMBAT, never a plain LUNAS alone (issue 20 #3)', () => {
    for (const paidLate of ['after_cancel', 'after_close'] as const) {
      const rows = receiptRows(buildReceipt(paidPayment({ paidLate }), { settings: SHOP_SETTINGS }), { qr: false });
      expect(rows).toContainEqual({ kind: 'banner', text: LATE_MARK });
    }
    expect(receiptRows(buildReceipt(paidPayment(), { settings: SHOP_SETTINGS }), { qr: false })).not.toContainEqual({ kind: 'banner', text: LATE_MARK });
    expect(LATE_MARK).toBe('PEMBAYARAN TERLAMBAT');
  });

  it('marks a reprint, and names the cashier once shifts give one', () => {
    const rows = receiptRows(buildReceipt(paidPayment(), { settings: SHOP_SETTINGS, reprint: true, cashier: ' Sari ' }), { qr: false });
    expect(rows).toContainEqual({ kind: 'banner', text: REPRINT_MARK });
    expect(rows).toContainEqual({ kind: 'pair', label: 'Kasir', value: 'Sari' });
  });

  it('falls back to the QRIS merchant name when the shop has no name set, and drops blank lines', () => {
    const receipt = buildReceipt(paidPayment(), { settings: { ...SHOP_SETTINGS, shopName: ' ', headerLines: ['', '  '] } });
    expect(receipt.shopName).toBe('WARUNG SEDERHANA');
    expect(receipt.headerLines).toEqual([]);
  });

  it('adds the QR of the Paypro number only when asked and when there is one', () => {
    const receipt = buildReceipt(paidPayment(), { settings: SHOP_SETTINGS });
    expect(receiptRows(receipt, { qr: true })).toContainEqual({ kind: 'qr', value: 'PP202611300000012345' });
    expect(receiptRows(receipt, { qr: false }).some((row) => row.kind === 'qr')).toBe(false);
    const noPlatform = buildReceipt(paidPayment({ platformTradeNo: null }), { settings: SHOP_SETTINGS });
    expect(receiptRows(noPlatform, { qr: true }).some((row) => row.kind === 'qr')).toBe(false);
  });
});

describe('formatReceiptTime', () => {
  it('names Indonesia\'s three zones and states any other zone by name', () => {
    expect(formatReceiptTime(PAID_AT, 'Asia/Jakarta')).toBe('30/11/2026 14.05 WIB');
    expect(formatReceiptTime(PAID_AT, 'Asia/Makassar')).toBe('30/11/2026 15.05 WITA');
    expect(formatReceiptTime(PAID_AT, 'Asia/Jayapura')).toBe('30/11/2026 16.05 WIT');
    expect(formatReceiptTime(PAID_AT, 'UTC')).toBe('30/11/2026 07.05 UTC');
  });
});
