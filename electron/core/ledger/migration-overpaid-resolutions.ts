import type { DatabaseSync } from 'node:sqlite';
import { replicateTables } from './migration-outbox.ts';

/**
 * Schema 12 — what was done with a customer's overpayment (issue 22): money a gateway "paid" beyond
 * what the sale still owed (schema 9's `overpaid_amount`: a partial QR paid in full after the rest
 * was paid by Tagih sisa or in cash, or a QR paid more than charged) is the customer's, and
 * "Perlu tindakan" asks what became of it. One resolution per overpaid payment, never rewritten:
 * the amount as it stood (a paid payment's overpayment never changes afterwards), the outcome, a note,
 * and the shift open then (who: its cashier). A resolution written with no shift open waits for the
 * next shift, as late resolutions do (schema 4): `refunded_cash` is cash out of that shift's drawer.
 * Replicated to the head office (its schema 5).
 */
export function migrateToOverpaidResolutions(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE overpaid_resolutions (
      payment_id INTEGER PRIMARY KEY REFERENCES payments (id),
      at         INTEGER NOT NULL,
      outcome    TEXT    NOT NULL CHECK (outcome IN ('refunded_cash', 'refunded_outside', 'kept')),
      amount     INTEGER NOT NULL CHECK (amount > 0),
      note       TEXT    NOT NULL CHECK (length(note) <= 500),
      shift_id   INTEGER REFERENCES shifts (id)
    ) STRICT;

    CREATE INDEX overpaid_resolutions_by_at ON overpaid_resolutions (at, outcome, amount);
    CREATE INDEX overpaid_resolutions_by_shift ON overpaid_resolutions (shift_id, outcome, amount);

    CREATE TRIGGER overpaid_resolutions_no_update BEFORE UPDATE ON overpaid_resolutions
      WHEN OLD.shift_id IS NOT NULL OR NEW.shift_id IS NULL OR NEW.payment_id IS NOT OLD.payment_id
        OR NEW.at IS NOT OLD.at OR NEW.outcome IS NOT OLD.outcome OR NEW.amount IS NOT OLD.amount OR NEW.note IS NOT OLD.note
    BEGIN SELECT RAISE(ABORT, 'overpaid_resolutions is append-only (a waiting resolution only gets its shift)'); END;

    CREATE TRIGGER overpaid_resolutions_no_delete BEFORE DELETE ON overpaid_resolutions
    BEGIN SELECT RAISE(ABORT, 'overpaid_resolutions is append-only'); END;

    -- Only what an overpayment row says is resolved: the amount must be the payment's overpayment.
    CREATE TRIGGER overpaid_resolutions_amount BEFORE INSERT ON overpaid_resolutions
      WHEN NEW.amount IS NOT (SELECT overpaid_amount FROM payments WHERE id = NEW.payment_id)
    BEGIN SELECT RAISE(ABORT, 'an overpaid resolution names the payment''s overpayment'); END;
  `);  replicateTables(db, ['overpaid_resolutions']);
}
