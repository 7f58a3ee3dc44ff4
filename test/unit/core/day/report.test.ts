import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYMENT_STATES } from '../../../../shared/payment.ts';
import { bucketOf, buildReport, groupSales, receivedOf, type SaleFacts } from '../../../../electron/core/day/report.ts';

const sale = (overrides: Partial<SaleFacts>): SaleFacts => ({
  state: 'paid', amount: 10_000, paidAmount: null, createdAt: 1_000, late: false, voided: false, ...overrides,
});

describe('report arithmetic', () => {
  it('adds up a hand-built day with every state, a partial, a late payment and a void', () => {
    const report = buildReport(groupSales([
      sale({ state: 'paid', amount: 25_000, paidAmount: 25_000, createdAt: 100 }),
      sale({ state: 'paid', amount: 10_000, paidAmount: null, createdAt: 200 }), // gateway named no amount
      sale({ state: 'partially_paid', amount: 50_000, paidAmount: 20_000, createdAt: 300 }),
      sale({ state: 'failed', amount: 15_000, createdAt: 400 }),
      sale({ state: 'expired', amount: 12_000, createdAt: 50 }),
      sale({ state: 'cancelled', amount: 30_000, createdAt: 500, voided: true }),
      sale({ state: 'paid', amount: 40_000, paidAmount: 40_000, createdAt: 600, late: true, voided: true }),
      sale({ state: 'paid', amount: 11_000, paidAmount: 11_000, createdAt: 650, late: true }),
      sale({ state: 'awaiting_payment', amount: 9_000_000, createdAt: 700 }),
      sale({ state: 'unknown', amount: 20_000, createdAt: 800 }),
      sale({ state: 'creating', amount: 10_000, createdAt: 900 }),
    ]));
    expect(report).toEqual({
      saleCount: 11,
      buckets: {
        // Paid after the counter closed them: in the late line only (issue 20 #5).
        paid: { count: 2, amount: 35_000 },
        partially_paid: { count: 1, amount: 50_000 },
        late: { count: 2, amount: 51_000 },
        failed: { count: 1, amount: 15_000 },
        expired: { count: 1, amount: 12_000 },
        cancelled: { count: 1, amount: 30_000 },
        open: { count: 3, amount: 9_030_000 },
      },
      partial: { received: 20_000, outstanding: 30_000 },
      received: 25_000 + 10_000 + 20_000 + 40_000 + 11_000,
      receivedByMethod: { qris: 25_000 + 10_000 + 20_000 + 40_000 + 11_000, cash: 0 },
      firstSaleAt: 50,
      lastSaleAt: 900,
      late: { count: 2, received: 51_000 },
      voids: { count: 2, amount: 70_000 },
    });
  });

  it('is all zeros, with no first or last sale, for an empty shift', () => {
    const report = buildReport([]);
    expect(report.saleCount).toBe(0);
    expect(report.received).toBe(0);
    expect(report.firstSaleAt).toBeNull();
    expect(Object.values(report.buckets).every((bucket) => bucket.count === 0 && bucket.amount === 0)).toBe(true);
  });

  const saleArb = fc.record({
    state: fc.constantFrom(...PAYMENT_STATES),
    amount: fc.integer({ min: 1, max: 10_000_000 }),
    paidAmount: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
    createdAt: fc.integer({ min: 0, max: 2 ** 42 }),
    late: fc.boolean(),
    voided: fc.boolean(),
  });

  it('totals equal the sum over the sales, however they are grouped or split into shifts', () => {
    fc.assert(
      fc.property(fc.array(saleArb, { maxLength: 60 }), fc.array(fc.nat(3), { maxLength: 60 }), (sales, shiftOf) => {
        const report = buildReport(groupSales(sales));
        expect(report.saleCount).toBe(sales.length);
        expect(report.received).toBe(sales.reduce((sum, one) => sum + receivedOf(one), 0));
        for (const bucket of Object.keys(report.buckets) as (keyof typeof report.buckets)[]) {
          const inBucket = sales.filter((one) => bucketOf(one) === bucket);
          expect(report.buckets[bucket]).toEqual({ count: inBucket.length, amount: inBucket.reduce((sum, one) => sum + one.amount, 0) });
        }
        expect(report.late.count).toBe(sales.filter((one) => one.late).length);
        // Every sale in exactly one state line.
        expect(Object.values(report.buckets).reduce((sum, bucket) => sum + bucket.count, 0)).toBe(sales.length);
        expect(report.buckets.late.count).toBe(report.late.count);
        expect(report.voids.amount).toBe(sales.filter((one) => one.voided).reduce((sum, one) => sum + one.amount, 0));
        expect(report.firstSaleAt).toBe(sales.length ? Math.min(...sales.map((one) => one.createdAt)) : null);

        // Each sale in exactly one of four shifts: the shift reports add up to the day's.
        const shifts = [0, 1, 2, 3].map((shift) => buildReport(groupSales(sales.filter((_, index) => (shiftOf[index] ?? 0) === shift))));
        expect(shifts.reduce((sum, one) => sum + one.saleCount, 0)).toBe(report.saleCount);
        expect(shifts.reduce((sum, one) => sum + one.received, 0)).toBe(report.received);
        expect(shifts.reduce((sum, one) => sum + one.partial.outstanding, 0)).toBe(report.partial.outstanding);
      }),
    );
  });
});
