import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { buildReport, groupSales, receivedOf } from '../../../../electron/core/day/report.ts';
import { Ledger, LedgerError } from '../../../../electron/core/ledger/ledger.ts';
import type { SaleRecord, ShiftReport } from '../../../../electron/core/ledger/day-records.ts';
import { LATE_OUTCOMES } from '../../../../electron/core/ledger/day-records.ts';
import { businessDayOf, shiftBusinessDay } from '../../../../shared/day/business-day.ts';
import { canTransition, PAYMENT_STATES, type PaymentState } from '../../../../shared/payment.ts';
import { T0, newPayment } from './fixture.ts';

beforeAll(() => {
  process.env.TZ = 'Asia/Jakarta';
});

const MINUTE = 60_000;

/** One thing that happens at the till, after `gap` minutes. */
const step = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sale' as const), gap: fc.integer({ min: 0, max: 240 }), amount: fc.integer({ min: 1, max: 10_000_000 }) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('move' as const), gap: fc.integer({ min: 0, max: 90 }), pick: fc.nat(),
      // Leaning towards the walks that matter here: closed at the counter, then paid (late).
      to: fc.constantFrom(...PAYMENT_STATES.filter((state) => state !== 'creating'), 'expired', 'cancelled', 'paid', 'partially_paid'), paid: fc.integer({ min: 0, max: 10_000_000 }),
    }),
  },
  // The walk a late payment takes, in two strides: closed at the counter, later found paid.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('expire' as const), gap: fc.integer({ min: 0, max: 30 }), pick: fc.nat(), cancel: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('late' as const), gap: fc.integer({ min: 0, max: 120 }), pick: fc.nat(), partial: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('close' as const), gap: fc.integer({ min: 0, max: 300 }), force: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('open' as const), gap: fc.integer({ min: 0, max: 60 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('resolve' as const), gap: fc.integer({ min: 0, max: 60 }), pick: fc.nat(), outcome: fc.constantFrom(...LATE_OUTCOMES) }) },
);

function facts(sale: SaleRecord) {
  return { state: sale.state, amount: sale.amount, paidAmount: sale.paidAmount, createdAt: sale.createdAt, late: sale.lateAt !== null, voided: sale.voidedAt !== null };
}
const salesPart = ({ resolutions: _r, earlier: _e, overpaid: _o, overpaidResolved: _v, ...sales }: ShiftReport) => sales;

it('property: over days with a cut-off, every sale is in one shift, each day report is the sum over its sales, and the shift reports add up to every rupiah received', () => {
  const seen = { days: 0, forced: 0, lateAfterClose: 0, resolvedWithoutShift: 0, hours: 0 };
  fc.assert(
    fc.property(fc.array(step, { minLength: 10, maxLength: 45 }), fc.integer({ min: 0, max: 12 * 60 }), (plan, cutoff) => {
      let now = T0;
      const ledger = Ledger.open(':memory:', { now: () => now });
      try {
        const cashier = ledger.day.addCashier('Siti', null).id;
        const trades: string[] = [];
        const frozen = new Map<number, ShiftReport>();
        let resolutions = 0;
        plan.forEach((action, index) => {
          now += action.gap * MINUTE;
          // Halfway, the night passes: the sequence always covers a second business day.
          if (index === Math.floor(plan.length / 2)) now += 24 * 60 * MINUTE;
          const open = ledger.day.currentShift();
          if (action.kind === 'sale') {
            if (!open) ledger.day.openShift(cashier);
            trades.push(`S${index}`);
            ledger.record(newPayment(`S${index}`, { amount: action.amount, createdAt: now, expiresAt: now + 15 * MINUTE }));
          } else if (action.kind === 'move' && trades.length > 0) {
            const tradeNo = trades[action.pick % trades.length]!;
            const sale = ledger.day.byTradeNo(tradeNo)[0]!;
            if (!canTransition(sale.state, action.to)) return;
            const paid = action.to === 'partially_paid' ? Math.min(action.paid, sale.amount - 1) : action.to === 'paid' ? sale.amount : null;
            const shiftClosed = sale.shiftId !== null && ledger.day.shift(sale.shiftId)?.closedAt !== null;
            if (shiftClosed && (action.to === 'paid' || action.to === 'partially_paid')) seen.lateAfterClose++;
            ledger.update(tradeNo, { state: action.to as PaymentState, paidAmount: paid });
          } else if (action.kind === 'expire' || action.kind === 'late') {
            const from = action.kind === 'expire' ? ['creating', 'awaiting_payment'] : ['expired', 'cancelled'];
            const candidates = trades.map((tradeNo) => ledger.day.byTradeNo(tradeNo)[0]!).filter((sale) => from.includes(sale.state));
            const sale = candidates[action.pick % Math.max(candidates.length, 1)];
            if (!sale) return;
            if (action.kind === 'expire') {
              if (sale.state === 'creating') ledger.update(sale.tradeNo, { state: 'awaiting_payment' });
              ledger.update(sale.tradeNo, { state: action.cancel ? 'cancelled' : 'expired' });
            } else {
              if (sale.shiftId !== null && ledger.day.shift(sale.shiftId)?.closedAt !== null) seen.lateAfterClose++;
              ledger.update(sale.tradeNo, action.partial ? { state: 'partially_paid', paidAmount: Math.floor(sale.amount / 2) } : { state: 'paid', paidAmount: sale.amount });
            }
          } else if (action.kind === 'close' && open) {
            try {
              const closed = ledger.day.closeShift(open.id, { allowOpenPayments: action.force });
              frozen.set(closed.id, closed.report!);
              if (action.force) seen.forced++;
            } catch (error) {
              if (!(error instanceof LedgerError && error.code === 'payments_open')) throw error;
            }
          } else if (action.kind === 'open' && !open) {
            ledger.day.openShift(cashier);
          } else if (action.kind === 'resolve') {
            const waiting = ledger.day.lateUnresolved();
            const sale = waiting[action.pick % Math.max(waiting.length, 1)];
            if (!sale) return;
            if (!open) seen.resolvedWithoutShift++;
            ledger.day.resolveLate(sale.tradeNo, action.outcome, '');
            resolutions++;
          }
        });
        // The next shift to open takes what came in while none was open: open one to count it.
        if (!ledger.day.currentShift()) ledger.day.openShift(cashier);

        const sales = trades.map((tradeNo) => ledger.day.byTradeNo(tradeNo)[0]!);
        const shifts = ledger.day.shiftsBetween(0, Number.MAX_SAFE_INTEGER);
        const reports = shifts.map((shift) => ledger.day.shiftReport(shift.id));

        // (a) Every sale is in exactly one shift, and each shift's own list holds exactly its sales.
        const listed = shifts.flatMap((shift) => ledger.day.pageOfShift(shift.id, 1_000).sales.map((sale) => sale.tradeNo));
        expect(listed.toSorted()).toEqual(trades.toSorted());
        for (const sale of sales) expect(shifts.filter((shift) => shift.id === sale.shiftId)).toHaveLength(1);
        // A closed shift's report never changed after its close, whatever came afterwards.
        for (const [id, report] of frozen) expect(ledger.day.shiftReport(id)).toEqual(report);

        // (b) Each business day's report (and the hourly rollup under it) is the sum over its own sales.
        let day = businessDayOf(T0, cutoff);
        const last = businessDayOf(now, cutoff);
        let days = 0;
        for (; day.start <= last.start; day = shiftBusinessDay(day, 1, cutoff), days++) {
          const own = sales.filter((sale) => sale.createdAt >= day.start && sale.createdAt < day.end);
          const report = ledger.day.reportBetween(day.start, day.end);
          expect(salesPart(report)).toEqual(buildReport(groupSales(own.map(facts))));
          expect(report.received).toBe(own.reduce((sum, sale) => sum + receivedOf(sale), 0));
        }
        seen.days = Math.max(seen.days, days);
        seen.hours = Math.max(seen.hours, new Set(sales.map((sale) => Math.floor(sale.createdAt / 3_600_000))).size);

        // (c) The shift reports (own money + received for earlier shifts) add up to every rupiah received.
        const total = sales.reduce((sum, sale) => sum + receivedOf(sale), 0);
        expect(reports.reduce((sum, report) => sum + report.received + report.earlier.amount, 0)).toBe(total);
        // And every resolution is counted in exactly one shift.
        expect(reports.reduce((sum, report) => sum + Object.values(report.resolutions).reduce((a, b) => a + b, 0), 0)).toBe(resolutions);
      } finally {
        ledger.close();
      }
    }),
    { numRuns: 120 },
  );
  // The generator reaches the cases the property is about.
  expect(seen.days).toBeGreaterThanOrEqual(2);
  expect(seen.forced).toBeGreaterThan(0);
  expect(seen.lateAfterClose).toBeGreaterThan(0);
  expect(seen.resolvedWithoutShift).toBeGreaterThan(0);
  expect(seen.hours).toBeGreaterThan(5);
});
