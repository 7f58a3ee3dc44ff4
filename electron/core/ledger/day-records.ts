import type { CountAmount, SalesReport } from '../day/report.ts';
import type { LateOutcome, OverpaidOutcome } from '../../../shared/day/day-contract.ts';
import type { PaymentRecord } from './records.ts';
import type { ShiftCash } from '../../../shared/day/shift-cash.ts';

export interface CashierRecord {
  id: number;
  name: string;
  /** The PIN's salted hash as stored (JSON); null for the PIN-less default cashier. */
  pin: string | null;
  isDefault: boolean;
  createdAt: number;
  retiredAt: number | null;
}

export { LATE_OUTCOMES, OVERPAID_OUTCOMES, type LateOutcome, type OverpaidOutcome, type OverpaidView as OverpaidRecord } from '../../../shared/day/day-contract.ts';

/** A report as frozen at close: the sales' arithmetic plus what was done about late payments. */
export interface ShiftReport extends SalesReport {
  /** Late payments resolved in the shift (or day), per outcome. */
  resolutions: Record<LateOutcome, number>;
  /**
   * Received for earlier shifts: money for sales whose own shift was already closed (or that had
   * none), that came in during this shift (or the day's shifts). Absent from reports frozen before
   * schema 4; read as zero.
   */
  earlier: CountAmount;
  /**
   * The shift's cash (issue 22): float, movements, expected, and what was counted at close. Only
   * in a shift's report, absent from reports frozen before schema 6 and from day reports.
   */
  cash?: ShiftCash;
  /**
   * Paid beyond the charge (issue 21): never inside `received`, shown apart for the owner to check
   * in the Paypro back office. Absent from reports frozen before schema 9; read as zero.
   */
  overpaid: CountAmount;
  /**
   * What became of overpayments resolved in the shift (or day), per outcome (schema 12): the cash
   * refunds are also in the shift's `cash.cashRefunds`. Absent from reports frozen before; read as zero.
   */
  overpaidResolved: Record<OverpaidOutcome, CountAmount>;
}

export interface ShiftRecord {
  id: number;
  cashierId: number;
  cashierName: string;
  openedAt: number;
  closedAt: number | null;
  /** Frozen at close; null while the shift is open. */
  report: ShiftReport | null;
}

/** A payment in the history: the ledger's record with its shift, cashier and late status. */
export interface SaleRecord extends PaymentRecord {
  shiftId: number | null;
  cashierName: string | null;
  lateAt: number | null;
  voidedAt: number | null;
  resolution: LateOutcome | null;
}

/** Where the next page starts: the last row's (created_at, id). Opaque to the renderer. */
export interface PageCursor {
  createdAt: number;
  id: number;
}

export interface SalePage {
  sales: SaleRecord[];
  next: PageCursor | null;
}
