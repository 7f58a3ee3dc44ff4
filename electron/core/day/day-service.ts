import {
  businessDay,
  businessDayOf,
  businessDayRange,
  parseCutoff,
  type BusinessDay,
} from '../../../shared/day/business-day.ts';
import type {
  ClosedShift,
  DayReport,
  DayStatus,
  LateOutcome,
  OverpaidOutcome,
  OverpaidView,
  ListSalesRequest,
  SaleView,
  ShiftView,
} from '../../../shared/day/day-contract.ts';
import { csvFormatForLocale, type CsvFormat } from '../../../shared/day/csv-format.ts';
import type { PaymentView } from '../../../shared/payment.ts';
import type { Settings } from '../../../shared/settings.ts';
import { validateAmount } from '../../../shared/validation.ts';
import { estimatePayout, type MdrPlan, type PayoutEstimate } from '../../../shared/day/mdr.ts';
import { PosError } from '../errors.ts';
import type { PageCursor, SalePage, SaleRecord, ShiftRecord } from '../ledger/day-records.ts';
import { LedgerError, type Ledger } from '../ledger/ledger.ts';
import { paidLateFrom, toPaymentView } from '../payments/payment-view.ts';
import type { SalePayment } from '../ledger/records.ts';
import { validateLateResolution, validateOverpaidResolution } from '../../../shared/day/late-rules.ts';
import { NOT_WITH_TRADE_NO, numberSearch, searchWindow } from '../../../shared/day/search-rules.ts';
import { CashierRoster, type CashierPins } from './cashier-roster.ts';
import { salesExport, type SalesExport } from './sales-export.ts';
import { approveAsOwner, type Supervisor } from './supervisor.ts';
import { DEFAULT_CASH_SETTINGS, type CashSettings } from '../../../shared/cash-settings.ts';
import type { CashMovementRequest, DrawerCount } from '../../../shared/day/shift-cash.ts';
import type { CashMovementRecord } from '../ledger/shift-cash-book.ts';
import type { CountedCash } from '../ledger/day-book.ts';

const PAGE_SIZE = 50;

export interface DayServiceDeps {
  ledger: Ledger;
  settings: () => Settings;
  pins: CashierPins;
  supervisor: Supervisor;
  now: () => number;
  /** The operating system's region (main: Electron's app.getSystemLocale()); default the runtime's. */
  systemLocale?: string;
  /** The drawer's settings: the threshold above which a counted difference needs the owner (issue 22). */
  cashSettings?: () => CashSettings;
}


/**
 * The shop's day around the payments: shifts opened by a cashier and closed with a frozen report,
 * business-day reports, the history with its search, the CSV export, and late payments that a
 * person has to resolve. The ledger enforces the rules that must survive a crash; this service
 * adds the PINs and turns ledger refusals into codes the cashier reads.
 */
export class DayService {
  readonly #deps: DayServiceDeps;
  /** The cashiers and the PIN check that opens a shift. */
  readonly roster: CashierRoster;
  /** The CSV format Excel on this computer opens in columns (shared/day/csv-format.ts). */
  readonly #csvFormat: CsvFormat;

  constructor(deps: DayServiceDeps) {
    this.#deps = deps;
    this.roster = new CashierRoster({ book: () => deps.ledger.day, settings: deps.settings, pins: deps.pins, supervisor: deps.supervisor });
    this.#csvFormat = csvFormatForLocale(deps.systemLocale);
  }

  /** A history row with its sale's payments (one row per sale, issue 22). */
  readonly #saleView = (sale: SaleRecord): SaleView =>
    saleView(sale, this.#deps.ledger.salePayments(sale.tradeNo), this.#deps.ledger.day.namedCashierOf(sale.tradeNo));

  #pageView(page: SalePage): { sales: SaleView[]; next: string | null } {
    return { sales: page.sales.map(this.#saleView), next: page.next ? `${page.next.createdAt}.${page.next.id}` : null };
  }

  get #book() {
    return this.#deps.ledger.day;
  }

  #cutoff(): number {
    return parseCutoff(this.#deps.settings().day.cutoff) ?? 0;
  }

  /** The business day's cut-off and the CSV format of this till's export: the head office's CSV uses them too. */
  csvSettings(): { cutoffMinutes: number; format: CsvFormat; mdrPlan: MdrPlan } {
    return { cutoffMinutes: this.#cutoff(), format: this.#csvFormat, mdrPlan: this.#deps.settings().mdr.plan };
  }

  status(): DayStatus {
    const day = businessDayOf(this.#deps.now(), this.#cutoff());
    const shift = this.#book.currentShift();
    return {
      businessDate: day.date,
      dayStart: day.start,
      dayEnd: day.end,
      shift: shift ? shiftView(shift) : null,
      cashierPins: this.#deps.settings().day.cashierPins,
      needsAttention: this.#book.lateUnresolved().length,
      overpaidToResolve: this.#book.overpaidToResolve(),
      csvFormat: this.#csvFormat,
    };
  }

  /**
   * Before a sale is recorded: a shift must be open. Without cashier PINs the default cashier's
   * shift opens by itself, so a one-person shop never sees a shift screen; and the first sale of a
   * new business day closes the default cashier's shift of an earlier day (its report frozen,
   * with any payment still awaiting: that money then lands in the new shift as received for an
   * earlier shift) and opens a new one, so each day has its own shift. A person's shift (PINs on,
   * or a named cashier) is closed by a person.
   */
  ensureShiftForSale(): void {
    const current = this.#book.currentShift();
    if (current && !this.#isDefaultShiftOfEarlierDay(current)) return;
    if (!current && this.#deps.settings().day.cashierPins) throw new PosError('shift.none_open');
    if (current) translate(() => this.#book.closeShift(current.id, { allowOpenPayments: true }));
    this.#open(this.roster.defaultForSale().id);
  }

  /** The one-person shop's shift (PINs off, the default cashier) opened in an earlier business day. */
  #isDefaultShiftOfEarlierDay(shift: ShiftRecord): boolean {
    if (this.#deps.settings().day.cashierPins || this.#book.cashier(shift.cashierId)?.isDefault !== true) return false;
    const cutoff = this.#cutoff();
    return businessDayOf(shift.openedAt, cutoff).date < businessDayOf(this.#deps.now(), cutoff).date;
  }

  // ---- shifts -----------------------------------------------------------------------------------

  /** A cashier opens a shift with their PIN, or the owner's for them (see `CashierRoster.admit`). */
  async openShift(cashierId: number, pin: string, supervisorPin?: string, float = 0): Promise<ShiftView> {
    await this.roster.admit(cashierId, pin, supervisorPin);
    return this.#open(cashierId, float);
  }

  /**
   * Closes the open shift with its report. While a payment is awaiting, the owner's PIN is needed
   * (`supervisorPin`); without it the close is refused with `shift.payments_open`. With the drawer
   * counted (`count`), a difference above the setting's threshold needs the owner's PIN too
   * (`drawer.difference_needs_owner`), and the count is frozen in the report.
   */
  async closeShift(supervisorPin?: string, count?: DrawerCount): Promise<ClosedShift> {
    const shift = this.#book.currentShift();
    if (shift === undefined) throw new PosError('shift.none_open');
    const cash = count === undefined ? undefined : await this.#approveCount(count, supervisorPin);
    try {
      return closedView(this.#book.closeShift(shift.id, cash === undefined ? {} : { cash }));
    } catch (error) {
      if (!(error instanceof LedgerError && error.code === 'payments_open')) throw translateError(error);
      await approveAsOwner(this.#deps.supervisor, supervisorPin, () => new PosError('shift.payments_open', { detail: error.message }));
      return closedView(translate(() => this.#book.closeShift(shift.id, { allowOpenPayments: true, ...(cash === undefined ? {} : { cash }) })));
    }
  }

  /** Kas masuk / kas keluar: cash put in or taken out of the drawer during the open shift, with its reason. */
  moveCash(request: CashMovementRequest): CashMovementRecord {
    return translate(() => this.#book.cash.move(request.kind, request.amount, request.reason.trim()));
  }

  /** Modal awal given after the shift opened (a one-person shop's shift opens by itself at the first sale). */
  setFloat(amount: number): CashMovementRecord {
    return translate(() => this.#book.cash.setFloat(amount));
  }

  /** The cash moved by hand in a shift (float, in, out), oldest first: listed apart in its report. */
  cashMovements(shiftId: number): CashMovementRecord[] {
    return this.#book.cash.movements(shiftId);
  }

  /** A difference above the threshold (either way) is the owner's to accept. */
  async #approveCount(count: DrawerCount, supervisorPin: string | undefined): Promise<CountedCash> {
    const difference = count.counted - count.expected;
    const threshold = (this.#deps.cashSettings?.() ?? DEFAULT_CASH_SETTINGS).differenceApprovalAbove;
    const needsOwner = Math.abs(difference) > threshold;
    if (needsOwner) {
      await approveAsOwner(this.#deps.supervisor, supervisorPin, () => new PosError('drawer.difference_needs_owner', { detail: `difference ${difference}, threshold ${threshold}` }));
    }
    return {
      counted: count.counted,
      ...(count.denominations === undefined ? {} : { denominations: count.denominations }),
      expectedSeen: count.expected,
      differenceApproved: needsOwner,
    };
  }

  /**
   * Before a payment is cancelled: with `day.supervisorCancelAfterMinutes` set, a payment still
   * open after that many minutes is cancelled only with the owner's PIN (or an open admin
   * session); without it the cancel is refused with `cancel.supervisor_required`. A payment that
   * cannot be cancelled any more is left to the cancel itself to refuse.
   */
  async authorizeCancel(payment: Pick<PaymentView, 'state' | 'createdAt'>, supervisorPin?: string): Promise<void> {
    const minutes = this.#deps.settings().day.supervisorCancelAfterMinutes;
    if (minutes <= 0) return;
    if (payment.state !== 'awaiting_payment' && payment.state !== 'unknown') return;
    if (this.#deps.now() - payment.createdAt < minutes * 60_000) return;
    await approveAsOwner(this.#deps.supervisor, supervisorPin, () => new PosError('cancel.supervisor_required', { detail: `open for ${minutes} minutes or more` }));
  }

  // ---- reports ----------------------------------------------------------------------------------

  /** The report of a business day (or a range of them) and of each shift opened in it. */
  dayReport(request: { from?: string; to?: string }): DayReport {
    const { first, last, range } = this.#range(request.from, request.to);
    return {
      businessDate: first.date,
      toDate: last.date,
      from: range.start,
      to: range.end,
      report: this.#book.reportBetween(range.start, range.end),
      shifts: this.#book.shiftsBetween(range.start, range.end).map((shift) => this.#withReport(shift)),
      later: this.#book.receivedAfterClose(range.start, range.end),
    };
  }

  /**
   * What Paypro will pay out for a business day or range: QRIS money received minus each
   * transaction's MDR under the settings' plan (shared/day/mdr.ts).
   */
  payoutEstimate(request: { from?: string; to?: string }): PayoutEstimate {
    const { range } = this.#range(request.from, request.to);
    return estimatePayout(this.#deps.ledger.reconciliations.receivedAmounts(range.start, range.end), this.#deps.settings().mdr.plan);
  }

  /** One shift and its report (frozen once closed): shown or printed again any time later. */
  shiftReport(shiftId: number): ClosedShift {
    const shift = this.#book.shift(shiftId);
    if (shift === undefined) throw new PosError('not_found', { detail: `shift ${shiftId}` });
    return this.#withReport(shift);
  }

  #withReport(shift: ShiftRecord): ClosedShift {
    return { ...shiftView(shift), report: shift.report ?? this.#book.shiftReport(shift.id) };
  }

  // ---- history ----------------------------------------------------------------------------------

  /**
   * The history: a page of the day (or range), or a search. Every filter given applies (amount and
   * state together, times within the day); a trade number is found whatever the day, so it is
   * refused together with another filter rather than one of them being silently ignored.
   */
  listSales(request: ListSalesRequest): { sales: SaleView[]; next: string | null } {
    const limit = request.limit ?? PAGE_SIZE;
    const after = parseCursor(request.cursor);
    if (request.tradeNo !== undefined) {
      const others = NOT_WITH_TRADE_NO.filter((filter) => request[filter] !== undefined);
      if (others.length > 0) {
        throw new PosError('validation', { fields: { tradeNo: { code: 'search.trade_no_alone' } }, detail: others.join(', ') });
      }
      const search = numberSearch(request.tradeNo);
      if (!search.ok) throw new PosError('validation', { fields: { tradeNo: { code: search.code } } });
      return { sales: this.#book.byNumberEnd(search.end, search.mobileEnd, limit).map(this.#saleView), next: null };
    }
    if (request.shiftId !== undefined) {
      const others = NOT_WITH_TRADE_NO.filter((filter) => filter !== 'shiftId' && request[filter] !== undefined);
      if (others.length > 0) throw new PosError('bad_request', { detail: `a shift's page takes no other filter (${others.join(', ')})` });
      return this.#pageView(this.#book.pageOfShift(request.shiftId, limit, after));
    }
    const { first, last } = this.#range(request.from, request.to);
    const window = searchWindow(first, last, request.fromTime, request.toTime);
    if (!window.ok) throw new PosError('validation', { fields: { [window.field]: { code: window.code } } });
    if (request.amount !== undefined) {
      const amount = validateAmount(request.amount, { minAmount: 1, maxAmount: Number.MAX_SAFE_INTEGER });
      if (!amount.ok) throw new PosError('validation', { fields: { amount: amount.error } });
      return this.#pageView(this.#book.pageByAmount(amount.value, window.start, window.end, limit, after, request.state));
    }
    if (request.state !== undefined) {
      return this.#pageView(this.#book.pageByState(request.state, window.start, window.end, limit, after));
    }
    return this.#pageView(this.#book.pageBetween(window.start, window.end, limit, after));
  }

  /** One sale as the history shows it (after a re-check). */
  sale(tradeNo: string): SaleView {
    const sale = this.#book.byTradeNo(tradeNo).find((one) => one.tradeNo === tradeNo);
    if (sale === undefined) throw new PosError('not_found', { detail: tradeNo });
    return this.#saleView(sale);
  }

  /**
   * The CSV of a business day or range, with a file name for it, written page by page as it is
   * read (sales-export.ts). Format: the owner's choice, else what Excel on this computer opens.
   */
  async exportCsv(request: { from?: string; to?: string; format?: CsvFormat; personalData?: boolean; supervisorPin?: string }): Promise<SalesExport> {
    const { first, last, range } = this.#range(request.from, request.to);
    const personalData = request.personalData === true;
    // Every customer's mobile and email is the owner's to take away, not any cashier's (issue 21).
    if (personalData) await approveAsOwner(this.#deps.supervisor, request.supervisorPin, () => new PosError('export.owner_required'), { withoutOwnerPin: 'allow' });
    const span = first.date === last.date ? first.date : `${first.date}_${last.date}`;
    return salesExport(this.#book, range, {
      fileName: `penjualan-${span}${personalData ? '' : '-tanpa-data-pelanggan'}.csv`,
      cutoffMinutes: this.#cutoff(),
      format: request.format ?? this.#csvFormat,
      personalData,
      mdrPlan: this.#deps.settings().mdr.plan,
    });
  }

  // ---- late payments ----------------------------------------------------------------------------

  lateUnresolved(): SaleView[] {
    return this.#book.lateUnresolved().map(this.#saleView);
  }

  async resolveLate(tradeNo: string, outcome: LateOutcome, note: string, supervisorPin?: string): Promise<SaleView> {
    const checked = validateLateResolution({ outcome, note });
    if (!checked.ok) throw new PosError('validation', { fields: checked.fields });
    // Cash out of the drawer for a late QRIS payment: the owner approves it (issue 21).
    if (checked.value.outcome === 'refunded_cash') {
      await approveAsOwner(this.#deps.supervisor, supervisorPin, () => new PosError('late.refund_owner_required'), { withoutOwnerPin: 'allow' });
    }
    translate(() => this.#book.resolveLate(tradeNo, checked.value.outcome, checked.value.note));
    return this.#saleView(this.#book.byTradeNo(tradeNo)[0]!);
  }

  // ---- overpayments ----------------------------------------------------------------------------

  /** Customers' overpayments nobody has said what became of yet ("Perlu tindakan"). */
  overpaidUnresolved(): OverpaidView[] {
    return this.#book.overpaidUnresolved();
  }

  /**
   * Records what became of an overpayment. Cash out of the drawer needs the owner, as a late
   * payment's cash refund does; it then counts as a cash refund in the open shift's expected cash.
   */
  async resolveOverpaid(tradeNo: string, outcome: OverpaidOutcome, note: string, supervisorPin?: string): Promise<OverpaidView[]> {
    const checked = validateOverpaidResolution({ outcome, note });
    if (!checked.ok) throw new PosError('validation', { fields: checked.fields });
    if (checked.value.outcome === 'refunded_cash') {
      await approveAsOwner(this.#deps.supervisor, supervisorPin, () => new PosError('overpaid.refund_owner_required'), { withoutOwnerPin: 'allow' });
    }
    try {
      this.#book.resolveOverpaid(tradeNo, checked.value.outcome, checked.value.note);
    } catch (error) {
      const codes: Partial<Record<string, string>> = { not_overpaid: 'overpaid.not_overpaid', already_resolved: 'overpaid.already_resolved' };
      const code = error instanceof LedgerError ? codes[error.code] : undefined;
      throw code === undefined ? translateError(error) : new PosError(code, { detail: error instanceof Error ? error.message : String(error), cause: error });
    }
    return this.overpaidUnresolved();
  }

  // ---- internals --------------------------------------------------------------------------------

  #open(cashierId: number, float = 0): ShiftView {
    return shiftView(translate(() => this.#book.openShift(cashierId, float)));
  }

  #range(from: string | undefined, to: string | undefined): { first: BusinessDay; last: BusinessDay; range: { start: number; end: number } } {
    const cutoff = this.#cutoff();
    const today = businessDayOf(this.#deps.now(), cutoff);
    const first = from === undefined ? today : businessDay(from, cutoff);
    const last = to === undefined ? first : businessDay(to, cutoff);
    const range = first && last ? businessDayRange(first.date, last.date, cutoff) : null;
    if (!first || !last || !range) throw new PosError('date.invalid');
    return { first, last, range };
  }
}

function parseCursor(text: string | undefined): PageCursor | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\.(\d+)$/.exec(text);
  if (!match) throw new PosError('bad_request', { detail: 'cursor' });
  return { createdAt: Number(match[1]), id: Number(match[2]) };
}

export function saleView(sale: SaleRecord, salePayments: readonly SalePayment[], namedCashier: string | null): SaleView {
  return {
    ...toPaymentView(sale, paidLateFrom(sale.lateAt, sale.voidedAt), salePayments, namedCashier),
    shiftId: sale.shiftId,
    cashierName: sale.cashierName,
    late: sale.lateAt !== null,
    resolution: sale.resolution,
  };
}

function shiftView(shift: ShiftRecord): ShiftView {
  return { id: shift.id, cashierId: shift.cashierId, cashierName: shift.cashierName, openedAt: shift.openedAt, closedAt: shift.closedAt };
}

function closedView(shift: ShiftRecord): ClosedShift {
  return { ...shiftView(shift), report: shift.report! };
}

/** Ledger refusals the cashier can act on, as codes the renderer translates. */
function translateError(error: unknown): unknown {
  if (!(error instanceof LedgerError)) return error;
  const codes: Partial<Record<LedgerError['code'], string>> = {
    shift_open: 'shift.already_open',
    shift_closed: 'shift.none_open',
    payments_open: 'shift.payments_open',
    not_found: 'not_found',
    not_late: 'late.not_late',
    already_resolved: 'late.already_resolved',
    cash_changed: 'drawer.expected_changed',
    float_set: 'drawer.float_set',
  };
  const code = codes[error.code];
  return code === undefined ? error : new PosError(code, { detail: error.message, cause: error });
}

function translate<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw translateError(error);
  }
}
