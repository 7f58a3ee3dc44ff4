import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { SALES_CSV_HEADER, SalesCsv } from '../../../../electron/core/day/sales-csv.ts';
import { unprotect } from '../../../harness/csv-cells.ts';
import { LedgerError } from '../../../../electron/core/ledger/ledger.ts';
import { T0, newPayment, useLedger } from './fixture.ts';

const HOUR = 3_600_000;
const CUSTOMER = { customerName: 'Pelanggan', customerMobile: '081234567890', customerEmail: 'p@example.com', customerTyped: { name: true, mobile: true, email: true } };

describe('Ledger schema 5: a sale of several payments, QRIS and cash', () => {
  const test = useLedger();

  function cash(tradeNo: string, amount: number, tendered: number, saleTradeNo?: string) {
    return test.ledger.recordCash({
      tradeNo, amount, tendered, ...CUSTOMER, environment: 'training', createdAt: test.clock.now(),
      ...(saleTradeNo === undefined ? {} : { saleTradeNo }),
    });
  }

  /** A QRIS sale of Rp 100.000 of which the customer paid Rp 25.000. */
  function partialSale(tradeNo: string) {
    test.ledger.record(newPayment(tradeNo, { amount: 100_000 }));
    test.ledger.update(tradeNo, { state: 'awaiting_payment', platformTradeNo: `PP-${tradeNo}` });
    test.ledger.update(tradeNo, { state: 'partially_paid', paidAmount: 25_000 });
  }

  /** The day's CSV rows, each cell by its column name, as a reading program sees them. */
  function csvOfDay(): Record<string, string>[] {
    const csv = new SalesCsv(0, 'excel-comma');
    let text = '';
    for (const page of test.ledger.day.exportPages(T0 - HOUR, T0 + HOUR, 100)) text += csv.lines(page);
    const rows = parse(text, { bom: true }) as string[][];
    return rows.map((row) => Object.fromEntries(SALES_CSV_HEADER.map((name, i) => [name, unprotect(row[i] ?? '')])));
  }

  it('records a cash sale paid at once, with the tender and the change, and refuses a tender below the amount', () => {
    const sale = cash('CASH1', 35_000, 50_000);
    expect(sale).toMatchObject({ state: 'paid', paidAmount: 35_000 });
    expect(test.ledger.salePayments('CASH1')).toEqual([
      expect.objectContaining({ method: 'cash', cashTendered: 50_000, cashChange: 15_000, saleTradeNo: null }),
    ]);
    expect(test.ledger.events('CASH1')).toMatchObject([{ fromState: null, toState: 'paid', note: 'cash received' }]);
    expect(() => cash('CASH2', 35_000, 34_999)).toThrow(LedgerError);
    expect(test.ledger.get('CASH2')).toBeUndefined();
    // Never followed at the gateway.
    expect(test.ledger.listUnsettled()).toEqual([]);
  });

  it('a partial payment finished with Tagih sisa is one sale, paid in full, in Today, the reports and the CSV, with both Paypro numbers', () => {
    const { ledger } = test;
    const shift = ledger.day.openShift(ledger.day.addCashier('Siti', null).id);
    partialSale('SALE');
    ledger.record(newPayment('REST', { amount: 75_000, saleTradeNo: 'SALE' }));
    ledger.update('REST', { state: 'awaiting_payment', platformTradeNo: 'PP-REST' });
    // Before the rest is paid: one partial sale owing Rp 75.000.
    expect(ledger.summarize(T0 - HOUR, T0 + HOUR)).toMatchObject({ count: 1, receivedTotal: 25_000, outstandingTotal: 75_000 });
    ledger.update('REST', { state: 'paid', paidAmount: 75_000 });

    expect(ledger.summarize(T0 - HOUR, T0 + HOUR)).toMatchObject({
      count: 1, receivedTotal: 100_000, outstandingTotal: 0, receivedByMethod: { qris: 100_000, cash: 0 },
      byState: { paid: { count: 1, amount: 100_000 }, partially_paid: { count: 0, amount: 0 } },
    });
    for (const report of [ledger.day.reportBetween(T0 - HOUR, T0 + HOUR), ledger.day.reportBetween(T0 - 3 * HOUR, T0 + 3 * HOUR), ledger.day.shiftReport(shift.id)]) {
      expect(report).toMatchObject({
        saleCount: 1, received: 100_000, partial: { received: 0, outstanding: 0 },
        buckets: { paid: { count: 1, amount: 100_000 }, partially_paid: { count: 0, amount: 0 } },
      });
    }
    expect(ledger.pageBetween(T0 - HOUR, T0 + HOUR, 10).payments.map((p) => p.tradeNo)).toEqual(['SALE']);
    expect(ledger.day.pageBetween(T0 - HOUR, T0 + HOUR, 10).sales.map((s) => s.tradeNo)).toEqual(['SALE']);
    // Found by the follow-up's numbers too: the sale's row comes back.
    expect(ledger.day.byTradeNo('PP-REST').map((s) => s.tradeNo)).toEqual(['SALE']);
    expect(ledger.salePayments('REST').map((p) => [p.tradeNo, p.platformTradeNo, p.saleTradeNo])).toEqual([
      ['SALE', 'PP-SALE', null],
      ['REST', 'PP-REST', 'SALE'],
    ]);
    const rows = csvOfDay();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      trade_no: 'SALE', paypro_trade_no: 'PP-SALE', state: 'partially_paid', amount: '100000', received: '100000', outstanding: '0',
      method: 'qris', cash_tendered: '', cash_change: '', follow_up_trade_nos: 'REST', follow_up_paypro_trade_nos: 'PP-REST',
    });
  });

  it('the rest of a partial QRIS payment in cash: one sale, QRIS and cash apart, takings in total', () => {
    const { ledger } = test;
    partialSale('SALE');
    cash('CASH', 75_000, 100_000, 'SALE');
    const report = ledger.day.reportBetween(T0 - HOUR, T0 + HOUR);
    expect(report).toMatchObject({ saleCount: 1, received: 100_000, receivedByMethod: { qris: 25_000, cash: 75_000 } });
    expect(report.buckets.paid).toEqual({ count: 1, amount: 100_000 });
    expect(csvOfDay()).toEqual([expect.objectContaining({
      received: '100000', outstanding: '0', method: 'qris+cash', cash_tendered: '100000', cash_change: '25000', follow_up_trade_nos: 'CASH',
    })]);
  });

  it('an expired QR paid in cash is one paid sale; if Paypro later says the QR was paid, it is a late payment to resolve, never silent', () => {
    const { ledger } = test;
    ledger.record(newPayment('QR', { amount: 39_000 }));
    ledger.update('QR', { state: 'awaiting_payment' });
    ledger.update('QR', { state: 'expired' });
    cash('CASH', 39_000, 40_000, 'QR');
    expect(ledger.day.reportBetween(T0 - HOUR, T0 + HOUR)).toMatchObject({
      saleCount: 1, received: 39_000, buckets: { paid: { count: 1, amount: 39_000 }, expired: { count: 0, amount: 0 } },
    });
    ledger.update('QR', { state: 'paid', paidAmount: 39_000 });
    expect(ledger.day.lateUnresolved().map((sale) => sale.tradeNo)).toEqual(['QR']);
    expect(ledger.day.reportBetween(T0 - HOUR, T0 + HOUR)).toMatchObject({ saleCount: 1, received: 78_000, late: { count: 1 } });
  });

  it('refuses a follow-up of an unknown sale, of a follow-up, or of another environment, and never changes how a payment was made', () => {
    const { ledger } = test;
    partialSale('SALE');
    expect(() => ledger.record(newPayment('X', { saleTradeNo: 'NOPE' }))).toThrow(expect.objectContaining({ code: 'not_found' }));
    ledger.record(newPayment('REST', { amount: 75_000, saleTradeNo: 'SALE' }));
    expect(() => ledger.record(newPayment('Y', { saleTradeNo: 'REST' }))).toThrow(expect.objectContaining({ code: 'invalid_record' }));
    expect(() => ledger.record(newPayment('Z', { saleTradeNo: 'SALE', environment: 'live' }))).toThrow(expect.objectContaining({ code: 'invalid_record' }));
  });
});
