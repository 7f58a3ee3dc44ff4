import fc from 'fast-check';
import { expect, it } from 'vitest';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { T0, newPayment } from './fixture.ts';

/** One thing that happens to the drawer's cash. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('open' as const), float: fc.integer({ min: 0, max: 10_000_000 }) }),
  fc.record({ kind: fc.constantFrom('cash_in' as const, 'cash_out' as const), amount: fc.integer({ min: 1, max: 10_000_000 }) }),
  // A late payment the cashier hands back in cash (or deals with otherwise: not a drawer movement).
  fc.record({ kind: fc.constant('late' as const), amount: fc.integer({ min: 1, max: 10_000_000 }), refunded: fc.boolean(), partial: fc.boolean() }),
  fc.record({ kind: fc.constant('close' as const), counted: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }) }),
);

it('property: over random shifts, the expected drawer cash is the sum of its movements, and the count frozen at close keeps it', () => {
  const seen = { closedCounted: 0, refunds: 0, adoptedRefunds: 0 };
  fc.assert(
    fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (plan) => {
      let now = T0;
      const ledger = Ledger.open(':memory:', { now: () => now });
      try {
        const day = ledger.day;
        const cashier = day.addCashier('Siti', null).id;
        // The model: each shift's signed movements, written down as they happen.
        const movements = new Map<number, number[]>();
        let waitingRefunds: number[] = [];
        let trade = 0;
        for (const action of plan) {
          now += 60_000;
          const open = day.currentShift();
          switch (action.kind) {
            case 'open': {
              if (open) break;
              const shift = day.openShift(cashier, action.float);
              // Refunds resolved while no shift was open are taken by this one, like the rest (schema 4).
              movements.set(shift.id, [action.float, ...waitingRefunds.map((amount) => -amount)]);
              if (waitingRefunds.length > 0) seen.adoptedRefunds += 1;
              waitingRefunds = [];
              break;
            }
            case 'cash_in':
            case 'cash_out':
              if (!open) break;
              day.cash.move(action.kind, action.amount, 'alasan');
              movements.get(open.id)!.push(action.kind === 'cash_in' ? action.amount : -action.amount);
              break;
            case 'late': {
              const tradeNo = `LATE-${(trade += 1)}`;
              ledger.record(newPayment(tradeNo, { amount: action.amount, createdAt: now }));
              ledger.update(tradeNo, { state: 'awaiting_payment' });
              ledger.update(tradeNo, { state: 'expired' });
              const paid = action.partial ? Math.ceil(action.amount / 2) : action.amount;
              ledger.update(tradeNo, { state: action.partial ? 'partially_paid' : 'paid', paidAmount: paid });
              day.resolveLate(tradeNo, action.refunded ? 'refunded_cash' : 'goods_handed_over', '');
              if (!action.refunded) break;
              seen.refunds += 1;
              if (open) movements.get(open.id)!.push(-paid);
              else waitingRefunds.push(paid);
              break;
            }
            case 'close': {
              if (!open) break;
              const expected = movements.get(open.id)!.reduce((sum, amount) => sum + amount, 0);
              expect(day.shiftReport(open.id).cash?.expected).toBe(expected);
              const count = action.counted === undefined ? {} : { cash: { counted: action.counted, expectedSeen: expected, differenceApproved: false } };
              const closed = day.closeShift(open.id, { allowOpenPayments: true, ...count });
              expect(closed.report?.cash?.expected).toBe(expected);
              if (action.counted !== undefined) {
                seen.closedCounted += 1;
                expect(closed.report?.cash?.difference).toBe(action.counted - expected);
              }
              break;
            }
          }
        }
        for (const [shiftId, amounts] of movements) {
          const cash = day.shiftReport(shiftId).cash!;
          expect(cash.expected).toBe(amounts.reduce((sum, amount) => sum + amount, 0));
          expect(cash.float + cash.cashIn.amount - cash.cashOut.amount - cash.cashRefunds.amount + cash.cashSales).toBe(cash.expected);
        }
      } finally {
        ledger.close();
      }
    }),
    { numRuns: 150 },
  );
  // The generator reaches the cases that matter.
  expect(seen.closedCounted).toBeGreaterThan(20);
  expect(seen.refunds).toBeGreaterThan(20);
  expect(seen.adoptedRefunds).toBeGreaterThan(0);
});
