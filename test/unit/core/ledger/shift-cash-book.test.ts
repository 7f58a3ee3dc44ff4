import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { SHIFT_CASH_QUERIES } from '../../../../electron/core/ledger/shift-cash-book.ts';
import { T0, newPayment, openLedger, useLedger } from './fixture.ts';
import { ledgerErrorCode } from '../../../harness/error-code.ts';

describe('ShiftCashBook: float, cash in and out, cash refunds, the count frozen at close', () => {
  const fixture = useLedger();

  it('expects float + cash in − cash out − cash refunds of late payments, and freezes the count with its difference', () => {
    const day = fixture.ledger.day;
    const shift = day.openShift(day.addCashier('Siti', null).id, 200_000);
    day.cash.move('cash_in', 50_000, 'tukar uang kecil');
    day.cash.move('cash_out', 15_000, 'beli es batu');
    // A late payment handed back in cash leaves the drawer.
    fixture.ledger.record(newPayment('LATE', { amount: 25_000 }));
    fixture.ledger.update('LATE', { state: 'awaiting_payment' });
    fixture.ledger.update('LATE', { state: 'expired' });
    fixture.ledger.update('LATE', { state: 'paid', paidAmount: 25_000 });
    day.resolveLate('LATE', 'refunded_cash', 'dikembalikan tunai');

    const live = day.shiftReport(shift.id).cash!;
    expect(live).toMatchObject({
      float: 200_000, cashSales: 0, cashIn: { count: 1, amount: 50_000 }, cashOut: { count: 1, amount: 15_000 },
      cashRefunds: { count: 1, amount: 25_000 }, expected: 210_000, counted: null, difference: null,
    });

    // A count against an expected that is no longer true is refused: the difference frozen is the one shown.
    expect(ledgerErrorCode(() => day.closeShift(shift.id, { cash: { counted: 205_000, expectedSeen: 200_000, differenceApproved: false } }))).toBe('cash_changed');
    expect(day.currentShift()?.id).toBe(shift.id);

    const closed = day.closeShift(shift.id, { cash: { counted: 205_000, denominations: { '100000': 2, '5000': 1 }, expectedSeen: 210_000, differenceApproved: false } });
    expect(closed.report?.cash).toMatchObject({ expected: 210_000, counted: 205_000, difference: -5_000, denominations: { '100000': 2, '5000': 1 } });
    // Frozen: read back the same, and no cash moves in a closed shift.
    expect(day.shiftReport(shift.id)).toEqual(closed.report);
    expect(ledgerErrorCode(() => day.cash.move('cash_in', 1_000, 'x'))).toBe('shift_closed');
    expect(day.cash.movements(shift.id).map((m) => [m.kind, m.amount, m.reason])).toEqual([
      ['float', 200_000, ''], ['cash_in', 50_000, 'tukar uang kecil'], ['cash_out', 15_000, 'beli es batu'],
    ]);
  });

  it('a shift opened without a float takes one later, once; a close without counting freezes the expected cash with nothing counted', () => {
    const day = fixture.ledger.day;
    const shift = day.openShift(day.addCashier('Siti', null).id);
    expect(day.shiftReport(shift.id).cash?.float).toBe(0);
    day.cash.setFloat(150_000);
    expect(ledgerErrorCode(() => day.cash.setFloat(1))).toBe('float_set');
    expect(day.shiftReport(shift.id).cash).toMatchObject({ float: 150_000, expected: 150_000 });
    day.cash.move('cash_out', 150_000, 'setor ke bank');
    const closed = day.closeShift(shift.id);
    expect(closed.report?.cash).toMatchObject({ float: 150_000, cashOut: { count: 1, amount: 150_000 }, expected: 0, counted: null, difference: null });
  });

  it('records every drawer opening: a sale by its trade number, "Buka laci" by its reason and the shift cashier; a reason needs an open shift', () => {
    const day = fixture.ledger.day;
    expect(ledgerErrorCode(() => day.cash.recordOpening({ reason: 'tukar uang' }))).toBe('shift_closed');
    const shift = day.openShift(day.addCashier('Siti', null).id);
    fixture.clock.set(T0 + 5_000);
    expect(day.cash.recordOpening({ reason: 'tukar uang' })).toMatchObject({ at: T0 + 5_000, shiftId: shift.id, cashierName: 'Siti', reason: 'tukar uang', tradeNo: null });
    expect(day.cash.recordOpening({ tradeNo: 'CASH-1' })).toMatchObject({ tradeNo: 'CASH-1', reason: null });
    expect(day.shiftReport(shift.id).cash?.noSaleOpenings).toBe(1);
  });

  it('the tables are append-only and refuse an empty reason or a zero movement', () => {
    const day = fixture.ledger.day;
    day.openShift(day.addCashier('Siti', null).id, 100_000);
    day.cash.recordOpening({ reason: 'cek laci' });
    fixture.ledger.close();
    const db = new DatabaseSync(fixture.temp.file);
    try {
      expect(() => db.exec(`UPDATE cash_movements SET amount = 1`)).toThrow(/append-only/);
      expect(() => db.exec(`DELETE FROM cash_movements`)).toThrow(/append-only/);
      expect(() => db.exec(`UPDATE drawer_openings SET reason = 'x'`)).toThrow(/append-only/);
      expect(() => db.exec(`INSERT INTO cash_movements (shift_id, at, kind, amount, reason) VALUES (1, 0, 'cash_out', 0, 'x')`)).toThrow(/CHECK/);
      expect(() => db.exec(`INSERT INTO cash_movements (shift_id, at, kind, amount, reason) VALUES (1, 0, 'cash_out', 5, ' ')`)).toThrow(/CHECK/);
      expect(() => db.exec(`INSERT INTO cash_movements (shift_id, at, kind, amount, reason) VALUES (1, 0, 'float', 5, '')`)).toThrow(/UNIQUE/);
    } finally {
      db.close();
      fixture.ledger = openLedger(fixture.temp.file, fixture.clock.now);
    }
  });
});

describe('ShiftCashBook statements', () => {
  const fixture = useLedger();

  it('read by index: no statement scans a table or sorts, but a shift\'s own few movements (EXPLAIN QUERY PLAN)', () => {
    const raw = new DatabaseSync(fixture.temp.file);
    try {
      for (const [name, sql] of Object.entries(SHIFT_CASH_QUERIES)) {
        const params = Array.from({ length: (sql.match(/\?(?!\d)/g) ?? []).length + (sql.includes('?1') ? 1 : 0) }, () => 1);
        const detail = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((row) => String(row.detail)).join('\n');
        // The open shift is read from the partial index that holds at most that one shift.
        expect(detail, name).not.toMatch(/^SCAN (?!CONSTANT ROW|shifts USING COVERING INDEX shifts_one_open)/m);
        // A shift's movements are a handful: sorting them by id costs nothing.
        if (name !== 'movementsOfShift') expect(detail, name).not.toMatch(/TEMP B-TREE/);
      }
    } finally {
      raw.close();
    }
  });
});
