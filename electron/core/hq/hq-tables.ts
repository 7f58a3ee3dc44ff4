/**
 * The ledger tables the head office holds (issue 23), with the columns it keeps and their
 * PostgreSQL types. The sync worker sends exactly these columns, and schema.ts creates the
 * tables from them.
 *
 * Every head-office table also has `till_id`, `id` (the till's rowid), `version` (the till's
 * outbox seq of the last change sent) and `synced_at`; its key is (till_id, id).
 * Not sent: a cashier's PIN hash (a short PIN's hash is brute-forced offline in seconds) and the
 * QR payload of a sale (useless once the sale is decided).
 *
 * Adding a table: one entry here, and `replicateTables(db, ['name'])` in the till's own new
 * migration (electron/core/ledger/migration-outbox.ts); a new HQ migration creates it (schema.ts).
 * Adding a column: here, and a new HQ migration that adds it (`ADD COLUMN IF NOT EXISTS`). A till
 * whose head office lacks a column it sends fails its batch and keeps it until the owner runs
 * hq:init: rows wait in the outbox, none is sent without the column.
 */
export const HQ_TABLES = {
  cashiers: { name: 'text', is_default: 'integer', created_at: 'bigint', retired_at: 'bigint' },
  shifts: { cashier_id: 'bigint', opened_at: 'bigint', closed_at: 'bigint', report: 'jsonb' },
  payments: {
    trade_no: 'text', platform_trade_no: 'text', amount: 'bigint', paid_amount: 'bigint', state: 'text',
    gateway_status: 'text', customer_name: 'text', customer_mobile: 'text', customer_email: 'text',
    error_code: 'text', error_detail: 'text', environment: 'text', created_at: 'bigint', updated_at: 'bigint',
    expires_at: 'bigint', shift_id: 'bigint', late_at: 'bigint', voided_at: 'bigint',
    // Head-office schema 2 (till schemas 5 and 9): cash sales, follow-ups and overpayments. A
    // follow-up's sale_id is its sale's first payment's id, i.e. that row's `id` here: a sale is
    // (till_id, coalesce(sale_id, id)).
    method: 'text', sale_id: 'bigint', cash_tendered: 'bigint', cash_change: 'bigint', completed_at: 'bigint',
    overpaid_amount: 'bigint',
    // Head-office schema 5 (till schema 11): which customer fields the cashier typed (bits 1 name,
    // 2 mobile, 4 email); the rest of the customer columns is the shop's contact sent to Paypro.
    customer_typed: 'integer',
  },
  payment_events: { payment_id: 'bigint', at: 'bigint', from_state: 'text', to_state: 'text', note: 'text', change: 'jsonb' },
  late_resolutions: { payment_id: 'bigint', at: 'bigint', outcome: 'text', note: 'text', shift_id: 'bigint' },
  received_after_close: { payment_id: 'bigint', at: 'bigint', sale_created_at: 'bigint', amount: 'bigint', shift_id: 'bigint' },
  // Head-office schema 2 (till schema 6): the drawer's float, cash in/out, and every drawer kick.
  cash_movements: { shift_id: 'bigint', at: 'bigint', kind: 'text', amount: 'bigint', reason: 'text' },
  drawer_openings: { at: 'bigint', shift_id: 'bigint', trade_no: 'text', reason: 'text' },
  // Head-office schema 5 (till schema 12): what became of a customer's overpayment.
  overpaid_resolutions: { payment_id: 'bigint', at: 'bigint', outcome: 'text', amount: 'bigint', note: 'text', shift_id: 'bigint' },
} as const satisfies Record<string, Record<string, HqType>>;

export type HqType = 'text' | 'bigint' | 'integer' | 'jsonb';
export type HqTable = keyof typeof HQ_TABLES;

export function isHqTable(name: string): name is HqTable {
  return Object.hasOwn(HQ_TABLES, name);
}
