import { describe, expect, it } from 'vitest';
import { formatRupiah } from '../../../../shared/money.ts';
import { buildReceipt, receiptRows } from '../../../../electron/core/receipts/receipt-model.ts';
import type { SalePaymentView } from '../../../../shared/payment.ts';
import { paidPayment } from '../../../harness/payment-view-fixture.ts';
import { SHOP_SETTINGS } from '../../../harness/receipt-fixture.ts';

const context = { settings: SHOP_SETTINGS, timeZone: 'Asia/Jakarta' };
const qris = (overrides: Partial<SalePaymentView>): SalePaymentView => ({
  tradeNo: 'T1', platformTradeNo: 'PP1', method: 'qris', state: 'partially_paid', amount: 100_000,
  paidAmount: 25_000, cashTendered: null, cashChange: null, ...overrides,
});
const pairs = (rows: ReturnType<typeof receiptRows>) => rows.flatMap((row) => (row.kind === 'pair' ? [`${row.label}: ${row.value}`] : []));

describe('receipt of a sale paid in cash or in several payments (issues 20 item 2 and 22)', () => {
  it('a cash sale says TUNAI with the cash received and the change', () => {
    const cash: SalePaymentView = qris({ tradeNo: 'C1', platformTradeNo: null, method: 'cash', state: 'paid', amount: 35_000, paidAmount: 35_000, cashTendered: 50_000, cashChange: 15_000 });
    const payment = { ...paidPayment(), amount: 35_000, paidAmount: 35_000, platformTradeNo: null, tradeNo: 'C1', sale: { tradeNo: 'C1', amount: 35_000, payments: [cash], received: 35_000, outstanding: 0 } };
    const receipt = buildReceipt(payment, context);
    expect(receipt).toMatchObject({ method: 'TUNAI', status: 'LUNAS', amount: 35_000, received: null });
    expect(pairs(receiptRows(receipt, { qr: false }))).toEqual(expect.arrayContaining(['Metode: TUNAI', `TUNAI: ${formatRupiah(35000)}`, `Tunai diterima: ${formatRupiah(50000)}`, `Kembalian: ${formatRupiah(15000)}`]));
  });

  it('a partial payment finished with Tagih sisa prints the sale paid in full, each payment with its Paypro number', () => {
    const payments = [qris({}), qris({ tradeNo: 'T2', platformTradeNo: 'PP2', state: 'paid', amount: 75_000, paidAmount: 75_000 })];
    const payment = { ...paidPayment(), tradeNo: 'T2', amount: 75_000, sale: { tradeNo: 'T1', amount: 100_000, payments, received: 100_000, outstanding: 0 } };
    const receipt = buildReceipt(payment, context);
    expect(receipt).toMatchObject({ method: 'QRIS', status: 'LUNAS', amount: 100_000 });
    expect(pairs(receiptRows(receipt, { qr: false }))).toEqual(expect.arrayContaining([`QRIS: ${formatRupiah(25000)}`, 'No. Paypro: PP1', `QRIS: ${formatRupiah(75000)}`, 'No. Paypro: PP2']));
  });

  it('the rest in cash: QRIS + TUNAI', () => {
    const payments = [qris({}), qris({ tradeNo: 'C2', platformTradeNo: null, method: 'cash', state: 'paid', amount: 75_000, paidAmount: 75_000, cashTendered: 100_000, cashChange: 25_000 })];
    const payment = { ...paidPayment(), tradeNo: 'C2', amount: 75_000, sale: { tradeNo: 'T1', amount: 100_000, payments, received: 100_000, outstanding: 0 } };
    expect(buildReceipt(payment, context)).toMatchObject({ method: 'QRIS + TUNAI', status: 'LUNAS', amount: 100_000 });
  });
});
