import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoLocal, localDateTime } from '../../../../electron/core/day/local-time.ts';
import { MinuteClock, SALES_CSV_HEADER, salesCsv, type ExportSale } from '../../../../electron/core/day/sales-csv.ts';

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
