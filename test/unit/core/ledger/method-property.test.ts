import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { businessDayOf, shiftBusinessDay } from '../../../../shared/day/business-day.ts';
import { T0, newPayment } from './fixture.ts';

beforeAll(() => {
  process.env.TZ = 'Asia/Jakarta';
});

const MINUTE = 60_000;

/** One thing at a till that takes QRIS and cash, after `gap` minutes. */
const step = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('qris' as const), gap: fc.integer({ min: 0, max: 240 }), amount: fc.integer({ min: 2, max: 10_000_000 }), part: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cash' as const), gap: fc.integer({ min: 0, max: 240 }), amount: fc.integer({ min: 1, max: 10_000_000 }), extra: fc.integer({ min: 0, max: 100_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rest' as const), gap: fc.integer({ min: 0, max: 60 }), pick: fc.nat(), extra: fc.integer({ min: 0, max: 50_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('close' as const), gap: fc.integer({ min: 0, max: 300 }) }) },
);

it('property: every rupiah of a day is in exactly one method and one shift (QRIS, cash sales, the rest of a partial in cash)', () => {
  const seen = { rests: 0, days: 0 };
  fc.assert(
    fc.property(fc.array(step, { minLength: 8, maxLength: 40 }), fc.integer({ min: 0, max: 12 * 60 }), (plan, cutoff) => {
      let now = T0;
      const ledger = Ledger.open(':memory:', { now: () => now });
      try {
        const cashier = ledger.day.addCashier('Siti', null).id;
        const partials: string[] = [];
        /** What the test handed over: money kept by method, and by the business day of the sale. */
        const kept = { qris: 0, cash: 0 };
        const byDay = new Map<string, { qris: number; cash: number }>();
        const keep = (createdAt: number, method: 'qris' | 'cash', amount: number) => {
          kept[method] += amount;
          const date = businessDayOf(createdAt, cutoff).date;
          const day = byDay.get(date) ?? { qris: 0, cash: 0 };
          day[method] += amount;
          byDay.set(date, day);
        };
        plan.forEach((action, index) => {
          now += action.gap * MINUTE;
          if (index === Math.floor(plan.length / 2)) now += 24 * 60 * MINUTE;
          if (action.kind === 'close') {
            const open = ledger.day.currentShift();
            if (open) ledger.day.closeShift(open.id, { allowOpenPayments: true });
            return;
          }
          if (!ledger.day.currentShift()) ledger.day.openShift(cashier);
          const tradeNo = `S${index}`;
          if (action.kind === 'qris') {
            ledger.record(newPayment(tradeNo, { amount: action.amount, createdAt: now, expiresAt: now + 15 * MINUTE }));
            ledger.update(tradeNo, { state: 'awaiting_payment' });
            const paid = Math.floor(action.amount * action.part);
            if (paid >= action.amount) ledger.update(tradeNo, { state: 'paid', paidAmount: action.amount });
            else if (paid > 0) {
              ledger.update(tradeNo, { state: 'partially_paid', paidAmount: paid });
              partials.push(tradeNo);
            } else ledger.update(tradeNo, { state: 'expired' });
            if (paid > 0) keep(now, 'qris', Math.min(paid, action.amount));
          } else if (action.kind === 'cash') {
            ledger.recordCash({ ...newPayment(tradeNo, { amount: action.amount, createdAt: now }), tendered: action.amount + action.extra });
            keep(now, 'cash', action.amount);
          } else if (partials.length > 0) {
            // The rest of a partial QRIS sale in cash: a follow-up of that sale, in today's shift.
            const saleTradeNo = partials.splice(action.pick % partials.length, 1)[0]!;
            const sale = ledger.salePayments(saleTradeNo)[0]!;
            const rest = sale.amount - (sale.paidAmount ?? 0);
            ledger.recordCash({ ...newPayment(tradeNo, { amount: rest, createdAt: now }), tendered: rest + action.extra, saleTradeNo });
            keep(now, 'cash', rest);
            seen.rests++;
          }
        });
        if (!ledger.day.currentShift()) ledger.day.openShift(cashier);

        // Each business day: QRIS + cash = received, and each method is what was handed over that day.
        let day = businessDayOf(T0, cutoff);
        const last = businessDayOf(now, cutoff);
        let days = 0;
        for (; day.start <= last.start; day = shiftBusinessDay(day, 1, cutoff), days++) {
          const report = ledger.day.reportBetween(day.start, day.end);
          expect(report.receivedByMethod.qris + report.receivedByMethod.cash).toBe(report.received);
          expect(report.receivedByMethod).toEqual(byDay.get(day.date) ?? { qris: 0, cash: 0 });
        }
        seen.days = Math.max(seen.days, days);

        // The shifts: every rupiah in exactly one of them, by method; a drawer expects its shift's cash.
        const shifts = ledger.day.shiftsBetween(0, Number.MAX_SAFE_INTEGER);
        const reports = shifts.map((shift) => ledger.day.shiftReport(shift.id));
        const sum = (pick: (report: (typeof reports)[number]) => number) => reports.reduce((total, report) => total + pick(report), 0);
        expect(sum((report) => report.receivedByMethod.cash)).toBe(kept.cash);
        expect(sum((report) => report.receivedByMethod.qris + report.earlier.amount)).toBe(kept.qris);
        for (const [index, shift] of shifts.entries()) {
          expect(reports[index]!.cash?.cashSales, `shift ${shift.id}`).toBe(reports[index]!.receivedByMethod.cash);
        }
      } finally {
        ledger.close();
      }
    }),
    { numRuns: 80 },
  );
  expect(seen.rests).toBeGreaterThan(0);
  expect(seen.days).toBeGreaterThanOrEqual(2);
});
