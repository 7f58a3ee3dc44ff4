import type pg from 'pg';
import { buildReport, reportGroupOfRow, type CountAmount, type SalesReport } from '../day/report.ts';
import type { ExportSale } from '../day/sales-csv.ts';
import { toExportSale } from '../ledger/day-book.ts';
import { received } from '../ledger/migration-shift-windows.ts';
import type { PaymentMethod } from '../ledger/records.ts';
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
  /** How the sale was paid, its follow-ups included: qris, cash, or both (the CSV's `method`). */
  methods: PaymentMethod[];
  amount: number;
  paidAmount: number | null;
  state: PaymentState;
  createdAt: number;
}

/** The end of either trade number or of the customer's mobile, as the till's F6 box reads it (shared/day/search-rules.ts numberSearch). */
export interface NumberEnd {
  end: string;
  mobileEnd: string | null;
}

/** A sale's payment methods, its own first, as the CSV writes them (`qris+cash`). */
const SALE_METHODS = `ARRAY(SELECT m FROM (SELECT coalesce(p.method, 'qris') AS m
  UNION SELECT coalesce(f.method, 'qris') FROM paypro.payments f WHERE f.till_id = p.till_id AND f.sale_id = p.id) x
  ORDER BY m = 'cash', m)`;

/**
 * "The customer shows proof at another branch": the sales of every till whose number (ours or
 * Paypro's) or customer's mobile ends with what was typed — of the sale or of any of its payments,
 * the sale is found, as on the till (day-queries byNumberEnd) — or of this amount in
 * [fromMs, toMs), newest first.
 */
export async function searchAcrossTills(
  client: pg.ClientBase,
  query: NumberEnd | { amount: number; fromMs: number; toMs: number },
  limit = 50,
): Promise<HqSale[]> {
  const where = 'end' in query
    ? {
      // right(…, 4) is the head office's number-end index (schema.ts); the LIKE checks the rest.
      sql: `(p.till_id, p.id) IN (
        SELECT till_id, coalesce(sale_id, id) FROM paypro.payments WHERE right(upper(trade_no), 4) = $1 AND upper(trade_no) LIKE $2
        UNION ALL SELECT till_id, coalesce(sale_id, id) FROM paypro.payments
          WHERE right(upper(platform_trade_no), 4) = $1 AND upper(platform_trade_no) LIKE $2 AND platform_trade_no IS NOT NULL
        UNION ALL SELECT till_id, coalesce(sale_id, id) FROM paypro.payments WHERE right(customer_mobile, 4) = $3 AND customer_mobile LIKE $4)`,
      params: [query.end.slice(-4).toUpperCase(), `%${query.end.toUpperCase()}`,
        query.mobileEnd?.slice(-4) ?? null, query.mobileEnd === null ? null : `%${query.mobileEnd}`],
    }
    : { sql: 'p.amount = $1 AND p.created_at >= $2 AND p.created_at < $3 AND p.sale_id IS NULL', params: [query.amount, query.fromMs, query.toMs] };
  const { rows } = await client.query<Record<string, string | string[] | null>>(
    `SELECT t.till_name, t.outlet_name, p.trade_no, p.platform_trade_no, ${SALE_METHODS} AS methods, p.amount, p.paid_amount, p.state, p.created_at
     FROM paypro.payments p JOIN paypro.tills t ON t.till_id = p.till_id
     WHERE ${where.sql} ORDER BY p.created_at DESC LIMIT ${Math.max(1, Math.min(500, Math.trunc(limit)))}`,
    where.params,
  );
  return rows.map((row) => ({
    tillName: String(row.till_name), outletName: String(row.outlet_name), tradeNo: String(row.trade_no),
    platformTradeNo: (row.platform_trade_no as string | null) ?? null, methods: row.methods as PaymentMethod[], amount: Number(row.amount),
    paidAmount: row.paid_amount === null ? null : Number(row.paid_amount), state: row.state as PaymentState,
    createdAt: Number(row.created_at),
  }));
}

/** The scope on a table with till_id (alias x), its parameter numbered `n`. */
function scopeOn(alias: string, scope: HqScope, n: number): { sql: string; params: unknown[] } {
  if (scope.kind === 'till') return { sql: `AND ${alias}.till_id = $${n}`, params: [scope.tillId] };
  if (scope.kind === 'outlet') return { sql: `AND t.outlet_name = $${n}`, params: [scope.outlet] };
  return { sql: '', params: [] };
}

/** A cashier shift of any till, with the cash its close counted (shifts.report -> 'cash'). */
export interface HqShift {
  tillName: string;
  outletName: string;
  cashierName: string;
  openedAt: number;
  closedAt: number | null;
  /** Null while open, or for a shift closed without the drawer count. */
  expected: number | null;
  counted: number | null;
  /** counted − expected (negative: short). */
  difference: number | null;
}

/** The shifts opened in [fromMs, toMs) on the scope's tills, as the till's day report lists its own. */
export async function shiftsAcrossTills(client: pg.ClientBase, scope: HqScope, fromMs: number, toMs: number): Promise<HqShift[]> {
  const filter = scopeOn('s', scope, 3);
  const { rows } = await client.query<Record<string, string | null>>(
    `SELECT t.till_name, t.outlet_name, c.name AS cashier_name, s.opened_at, s.closed_at,
       s.report -> 'cash' ->> 'expected' AS expected, s.report -> 'cash' ->> 'counted' AS counted,
       s.report -> 'cash' ->> 'difference' AS difference
     FROM paypro.shifts s JOIN paypro.tills t ON t.till_id = s.till_id
     LEFT JOIN paypro.cashiers c ON c.till_id = s.till_id AND c.id = s.cashier_id
     WHERE s.opened_at >= $1 AND s.opened_at < $2 ${filter.sql} ORDER BY s.opened_at, t.outlet_name, t.till_name`,
    [fromMs, toMs, ...filter.params],
  );
  const number = (value: string | null | undefined) => (value == null ? null : Number(value));
  return rows.map((row) => ({
    tillName: String(row.till_name), outletName: String(row.outlet_name), cashierName: row.cashier_name ?? '',
    openedAt: Number(row.opened_at), closedAt: number(row.closed_at),
    expected: number(row.expected), counted: number(row.counted), difference: number(row.difference),
  }));
}

/** A payment found paid after its counter closed it, that its till has not resolved yet. */
export interface HqLatePayment {
  tillName: string;
  outletName: string;
  tradeNo: string;
  amount: number;
  received: number;
  lateAt: number;
}

/** The late payments waiting for action on the scope's tills (the till's own rule: day-queries lateUnresolved), oldest first. */
export async function lateAcrossTills(client: pg.ClientBase, scope: HqScope): Promise<HqLatePayment[]> {
  const filter = scopeOn('p', scope, 1);
  const { rows } = await client.query<Record<string, string>>(
    `SELECT t.till_name, t.outlet_name, p.trade_no, p.amount, ${received('p')} AS received, p.late_at
     FROM paypro.payments p JOIN paypro.tills t ON t.till_id = p.till_id
     WHERE p.late_at IS NOT NULL ${filter.sql}
       AND NOT EXISTS (SELECT 1 FROM paypro.late_resolutions r WHERE r.till_id = p.till_id AND r.payment_id = p.id)
     ORDER BY p.late_at LIMIT 500`,
    filter.params,
  );
  return rows.map((row) => ({
    tillName: row.till_name!, outletName: row.outlet_name!, tradeNo: row.trade_no!,
    amount: Number(row.amount), received: Number(row.received), lateAt: Number(row.late_at),
  }));
}

/** One sale of the all-tills CSV: the till's export row, and where it was sold. */
export type HqExportSale = ExportSale & { tillName: string; outletName: string };

const FOLLOW_UPS = 'FROM paypro.payments f WHERE f.till_id = p.till_id AND f.sale_id = p.id';

/**
 * The sales of [fromMs, toMs) on the scope's tills, oldest first, a page at a time: the columns
 * of the till's own export query (day-queries exportBetween) in its order, read by the till's
 * own `toExportSale`, then the till's and outlet's names.
 */
export async function* exportAcrossTills(client: pg.ClientBase, scope: HqScope, fromMs: number, toMs: number, pageSize = 1_000): AsyncGenerator<HqExportSale[]> {
  const filter = scopeOn('p', scope, 6);
  let after: unknown[] = [fromMs - 1, '00000000-0000-0000-0000-000000000000', 0];
  for (;;) {
    const { rows } = await client.query<unknown[]>({
      rowMode: 'array',
      text: `SELECT p.trade_no, p.platform_trade_no, p.state, p.amount, p.paid_amount, p.created_at,
        c.name AS cashier_name, p.shift_id, p.customer_name, p.customer_mobile, p.customer_email, p.environment,
        p.late_at, r.outcome AS resolution, p.id,
        coalesce(p.method, 'qris'), p.cash_tendered, p.cash_change, p.completed_at IS NOT NULL AS completed,
        (SELECT coalesce(sum(${received('f')}), 0) ${FOLLOW_UPS}),
        (SELECT string_agg(f.method, ' ' ORDER BY f.created_at, f.id) ${FOLLOW_UPS}),
        (SELECT sum(f.cash_tendered) ${FOLLOW_UPS}),
        (SELECT sum(f.cash_change) ${FOLLOW_UPS}),
        (SELECT string_agg(f.trade_no, ' ' ORDER BY f.created_at, f.id) ${FOLLOW_UPS}),
        (SELECT string_agg(f.platform_trade_no, ' ' ORDER BY f.created_at, f.id) ${FOLLOW_UPS}),
        p.overpaid_amount, p.error_code,
        (SELECT sum(f.overpaid_amount) ${FOLLOW_UPS}),
        (SELECT o.outcome FROM paypro.overpaid_resolutions o WHERE o.till_id = p.till_id AND o.payment_id = p.id),
        (SELECT string_agg(o.outcome, ' ' ORDER BY f.created_at, f.id) FROM paypro.payments f
          JOIN paypro.overpaid_resolutions o ON o.till_id = f.till_id AND o.payment_id = f.id
          WHERE f.till_id = p.till_id AND f.sale_id = p.id),
        (SELECT string_agg((${received('f')})::text, ' ' ORDER BY f.created_at, f.id) ${FOLLOW_UPS} AND f.method = 'qris'),
        -- Rows a till sent before its schema 11 read as typed, as the till's own column defaults.
        coalesce(p.customer_typed, 7),
        t.till_name, t.outlet_name, p.till_id
      FROM paypro.payments p JOIN paypro.tills t ON t.till_id = p.till_id
      LEFT JOIN paypro.shifts s ON s.till_id = p.till_id AND s.id = p.shift_id
      LEFT JOIN paypro.cashiers c ON c.till_id = s.till_id AND c.id = s.cashier_id
      LEFT JOIN paypro.late_resolutions r ON r.till_id = p.till_id AND r.payment_id = p.id
      WHERE p.created_at >= $1 AND p.created_at < $2 AND p.sale_id IS NULL
        AND (p.created_at, p.till_id, p.id) > ($3, $4::uuid, $5) ${filter.sql}
      ORDER BY p.created_at, p.till_id, p.id LIMIT ${Math.max(1, Math.trunc(pageSize))}`,
      values: [fromMs, toMs, ...after, ...filter.params],
    });
    if (rows.length === 0) return;
    const last = rows.at(-1)!;
    after = [last[5], last[34], last[14]];
    yield rows.map((row) => ({ ...toExportSale(row as never), tillName: String(row[32]), outletName: String(row[33]) }));
    if (rows.length < pageSize) return;
  }
}
