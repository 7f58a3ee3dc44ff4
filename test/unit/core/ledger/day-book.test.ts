import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { DAY_QUERIES } from '../../../../electron/core/ledger/day-queries.ts';
import { QUERIES } from '../../../../electron/core/ledger/queries.ts';
import { afterQueryAnswer } from '../../../../electron/core/payments/transitions.ts';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { MIGRATIONS } from '../../../../electron/core/ledger/migrations.ts';
import { T0, newPayment, useLedger } from './fixture.ts';
import { ledgerErrorCode } from '../../../harness/error-code.ts';

describe('DayBook: cashiers, shifts, reports, history, late payments', () => {
  const fixture = useLedger();

  it('migrates a schema-1 fixture.ledger: its sales stay, with no shift', () => {
    fixture.ledger.close();
    const file = `${fixture.temp.dir}/v1.sqlite`;
    const raw = new DatabaseSync(file);
    MIGRATIONS[0]!(raw);
    raw.exec('PRAGMA user_version = 1');
    raw.prepare(`INSERT INTO payments (trade_no, amount, state, customer_name, customer_mobile, customer_email,
      environment, created_at, updated_at, expires_at) VALUES ('OLD', 5000, 'paid', 'a', 'b', 'c', 'live', 1, 1, 2)`).run();
    raw.close();
    fixture.ledger = Ledger.open(file);
    expect(fixture.ledger.durability().schemaVersion).toBe(MIGRATIONS.length);
    expect(fixture.ledger.day.byTradeNo('OLD')[0]).toMatchObject({ state: 'paid', amount: 5000, shiftId: null, lateAt: null });
    expect(fixture.ledger.day.reportBetween(0, 10).received).toBe(5000);
  });

  it('gives every sale the shift open when it was recorded, and none before any shift', () => {
    fixture.ledger.record(newPayment('BEFORE'));
    const siti = fixture.ledger.day.addCashier('Siti', null, true);
    const shift = fixture.ledger.day.openShift(siti.id);
    fixture.ledger.record(newPayment('DURING'));
    const [during] = fixture.ledger.day.byTradeNo('DURING');
    expect(during).toMatchObject({ shiftId: shift.id, cashierName: 'Siti' });
    expect(fixture.ledger.day.byTradeNo('BEFORE')[0]?.shiftId).toBeNull();
  });

  it('keeps one shift open per till, and a closed shift can be neither changed nor deleted', () => {
    const siti = fixture.ledger.day.addCashier('Siti', null);
    const budi = fixture.ledger.day.addCashier('Budi', '{"hash":"x"}');
    const shift = fixture.ledger.day.openShift(siti.id);
    expect(ledgerErrorCode(() => fixture.ledger.day.openShift(budi.id))).toBe('shift_open');
    fixture.clock.set(T0 + 1000);
    const closed = fixture.ledger.day.closeShift(shift.id);
    expect(closed.closedAt).toBe(T0 + 1000);
    expect(ledgerErrorCode(() => fixture.ledger.day.closeShift(shift.id))).toBe('shift_closed');
    expect(fixture.ledger.day.openShift(budi.id).cashierName).toBe('Budi');

    const raw = new DatabaseSync(fixture.temp.file);
    expect(() => raw.prepare('UPDATE shifts SET report = ? WHERE id = ?').run('{}', shift.id)).toThrow(/closed shift cannot change/);
    expect(() => raw.prepare('DELETE FROM shifts WHERE id = ?').run(shift.id)).toThrow(/never deleted/);
    expect(() => raw.prepare('DELETE FROM cashiers WHERE id = ?').run(siti.id)).toThrow(/never deleted/);
    raw.close();
    // A sale's shift is fixed once recorded (the trigger, not the fixture.ledger code, holds it).
    fixture.ledger.record(newPayment('TAKEN'));
    const check = new DatabaseSync(fixture.temp.file);
    expect(() => check.prepare("UPDATE payments SET shift_id = NULL WHERE trade_no = 'TAKEN'").run()).toThrow(/shift is fixed/);
    check.close();
  });

  it('refuses to close a shift while one of its payments is awaiting, unless a supervisor allows it', () => {
    const shift = fixture.ledger.day.openShift(fixture.ledger.day.addCashier('Siti', null).id);
    fixture.ledger.record(newPayment('OPEN'));
    fixture.ledger.update('OPEN', { state: 'awaiting_payment' });
    expect(ledgerErrorCode(() => fixture.ledger.day.closeShift(shift.id))).toBe('payments_open');
    expect(fixture.ledger.day.currentShift()?.id).toBe(shift.id);
    const closed = fixture.ledger.day.closeShift(shift.id, { allowOpenPayments: true });
    expect(closed.report?.buckets.open).toEqual({ count: 1, amount: 39_000 });
    // A sale recorded after the close belongs to no closed shift.
    fixture.ledger.record(newPayment('AFTER'));
    expect(fixture.ledger.day.byTradeNo('AFTER')[0]?.shiftId).toBeNull();
  });

  it('freezes the report at close: a late payment afterwards does not rewrite it, and the next shift counts its money', () => {
    const siti = fixture.ledger.day.addCashier('Siti', null).id;
    const shift = fixture.ledger.day.openShift(siti);
    fixture.ledger.record(newPayment('EXP'));
    fixture.ledger.update('EXP', { state: 'awaiting_payment' });
    fixture.ledger.update('EXP', { state: 'expired' });
    const closed = fixture.ledger.day.closeShift(shift.id);
    fixture.ledger.update('EXP', { state: 'paid', paidAmount: 39_000 });
    expect(fixture.ledger.day.shiftReport(shift.id)).toEqual(closed.report);
    expect(closed.report?.buckets.expired.count).toBe(1);
    const day = fixture.ledger.day.reportBetween(T0, T0 + 1);
    // Paid after it expired: in the late line, and only there (issue 20 #5).
    expect(day.buckets.late.count).toBe(1);
    expect(day.buckets.paid.count + day.buckets.expired.count).toBe(0);
    // The money is in no frozen report: the next shift takes it as received for an earlier shift.
    const next = fixture.ledger.day.shiftReport(fixture.ledger.day.openShift(siti).id);
    expect(next.earlier).toEqual({ count: 1, amount: 39_000 });
    expect(closed.report!.received + next.received + next.earlier.amount).toBe(day.received);
  });

  it('marks a sale paid after the counter closed it as late, lists it until someone resolves it, and logs the resolution', () => {
    fixture.ledger.day.openShift(fixture.ledger.day.addCashier('Siti', null).id);
    fixture.ledger.record(newPayment('LATE'));
    fixture.ledger.update('LATE', { state: 'awaiting_payment' });
    fixture.ledger.update('LATE', { state: 'cancelled' });
    expect(ledgerErrorCode(() => fixture.ledger.day.resolveLate('LATE', 'other', ''))).toBe('not_late');
    fixture.clock.set(T0 + 60_000);
    fixture.ledger.update('LATE', { state: 'partially_paid', paidAmount: 20_000 });
    expect(fixture.ledger.day.lateUnresolved().map((sale) => [sale.tradeNo, sale.lateAt, sale.voidedAt])).toEqual([['LATE', T0 + 60_000, T0]]);

    fixture.ledger.day.resolveLate('LATE', 'refunded_cash', 'uang kembali Rp 20.000');
    expect(fixture.ledger.day.lateUnresolved()).toEqual([]);
    expect(fixture.ledger.day.byTradeNo('LATE')[0]?.resolution).toBe('refunded_cash');
    expect(fixture.ledger.events('LATE').at(-1)).toMatchObject({
      fromState: 'partially_paid', toState: 'partially_paid', note: 'late.resolved:refunded_cash — uang kembali Rp 20.000',
    });
    expect(ledgerErrorCode(() => fixture.ledger.day.resolveLate('LATE', 'other', ''))).toBe('already_resolved');
    const report = fixture.ledger.day.shiftReport(fixture.ledger.day.currentShift()!.id);
    expect(report.late).toEqual({ count: 1, received: 20_000 });
    expect(report.voids).toEqual({ count: 1, amount: 39_000 });
    expect(report.resolutions).toEqual({ goods_handed_over: 0, refunded_cash: 1, other: 0 });
  });

  // Issue 21, item 3: Rp 1.000.000 paid on a Rp 10.000 charge made Today read "Uang diterima Rp 1.051.999".
  it('counts an overpaid sale as its charge in the shift and day reports, the excess apart, and exports both', () => {
    const shift = fixture.ledger.day.openShift(fixture.ledger.day.addCashier('Siti', null).id);
    const sale = fixture.ledger.record(newPayment('OVER', { amount: 10_000 }));
    fixture.ledger.update('OVER', { state: 'awaiting_payment' });
    const answer = { tradeNo: 'OVER', platformTradeNo: 'P1', status: '0000', paidAmount: 1_000_000, message: null, successTime: null };
    fixture.ledger.update('OVER', afterQueryAnswer({ ...sale, state: 'awaiting_payment' }, answer)!.change);

    for (const report of [fixture.ledger.day.shiftReport(shift.id), fixture.ledger.day.reportBetween(T0, T0 + 1)]) {
      expect(report.received).toBe(10_000);
      expect(report.overpaid).toEqual({ count: 1, amount: 990_000 });
    }
    const [exported] = [...fixture.ledger.day.exportPages(T0, T0 + 1, 10)].flat();
    expect(exported).toMatchObject({ paidAmount: 10_000, overpaidAmount: 990_000, errorCode: 'payment.paid_amount_differs' });
    const closed = fixture.ledger.day.closeShift(shift.id);
    expect(closed.report?.overpaid).toEqual({ count: 1, amount: 990_000 });
  });

  it('pages newest first without skipping or repeating rows that share a time', () => {
    for (let index = 0; index < 7; index++) fixture.ledger.record(newPayment(`P${index}`, { createdAt: T0 + Math.floor(index / 3) }));
    const seen: string[] = [];
    let page = fixture.ledger.day.pageBetween(T0, T0 + 10, 3);
    seen.push(...page.sales.map((sale) => sale.tradeNo));
    while (page.next) {
      page = fixture.ledger.day.pageBetween(T0, T0 + 10, 3, page.next);
      seen.push(...page.sales.map((sale) => sale.tradeNo));
    }
    expect(seen).toEqual(['P6', 'P5', 'P4', 'P3', 'P2', 'P1', 'P0']);
  });

  it('finds a sale by amount in a time window, by our or Paypro\'s number, and by state', () => {
    fixture.ledger.record(newPayment('A', { amount: 25_000, createdAt: T0 }));
    fixture.ledger.record(newPayment('B', { amount: 25_000, createdAt: T0 + 10_000 }));
    fixture.ledger.record(newPayment('C', { amount: 30_000, createdAt: T0 + 5_000 }));
    fixture.ledger.update('C', { state: 'paid', platformTradeNo: 'PP-777', paidAmount: 30_000 });
    expect(fixture.ledger.day.pageByAmount(25_000, T0, T0 + 5_000, 10).sales.map((sale) => sale.tradeNo)).toEqual(['A']);
    expect(fixture.ledger.day.pageByAmount(25_000, T0, T0 + 60_000, 10).sales.map((sale) => sale.tradeNo)).toEqual(['B', 'A']);
    expect(fixture.ledger.day.byTradeNo('PP-777').map((sale) => sale.tradeNo)).toEqual(['C']);
    expect(fixture.ledger.day.byTradeNo('B').map((sale) => sale.tradeNo)).toEqual(['B']);
    expect(fixture.ledger.day.pageByState('paid', T0, T0 + 60_000, 10).sales.map((sale) => sale.tradeNo)).toEqual(['C']);
  });

  it('reads reports, pages, searches and the late list through indexes, never a table scan', () => {
    const raw = new DatabaseSync(fixture.temp.file);
    const plan = (sql: string): string =>
      raw
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...Array.from({ length: (sql.match(/\?(?!\d)/g) ?? []).length + (sql.includes('?1') ? 1 : 0) }, () => 1))
        .map((row) => String(row.detail))
        .join('\n');
    expect(plan(DAY_QUERIES.reportBetween)).toMatch(/SEARCH payments USING COVERING INDEX payments_by_created/);
    expect(plan(DAY_QUERIES.reportOfShift)).toMatch(/SEARCH payments USING COVERING INDEX payments_by_shift \(shift_id=\?\)/);
    expect(plan(DAY_QUERIES.pageBetween)).toMatch(/SEARCH p USING INDEX payments_by_created/);
    expect(plan(DAY_QUERIES.pageOfShift)).toMatch(/SEARCH p USING INDEX payments_by_shift/);
    expect(plan(DAY_QUERIES.pageByAmount)).toMatch(/SEARCH p USING INDEX payments_by_amount \(amount=\? AND created_at>\? AND created_at<\?\)/);
    expect(plan(DAY_QUERIES.byTradeNo)).toMatch(/MULTI-INDEX OR/);
    expect(plan(DAY_QUERIES.lateUnresolved)).toMatch(/payments_late/);
    expect(plan(DAY_QUERIES.exportBetween)).toMatch(/SEARCH p USING INDEX payments_by_created/);
    expect(plan(DAY_QUERIES.earlierOfShift)).toMatch(/SEARCH received_after_close USING COVERING INDEX received_after_close_by_shift \(shift_id=\?\)/);
    expect(plan(DAY_QUERIES.laterOfSalesBetween)).toMatch(/SEARCH received_after_close USING COVERING INDEX received_after_close_by_sale/);
    // Sorts SQLite cannot avoid, and why they stay small:
    const inherentSorts: Record<string, RegExp> = {
      // A handful of cashiers, listed active first then by name.
      cashiers: /^SCAN cashiers\nUSE TEMP B-TREE FOR ORDER BY$/,
      // GROUP BY state × late × voided over a time (or shift) range: no index can be ordered by the
      // range and by the groups at once. It sorts one day's or one shift's rows (the range part of
      // a longer report comes from the hourly rollup), into at most 8 × 2 × 2 groups.
      reportOfShift: /USE TEMP B-TREE FOR GROUP BY$/,
      reportBetween: /USE TEMP B-TREE FOR GROUP BY$/,
      // ~24 rollup rows per day and group.
      reportHourly: /USE TEMP B-TREE FOR GROUP BY$/,
      // Resolutions are a few a day (one per late payment).
      resolutionsBetween: /USE TEMP B-TREE FOR GROUP BY$/,
      // Overpayments resolved are rarer still (schema 12), into 3 outcomes.
      overpaidResolvedBetween: /USE TEMP B-TREE FOR GROUP BY$/,
      // The few sales whose number or mobile ends with what was typed (found by the last-four
      // indexes), newest first.
      byNumberEnd: /USE TEMP B-TREE FOR ORDER BY$/,
    };
    for (const [name, sql] of Object.entries(DAY_QUERIES)) {
      const detail = plan(sql);
      // Payments are never scanned, and nothing is sorted but the inherent cases above: pages and
      // the export read (created_at, id) in index order and stop after their rows.
      expect(detail, name).not.toMatch(/SCAN (p|payments|received_after_close)\b(?! USING)/);
      const sorts = detail.match(/USE TEMP B-TREE[^\n]*/g) ?? [];
      if (name in inherentSorts) {
        expect(detail, name).toMatch(inherentSorts[name]!);
        expect(sorts, name).toHaveLength(1);
      } else expect(sorts, name).toEqual([]);
    }
    for (const [name, sql] of Object.entries(QUERIES)) {
      const sorts = plan(sql).match(/USE TEMP B-TREE[^\n]*/g) ?? [];
      // The Today summary's GROUP BY state is the one inherent sort (a day's rows into ≤ 8 states).
      expect(sorts, name).toEqual(name === 'summary' ? ['USE TEMP B-TREE FOR GROUP BY'] : []);
    }
    raw.close();
  });
});

