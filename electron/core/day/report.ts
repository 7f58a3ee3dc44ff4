import type { PaymentState } from '../../../shared/payment.ts';
import type { PaymentMethod } from '../ledger/records.ts';

/**
 * The arithmetic of a shift or business-day report ("Tutup kasir"). The ledger answers with a
 * handful of GROUP BY rows (one per state × late × voided, read from an index); this module turns
 * them into the report. `groupSales` builds the same rows from individual sales, so a test can
 * hold the ledger's SQL to the sum over the sales themselves.
 */

/** What the report needs to know of one sale. */
export interface SaleFacts {
  state: PaymentState;
  amount: number;
  paidAmount: number | null;
  createdAt: number;
  /** Found paid after the counter had closed it (expired or cancelled). */
  late: boolean;
  /** Cancelled at the counter at some point (it may have been found paid later). */
  voided: boolean;
  /** Schema 5: how it was paid (default QRIS). */
  method?: PaymentMethod;
  /** A follow-up payment of a sale (Tagih sisa, the rest in cash): money only, not a sale of its own. */
  followUp?: boolean;
  /** A sale's first payment whose sale its payments together paid in full: reported as paid. */
  completed?: boolean;
}

/** One GROUP BY row: the sales sharing a state and the late/voided flags. */
export interface ReportGroup {
  state: PaymentState;
  late: boolean;
  voided: boolean;
  method?: PaymentMethod;
  followUp?: boolean;
  completed?: boolean;
  count: number;
  /** Sum of the amounts charged. */
  amount: number;
  /** Sum of paidAmount where known (null counts 0). */
  paid: number;
  /** Sum of paidAmount, or the amount charged where the gateway named none. */
  paidOrCharged: number;
  firstAt: number;
  lastAt: number;
}

/**
 * The report's state lines: every sale in exactly one (issue 20 #5). The three states not yet
 * decided are one "still open" line; a sale paid after the counter closed it (cancelled, expired,
 * or booked never created) is in `late` only — not also in paid, nor in cancelled.
 */
export const REPORT_BUCKETS = ['paid', 'partially_paid', 'late', 'failed', 'expired', 'cancelled', 'open'] as const;
export type ReportBucket = (typeof REPORT_BUCKETS)[number];

export interface CountAmount {
  count: number;
  amount: number;
}

export interface SalesReport {
  saleCount: number;
  /** Count and amount charged per bucket. */
  buckets: Record<ReportBucket, CountAmount>;
  /** Partially paid sales: what came in and what the customer still owes. */
  partial: { received: number; outstanding: number };
  /** Money received, every payment of every sale: paid sales plus what partial sales received. */
  received: number;
  /** The same money by how it was paid (absent from reports frozen before schema 5: all QRIS). */
  receivedByMethod: Record<PaymentMethod, number>;
  firstSaleAt: number | null;
  lastSaleAt: number | null;
  /** Paid after the counter closed them (the `late` line); their money is inside `received`. */
  late: { count: number; received: number };
  /**
   * Cancelled at the counter at some point, including those later found paid (which are in the
   * `late` line): kept for the records, not shown as a second "cancelled" figure.
   */
  voids: CountAmount;
}

/** The one state line a sale is counted in. Late implies (partly) paid: the day book stamps it only then. */
export function bucketOf(sale: Pick<SaleFacts, 'state' | 'late'>): ReportBucket {
  if (sale.late) return 'late';
  const { state } = sale;
  return state === 'creating' || state === 'unknown' || state === 'awaiting_payment' ? 'open' : state;
}

/** Money a sale brought in: the paid amount (or the charge when the gateway named none) for paid, the paid part for partial. */
export function receivedOf(sale: Pick<SaleFacts, 'state' | 'amount' | 'paidAmount'>): number {
  if (sale.state === 'paid') return sale.paidAmount ?? sale.amount;
  if (sale.state === 'partially_paid') return sale.paidAmount ?? 0;
  return 0;
}

export function emptyReport(): SalesReport {
  return {
    saleCount: 0,
    buckets: Object.fromEntries(REPORT_BUCKETS.map((bucket) => [bucket, { count: 0, amount: 0 }])) as SalesReport['buckets'],
    partial: { received: 0, outstanding: 0 },
    received: 0,
    receivedByMethod: { qris: 0, cash: 0 },
    firstSaleAt: null,
    lastSaleAt: null,
    late: { count: 0, received: 0 },
    voids: { count: 0, amount: 0 },
  };
}

export function buildReport(groups: Iterable<ReportGroup>): SalesReport {
  const report = emptyReport();
  for (const group of groups) {
    if (group.count === 0) continue;
    const received = groupReceived(group);
    report.received += received;
    report.receivedByMethod[group.method ?? 'qris'] += received;
    // A follow-up brings money into its sale, which its first payment already counts.
    if (group.followUp === true) continue;
    report.saleCount += group.count;
    // A sale its payments completed is paid, unless its first payment came late (a late payment, shown once).
    const bucket = report.buckets[group.completed === true && !group.late ? 'paid' : bucketOf(group)];
    bucket.count += group.count;
    bucket.amount += group.amount;
    if (group.state === 'partially_paid' && group.completed !== true) {
      report.partial.received += group.paid;
      report.partial.outstanding += group.amount - group.paid;
    }
    if (group.late) {
      report.late.count += group.count;
      report.late.received += received;
    }
    if (group.voided) {
      report.voids.count += group.count;
      report.voids.amount += group.amount;
    }
    report.firstSaleAt = report.firstSaleAt === null ? group.firstAt : Math.min(report.firstSaleAt, group.firstAt);
    report.lastSaleAt = report.lastSaleAt === null ? group.lastAt : Math.max(report.lastSaleAt, group.lastAt);
  }
  return report;
}

/**
 * One GROUP BY row (state, late, voided, count, amount, paid, paid_or_charged, first_at, last_at)
 * as a SQL driver hands it over: SQLite's numbers and 0/1, or PostgreSQL's numeric text and booleans.
 */
export function reportGroupOfRow(row: Record<string, unknown>): ReportGroup {
  const flag = (value: unknown): boolean => value === true || Number(value) === 1;
  return {
    state: row.state as PaymentState,
    late: flag(row.late),
    voided: flag(row.voided),
    // Schema 5's dimensions; a row without them (an older replica) is a QRIS sale's first payment.
    method: (row.method ?? 'qris') as PaymentMethod,
    followUp: flag(row.follow_up),
    completed: flag(row.completed),
    count: Number(row.count),
    amount: Number(row.amount),
    paid: Number(row.paid),
    paidOrCharged: Number(row.paid_or_charged),
    firstAt: Number(row.first_at),
    lastAt: Number(row.last_at),
  };
}

/** The GROUP BY rows of individual sales, as the ledger's report query would return them. */
export function groupSales(sales: Iterable<SaleFacts>): ReportGroup[] {
  const groups = new Map<string, ReportGroup>();
  for (const sale of sales) {
    const method = sale.method ?? 'qris';
    const followUp = sale.followUp ?? false;
    const completed = sale.completed ?? false;
    const key = `${sale.state}|${sale.late}|${sale.voided}|${method}|${followUp}|${completed}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        state: sale.state, late: sale.late, voided: sale.voided, method, followUp, completed,
        count: 0, amount: 0, paid: 0, paidOrCharged: 0, firstAt: sale.createdAt, lastAt: sale.createdAt,
      };
      groups.set(key, group);
    }
    group.count++;
    group.amount += sale.amount;
    group.paid += sale.paidAmount ?? 0;
    group.paidOrCharged += sale.paidAmount ?? sale.amount;
    group.firstAt = Math.min(group.firstAt, sale.createdAt);
    group.lastAt = Math.max(group.lastAt, sale.createdAt);
  }
  return [...groups.values()];
}

function groupReceived(group: ReportGroup): number {
  if (group.state === 'paid') return group.paidOrCharged;
  if (group.state === 'partially_paid') return group.paid;
  return 0;
}
