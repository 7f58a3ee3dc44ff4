import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { SALES_CSV_HEADER, salesCsv, type ExportSale } from '../../../../electron/core/day/sales-csv.ts';

beforeAll(() => {
  process.env.TZ = 'Asia/Jakarta';
});

const sale = (overrides: Partial<ExportSale>): ExportSale => ({
  tradeNo: '20260303013000AB12CD34', platformTradeNo: 'PP-1', state: 'paid', amount: 10_000_000, paidAmount: 10_000_000,
  createdAt: Date.parse('2026-03-03T01:30:00+07:00'), cashierName: 'Siti', shiftId: 3,
  customerName: 'Pelanggan', customerMobile: '081234567890', customerEmail: 'p@example.com', environment: 'live',
  lateAt: null, resolution: null, ...overrides,
});

describe('sales CSV', () => {
  it('writes one row per sale with the business date, ISO and local times, and integer amounts', () => {
    const text = salesCsv([
      sale({}),
      sale({ tradeNo: 'T2', state: 'partially_paid', amount: 50_000, paidAmount: 20_000, lateAt: 1, resolution: 'refunded_cash' }),
      sale({ tradeNo: 'T3', state: 'expired', paidAmount: null, customerName: '=HYPERLINK("x")', cashierName: null, shiftId: null }),
    ], 4 * 60);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<(typeof SALES_CSV_HEADER)[number], string>[];
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
});
