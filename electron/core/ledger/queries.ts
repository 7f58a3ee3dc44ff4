/**
 * The ledger's statements, prepared once when it opens. Kept apart so that a test can ask
 * SQLite's planner (EXPLAIN QUERY PLAN) about exactly the SQL the ledger runs.
 */
const PAYMENT_COLUMNS = `trade_no, platform_trade_no, amount, paid_amount, state, gateway_status,
  customer_name, customer_mobile, customer_email, qr_string, payment_url, error_code, error_detail,
  environment, created_at, updated_at, expires_at, overpaid_amount, customer_typed`;

export const QUERIES = {
  // A sale belongs to the shift open when it is recorded (none before cashiers were set up).
  // A follow-up names its sale's first payment (sale_id); a cash payment is inserted paid, with
  // its tender and change (schema 5).
  insert: `INSERT INTO payments (${PAYMENT_COLUMNS}, shift_id, method, sale_id, cash_tendered, cash_change) VALUES
    (?, NULL, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?, ?, NULL, ?,
     (SELECT id FROM shifts WHERE closed_at IS NULL), ?, ?, ?, ?)
    RETURNING id`,
  saleId: `SELECT id, sale_id FROM payments WHERE trade_no = ?`,
  /** A sale's payments: the first one (id) and its follow-ups (a handful: sorted by the caller). */
  salePayments: `SELECT p.id, p.trade_no, p.platform_trade_no, p.method, p.state, p.amount, p.paid_amount, p.cash_tendered,
    p.cash_change, p.created_at, (SELECT s.trade_no FROM payments s WHERE s.id = p.sale_id) AS sale_trade_no
    FROM payments p WHERE p.id = ?1 OR p.sale_id = ?1`,
  select: `SELECT id, ${PAYMENT_COLUMNS} FROM payments WHERE trade_no = ?`,
  update: `UPDATE payments SET state = ?, platform_trade_no = ?, paid_amount = ?, overpaid_amount = ?,
    gateway_status = ?, qr_string = ?, payment_url = ?, error_code = ?, error_detail = ?,
    updated_at = ? WHERE id = ?`,
  insertEvent: `INSERT INTO payment_events (payment_id, at, from_state, to_state, note, change)
    VALUES (?, ?, ?, ?, ?, ?)`,
  events: `SELECT e.id, p.trade_no, e.at, e.from_state, e.to_state, e.note, e.change
    FROM payment_events e JOIN payments p ON p.id = e.payment_id
    WHERE p.trade_no = ? ORDER BY e.id`,
  // Same predicate as the partial index payments_unsettled, so that SQLite can use it.
  unsettled: `SELECT ${PAYMENT_COLUMNS} FROM payments
    WHERE state NOT IN ('paid', 'partially_paid', 'failed') ORDER BY created_at, id`,
  // Settled sales a gateway answer may still pay (transitions.ts stillFollowed), recent ones only.
  stillFollowed: `SELECT ${PAYMENT_COLUMNS} FROM payments
    WHERE (state = 'partially_paid' OR (state = 'failed' AND error_code = 'payment.not_created'))
      AND expires_at > ? ORDER BY created_at, id`,
  // LIMIT -1 is SQLite for "no limit".
  between: `SELECT ${PAYMENT_COLUMNS} FROM payments
    WHERE created_at >= ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?`,
  summary: `SELECT state, method, sale_id IS NOT NULL AS follow_up, completed_at IS NOT NULL AS completed,
    count(*) AS count, sum(amount) AS amount, sum(coalesce(paid_amount, amount)) AS paid_or_charged, sum(paid_amount) AS paid
    FROM payments WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2, 3, 4`,
  // Today's pages: newest first, keyset (created_at, id) strictly after the cursor, no OFFSET.
  // One row per sale: follow-up payments are shown inside their sale's row.
  pageBetween: `SELECT id, ${PAYMENT_COLUMNS} FROM payments
    WHERE created_at >= ? AND created_at < ? AND (created_at < ? OR (created_at = ? AND id < ?)) AND sale_id IS NULL
    ORDER BY created_at DESC, id DESC LIMIT ?`,
} as const;
