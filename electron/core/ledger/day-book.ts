import type { DatabaseSync, SQLInputValue, SQLOutputValue, StatementSync } from 'node:sqlite';
import { CLOSED_LOCALLY_STATES, type PaymentState } from '../../../shared/payment.ts';
import { buildReport, reportGroupOfRow, type CountAmount, type ReportGroup } from '../day/report.ts';
import type { ExportSale } from '../day/sales-csv.ts';
import { DAY_QUERIES } from './day-queries.ts';
import { ROLLUP_BUCKET_MS } from './migration-rollup.ts';
import {
  LATE_OUTCOMES,
  OVERPAID_OUTCOMES,
  type CashierRecord,
  type LateOutcome,
  type OverpaidOutcome,
  type OverpaidRecord,
  type PageCursor,
  type SalePage,
  type SaleRecord,
  type ShiftRecord,
  type ShiftReport,
} from './day-records.ts';
import { toRecord } from './ledger.ts';
import { customerTypedFromMask } from './migration-customer-typed.ts';
import { LedgerError, type PaymentMethod } from './records.ts';
import { ShiftCashBook } from './shift-cash-book.ts';
import type { CashCount, ShiftCash } from '../../../shared/day/shift-cash.ts';

type Row = Record<string, SQLInputValue>;
type Transaction = <T>(work: () => T) => T;

/** Seams for the crash suite, never set by the app. */
export interface DayBookHooks {
  /** Runs inside a shift close's transaction, after the UPDATE and before COMMIT. */
  shiftClosing?: (shiftId: number) => void;
}

/** Past the newest possible row: where a first page starts. */
const FIRST_PAGE: PageCursor = { createdAt: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };

/**
 * Cashiers, shifts, reports, history and late payments: the part of the ledger issue 16 added.
 * It shares the ledger's connection and its one-transaction-per-write discipline.
 */
export class DayBook {
  readonly #sql: Record<keyof typeof DAY_QUERIES, StatementSync>;
  readonly #transaction: Transaction;
  readonly #now: () => number;
  readonly #hooks: DayBookHooks;
  /** The shift's cash and the drawer (schema 6, issue 22). */
  readonly cash: ShiftCashBook;

  constructor(db: DatabaseSync, transaction: Transaction, now: () => number, hooks: DayBookHooks = {}) {
    this.#transaction = transaction;
    this.#now = now;
    this.#hooks = hooks;
    this.cash = new ShiftCashBook(db, transaction, now);
    this.#sql = Object.fromEntries(
      Object.entries(DAY_QUERIES).map(([name, sql]) => [name, db.prepare(sql)]),
    ) as Record<keyof typeof DAY_QUERIES, StatementSync>;
    this.#sql.exportBetween.setReturnArrays(true);
  }

  // ---- cashiers -------------------------------------------------------------------------------

  addCashier(name: string, pin: string | null, isDefault = false): CashierRecord {
    const now = this.#now();
    return this.#transaction(() => {
      const row = this.#sql.insertCashier.get(name, pin, isDefault ? 1 : 0, now);
      return this.#cashier(Number(row?.id))!;
    });
  }

  cashiers(): CashierRecord[] {
    return this.#sql.cashiers.all().map(toCashier);
  }

  cashier(id: number): CashierRecord | undefined {
    return this.#cashier(id);
  }

  defaultCashier(): CashierRecord | undefined {
    const row = this.#sql.defaultCashier.get();
    return row === undefined ? undefined : toCashier(row);
  }

  setCashierPin(id: number, pin: string): void {
    this.#transaction(() => {
      if (Number(this.#sql.setCashierPin.run(pin, id).changes) !== 1) throw notFound('cashier', id);
    });
  }

  /** A new name shows on every shift of the cashier, earlier ones included: it is the same person. */
  renameCashier(id: number, name: string): void {
    this.#transaction(() => {
      if (Number(this.#sql.renameCashier.run(name, id).changes) !== 1) throw notFound('cashier', id);
    });
  }

  /** Back from retirement (the default cashier, when the shop turns cashier PINs off again). */
  reinstateCashier(id: number): void {
    this.#transaction(() => {
      if (Number(this.#sql.reinstateCashier.run(id).changes) !== 1) throw notFound('cashier', id);
    });
  }

  retireCashier(id: number): void {
    const now = this.#now();
    this.#transaction(() => {
      const cashier = this.#cashier(id);
      if (cashier === undefined) throw notFound('cashier', id);
      if (this.currentShift()?.cashierId === id) throw new LedgerError('shift_open', 'Close the cashier\'s shift first.');
      this.#sql.retireCashier.run(now, id);
    });
  }

  // ---- shifts ---------------------------------------------------------------------------------

  currentShift(): ShiftRecord | undefined {
    const row = this.#sql.currentShift.get();
    return row === undefined ? undefined : toShift(row);
  }

  shift(id: number): ShiftRecord | undefined {
    const row = this.#sql.shift.get(id);
    return row === undefined ? undefined : toShift(row);
  }

  /** Shifts opened in [fromMs, toMs), oldest first. */
  shiftsBetween(fromMs: number, toMs: number): ShiftRecord[] {
    return this.#sql.shiftsBetween.all(fromMs, toMs).map(toShift);
  }

  /** Opens a shift with its float (modal awal) counted into the drawer, in one transaction. */
  openShift(cashierId: number, float = 0): ShiftRecord {
    const now = this.#now();
    return this.#transaction(() => {
      const cashier = this.#cashier(cashierId);
      if (cashier === undefined || cashier.retiredAt !== null) throw notFound('cashier', cashierId);
      if (this.currentShift() !== undefined) throw new LedgerError('shift_open', 'A shift is already open on this till.');
      const id = Number(this.#sql.openShift.get(cashierId, now)?.id);
      // No float given: the shift can still take one later (ShiftCashBook.setFloat).
      if (float > 0) this.cash.recordFloat(id, float);
      // What was written while no shift was open belongs to this one (schema 4).
      this.#sql.adoptReceived.run(id);
      this.#sql.adoptResolutions.run(id);
      this.#sql.adoptOverpaidResolutions.run(id);
      return this.shift(id)!;
    });
  }

  /**
   * Closes the open shift and freezes its report, in one UPDATE: after a crash the shift is
   * either still open or closed with its report. Refuses while one of its sales is undecided,
   * unless the caller (a supervisor) allows it. With `cash`, the drawer's count is frozen with the
   * report; it is refused (`cash_changed`) when the expected cash is no longer the one the cashier
   * saw (and the owner approved), e.g. a cash sale finished meanwhile: the difference frozen is
   * always the one shown.
   */
  closeShift(id: number, options: { allowOpenPayments?: boolean; cash?: CountedCash } = {}): ShiftRecord {
    const now = this.#now();
    return this.#transaction(() => {
      const shift = this.shift(id);
      if (shift === undefined) throw notFound('shift', id);
      if (shift.closedAt !== null) throw new LedgerError('shift_closed', `Shift ${id} is already closed.`);
      const open = Number(this.#sql.shiftOpenPayments.get(id)?.open ?? 0);
      if (open > 0 && !options.allowOpenPayments) {
        throw new LedgerError('payments_open', `${open} payment(s) of shift ${id} are still awaiting an answer.`);
      }
      const report = { ...this.shiftReport(id), cash: withCount(this.cash.summary(id), options.cash) };
      this.#sql.closeShift.run(now, JSON.stringify(report), id);
      this.#hooks.shiftClosing?.(id);
      return { ...shift, closedAt: now, report };
    });
  }

  // ---- reports --------------------------------------------------------------------------------

  /**
   * The shift's report: frozen if closed, as it stands now if open. Its own sales, plus the money
   * that came in during it for earlier shifts' sales and the resolutions made during it.
   */
  shiftReport(id: number): ShiftReport {
    const frozen = this.shift(id)?.report;
    if (frozen) return frozen;
    const report = withResolutions(groups(this.#sql.reportOfShift.all(id)), this.#sql.resolutionsOfShift.all(id), {
      earlier: countAmount(this.#sql.earlierOfShift.get(id)),
      overpaid: countAmount(this.#sql.overpaidOfShift.get(id)),
      overpaidResolved: overpaidResolved(this.#sql.overpaidResolvedOfShift.all(id)),
    });
    return { ...report, cash: this.cash.summary(id) };
  }

  /**
   * Report of the sales created in [fromMs, toMs) — a business day or a range of them — as they
   * stand now; `earlier` is that of the shifts opened in the range (the ones a day report lists).
   */
  reportBetween(fromMs: number, toMs: number): ShiftReport {
    const earlier = countAmount(this.#sql.earlierOfShiftsOpened.get(fromMs, toMs));
    return withResolutions(this.#groupsBetween(fromMs, toMs), this.#sql.resolutionsBetween.all(fromMs, toMs), {
      earlier,
      overpaid: countAmount(this.#sql.overpaidBetween.get(fromMs, toMs)),
      overpaidResolved: overpaidResolved(this.#sql.overpaidResolvedBetween.all(fromMs, toMs)),
    });
  }

  /**
   * Money for the sales created in [fromMs, toMs) that came in after their shift had closed: in
   * the day report, not in those sales' own (frozen) shift reports but in the later shifts' `earlier`.
   */
  receivedAfterClose(fromMs: number, toMs: number): CountAmount {
    return countAmount(this.#sql.laterOfSalesBetween.get(fromMs, toMs));
  }

  /**
   * The GROUP BY rows of [fromMs, toMs): the whole clock hours inside it from the hourly rollup,
   * the part-hours at either edge from payments_by_created. Same rows, summed, as the one query
   * over every sale (held to it by a property test); a 31-day range reads ~750 rollup keys.
   */
  #groupsBetween(fromMs: number, toMs: number): ReportGroup[] {
    const firstHour = Math.ceil(fromMs / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
    const lastHour = Math.floor(toMs / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
    // Before 1970 the SQL bucket (created_at % hour) rounds the other way; no such sale exists, but stay exact.
    if (fromMs < 0 || firstHour >= lastHour) return groups(this.#sql.reportBetween.all(fromMs, toMs));
    const whole = groups(this.#sql.reportHourly.all(firstHour, lastHour));
    const firstAt = Number(this.#sql.firstBetween.get(firstHour, lastHour)?.at ?? 0);
    const lastAt = Number(this.#sql.lastBetween.get(firstHour, lastHour)?.at ?? 0);
    return [
      ...groups(this.#sql.reportBetween.all(fromMs, firstHour)),
      ...whole.map((group) => ({ ...group, firstAt, lastAt })),
      ...groups(this.#sql.reportBetween.all(lastHour, toMs)),
    ];
  }

  // ---- history --------------------------------------------------------------------------------

  pageBetween(fromMs: number, toMs: number, limit: number, after: PageCursor = FIRST_PAGE): SalePage {
    return page(this.#sql.pageBetween.all(fromMs, toMs, ...cursorArgs(after), limit + 1), limit);
  }

  pageOfShift(shiftId: number, limit: number, after: PageCursor = FIRST_PAGE): SalePage {
    return page(this.#sql.pageOfShift.all(shiftId, ...cursorArgs(after), limit + 1), limit);
  }

  /** Sales of one amount in [fromMs, toMs), newest first; of one state too when `state` is given. */
  pageByAmount(amount: number, fromMs: number, toMs: number, limit: number, after: PageCursor = FIRST_PAGE, state?: PaymentState): SalePage {
    const rows =
      state === undefined
        ? this.#sql.pageByAmount.all(amount, fromMs, toMs, ...cursorArgs(after), limit + 1)
        : this.#sql.pageByAmountAndState.all(amount, fromMs, toMs, state, ...cursorArgs(after), limit + 1);
    return page(rows, limit);
  }

  pageByState(state: PaymentState, fromMs: number, toMs: number, limit: number, after: PageCursor = FIRST_PAGE): SalePage {
    return page(this.#sql.pageByState.all(fromMs, toMs, state, ...cursorArgs(after), limit + 1), limit);
  }

  /** Our trade number or Paypro's. */
  byTradeNo(tradeNo: string): SaleRecord[] {
    return this.#sql.byTradeNo.all(tradeNo).map(toSale);
  }

  /**
   * Sales whose number (ours or Paypro's) ends with `end`, or whose customer mobile ends with
   * `mobileEnd`, newest first. `end` and `mobileEnd` are letters and digits only (numberSearch).
   */
  byNumberEnd(end: string, mobileEnd: string | null, limit: number): SaleRecord[] {
    const lastFour = (text: string) => text.slice(-4).toUpperCase();
    const mobile = mobileEnd === null ? [null, null] : [lastFour(mobileEnd), `%${mobileEnd}`];
    return this.#sql.byNumberEnd.all(lastFour(end), `%${end}`, ...mobile, limit).map(toSale);
  }

  /**
   * Every sale created in [fromMs, toMs), oldest first, with the columns the CSV export writes,
   * `pageSize` at a time: each page is one finished query (keyset on created_at, id), so no
   * statement stays open while the caller lets the event loop (and the ledger's writes on this
   * same connection) run between pages: SQLite leaves it undefined whether a running query sees
   * rows its own connection changes meanwhile, and an open read holds back WAL checkpoints for
   * the whole export. A sale written between pages is exported if the cursor has not passed it.
   * Rows come as arrays (set in the constructor): node:sqlite building a keyed object per row cost
   * more than SQLite's own work.
   */
  *exportPages(fromMs: number, toMs: number, pageSize: number): Generator<ExportSale[]> {
    let after = { createdAt: fromMs - 1, id: 0 };
    for (;;) {
      const rows = this.#sql.exportBetween.all(Math.max(fromMs, after.createdAt), toMs, after.createdAt, after.id, pageSize) as unknown as SQLOutputValue[][];
      if (rows.length === 0) return;
      const last = rows.at(-1)!;
      after = { createdAt: Number(last[5]), id: Number(last[14]) };
      yield rows.map(toExportSale);
      if (rows.length < pageSize) return;
    }
  }

  // ---- late payments --------------------------------------------------------------------------

  /** Paid after the counter closed them, with nobody having said yet what was done. */
  /** When a sale was found paid late and when it was cancelled at the counter (null: never). */
  lateStamps(tradeNo: string): { lateAt: number | null; voidedAt: number | null } {
    const row = this.#sql.lateStamps.get(tradeNo);
    const stamp = (value: SQLOutputValue | undefined) => (value === null || value === undefined ? null : Number(value));
    return { lateAt: stamp(row?.late_at), voidedAt: stamp(row?.voided_at) };
  }

  /** Who took a payment's sale when the shop names its cashiers; null for the default cashier or no shift. */
  namedCashierOf(tradeNo: string): string | null {
    const row = this.#sql.namedCashierOf.get(tradeNo);
    return row === undefined ? null : String(row.name);
  }

  lateUnresolved(): SaleRecord[] {
    return this.#sql.lateUnresolved.all().map(toSale);
  }

  /** Records what the cashier did about a late payment, in its own table and in the payment's history. */
  resolveLate(tradeNo: string, outcome: LateOutcome, note: string): void {
    const now = this.#now();
    this.#transaction(() => {
      const row = this.#sql.paymentId.get(tradeNo);
      if (row === undefined) throw new LedgerError('not_found', `No payment with trade number ${tradeNo}.`);
      if (row.late_at === null) throw new LedgerError('not_late', `Payment ${tradeNo} was not paid late.`);
      try {
        this.#sql.insertResolution.run(Number(row.id), now, outcome, note);
      } catch (error) {
        if ((error as { errcode?: number }).errcode === SQLITE_CONSTRAINT_PRIMARYKEY) {
          throw new LedgerError('already_resolved', `Late payment ${tradeNo} is already resolved.`);
        }
        throw error;
      }
      this.#sql.resolutionEvent.run(now, `late.resolved:${outcome}${note ? ` — ${note}` : ''}`, Number(row.id));
    });
  }

  // ---- overpayments (schema 12) ---------------------------------------------------------------

  /** Paid beyond what their sale still owed, with nobody having said yet what became of the money. */
  overpaidUnresolved(): OverpaidRecord[] {
    return this.#sql.overpaidUnresolved.all().map((row) => ({
      tradeNo: String(row.trade_no),
      platformTradeNo: row.platform_trade_no === null ? null : String(row.platform_trade_no),
      saleTradeNo: String(row.sale_trade_no),
      saleAmount: Number(row.sale_amount),
      createdAt: Number(row.created_at),
      overpaidAmount: Number(row.overpaid_amount),
      doublePayment: Number(row.double_payment) === 1,
    }));
  }

  overpaidToResolve(): number {
    return Number(this.#sql.overpaidToResolve.get()?.count ?? 0);
  }

  /**
   * Records what became of a payment's overpayment, in its own table (with the shift open now, whose
   * drawer a cash refund leaves) and in the payment's history, in one transaction.
   */
  resolveOverpaid(tradeNo: string, outcome: OverpaidOutcome, note: string): void {
    const now = this.#now();
    this.#transaction(() => {
      const row = this.#sql.paymentId.get(tradeNo);
      if (row === undefined) throw new LedgerError('not_found', `No payment with trade number ${tradeNo}.`);
      if (row.overpaid_amount === null) throw new LedgerError('not_overpaid', `Payment ${tradeNo} was not overpaid.`);
      try {
        this.#sql.insertOverpaidResolution.run(now, outcome, note, Number(row.id));
      } catch (error) {
        if ((error as { errcode?: number }).errcode === SQLITE_CONSTRAINT_PRIMARYKEY) {
          throw new LedgerError('already_resolved', `The overpayment of ${tradeNo} is already resolved.`);
        }
        throw error;
      }
      this.#sql.resolutionEvent.run(now, `overpaid.resolved:${outcome} ${String(row.overpaid_amount)}${note ? ` — ${note}` : ''}`, Number(row.id));
    });
  }

  /**
   * Called by the ledger inside a state change's transaction: a sale the counter had closed
   * that the gateway now settles as (partly) paid is late; a cancel is a void.
   */
  stampTransition(paymentId: number, from: PaymentState, to: PaymentState, at: number): void {
    // Paid after the counter closed it, or after it was booked failed ("never created"): a late
    // payment the owner must act on. A partial payment finished later is not late.
    const closedBefore = CLOSED_LOCALLY_STATES.has(from) || from === 'failed';
    if (closedBefore && (to === 'paid' || to === 'partially_paid')) this.#sql.stampLate.run(at, paymentId);
    if (to === 'cancelled' && from !== 'cancelled') this.#sql.stampVoided.run(at, paymentId);
  }

  #cashier(id: number): CashierRecord | undefined {
    const row = this.#sql.cashier.get(id);
    return row === undefined ? undefined : toCashier(row);
  }
}

const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;

/** The drawer's count at close, the expected cash the cashier saw, and whether the owner approved the difference. */
export interface CountedCash extends CashCount {
  expectedSeen: number;
  differenceApproved: boolean;
}

function withCount(cash: ShiftCash, count: CountedCash | undefined): ShiftCash {
  if (count === undefined) return cash;
  if (count.expectedSeen !== cash.expected) {
    throw new LedgerError('cash_changed', `The drawer should now hold ${cash.expected}, not the ${count.expectedSeen} counted against.`);
  }
  return {
    ...cash,
    counted: count.counted,
    difference: count.counted - cash.expected,
    denominations: count.denominations ?? null,
    differenceApproved: count.differenceApproved,
  };
}

function notFound(what: string, id: number): LedgerError {
  return new LedgerError('not_found', `No ${what} with id ${id}.`);
}

function cursorArgs(cursor: PageCursor): [number, number, number] {
  return [cursor.createdAt, cursor.createdAt, cursor.id];
}

/** The query asked for one row more than the page: its presence says whether a next page exists. */
function page(rows: Row[], limit: number): SalePage {
  const sales = rows.slice(0, limit).map(toSale);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { sales, next: last === undefined ? null : { createdAt: Number(last.created_at), id: Number(last.id) } };
}

function groups(rows: Row[]): ReportGroup[] {
  return rows.map(reportGroupOfRow);
}

function withResolutions(
  reportGroups: ReportGroup[],
  resolutionRows: Row[],
  apart: Pick<ShiftReport, 'earlier' | 'overpaid' | 'overpaidResolved'>,
): ShiftReport {
  const resolutions = Object.fromEntries(LATE_OUTCOMES.map((outcome) => [outcome, 0])) as Record<LateOutcome, number>;
  for (const row of resolutionRows) resolutions[row.outcome as LateOutcome] = Number(row.count);
  return { ...buildReport(reportGroups), resolutions, ...apart };
}

function overpaidResolved(rows: Row[]): Record<OverpaidOutcome, CountAmount> {
  const resolved = Object.fromEntries(OVERPAID_OUTCOMES.map((outcome) => [outcome, { count: 0, amount: 0 }])) as Record<OverpaidOutcome, CountAmount>;
  for (const row of rows) resolved[row.outcome as OverpaidOutcome] = countAmount(row);
  return resolved;
}

function countAmount(row: Row | undefined): CountAmount {
  return { count: Number(row?.count ?? 0), amount: Number(row?.amount ?? 0) };
}

/**
 * A report frozen before schema 4 has no `earlier`, before schema 9 no `overpaid`, before schema 12 no
 * `overpaidResolved`: nothing was counted there then.
 */
function frozenReport(json: string): ShiftReport {
  const report = JSON.parse(json) as Partial<ShiftReport>;
  // Reports frozen before the late line (issue 20 #5) counted late payments under paid.
  const buckets = report.buckets && { ...report.buckets, late: report.buckets.late ?? { count: 0, amount: 0 } };
  return {
    ...report,
    buckets,
    earlier: report.earlier ?? { count: 0, amount: 0 },
    overpaid: report.overpaid ?? { count: 0, amount: 0 },
    overpaidResolved: report.overpaidResolved ?? overpaidResolved([]),
    // Before schema 5 every rupiah came through QRIS.
    receivedByMethod: report.receivedByMethod ?? { qris: report.received ?? 0, cash: 0 },
  } as ShiftReport;
}

function toCashier(row: Row): CashierRecord {
  return {
    id: Number(row.id),
    name: String(row.name),
    pin: row.pin === null ? null : String(row.pin),
    isDefault: Number(row.is_default) === 1,
    createdAt: Number(row.created_at),
    retiredAt: row.retired_at === null ? null : Number(row.retired_at),
  };
}

function toShift(row: Row): ShiftRecord {
  return {
    id: Number(row.id),
    cashierId: Number(row.cashier_id),
    cashierName: String(row.cashier_name),
    openedAt: Number(row.opened_at),
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
    report: row.report === null ? null : frozenReport(String(row.report)),
  };
}

function toSale(row: Row): SaleRecord {
  const int = (value: SQLInputValue | undefined): number | null => (value === null || value === undefined ? null : Number(value));
  return {
    ...toRecord(row),
    shiftId: int(row.shift_id),
    cashierName: row.cashier_name === null ? null : String(row.cashier_name),
    lateAt: int(row.late_at),
    voidedAt: int(row.voided_at),
    resolution: row.resolution === null ? null : (row.resolution as LateOutcome),
  };
}

/** An export row read by position (exportBetween's columns); the head office's export reads its rows with it too (hq-report.ts). */
export function toExportSale(row: readonly unknown[]): ExportSale {
  return {
    tradeNo: String(row[0]),
    platformTradeNo: row[1] === null ? null : String(row[1]),
    state: row[2] as PaymentState,
    amount: Number(row[3]),
    paidAmount: row[4] === null ? null : Number(row[4]),
    createdAt: Number(row[5]),
    cashierName: row[6] === null ? null : String(row[6]),
    shiftId: row[7] === null ? null : Number(row[7]),
    customerName: String(row[8]),
    customerMobile: String(row[9]),
    customerEmail: String(row[10]),
    environment: String(row[11]),
    lateAt: row[12] === null ? null : Number(row[12]),
    resolution: row[13] === null ? null : String(row[13]),
    method: row[15] as PaymentMethod,
    cashTendered: row[16] === null ? null : Number(row[16]),
    cashChange: row[17] === null ? null : Number(row[17]),
    completed: Number(row[18]) === 1,
    followUps: {
      received: Number(row[19]),
      methods: row[20] === null ? [] : (String(row[20]).split(' ') as PaymentMethod[]),
      cashTendered: row[21] === null ? null : Number(row[21]),
      cashChange: row[22] === null ? null : Number(row[22]),
      tradeNos: row[23] === null ? [] : String(row[23]).split(' '),
      payproTradeNos: row[24] === null ? [] : String(row[24]).split(' '),
      overpaid: row[27] === null ? null : Number(row[27]),
      overpaidResolutions: row[29] === null ? [] : String(row[29]).split(' '),
      qrisReceived: row[30] === null ? [] : String(row[30]).split(' ').map(Number),
    },
    overpaidAmount: row[25] === null ? null : Number(row[25]),
    errorCode: row[26] === null ? null : String(row[26]),
    overpaidResolution: row[28] === null ? null : String(row[28]),
    customerTyped: customerTypedFromMask(Number(row[31])),
  };
}
