import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { collectCsv, salesExport } from '../../../../electron/core/day/sales-export.ts';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { businessDayOf } from '../../../../shared/day/business-day.ts';
import { estimatePayout, MDR_PLANS } from '../../../../shared/day/mdr.ts';
import { T0, newPayment } from '../ledger/fixture.ts';

// Issue 22: the CSV's per-sale `mdr` and `payout_estimate` columns add up to the day report's
// "Perkiraan dana dari Paypro" (DayService.payoutEstimate: estimatePayout over the day's QRIS charges),
// whatever mix of QRIS (paid, partial, overpaid, expired), cash, Tagih sisa and rests in cash.

beforeAll(() => {
  process.env.TZ = 'Asia/Jakarta';
});

const MINUTE = 60_000;

const step = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('qris' as const), amount: fc.integer({ min: 1, max: 10_000_000 }), part: fc.double({ min: 0, max: 1.3, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cash' as const), amount: fc.integer({ min: 1, max: 10_000_000 }) }) },
  // The rest of a partial sale: a Tagih sisa QR (paid in full or in part) or cash; then maybe the first QR paid in full too.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('rest' as const), pick: fc.nat(), byQr: fc.boolean(), part: fc.double({ min: 0.1, max: 1, noNaN: true }), paidTwice: fc.boolean() }) },
);

it('property: the CSV rows\' mdr and payout_estimate sum to the day report\'s MDR and Perkiraan dana dari Paypro', async () => {
  const seen = { followUpQr: 0, overpaid: 0, micro: 0 };
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), fc.constantFrom(...MDR_PLANS), async (plan, mdrPlan) => {
      const day = businessDayOf(T0, 0);
      let now = day.start;
      const ledger = Ledger.open(':memory:', { now: () => now });
      try {
        ledger.day.openShift(ledger.day.addCashier('Siti', null).id);
        const partials: string[] = [];
        plan.forEach((action, index) => {
          now = day.start + (index + 1) * MINUTE;
          const tradeNo = `S${index}`;
          if (action.kind === 'cash') {
            ledger.recordCash({ ...newPayment(tradeNo, { amount: action.amount, createdAt: now }), tendered: action.amount });
          } else if (action.kind === 'qris') {
            ledger.record(newPayment(tradeNo, { amount: action.amount, createdAt: now, expiresAt: now + 15 * MINUTE }));
            ledger.update(tradeNo, { state: 'awaiting_payment' });
            const paid = Math.floor(action.amount * action.part);
            if (paid > action.amount) {
              ledger.update(tradeNo, { state: 'paid', paidAmount: action.amount, overpaidAmount: paid - action.amount });
              seen.overpaid++;
            } else if (paid === action.amount) ledger.update(tradeNo, { state: 'paid', paidAmount: paid });
            else if (paid > 0) {
              ledger.update(tradeNo, { state: 'partially_paid', paidAmount: paid });
              partials.push(tradeNo);
            } else ledger.update(tradeNo, { state: 'expired' });
          } else if (partials.length > 0) {
            const saleTradeNo = partials.splice(action.pick % partials.length, 1)[0]!;
            const sale = ledger.salePayments(saleTradeNo)[0]!;
            const rest = sale.amount - (sale.paidAmount ?? 0);
            if (action.byQr) {
              ledger.record(newPayment(tradeNo, { amount: rest, createdAt: now, expiresAt: now + 15 * MINUTE, saleTradeNo }));
              ledger.update(tradeNo, { state: 'awaiting_payment' });
              const paid = Math.max(1, Math.floor(rest * action.part));
              ledger.update(tradeNo, paid === rest ? { state: 'paid', paidAmount: rest } : { state: 'partially_paid', paidAmount: paid });
              seen.followUpQr++;
            } else ledger.recordCash({ ...newPayment(tradeNo, { amount: rest, createdAt: now }), tendered: rest, saleTradeNo });
            if (action.paidTwice) {
              // Paypro reports the first QR paid in full after all: capped at what it owed, the rest overpaid (main's rule).
              ledger.update(saleTradeNo, { state: 'paid', paidAmount: sale.paidAmount, overpaidAmount: rest });
              seen.overpaid++;
            }
          }
        });
        if (mdrPlan === 'micro') seen.micro++;

        const estimate = estimatePayout(ledger.reconciliations.receivedAmounts(day.start, day.end), mdrPlan);
        const file = salesExport(ledger.day, day, { fileName: 'x.csv', cutoffMinutes: 0, format: 'rfc4180', personalData: true, mdrPlan, pageSize: 7 });
        const rows = parse(await collectCsv(file.chunks), { bom: true, columns: true }) as Record<string, string>[];
        const sum = (column: string) => rows.reduce((total, row) => total + Number(row[column] || 0), 0);
        expect(sum('mdr')).toBe(estimate.mdr);
        expect(sum('payout_estimate')).toBe(estimate.expected);
        // A sale without QRIS money has both cells empty; one with QRIS money has both.
        for (const row of rows) expect(row.mdr === '', row.trade_no).toBe(row.payout_estimate === '');
      } finally {
        ledger.close();
      }
    }),
    {
      numRuns: 60,
      // Always among the runs: a partial finished by a Tagih sisa QR and then paid twice, a QR paid
      // more than charged, a cash sale, under the micro plan (Rp 10.000.000 above its free threshold).
      examples: [[[
        { kind: 'qris', amount: 10_000_000, part: 0.25 },
        { kind: 'rest', pick: 0, byQr: true, part: 1, paidTwice: true },
        { kind: 'qris', amount: 600_000, part: 1.25 },
        { kind: 'cash', amount: 45_000 },
      ], 'micro']],
    },
  );
  expect(seen.followUpQr).toBeGreaterThan(0);
  expect(seen.overpaid).toBeGreaterThan(0);
  expect(seen.micro).toBeGreaterThan(0);
});
