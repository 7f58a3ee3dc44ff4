import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoLocal, localDateTime } from '../../../../electron/core/day/local-time.ts';
import { MinuteClock, SALES_CSV_HEADER, SalesCsv, type ExportSale } from '../../../../electron/core/day/sales-csv.ts';
import { CSV_FORMATS, type CsvFormat } from '../../../../shared/day/csv-format.ts';
import { PAYMENT_STATES } from '../../../../shared/payment.ts';
import { unprotect } from '../../../harness/csv-cells.ts';

beforeAll(() => {
  process.env.TZ = 'Asia/Jakarta';
});

/** The whole file at once (the export writes it page by page: SalesCsv keeps its state across). */
const salesCsv = (sales: ExportSale[], cutoffMinutes: number, format: CsvFormat = 'rfc4180') => {
  const csv = new SalesCsv(cutoffMinutes, format);
  return csv.head() + csv.lines(sales.slice(0, 1)) + csv.lines(sales.slice(1));
};
type CsvRow = Record<(typeof SALES_CSV_HEADER)[number], string>;

const sale = (overrides: Partial<ExportSale>): ExportSale => ({
  tradeNo: '20260303013000AB12CD34', platformTradeNo: 'PP-1', state: 'paid', amount: 10_000_000, paidAmount: 10_000_000,
  createdAt: Date.parse('2026-03-03T01:30:00+07:00'), cashierName: 'Siti', shiftId: 3,
  customerName: 'Budi', customerMobile: '081234567890', customerEmail: 'p@example.com',
  customerTyped: { name: true, mobile: true, email: true }, environment: 'live',
  lateAt: null, resolution: null, overpaidAmount: null, errorCode: null, ...overrides,
});

describe('sales CSV', () => {
  it('writes one row per sale with the business date, ISO and local times, and integer amounts', () => {
    const text = salesCsv([
      sale({}),
      sale({ tradeNo: 'T2', state: 'partially_paid', amount: 50_000, paidAmount: 20_000, lateAt: 1, resolution: 'refunded_cash' }),
      sale({ tradeNo: 'T3', state: 'expired', paidAmount: null, customerName: '=HYPERLINK("x")', cashierName: null, shiftId: null }),
    ], 4 * 60);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as CsvRow[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      business_date: '2026-03-02', // 01:30 with a 04:00 cut-off is still the evening before
      time_iso: '2026-03-03T01:30:00+07:00',
      time_local: '2026-03-03 01:30:00',
      amount: '10000000',
      received: '10000000',
      outstanding: '0',
      late_payment: 'no',
      cashier: 'Siti',
      shift: '3',
    });
    expect(rows[1]).toMatchObject({ received: '20000', outstanding: '30000', late_payment: 'yes', late_resolution: 'refunded_cash' });
    expect(rows[2]).toMatchObject({ received: '0', customer_name: `'=HYPERLINK("x")`, cashier: '', shift: '' });
  });

  it('keeps an overpayment out of received, in its own column, with the amount check beside it', () => {
    const text = salesCsv([
      sale({ amount: 10_000, paidAmount: 10_000, overpaidAmount: 990_000, errorCode: 'payment.paid_amount_differs' }),
      sale({ tradeNo: 'T2', errorCode: 'payment.paid_amount_unreadable' }),
      sale({ tradeNo: 'T3', state: 'failed', paidAmount: null, errorCode: 'gateway.status' }),
    ], 4 * 60);
    expect(SALES_CSV_HEADER.slice(-6)).toEqual(['overpaid', 'amount_check', 'overpaid_resolution', 'mdr', 'payout_estimate', 'customer_source']);
    const rows = parse(text, { bom: true, columns: true }) as CsvRow[];
    expect(rows[0]).toMatchObject({ received: '10000', overpaid: '990000', amount_check: 'payment.paid_amount_differs' });
    expect(rows[1]).toMatchObject({ overpaid: '0', amount_check: 'payment.paid_amount_unreadable' });
    expect(rows[2]).toMatchObject({ overpaid: '0', amount_check: '' });
  });

  // Issue 20 #6: the customer columns keep what was sent to Paypro, and say whose it is.
  it("says whether the customer columns are the cashier's typing, the shop's contact, both, or nothing", () => {
    const none = { name: false, mobile: false, email: false };
    const text = salesCsv([
      sale({ tradeNo: 'T1' }),
      sale({ tradeNo: 'T2', customerName: 'Warung Sari', customerTyped: none }),
      sale({ tradeNo: 'T3', customerTyped: { ...none, mobile: true } }),
      sale({ tradeNo: 'T4', customerName: '', customerMobile: '', customerEmail: '', customerTyped: none }),
    ], 0);
    expect(SALES_CSV_HEADER.at(-1)).toBe('customer_source');
    const rows = parse(text, { bom: true, columns: true }) as CsvRow[];
    expect(rows.map((row) => row.customer_source)).toEqual(['pelanggan', 'toko', 'pelanggan+toko', '']);
    expect(rows[1]).toMatchObject({ customer_name: 'Warung Sari', customer_mobile: '081234567890' });
  });

  it("names each row's business day, also when an export crosses the cut-off", () => {
    const at = (iso: string) => Date.parse(`${iso}+07:00`);
    const rows = parse(salesCsv([
      sale({ createdAt: at('2026-03-02T23:00:00') }),
      sale({ createdAt: at('2026-03-03T03:59:59') }),
      sale({ createdAt: at('2026-03-03T04:00:00') }),
      sale({ createdAt: at('2026-03-04T05:00:00') }),
    ], 4 * 60), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.business_date)).toEqual(['2026-03-02', '2026-03-02', '2026-03-03', '2026-03-04']);
  });

  it('Excel Indonesia: ";" columns, names intact, the mobile keeps its 0 and an all-digit trade number stays text', () => {
    const text = salesCsv([sale({ tradeNo: '2026030301300012345678', platformTradeNo: '1234567890123456789', customerName: 'Bu Ñoño; "Warung" Sé', customerMobile: '081234567890' })], 0, 'excel-semicolon');
    const [header, line] = text.split('\r\n');
    expect(header).toBe(`\uFEFF${SALES_CSV_HEADER.join(';')}`);
    expect(line).toContain(';"=""2026030301300012345678""";"=""1234567890123456789""";paid;10000000;10000000;0;');
    expect(line).toContain(';"Bu Ñoño; ""Warung"" Sé";"=""081234567890""";p@example.com;');
  });

  it('property: for random sales, a CSV parser with the format\'s separator gives back every value (after unprotecting) and integer amounts', () => {
    const awkward = fc.string({ unit: fc.constantFrom('a', 'é', 'Ñ', '李', '😀', ' ', ';', ',', '"', "'", '\n', '\r', '=', '+', '-', '@', '0', '1', 'E', 'e', '.', '/'), maxLength: 20 });
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const hexTail = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEF'), minLength: 8, maxLength: 8 });
    const saleArb = fc.record({
      tradeNo: fc.oneof(fc.tuple(digits(14, 14), hexTail).map(([a, b]) => a + b), fc.tuple(digits(14, 14), digits(1, 3)).map(([a, b]) => `${a}${b}E${'4567'.slice(0, 8 - b.length - 1)}`), awkward.filter((text) => text.length > 0)),
      platformTradeNo: fc.option(fc.oneof(digits(1, 24), awkward), { nil: null }),
      state: fc.constantFrom(...PAYMENT_STATES),
      amount: fc.integer({ min: 1, max: 10_000_000 }),
      paid: fc.integer({ min: 0, max: 10_000_000 }),
      createdAt: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }),
      cashierName: fc.option(awkward, { nil: null }),
      customerName: awkward,
      customerMobile: fc.oneof(digits(0, 14).map((d) => `0${d}`), digits(8, 13).map((d) => `+62${d}`), awkward),
      customerEmail: awkward,
    });
    fc.assert(
      fc.property(fc.constantFrom(...CSV_FORMATS), fc.array(saleArb, { maxLength: 6 }), (format, drawn) => {
        const sales = drawn
          .map((one) => sale({ ...one, paidAmount: one.state === 'paid' ? one.amount : one.state === 'partially_paid' ? Math.min(one.paid, one.amount - 1) : null }))
          .sort((a, b) => a.createdAt - b.createdAt);
        const rows = parse(salesCsv(sales, 4 * 60, format), { bom: true, columns: true, delimiter: format === 'excel-semicolon' ? ';' : ',' }) as CsvRow[];
        expect(rows).toHaveLength(sales.length);
        rows.forEach((row, i) => {
          const expected = sales[i]!;
          expect({
            trade_no: unprotect(row.trade_no), paypro_trade_no: unprotect(row.paypro_trade_no), cashier: unprotect(row.cashier),
            customer_name: unprotect(row.customer_name), customer_mobile: unprotect(row.customer_mobile), customer_email: unprotect(row.customer_email),
          }).toEqual({
            trade_no: expected.tradeNo, paypro_trade_no: expected.platformTradeNo ?? '', cashier: expected.cashierName ?? '',
            customer_name: expected.customerName, customer_mobile: expected.customerMobile, customer_email: expected.customerEmail,
          });
          for (const column of ['amount', 'received', 'outstanding'] as const) expect(row[column]).toMatch(/^(0|[1-9][0-9]*)$/);
          expect(Number(row.amount)).toBe(expected.amount);
          expect(Number(row.received) + Number(row.outstanding)).toBe(expected.state === 'partially_paid' ? expected.amount : Number(row.received));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('property: the per-minute clock writes exactly what isoLocal and localDateTime write, in time order and out of it', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Berlin']) {
      process.env.TZ = zone;
      fc.assert(
        fc.property(fc.array(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), { minLength: 1, maxLength: 40 }), fc.boolean(), (times, sorted) => {
          const clock = new MinuteClock();
          for (const ms of sorted ? [...times].sort((a, b) => a - b) : times) {
            // Neighbours in the same minute and across a minute (and DST) edge use the cache.
            for (const at of [ms, ms + 999, ms + 59_999, ms + 60_000]) {
              expect(clock.isoLocal(at)).toBe(isoLocal(at));
              expect(clock.localDateTime(at)).toBe(localDateTime(at));
            }
          }
        }),
        { numRuns: 50 },
      );
      // Across Berlin's spring-forward and fall-back hours, minute by minute.
      const clock = new MinuteClock();
      for (let at = Date.UTC(2026, 2, 29, 0, 0, 30); at < Date.UTC(2026, 2, 29, 2, 0); at += 30_000) expect(clock.isoLocal(at)).toBe(isoLocal(at));
      for (let at = Date.UTC(2026, 9, 25, 0, 0, 30); at < Date.UTC(2026, 9, 25, 2, 0); at += 30_000) expect(clock.localDateTime(at)).toBe(localDateTime(at));
    }
    process.env.TZ = 'Asia/Jakarta';
  });
});
