import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeFor, quickTenders } from '../../../shared/cash.ts';
import { groupRupiah } from '../../../shared/money.ts';
import { readTender } from '../../../electron/core/payments/payment-service.ts';
import { PosError } from '../../../electron/core/errors.ts';

const rupiah = fc.integer({ min: 1, max: 10_000_000_000 });

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof PosError ? error.code : 'not a PosError';
  }
  return undefined;
}

describe('cash at the counter', () => {
  it('property: change = tendered − amount, never negative; a tender below the amount is refused with what is short', () => {
    fc.assert(
      fc.property(rupiah, rupiah, (amount, tendered) => {
        const result = changeFor(amount, tendered);
        if (tendered >= amount) {
          expect(result).toEqual({ ok: true, change: tendered - amount });
        } else {
          expect(result).toEqual({ ok: false, short: amount - tendered });
        }
      }),
    );
  });

  it('property: a tender typed as the cashier does (grouped or not, with Rp) reads as that amount, and main refuses it when short', () => {
    fc.assert(
      fc.property(rupiah, rupiah, fc.constantFrom('', 'Rp ', 'Rp. ', 'rp'), fc.boolean(), (amount, tendered, prefix, grouped) => {
        const typed = `${prefix}${grouped ? groupRupiah(tendered) : String(tendered)}`;
        if (tendered >= amount) expect(readTender(typed, amount)).toBe(tendered);
        else expect(codeOf(() => readTender(typed, amount))).toBe('cashSale.tender_short');
      }),
    );
  });

  it('property: a tender with cents, bad grouping or no number is refused, never read as another amount', () => {
    const bad = fc.oneof(
      rupiah.map((value) => `${groupRupiah(value)},50`),
      rupiah.map((value) => `${value}.5`),
      fc.constantFrom('', 'abc', '-5.000', '1.00.000', '12,5'),
    );
    fc.assert(
      fc.property(bad, (typed) => {
        expect(codeOf(() => readTender(typed, 1))).toBe('cashSale.tender_invalid');
      }),
    );
    expect(codeOf(() => readTender(-1, 1))).toBe('cashSale.tender_invalid');
    expect(codeOf(() => readTender(1.5, 1))).toBe('cashSale.tender_invalid');
  });

  it('property: quick tenders start with the exact amount, then larger round sums, smallest first, each a whole number of notes', () => {
    fc.assert(
      fc.property(rupiah, (amount) => {
        const [exact, ...roundUps] = quickTenders(amount);
        expect(exact).toBe(amount);
        expect(roundUps.length).toBeLessThanOrEqual(3);
        expect([...roundUps].sort((a, b) => a - b)).toEqual(roundUps);
        for (const tender of roundUps) {
          expect(tender).toBeGreaterThan(amount);
          expect(tender % 10_000).toBe(0);
        }
      }),
    );
    expect(quickTenders(35_000)).toEqual([35_000, 40_000, 50_000, 100_000]);
    expect(quickTenders(10_000_000)).toEqual([10_000_000]);
  });
});
