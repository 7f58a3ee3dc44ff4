import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { expectedCash, type CashMovementKind, type ShiftCash } from '../../../shared/day/shift-cash.ts';
import { received } from './migration-shift-windows.ts';
import { LedgerError } from './records.ts';

type Row = Record<string, SQLInputValue>;
type Transaction = <T>(work: () => T) => T;

/** A cash movement as the shift report lists it. */
export interface CashMovementRecord {
  id: number;
  shiftId: number;
  at: number;
  kind: CashMovementKind;
  amount: number;
  reason: string;
}

/** One kick of the drawer: for a sale (its trade number) or without one (its reason). */
export interface DrawerOpeningRecord {
  id: number;
  at: number;
  shiftId: number | null;
  cashierName: string | null;
  tradeNo: string | null;
  reason: string | null;
}

const OPEN_SHIFT = '(SELECT id FROM shifts WHERE closed_at IS NULL)';

export const SHIFT_CASH_QUERIES = {
  insertMovement: `INSERT INTO cash_movements (shift_id, at, kind, amount, reason) VALUES (?, ?, ?, ?, ?) RETURNING id`,
  movementsOfShift: `SELECT id, shift_id, at, kind, amount, reason FROM cash_movements WHERE shift_id = ? ORDER BY id`,
  floatOfShift: `SELECT amount FROM cash_movements WHERE shift_id = ? AND kind = 'float'`,
  sumsOfShift: `SELECT kind, count(*) AS count, sum(amount) AS amount FROM cash_movements WHERE shift_id = ? GROUP BY kind`,
  /**
   * The cash a shift's sales took: its cash payments (schema 5, `method = 'cash'`; a cash sale, the
   * rest of a partial, cash after a QR), each the amount kept — tendered minus change.
   */
  cashSalesOfShift: `SELECT coalesce(sum(${received('p')}), 0) AS amount FROM payments p WHERE p.shift_id = ?1 AND p.method = 'cash'`,
  /**
   * Money handed back in cash from the shift's drawer: late payments resolved that way (their money
   * received), and overpayments resolved that way (schema 12, the overpaid amount).
   */
  cashRefundsOfShift: `SELECT
      (SELECT count(*) FROM late_resolutions r WHERE r.shift_id = ?1 AND r.outcome = 'refunded_cash')
        + (SELECT count(*) FROM overpaid_resolutions o WHERE o.shift_id = ?1 AND o.outcome = 'refunded_cash') AS count,
      (SELECT coalesce(sum(${received('p')}), 0) FROM late_resolutions r JOIN payments p ON p.id = r.payment_id
        WHERE r.shift_id = ?1 AND r.outcome = 'refunded_cash')
        + (SELECT coalesce(sum(o.amount), 0) FROM overpaid_resolutions o WHERE o.shift_id = ?1 AND o.outcome = 'refunded_cash') AS amount`,
  insertOpening: `INSERT INTO drawer_openings (at, shift_id, trade_no, reason) VALUES (?, ${OPEN_SHIFT}, ?, ?) RETURNING id`,
  opening: `SELECT o.id, o.at, o.shift_id, o.trade_no, o.reason, c.name AS cashier_name FROM drawer_openings o
    LEFT JOIN shifts s ON s.id = o.shift_id LEFT JOIN cashiers c ON c.id = s.cashier_id WHERE o.id = ?`,
  noSaleOpeningsOfShift: `SELECT count(*) AS count FROM drawer_openings WHERE shift_id = ? AND trade_no IS NULL`,
  openShiftId: `SELECT id FROM shifts WHERE closed_at IS NULL`,
} as const;

/**
 * The shift's cash (schema 6, issue 22): the float, cash in and out, the drawer's openings, and
 * what the drawer should hold. Shares the ledger's connection and its one-transaction-per-write
 * rule; `recordFloat` and `summary` run inside the caller's transaction (the shift's open and close).
 */
export class ShiftCashBook {
  readonly #sql: Record<keyof typeof SHIFT_CASH_QUERIES, StatementSync>;
  readonly #transaction: Transaction;
  readonly #now: () => number;

  constructor(db: DatabaseSync, transaction: Transaction, now: () => number) {
    this.#transaction = transaction;
    this.#now = now;
    this.#sql = Object.fromEntries(
      Object.entries(SHIFT_CASH_QUERIES).map(([name, sql]) => [name, db.prepare(sql)]),
    ) as Record<keyof typeof SHIFT_CASH_QUERIES, StatementSync>;
  }

  /** The opening float, inside the shift open's own transaction (no transaction of its own). */
  recordFloat(shiftId: number, amount: number): void {
    this.#sql.insertMovement.run(shiftId, this.#now(), 'float', amount, '');
  }

  /**
   * The float of the open shift, given after it opened: a one-person shop's shift opens by itself
   * at the first sale, with no float. Once only (`float_set`): a float is never rewritten.
   */
  setFloat(amount: number): CashMovementRecord {
    const at = this.#now();
    return this.#transaction(() => {
      const shiftId = this.#openShiftId();
      if (this.#sql.floatOfShift.get(shiftId) !== undefined) throw new LedgerError('float_set', `Shift ${shiftId} already has its float.`);
      const id = Number(this.#sql.insertMovement.get(shiftId, at, 'float', amount, '')?.id);
      return { id, shiftId, at, kind: 'float', amount, reason: '' };
    });
  }

  /** Cash put in or taken out of the drawer during the open shift, with its reason. */
  move(kind: 'cash_in' | 'cash_out', amount: number, reason: string): CashMovementRecord {
    const at = this.#now();
    return this.#transaction(() => {
      const shiftId = this.#openShiftId();
      const id = Number(this.#sql.insertMovement.get(shiftId, at, kind, amount, reason)?.id);
      return { id, shiftId, at, kind, amount, reason };
    });
  }

  movements(shiftId: number): CashMovementRecord[] {
    return this.#sql.movementsOfShift.all(shiftId).map((row) => ({
      id: Number(row.id),
      shiftId: Number(row.shift_id),
      at: Number(row.at),
      kind: row.kind as CashMovementKind,
      amount: Number(row.amount),
      reason: String(row.reason),
    }));
  }

  /**
   * Records a drawer kick before the pulse is sent: for a sale, or without one with a reason (then
   * only in an open shift, whose cashier is who opened it).
   */
  recordOpening(cause: { tradeNo: string } | { reason: string }): DrawerOpeningRecord {
    const at = this.#now();
    return this.#transaction(() => {
      if ('reason' in cause) this.#openShiftId();
      const tradeNo = 'tradeNo' in cause ? cause.tradeNo : null;
      const reason = 'reason' in cause ? cause.reason : null;
      const id = Number(this.#sql.insertOpening.get(at, tradeNo, reason)?.id);
      const row = this.#sql.opening.get(id)!;
      return {
        id,
        at: Number(row.at),
        shiftId: row.shift_id === null ? null : Number(row.shift_id),
        cashierName: row.cashier_name === null ? null : String(row.cashier_name),
        tradeNo: row.trade_no === null ? null : String(row.trade_no),
        reason: row.reason === null ? null : String(row.reason),
      };
    });
  }

  /** The cash the shift's sales took (see the seam `cashSalesOfShift`). */
  cashSalesOfShift(shiftId: number): number {
    return Number(this.#sql.cashSalesOfShift.get(shiftId)?.amount ?? 0);
  }

  /** What the drawer should hold now, nothing counted yet. Reads only: safe inside the close's transaction. */
  summary(shiftId: number): ShiftCash {
    const sums = Object.fromEntries(this.#sql.sumsOfShift.all(shiftId).map((row) => [String(row.kind), countAmount(row)]));
    const none = { count: 0, amount: 0 };
    const cashIn = sums.cash_in ?? none;
    const cashOut = sums.cash_out ?? none;
    const cashRefunds = countAmount(this.#sql.cashRefundsOfShift.get(shiftId));
    const float = sums.float?.amount ?? 0;
    const cashSales = this.cashSalesOfShift(shiftId);
    return {
      float,
      cashSales,
      cashIn,
      cashOut,
      cashRefunds,
      expected: expectedCash({ float, cashSales, cashIn: cashIn.amount, cashOut: cashOut.amount, cashRefunds: cashRefunds.amount }),
      counted: null,
      difference: null,
      denominations: null,
      differenceApproved: false,
      noSaleOpenings: Number(this.#sql.noSaleOpeningsOfShift.get(shiftId)?.count ?? 0),
    };
  }

  #openShiftId(): number {
    const row = this.#sql.openShiftId.get();
    if (row === undefined) throw new LedgerError('shift_closed', 'No shift is open on this till.');
    return Number(row.id);
  }
}

function countAmount(row: Row | undefined): { count: number; amount: number } {
  return { count: Number(row?.count ?? 0), amount: Number(row?.amount ?? 0) };
}
