import type { DatabaseSync } from 'node:sqlite';

/**
 * Schema 7 (issue 22): the day reconciled against Paypro. A run (`reconciliations`) asks Paypro
 * about every QRIS charge of one business day; each answer is written as it comes
 * (`reconciliation_items`), so a run interrupted by a restart resumes where it stopped, and the
 * finished run stays recorded with its day. At most one unfinished run per business day.
 * Items are append-only: what Paypro said at the time is evidence. Shipped: never changes.
 */
export function migrateToReconciliation(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE reconciliations (
      id            INTEGER PRIMARY KEY,
      business_date TEXT    NOT NULL CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      day_start     INTEGER NOT NULL,
      day_end       INTEGER NOT NULL CHECK (day_end > day_start),
      trigger       TEXT    NOT NULL CHECK (trigger IN ('owner', 'day_close', 'automatic')),
      started_at    INTEGER NOT NULL,
      finished_at   INTEGER
    ) STRICT;

    CREATE INDEX reconciliations_by_date ON reconciliations (business_date, id);
    CREATE UNIQUE INDEX reconciliations_one_running ON reconciliations (business_date) WHERE finished_at IS NULL;

    CREATE TABLE reconciliation_items (
      reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (id),
      payment_id        INTEGER NOT NULL REFERENCES payments (id),
      checked_at        INTEGER NOT NULL,
      verdict           TEXT    NOT NULL CHECK (verdict IN ('agrees', 'applied', 'paid_late', 'differs',
                          'unknown_to_gateway', 'forgotten_by_simulator', 'no_answer')),
      -- What the app held before asking, and what Paypro answered (NULL: it did not know the order
      -- or gave no answer), and the state the normal transitions left the sale in.
      app_state         TEXT    NOT NULL,
      app_received      INTEGER NOT NULL CHECK (app_received >= 0),
      gateway_status    TEXT,
      gateway_received  INTEGER CHECK (gateway_received >= 0),
      state_after       TEXT    NOT NULL,
      PRIMARY KEY (reconciliation_id, payment_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER reconciliation_items_no_update BEFORE UPDATE ON reconciliation_items
    BEGIN SELECT RAISE(ABORT, 'reconciliation_items is append-only'); END;

    CREATE TRIGGER reconciliation_items_no_delete BEFORE DELETE ON reconciliation_items
    BEGIN SELECT RAISE(ABORT, 'reconciliation_items is append-only'); END;

    CREATE TRIGGER reconciliations_no_delete BEFORE DELETE ON reconciliations
    BEGIN SELECT RAISE(ABORT, 'reconciliations are never deleted'); END;

    CREATE TRIGGER reconciliations_finish_once BEFORE UPDATE ON reconciliations
      WHEN OLD.finished_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.business_date IS NOT OLD.business_date
        OR NEW.day_start IS NOT OLD.day_start OR NEW.day_end IS NOT OLD.day_end
        OR NEW.trigger IS NOT OLD.trigger OR NEW.started_at IS NOT OLD.started_at
    BEGIN SELECT RAISE(ABORT, 'a reconciliation only ever changes by finishing'); END;
  `);
}
