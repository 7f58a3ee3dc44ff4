import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { MIGRATIONS } from '../../../../electron/core/ledger/migrations.ts';
import { T0, newPayment, useLedger } from './fixture.ts';

/** What the shift reports add up to: each one's own money plus what it received for earlier shifts. */
function shiftsTotal(ledger: Ledger): number {
  return ledger.day
    .shiftsBetween(0, Number.MAX_SAFE_INTEGER)
    .map((shift) => ledger.day.shiftReport(shift.id))
    .reduce((sum, report) => sum + report.received + report.earlier.amount, 0);
}

describe('Ledger schema 4: money after a shift closed lands in exactly one shift report', () => {
  const test = useLedger();

  /** Siti's shift with one sale of Rp 39.000 closed at the counter (expired or cancelled), then the shift closed. */
  function closedAtCounterInClosedShift(tradeNo: string, state: 'expired' | 'cancelled') {
    const cashier = test.ledger.day.addCashier('Siti', null).id;
    const shift = test.ledger.day.openShift(cashier);
    test.ledger.record(newPayment(tradeNo));
    test.ledger.update(tradeNo, { state: 'awaiting_payment' });
    test.ledger.update(tradeNo, { state });
    test.clock.set(test.clock.now() + 60_000);
    return { cashier, first: shift, closed: test.ledger.day.closeShift(shift.id) };
  }

  it('counts a late payment found after the close in the next shift, as received for an earlier shift; the closed report stays as it was', () => {
    const { ledger, clock } = test;
    const { cashier: siti, first, closed } = closedAtCounterInClosedShift('EXP', 'expired');
    const second = ledger.day.openShift(siti);
    clock.set(T0 + 120_000);
    ledger.update('EXP', { state: 'paid', paidAmount: 39_000 });

    expect(ledger.day.shiftReport(first.id)).toEqual(closed.report);
    expect(closed.report).toMatchObject({ received: 0, earlier: { count: 0, amount: 0 } });
    expect(ledger.day.shiftReport(second.id)).toMatchObject({ saleCount: 0, received: 0, earlier: { count: 1, amount: 39_000 } });
    const day = ledger.day.reportBetween(T0, T0 + 3_600_000);
    expect(day).toMatchObject({ received: 39_000, late: { count: 1, received: 39_000 }, earlier: { count: 1, amount: 39_000 } });
    expect(ledger.day.receivedAfterClose(T0, T0 + 3_600_000)).toEqual({ count: 1, amount: 39_000 });
    // The day's shifts add up to the day: 0 (frozen) + 39.000 received for the earlier shift.
    expect(shiftsTotal(ledger)).toBe(day.received);
    // And it is frozen into the second shift's report when that one closes.
    expect(ledger.day.closeShift(second.id).report?.earlier).toEqual({ count: 1, amount: 39_000 });
  });

  it('counts an awaiting sale paid after a forced close in the shift open then, and money that comes with no shift open in the next shift to open', () => {
    const { ledger, clock } = test;
    const siti = ledger.day.addCashier('Siti', null).id;
    const first = ledger.day.openShift(siti);
    ledger.record(newPayment('WAIT', { amount: 50_000 }));
    ledger.update('WAIT', { state: 'awaiting_payment' });
    ledger.day.closeShift(first.id, { allowOpenPayments: true });
    // The customer pays just after the supervisor closed the shift, before the next one opens.
    clock.set(T0 + 30_000);
    ledger.update('WAIT', { state: 'partially_paid', paidAmount: 20_000 });
    expect(shiftsTotal(ledger)).toBe(0);
    clock.set(T0 + 90_000);
    const next = ledger.day.openShift(siti);
    expect(ledger.day.shiftReport(next.id).earlier).toEqual({ count: 1, amount: 20_000 });
    expect(shiftsTotal(ledger)).toBe(20_000);
    expect(ledger.day.reportBetween(T0, T0 + 3_600_000).received).toBe(20_000);
  });

  it('puts a resolution made while no shift is open into the next shift, never into none', () => {
    const { ledger } = test;
    const { cashier: siti, first } = closedAtCounterInClosedShift('LATE', 'cancelled');
    ledger.update('LATE', { state: 'paid', paidAmount: 39_000 });
    ledger.day.resolveLate('LATE', 'refunded_cash', 'uang kembali');
    const second = ledger.day.openShift(siti);
    expect(ledger.day.shiftReport(second.id)).toMatchObject({
      resolutions: { goods_handed_over: 0, refunded_cash: 1, other: 0 },
      earlier: { count: 1, amount: 39_000 },
    });
    expect(ledger.day.shiftReport(first.id).resolutions.refunded_cash).toBe(0);
  });

  it('attributes by the order of writes, not the clock: a clock stepped back behind the close loses nothing', () => {
    const { ledger, clock } = test;
    clock.set(T0 + 3_600_000);
    const { cashier: siti } = closedAtCounterInClosedShift('EXP', 'expired');
    const second = ledger.day.openShift(siti);
    clock.set(T0 + 1_000);
    ledger.update('EXP', { state: 'paid', paidAmount: 39_000 });
    expect(ledger.day.shiftReport(second.id).earlier.amount).toBe(39_000);
    expect(shiftsTotal(ledger)).toBe(39_000);
  });

  it('keeps the rows append-only: a row taken by a shift, its amount or its sale cannot change, none is deleted', () => {
    const { ledger, temp } = test;
    const siti = ledger.day.addCashier('Siti', null).id;
    ledger.day.closeShift(ledger.day.openShift(siti).id);
    ledger.record(newPayment('NOSHIFT'));
    ledger.update('NOSHIFT', { state: 'awaiting_payment' });
    ledger.update('NOSHIFT', { state: 'awaiting_payment', gatewayStatus: 'pending' }); // no money moved: no row
    ledger.update('NOSHIFT', { state: 'paid', paidAmount: 39_000 });
    const raw = new DatabaseSync(temp.file);
    try {
      expect(() => raw.prepare('UPDATE received_after_close SET amount = 1').run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM received_after_close').run()).toThrow(/append-only/);
      const second = ledger.day.openShift(siti);
      expect(ledger.day.shiftReport(second.id).earlier).toEqual({ count: 1, amount: 39_000 });
      expect(() => raw.prepare('UPDATE received_after_close SET shift_id = NULL').run()).toThrow(/append-only/);
      expect(() => raw.prepare('UPDATE received_after_close SET shift_id = ?').run(second.id + 1)).toThrow(/append-only/);
      expect(raw.prepare('SELECT count(*) AS n FROM received_after_close').get()?.n).toBe(1);
    } finally {
      raw.close();
    }
  });

  it('migrates a schema-3 ledger: a frozen report without the new figure reads as zero, a resolution left without a shift goes to the next one', () => {
    test.ledger.close();
    const file = `${test.temp.dir}/v3.sqlite`;
    const raw = new DatabaseSync(file);
    for (const migration of MIGRATIONS.slice(0, 3)) migration(raw);
    raw.exec('PRAGMA user_version = 3');
    raw.exec(`INSERT INTO cashiers (id, name, pin, is_default, created_at) VALUES (1, 'Kasir', NULL, 1, 1)`);
    raw.exec(`INSERT INTO payments (id, trade_no, amount, paid_amount, state, customer_name, customer_mobile, customer_email,
      environment, created_at, updated_at, expires_at, late_at) VALUES (1, 'OLD', 5000, 5000, 'paid', 'a', 'b', 'c', 'live', 10, 30, 20, 30)`);
    const oldReport = JSON.stringify({ saleCount: 1, received: 0, resolutions: { goods_handed_over: 0, refunded_cash: 0, other: 0 } });
    raw.prepare(`INSERT INTO shifts (id, cashier_id, opened_at, closed_at, report) VALUES (1, 1, 5, 25, ?)`).run(oldReport);
    raw.exec(`INSERT INTO late_resolutions (payment_id, at, outcome, note, shift_id) VALUES (1, 40, 'other', '', NULL)`);
    raw.close();

    const ledger = (test.ledger = Ledger.open(file, { now: test.clock.now }));
    expect(ledger.durability().schemaVersion).toBe(MIGRATIONS.length);
    expect(ledger.day.shift(1)?.report?.earlier).toEqual({ count: 0, amount: 0 });
    const next = ledger.day.openShift(1);
    expect(ledger.day.shiftReport(next.id).resolutions.other).toBe(1);
    const check = new DatabaseSync(file);
    try {
      // A resolution that has its shift stays append-only.
      expect(() => check.prepare('UPDATE late_resolutions SET shift_id = NULL').run()).toThrow(/append-only/);
      expect(() => check.prepare(`UPDATE late_resolutions SET note = 'changed'`).run()).toThrow(/append-only/);
    } finally {
      check.close();
    }
  });
});
