import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';
import type { PaymentState } from '../../../shared/payment.ts';
import { RECONCILE_VERDICT_NAMES } from '../../../shared/day/reconcile-contract.ts';
import { DAY_QRIS_CHARGES } from './qris-charges.ts';

type Transaction = <T>(work: () => T) => T;

export const RECONCILE_TRIGGERS = ['owner', 'day_close', 'automatic'] as const;
export type ReconcileTrigger = (typeof RECONCILE_TRIGGERS)[number];

export type ReconcileVerdict = (typeof RECONCILE_VERDICT_NAMES)[number];

export interface ReconciliationRecord {
  id: number;
  businessDate: string;
  dayStart: number;
  dayEnd: number;
  trigger: ReconcileTrigger;
  startedAt: number;
  finishedAt: number | null;
}

export interface ReconcileItem {
  tradeNo: string;
  createdAt: number;
  amount: number;
  checkedAt: number;
  verdict: ReconcileVerdict;
  appState: PaymentState;
  appReceived: number;
  gatewayStatus: string | null;
  gatewayReceived: number | null;
  stateAfter: PaymentState;
}

export type NewReconcileItem = Omit<ReconcileItem, 'tradeNo' | 'createdAt' | 'amount'> & { paymentId: number };

export interface ChargeToCheck {
  paymentId: number;
  tradeNo: string;
}

export const RECONCILE_QUERIES = {
  insert: `INSERT INTO reconciliations (business_date, day_start, day_end, trigger, started_at)
           VALUES (?, ?, ?, ?, ?) RETURNING id`,
  finish: 'UPDATE reconciliations SET finished_at = ? WHERE id = ? AND finished_at IS NULL',
  byId: 'SELECT * FROM reconciliations WHERE id = ?',
  latestOfDate: 'SELECT * FROM reconciliations WHERE business_date = ? ORDER BY id DESC LIMIT 1',
  unfinished: 'SELECT * FROM reconciliations WHERE finished_at IS NULL ORDER BY id',
  insertItem: `INSERT INTO reconciliation_items (reconciliation_id, payment_id, checked_at, verdict, app_state,
                 app_received, gateway_status, gateway_received, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  /** The charges of the run's day not yet checked by it, oldest first: where a resumed run goes on. */
  unchecked: `WITH charges AS (${DAY_QRIS_CHARGES})
              SELECT charges.id, charges.trade_no FROM charges
              WHERE NOT EXISTS (SELECT 1 FROM reconciliation_items i
                                WHERE i.reconciliation_id = :run AND i.payment_id = charges.id)
              ORDER BY charges.created_at, charges.id LIMIT :limit`,
  chargeCount: `WITH charges AS (${DAY_QRIS_CHARGES}) SELECT count(*) AS n FROM charges`,
  verdictCounts: 'SELECT verdict, count(*) AS n FROM reconciliation_items WHERE reconciliation_id = ? GROUP BY verdict',
  /** What the owner must look at: every answer that was not plain agreement. */
  listed: `SELECT p.trade_no, p.created_at, p.amount, i.* FROM reconciliation_items i
           JOIN payments p ON p.id = i.payment_id
           WHERE i.reconciliation_id = ? AND i.verdict <> 'agrees'
           ORDER BY p.created_at, p.id`,
  /** What Paypro will pay out: money received per QRIS charge of the period. */
  receivedAmounts: `WITH charges AS (${DAY_QRIS_CHARGES})
                    SELECT CASE state WHEN 'paid' THEN coalesce(paid_amount, amount) ELSE coalesce(paid_amount, 0) END AS received
                    FROM charges WHERE state IN ('paid', 'partially_paid')`,
} as const;

/**
 * The reconciliation runs and their answers (schema 7, migration-reconciliation.ts), on the
 * ledger's connection and its one-transaction-per-write rule.
 */
export class ReconciliationBook {
  readonly #sql: Record<keyof typeof RECONCILE_QUERIES, StatementSync>;
  readonly #transaction: Transaction;

  constructor(db: DatabaseSync, transaction: Transaction) {
    this.#transaction = transaction;
    this.#sql = Object.fromEntries(Object.entries(RECONCILE_QUERIES).map(([name, sql]) => [name, db.prepare(sql)])) as Record<
      keyof typeof RECONCILE_QUERIES,
      StatementSync
    >;
  }

  start(run: Omit<ReconciliationRecord, 'id' | 'finishedAt'>): ReconciliationRecord {
    return this.#transaction(() => {
      const row = this.#sql.insert.get(run.businessDate, run.dayStart, run.dayEnd, run.trigger, run.startedAt);
      return { ...run, id: Number(row?.id), finishedAt: null };
    });
  }

  finish(id: number, at: number): void {
    this.#transaction(() => this.#sql.finish.run(at, id));
  }

  run(id: number): ReconciliationRecord | undefined {
    const row = this.#sql.byId.get(id);
    return row && toRun(row);
  }

  latestOfDate(businessDate: string): ReconciliationRecord | undefined {
    const row = this.#sql.latestOfDate.get(businessDate);
    return row && toRun(row);
  }

  unfinished(): ReconciliationRecord[] {
    return this.#sql.unfinished.all().map(toRun);
  }

  /** Records one answer; each is its own transaction, so progress survives a crash. */
  record(runId: number, item: NewReconcileItem): void {
    this.#transaction(() =>
      this.#sql.insertItem.run(
        runId, item.paymentId, item.checkedAt, item.verdict, item.appState, item.appReceived,
        item.gatewayStatus, item.gatewayReceived, item.stateAfter,
      ),
    );
  }

  /** The next charges of the run's day it has not checked yet, oldest first. */
  unchecked(run: ReconciliationRecord, limit: number): ChargeToCheck[] {
    return this.#sql.unchecked
      .all({ from: run.dayStart, to: run.dayEnd, run: run.id, limit })
      .map((row) => ({ paymentId: Number(row.id), tradeNo: String(row.trade_no) }));
  }

  chargeCount(dayStart: number, dayEnd: number): number {
    return Number(this.#sql.chargeCount.get({ from: dayStart, to: dayEnd })?.n ?? 0);
  }

  verdictCounts(runId: number): Record<ReconcileVerdict, number> {
    const counts = Object.fromEntries(RECONCILE_VERDICT_NAMES.map((verdict) => [verdict, 0])) as Record<ReconcileVerdict, number>;
    for (const row of this.#sql.verdictCounts.all(runId)) counts[row.verdict as ReconcileVerdict] = Number(row.n);
    return counts;
  }

  listed(runId: number): ReconcileItem[] {
    return this.#sql.listed.all(runId).map((row) => ({
      tradeNo: String(row.trade_no),
      createdAt: Number(row.created_at),
      amount: Number(row.amount),
      checkedAt: Number(row.checked_at),
      verdict: row.verdict as ReconcileVerdict,
      appState: row.app_state as PaymentState,
      appReceived: Number(row.app_received),
      gatewayStatus: row.gateway_status == null ? null : String(row.gateway_status),
      gatewayReceived: row.gateway_received === null ? null : Number(row.gateway_received),
      stateAfter: row.state_after as PaymentState,
    }));
  }

  /** Money received per QRIS charge created in [from, to): what the MDR estimate is taken over. */
  *receivedAmounts(from: number, to: number): Generator<number> {
    for (const row of this.#sql.receivedAmounts.iterate({ from, to })) yield Number(row.received);
  }
}

function toRun(row: Record<string, SQLOutputValue>): ReconciliationRecord {
  return {
    id: Number(row.id),
    businessDate: String(row.business_date),
    dayStart: Number(row.day_start),
    dayEnd: Number(row.day_end),
    trigger: row.trigger as ReconcileTrigger,
    startedAt: Number(row.started_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}
