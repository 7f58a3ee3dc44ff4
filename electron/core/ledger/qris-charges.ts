/**
 * THE DAY'S QRIS CHARGES — the one place that says which payments of a period are QRIS charges at
 * Paypro: what the reconciliation asks Paypro about and what the MDR estimate is taken over.
 * Every statement that needs them reads this as a CTE (`WITH charges AS (…)`).
 *
 * Cash payments (schema 5's `method`) never reach Paypro, so they are left out here and only here.
 *
 * Parameters: `:from`, `:to` (epoch ms, half-open [from, to) on created_at, as every day query).
 * Read through `payments_by_created`, which carries every column named here.
 */
export const DAY_QRIS_CHARGES = `
  SELECT id, trade_no, created_at, state, amount, paid_amount
  FROM payments
  WHERE created_at >= :from AND created_at < :to AND method = 'qris'`;
