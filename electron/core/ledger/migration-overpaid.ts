import type { DatabaseSync } from 'node:sqlite';

/**
 * Schema 9 — overpayments (issue 21, item 3): a gateway "paid" for more than the charge once went into the
 * totals whole (Rp 1.000.000 for a Rp 10.000 sale). From this schema on, `paid_amount` holds at
 * most the charge and the excess is kept apart in `overpaid_amount`, for the owner to check in
 * the Paypro back office; reports sum it on its own. Rows written before are left as they are: a
 * correction would count as money received after close in whichever shift is open now.
 */
export function migrateToOverpaid(db: DatabaseSync): void {
  db.exec(`
    ALTER TABLE payments ADD COLUMN overpaid_amount INTEGER CHECK (overpaid_amount > 0);

    -- Only the rare overpaid sales are indexed: a report's sum reads a handful of index entries.
    CREATE INDEX payments_overpaid_by_created ON payments (created_at, overpaid_amount) WHERE overpaid_amount IS NOT NULL;
    CREATE INDEX payments_overpaid_by_shift ON payments (shift_id, overpaid_amount) WHERE overpaid_amount IS NOT NULL;
  `);
}
