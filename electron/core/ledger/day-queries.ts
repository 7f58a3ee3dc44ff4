import { received } from './migration-shift-windows.ts';

/**
 * The statements behind cashiers, shifts, reports, history and late payments (schema 2), kept
 * apart like QUERIES so that a test can ask the planner about exactly this SQL.
 */

import { numberEnd } from './migration-number-search.ts';

/** The columns a history row needs: the payment, its shift and cashier, late and resolved. */
const SALE_COLUMNS = `p.id, p.trade_no, p.platform_trade_no, p.amount, p.paid_amount, p.overpaid_amount, p.state, p.gateway_status,
  p.customer_name, p.customer_mobile, p.customer_email, p.customer_typed, p.qr_string, p.payment_url, p.error_code, p.error_detail,
  p.environment, p.created_at, p.updated_at, p.expires_at, p.shift_id, p.late_at, p.voided_at, p.sale_id,
  (SELECT c.name FROM shifts s JOIN cashiers c ON c.id = s.cashier_id WHERE s.id = p.shift_id) AS cashier_name,
  (SELECT r.outcome FROM late_resolutions r WHERE r.payment_id = p.id) AS resolution`;

/** One GROUP BY row per state × late × voided: what buildReport needs (electron/core/day/report.ts). */
const REPORT_GROUPS = `SELECT state, late_at IS NOT NULL AS late, voided_at IS NOT NULL AS voided, method,
  sale_id IS NOT NULL AS follow_up, completed_at IS NOT NULL AS completed, count(*) AS count,
  sum(amount) AS amount, coalesce(sum(paid_amount), 0) AS paid, sum(coalesce(paid_amount, amount)) AS paid_or_charged,
  min(created_at) AS first_at, max(created_at) AS last_at FROM payments`;

/** Newest first, then by id: the keyset (created_at, id) pages without OFFSET. */
const NEWEST_FIRST = 'ORDER BY p.created_at DESC, p.id DESC LIMIT ?';
/** Rows strictly after the cursor (created_at, id) in newest-first order. */
const BEFORE_CURSOR = '(p.created_at < ? OR (p.created_at = ? AND p.id < ?))';
const IN_WINDOW = 'p.created_at >= ? AND p.created_at < ?';
/** One row per sale: a follow-up payment (schema 5) is shown inside its sale's row. */
const SALES_ONLY = 'p.sale_id IS NULL';
/** A sale's follow-up payments (schema 5), aggregated for its CSV row. */
const FOLLOW_UPS = 'FROM payments f WHERE f.sale_id = p.id';

export const DAY_QUERIES = {
  insertCashier: `INSERT INTO cashiers (name, pin, is_default, created_at) VALUES (?, ?, ?, ?) RETURNING id`,
  cashiers: `SELECT id, name, pin, is_default, created_at, retired_at FROM cashiers ORDER BY retired_at IS NOT NULL, name, id`,
  cashier: `SELECT id, name, pin, is_default, created_at, retired_at FROM cashiers WHERE id = ?`,
  defaultCashier: `SELECT id, name, pin, is_default, created_at, retired_at FROM cashiers WHERE is_default = 1`,
  setCashierPin: `UPDATE cashiers SET pin = ? WHERE id = ?`,
  renameCashier: `UPDATE cashiers SET name = ? WHERE id = ?`,
  reinstateCashier: `UPDATE cashiers SET retired_at = NULL WHERE id = ?`,
  retireCashier: `UPDATE cashiers SET retired_at = ? WHERE id = ? AND retired_at IS NULL`,

  openShift: `INSERT INTO shifts (cashier_id, opened_at) VALUES (?, ?) RETURNING id`,
  currentShift: `SELECT s.id, s.cashier_id, c.name AS cashier_name, s.opened_at, s.closed_at, s.report
    FROM shifts s JOIN cashiers c ON c.id = s.cashier_id WHERE s.closed_at IS NULL`,
  shift: `SELECT s.id, s.cashier_id, c.name AS cashier_name, s.opened_at, s.closed_at, s.report
    FROM shifts s JOIN cashiers c ON c.id = s.cashier_id WHERE s.id = ?`,
  shiftsBetween: `SELECT s.id, s.cashier_id, c.name AS cashier_name, s.opened_at, s.closed_at, s.report
    FROM shifts s JOIN cashiers c ON c.id = s.cashier_id WHERE s.opened_at >= ? AND s.opened_at < ? ORDER BY s.opened_at`,
  closeShift: `UPDATE shifts SET closed_at = ?, report = ? WHERE id = ? AND closed_at IS NULL`,
  shiftOpenPayments: `SELECT count(*) AS open FROM payments
    WHERE shift_id = ? AND state IN ('creating', 'unknown', 'awaiting_payment')`,

  reportOfShift: `${REPORT_GROUPS} WHERE shift_id = ? GROUP BY 1, 2, 3, 4, 5, 6`,
  reportBetween: `${REPORT_GROUPS} WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2, 3, 4, 5, 6`,
  /** Whole hours of a range from the rollup (schema 3); firstAt/lastAt come from firstBetween/lastBetween. */
  reportHourly: `SELECT state, late, voided, method, follow_up, completed, sum(count) AS count, sum(amount) AS amount,
    sum(paid) AS paid, sum(paid_or_charged) AS paid_or_charged FROM payments_hourly WHERE hour >= ? AND hour < ?
    GROUP BY 1, 2, 3, 4, 5, 6`,
  // One min() or max() alone, so that SQLite reads one end of payments_by_created. Of sales: a
  // follow-up payment is not a sale of its own (buildReport leaves it out of first/last too).
  firstBetween: `SELECT min(created_at) AS at FROM payments WHERE created_at >= ? AND created_at < ? AND sale_id IS NULL`,
  lastBetween: `SELECT max(created_at) AS at FROM payments WHERE created_at >= ? AND created_at < ? AND sale_id IS NULL`,
  resolutionsOfShift: `SELECT outcome, count(*) AS count FROM late_resolutions WHERE shift_id = ? GROUP BY outcome`,
  resolutionsBetween: `SELECT outcome, count(*) AS count FROM late_resolutions WHERE at >= ? AND at < ? GROUP BY outcome`,
  /** Money for earlier shifts' sales that came in during this shift (schema 4). */
  earlierOfShift: `SELECT count(*) AS count, coalesce(sum(amount), 0) AS amount FROM received_after_close WHERE shift_id = ?`,
  /** The same over the shifts a day report lists (opened in the range, as shiftsBetween). */
  earlierOfShiftsOpened: `SELECT count(*) AS count, coalesce(sum(amount), 0) AS amount FROM received_after_close
    WHERE shift_id IN (SELECT id FROM shifts WHERE opened_at >= ? AND opened_at < ?)`,
  /** Money for the range's sales that came in after their shift had closed (in whichever shift took it). */
  laterOfSalesBetween: `SELECT count(*) AS count, coalesce(sum(amount), 0) AS amount FROM received_after_close
    WHERE sale_created_at >= ? AND sale_created_at < ?`,
  /** Overpayments (schema 9), apart from the money received: a shift's own sales, or a range's. */
  overpaidOfShift: `SELECT count(*) AS count, coalesce(sum(overpaid_amount), 0) AS amount FROM payments
    WHERE shift_id = ? AND overpaid_amount IS NOT NULL`,
  overpaidBetween: `SELECT count(*) AS count, coalesce(sum(overpaid_amount), 0) AS amount FROM payments
    WHERE created_at >= ? AND created_at < ? AND overpaid_amount IS NOT NULL`,
  /** A shift opening takes what waited for a shift: money and resolutions written while none was open. */
  adoptReceived: `UPDATE received_after_close SET shift_id = ? WHERE shift_id IS NULL`,
  adoptResolutions: `UPDATE late_resolutions SET shift_id = ? WHERE shift_id IS NULL`,
  adoptOverpaidResolutions: `UPDATE overpaid_resolutions SET shift_id = ? WHERE shift_id IS NULL`,
  /** What became of overpayments (schema 12), per outcome with their money: in a shift, or resolved in a range. */
  overpaidResolvedOfShift: `SELECT outcome, count(*) AS count, sum(amount) AS amount FROM overpaid_resolutions
    WHERE shift_id = ? GROUP BY outcome`,
  overpaidResolvedBetween: `SELECT outcome, count(*) AS count, sum(amount) AS amount FROM overpaid_resolutions
    WHERE at >= ? AND at < ? GROUP BY outcome`,

  pageBetween: `SELECT ${SALE_COLUMNS} FROM payments p WHERE ${IN_WINDOW} AND ${SALES_ONLY} AND ${BEFORE_CURSOR} ${NEWEST_FIRST}`,
  pageOfShift: `SELECT ${SALE_COLUMNS} FROM payments p WHERE p.shift_id = ? AND ${SALES_ONLY} AND ${BEFORE_CURSOR} ${NEWEST_FIRST}`,
  pageByAmount: `SELECT ${SALE_COLUMNS} FROM payments p WHERE p.amount = ? AND ${IN_WINDOW} AND ${SALES_ONLY} AND ${BEFORE_CURSOR} ${NEWEST_FIRST}`,
  /** Amount and state together: a search names both, and both apply. */
  pageByAmountAndState: `SELECT ${SALE_COLUMNS} FROM payments p WHERE p.amount = ? AND ${IN_WINDOW} AND p.state = ? AND ${SALES_ONLY} AND ${BEFORE_CURSOR} ${NEWEST_FIRST}`,
  pageByState: `SELECT ${SALE_COLUMNS} FROM payments p WHERE ${IN_WINDOW} AND p.state = ? AND ${SALES_ONLY} AND ${BEFORE_CURSOR} ${NEWEST_FIRST}`,
  /** Our trade number or Paypro's, of the sale or of any of its payments: the sale is found. */
  byTradeNo: `SELECT ${SALE_COLUMNS} FROM payments p WHERE p.id IN
    (SELECT coalesce(sale_id, id) FROM payments WHERE trade_no = ?1 OR platform_trade_no = ?1)`,
  // The end of either number, or of the customer's mobile (issue 20 item 12), of the sale or of
  // any of its payments (the sale is found): each a seek on its
  // last-four-characters index (migration-number-search.ts), then the whole end checked on the few
  // rows found; ?1 is the end's last four (upper case), ?2 the '%<end>' pattern, ?3/?4 the mobile's.
  byNumberEnd: `SELECT ${SALE_COLUMNS} FROM payments p WHERE p.id IN (
      SELECT coalesce(sale_id, id) FROM payments WHERE ${numberEnd('trade_no')} = ?1 AND trade_no LIKE ?2
      UNION ALL SELECT coalesce(sale_id, id) FROM payments WHERE ${numberEnd('platform_trade_no')} = ?1 AND platform_trade_no LIKE ?2
        AND platform_trade_no IS NOT NULL
      UNION ALL SELECT coalesce(sale_id, id) FROM payments WHERE ${numberEnd('customer_mobile')} = ?3 AND customer_mobile LIKE ?4)
    ORDER BY p.created_at DESC, p.id DESC LIMIT ?5`,
  // Only the exported columns, joined rather than looked up per row: 100k rows is a normal month.
  // Read as arrays, by position (DayBook.exportPages): keep the column order. One page after the
  // cursor (created_at, id), oldest first: the first ? is the range's start or the cursor's
  // created_at (the index range), then the range's end, the cursor's created_at and id.
  exportBetween: `SELECT p.trade_no, p.platform_trade_no, p.state, p.amount, p.paid_amount, p.created_at,
    c.name AS cashier_name, p.shift_id, p.customer_name, p.customer_mobile, p.customer_email, p.environment,
    p.late_at, r.outcome AS resolution, p.id,
    p.method, p.cash_tendered, p.cash_change, p.completed_at IS NOT NULL AS completed,
    (SELECT coalesce(sum(${received('f')}), 0) ${FOLLOW_UPS}) AS follow_up_received,
    (SELECT group_concat(f.method, ' ') ${FOLLOW_UPS}) AS follow_up_methods,
    (SELECT sum(f.cash_tendered) ${FOLLOW_UPS}) AS follow_up_tendered,
    (SELECT sum(f.cash_change) ${FOLLOW_UPS}) AS follow_up_change,
    (SELECT group_concat(f.trade_no, ' ') ${FOLLOW_UPS}) AS follow_up_trade_nos,
    (SELECT group_concat(f.platform_trade_no, ' ') ${FOLLOW_UPS}) AS follow_up_paypro_trade_nos,
    p.overpaid_amount, p.error_code,
    (SELECT sum(f.overpaid_amount) ${FOLLOW_UPS}) AS follow_up_overpaid,
    (SELECT o.outcome FROM overpaid_resolutions o WHERE o.payment_id = p.id) AS overpaid_resolution,
    (SELECT group_concat(o.outcome, ' ') FROM payments f JOIN overpaid_resolutions o ON o.payment_id = f.id
      WHERE f.sale_id = p.id) AS follow_up_overpaid_resolutions,
    (SELECT group_concat(${received('f')}, ' ') ${FOLLOW_UPS} AND f.method = 'qris') AS follow_up_qris_received,
    p.customer_typed
    FROM payments p LEFT JOIN shifts s ON s.id = p.shift_id LEFT JOIN cashiers c ON c.id = s.cashier_id
    LEFT JOIN late_resolutions r ON r.payment_id = p.id
    WHERE ${IN_WINDOW} AND (p.created_at > ? OR p.id > ?) AND ${SALES_ONLY} ORDER BY p.created_at, p.id LIMIT ?`,

  lateUnresolved: `SELECT ${SALE_COLUMNS} FROM payments p WHERE p.late_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM late_resolutions r WHERE r.payment_id = p.id) ORDER BY p.late_at`,
  stampLate: `UPDATE payments SET late_at = ? WHERE id = ? AND late_at IS NULL`,
  stampVoided: `UPDATE payments SET voided_at = ? WHERE id = ? AND voided_at IS NULL`,
  insertResolution: `INSERT INTO late_resolutions (payment_id, at, outcome, note, shift_id)
    VALUES (?, ?, ?, ?, (SELECT id FROM shifts WHERE closed_at IS NULL))`,
  /** The resolution in the payment's history too: same state before and after, what was done in the note. */
  resolutionEvent: `INSERT INTO payment_events (payment_id, at, from_state, to_state, note, change)
    SELECT id, ?, state, state, ?, '{}' FROM payments WHERE id = ?`,
  paymentId: `SELECT id, late_at, overpaid_amount FROM payments WHERE trade_no = ?`,
  /**
   * Overpayments nobody has resolved yet ("Perlu tindakan", schema 12), oldest first, each with its
   * sale (itself, or the first payment it follows up) and whether the sale has other payments.
   */
  overpaidUnresolved: `SELECT p.trade_no, p.platform_trade_no, p.created_at, p.overpaid_amount,
      coalesce(s.trade_no, p.trade_no) AS sale_trade_no, coalesce(s.amount, p.amount) AS sale_amount,
      p.sale_id IS NOT NULL OR EXISTS (SELECT 1 FROM payments f WHERE f.sale_id = p.id) AS double_payment
    FROM payments p LEFT JOIN payments s ON s.id = p.sale_id
    WHERE p.overpaid_amount IS NOT NULL AND NOT EXISTS (SELECT 1 FROM overpaid_resolutions o WHERE o.payment_id = p.id)
    ORDER BY p.created_at`,
  overpaidToResolve: `SELECT count(*) AS count FROM payments p WHERE p.overpaid_amount IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM overpaid_resolutions o WHERE o.payment_id = p.id)`,
  /** The amount resolved is the payment's overpayment as it stands (a trigger holds it to that). */
  insertOverpaidResolution: `INSERT INTO overpaid_resolutions (payment_id, at, outcome, amount, note, shift_id)
    SELECT id, ?, ?, overpaid_amount, ?, (SELECT id FROM shifts WHERE closed_at IS NULL) FROM payments WHERE id = ?`,
  lateStamps: `SELECT late_at, voided_at FROM payments WHERE trade_no = ?`,
  /** The named (not the default) cashier of the shift of a payment's sale (its first payment). */
  namedCashierOf: `SELECT c.name FROM payments p JOIN payments sale ON sale.id = coalesce(p.sale_id, p.id)
    JOIN shifts s ON s.id = sale.shift_id JOIN cashiers c ON c.id = s.cashier_id WHERE p.trade_no = ? AND c.is_default = 0`,
} as const;
