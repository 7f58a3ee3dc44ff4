import type pg from 'pg';
import { buildReport, reportGroupOfRow, type CountAmount, type SalesReport } from '../day/report.ts';
import type { PaymentState } from '../../../shared/payment.ts';
import { REPORT_GROUP_KEYS, ROLLUP_BUCKETS } from './schema.ts';

/** Which tills the owner's Laporan covers (issue 23). */
export type HqScope = { kind: 'all' } | { kind: 'outlet'; outlet: string } | { kind: 'till'; tillId: string };

export interface HqTill {
  tillId: string;
  tillName: string;
  outletName: string;
  lastSyncAt: number | null;
}

/** The scope as a WHERE fragment on paypro.payments (alias p) with its parameters from $3 on. */
function scopeFilter(scope: HqScope): { sql: string; params: unknown[] } {
  if (scope.kind === 'till') return { sql: 'AND p.till_id = $3', params: [scope.tillId] };
  if (scope.kind === 'outlet') {
    return { sql: 'AND p.till_id IN (SELECT till_id FROM paypro.tills WHERE outlet_name = $3)', params: [scope.outlet] };
  }
  return { sql: '', params: [] };
}

/** The consolidated report: the sales report, and the money paid beyond the charge kept apart (as the till's report does). */
export interface HqReport extends SalesReport {
  overpaid: CountAmount;
}

/**
 * The sales report of [fromMs, toMs) over the scope's tills: the till's own GROUP BY rows
 * (electron/core/ledger/day-queries.ts: state, late, voided, method, follow-up, completed) summed
 * over the tills, through the till's own `buildReport` — the same arithmetic (a sale counted once
 * with its follow-ups' money folded in, received split by method), so the all-tills report is the
 * sum of the tills' reports.
 *
 * Its whole UTC days and whole hours come from the rollups (schema 3: all tills' striped one, or
 * the tills' own), the partial hours at either end from the rows, so a day costs about the same
 * with 100 sales or 100,000, and a month little more. First and last sale: two index lookups (a
 * minimum cannot be kept by subtraction).
 */
export async function consolidatedReport(client: pg.ClientBase, scope: HqScope, fromMs: number, toMs: number): Promise<HqReport> {
  const filter = scopeFilter(scope);
  const params = [fromMs, toMs, ...filter.params];
  const { hour, day } = ROLLUP_BUCKETS;
  // [from, hours) rows, [hours, days) hours, [days, daysEnd) days, [daysEnd, hoursEnd) hours, [hoursEnd, to) rows.
  let hours = Math.ceil(fromMs / hour) * hour;
  let hoursEnd = Math.floor(toMs / hour) * hour;
  if (hours >= hoursEnd) hours = hoursEnd = toMs;
  let days = Math.ceil(hours / day) * day;
  let daysEnd = Math.floor(hoursEnd / day) * day;
  if (days >= daysEnd) days = daysEnd = hoursEnd;
  const rollup = scope.kind === 'all' ? 'paypro.payments_rollup_all' : 'paypro.payments_rollup';
  const fromRollup = (bucket: 'hour' | 'day', start: number, end: number): string => `SELECT state, late, voided, method, follow_up,
       completed, count, amount, paid, paid_or_charged, overpaid_count, overpaid_amount
     FROM ${rollup} p WHERE p.bucket = '${bucket}' AND p.bucket_start >= ${start} AND p.bucket_start < ${end} ${filter.sql}`;
  const fromRows = (range: string): string => `SELECT ${REPORT_GROUP_KEYS}, 1 AS count, coalesce(amount, 0) AS amount,
       coalesce(paid_amount, 0) AS paid, coalesce(paid_amount, amount, 0) AS paid_or_charged,
       (overpaid_amount IS NOT NULL)::int AS overpaid_count, coalesce(overpaid_amount, 0) AS overpaid_amount
     FROM paypro.payments p WHERE ${range} ${filter.sql}`;
  const { rows: groups } = await client.query<Record<string, string | boolean>>(
    `SELECT state, late, voided, method, follow_up, completed, sum(count) AS count, sum(amount) AS amount, sum(paid) AS paid,
       sum(paid_or_charged) AS paid_or_charged, sum(overpaid_count) AS overpaid_count, sum(overpaid_amount) AS overpaid_amount
     FROM (
       ${fromRows(`p.created_at >= $1 AND p.created_at < ${hours}`)}
       UNION ALL ${fromRollup('hour', hours, days)}
       UNION ALL ${fromRollup('day', days, daysEnd)}
       UNION ALL ${fromRollup('hour', daysEnd, hoursEnd)}
       UNION ALL ${fromRows(`p.created_at >= ${hoursEnd} AND p.created_at < $2`)}
     ) AS parts GROUP BY 1, 2, 3, 4, 5, 6`,
    params,
  );
  const saleAtEnd = (order: 'ASC' | 'DESC'): string => `(SELECT p.created_at FROM paypro.payments p
     WHERE p.created_at >= $1 AND p.created_at < $2 AND p.sale_id IS NULL ${filter.sql} ORDER BY p.created_at ${order} LIMIT 1)`;
  const { rows: [ends] } = await client.query<{ first_at: string | null; last_at: string | null }>(
    `SELECT ${saleAtEnd('ASC')} AS first_at, ${saleAtEnd('DESC')} AS last_at`, params);
  const overpaid = { count: 0, amount: 0 };
  for (const group of groups) {
    overpaid.count += Number(group.overpaid_count);
    overpaid.amount += Number(group.overpaid_amount);
  }
  const toMsOrNull = (value: string | null | undefined): number | null => (value == null ? null : Number(value));
  return {
    ...buildReport(groups.map(reportGroupOfRow)), firstSaleAt: toMsOrNull(ends?.first_at), lastSaleAt: toMsOrNull(ends?.last_at), overpaid,
  };
}

export async function listTills(client: pg.ClientBase): Promise<HqTill[]> {
  const { rows } = await client.query<{ till_id: string; till_name: string; outlet_name: string; last_sync_at: Date | null }>(
    'SELECT till_id, till_name, outlet_name, last_sync_at FROM paypro.tills WHERE till_id IS NOT NULL ORDER BY outlet_name, till_name');
  return rows.map((row) => ({
    tillId: row.till_id, tillName: row.till_name, outletName: row.outlet_name, lastSyncAt: row.last_sync_at?.getTime() ?? null,
  }));
}

export interface HqSale {
  tillName: string;
  outletName: string;
  tradeNo: string;
  platformTradeNo: string | null;
  amount: number;
  paidAmount: number | null;
  state: PaymentState;
  createdAt: number;
}

/**
 * "The customer shows proof at another branch": the sales of every till with this trade number
 * (ours or Paypro's), or of this amount in [fromMs, toMs), newest first.
 */
export async function searchAcrossTills(
  client: pg.ClientBase,
  query: { tradeNo: string } | { amount: number; fromMs: number; toMs: number },
  limit = 50,
): Promise<HqSale[]> {
  const where = 'tradeNo' in query
    ? { sql: 'p.trade_no = $1 OR p.platform_trade_no = $1', params: [query.tradeNo] }
    : { sql: 'p.amount = $1 AND p.created_at >= $2 AND p.created_at < $3', params: [query.amount, query.fromMs, query.toMs] };
  const { rows } = await client.query<Record<string, string | null>>(
    `SELECT t.till_name, t.outlet_name, p.trade_no, p.platform_trade_no, p.amount, p.paid_amount, p.state, p.created_at
     FROM paypro.payments p JOIN paypro.tills t ON t.till_id = p.till_id
     WHERE ${where.sql} ORDER BY p.created_at DESC LIMIT ${Math.max(1, Math.min(500, Math.trunc(limit)))}`,
    where.params,
  );
  return rows.map((row) => ({
    tillName: String(row.till_name), outletName: String(row.outlet_name), tradeNo: String(row.trade_no),
    platformTradeNo: row.platform_trade_no ?? null, amount: Number(row.amount),
    paidAmount: row.paid_amount === null ? null : Number(row.paid_amount), state: row.state as PaymentState,
    createdAt: Number(row.created_at),
  }));
}
