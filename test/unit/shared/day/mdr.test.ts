import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimatePayout, MICRO_FREE_UP_TO, mdrOf, type MdrPlan } from '../../../../shared/day/mdr.ts';

const amount = fc.integer({ min: 1, max: 10_000_000_000 });
const plan = fc.constantFrom<MdrPlan>('regular', 'micro');

describe('QRIS MDR (Bank Indonesia, since 1 Dec 2024)', () => {
  it('regular: 0.7% of the transaction, rounded half up to the rupiah', () => {
    expect(mdrOf(100_000, 'regular')).toBe(700);
    expect(mdrOf(123_456, 'regular')).toBe(864); // 864.192
    expect(mdrOf(500, 'regular')).toBe(4); // 3.5 → 4
    expect(mdrOf(50, 'regular')).toBe(0); // 0.35 → 0
    expect(mdrOf(10_000_000, 'regular')).toBe(70_000);
  });

  it('micro: nothing up to Rp 500.000, 0.3% of the whole transaction above it', () => {
    expect(mdrOf(MICRO_FREE_UP_TO, 'micro')).toBe(0);
    expect(mdrOf(MICRO_FREE_UP_TO + 1, 'micro')).toBe(1_500); // 1500.003
    expect(mdrOf(10_000_000, 'micro')).toBe(30_000);
  });

  it('equals the exact rate rounded half up, never negative, never more than the amount', () => {
    fc.assert(
      fc.property(amount, plan, (value, chosen) => {
        const rate = chosen === 'regular' ? 7 : value <= MICRO_FREE_UP_TO ? 0 : 3;
        // Exact in BigInt: the rounding of value × rate / 1000, half up.
        const exact = (BigInt(value) * BigInt(rate) * 2n + 1000n) / 2000n;
        const mdr = mdrOf(value, chosen);
        expect(BigInt(mdr)).toBe(exact);
        expect(mdr).toBeGreaterThanOrEqual(0);
        expect(mdr).toBeLessThanOrEqual(value);
      }),
    );
  });

  it('the payout estimate is received − the sum of each transaction’s MDR', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000_000 }), { maxLength: 60 }), plan, (amounts, chosen) => {
        const estimate = estimatePayout(amounts, chosen);
        const paid = amounts.filter((value) => value > 0);
        expect(estimate.count).toBe(paid.length);
        expect(estimate.received).toBe(paid.reduce((sum, value) => sum + value, 0));
        expect(estimate.mdr).toBe(paid.reduce((sum, value) => sum + mdrOf(value, chosen), 0));
        expect(estimate.expected).toBe(estimate.received - estimate.mdr);
        expect(estimate.expected).toBeLessThanOrEqual(estimate.received);
      }),
    );
  });

  it('refuses an amount that is not whole rupiah', () => {
    expect(() => mdrOf(1.5, 'regular')).toThrow(RangeError);
    expect(() => mdrOf(-1, 'micro')).toThrow(RangeError);
  });
});
