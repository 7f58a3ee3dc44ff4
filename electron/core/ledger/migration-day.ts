import type { DatabaseSync } from 'node:sqlite';

/**
 * Schema 2 (issue 16): cashiers, shifts, which shift took each sale, late payments and their
 * resolution. Shipped migrations never change; a later schema is a new migration.
 *
 * - A closed shift is fixed: its close time and the report frozen at close can never change, and
 *   closing writes both in one UPDATE, so a crash leaves a shift either open or closed with its
 *   report, never half closed.
 * - At most one shift is open on a till at a time (one till = one ledger).
 * - `late_at` (found paid after the counter closed the sale) and `voided_at` (cancelled at the
 *   counter) are stamped by the ledger in the same transaction as the state change, and sit in
 *   the report indexes so a day or shift report reads the index alone.
 */
export function migrateToDay(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE cashiers (
      id         INTEGER PRIMARY KEY,
      name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
      -- The PIN's salted scrypt hash as JSON; NULL for the PIN-less default cashier.
      pin        TEXT    CHECK (pin IS NULL OR json_valid(pin)),
      is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
      created_at INTEGER NOT NULL,
      retired_at INTEGER
    ) STRICT;

    CREATE UNIQUE INDEX cashiers_one_default ON cashiers (is_default) WHERE is_default = 1;

    -- Sales point at cashiers through their shifts: a cashier is retired, never deleted.
    CREATE TRIGGER cashiers_no_delete BEFORE DELETE ON cashiers
    BEGIN SELECT RAISE(ABORT, 'cashiers are never deleted'); END;

    CREATE TABLE shifts (
      id         INTEGER PRIMARY KEY,
      cashier_id INTEGER NOT NULL REFERENCES cashiers (id),
      opened_at  INTEGER NOT NULL,
      -- No closed_at >= opened_at check: a till clock stepped back must not stop a close.
      closed_at  INTEGER,
      -- The report as it stood at close (JSON), shown again and reprinted exactly as it was.
      report     TEXT    CHECK (report IS NULL OR json_valid(report)),
      CHECK ((closed_at IS NULL) = (report IS NULL))
    ) STRICT;

    CREATE UNIQUE INDEX shifts_one_open ON shifts ((closed_at IS NULL)) WHERE closed_at IS NULL;
    CREATE INDEX shifts_by_opened ON shifts (opened_at);

    CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
    BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END;

    CREATE TRIGGER shifts_closed_are_fixed BEFORE UPDATE ON shifts WHEN OLD.closed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a closed shift cannot change'); END;

    CREATE TRIGGER shifts_fixed_columns BEFORE UPDATE OF id, cashier_id, opened_at ON shifts
    BEGIN SELECT RAISE(ABORT, 'a shift''s cashier and opening are fixed'); END;

    ALTER TABLE payments ADD COLUMN shift_id INTEGER REFERENCES shifts (id);
    ALTER TABLE payments ADD COLUMN late_at INTEGER;
    ALTER TABLE payments ADD COLUMN voided_at INTEGER;

    CREATE TRIGGER payments_fixed_shift BEFORE UPDATE OF shift_id ON payments
    BEGIN SELECT RAISE(ABORT, 'a payment''s shift is fixed'); END;

    CREATE TRIGGER payments_once_late BEFORE UPDATE OF late_at, voided_at ON payments
      WHEN (OLD.late_at IS NOT NULL AND NEW.late_at IS NOT OLD.late_at)
        OR (OLD.voided_at IS NOT NULL AND NEW.voided_at IS NOT OLD.voided_at)
    BEGIN SELECT RAISE(ABORT, 'late_at and voided_at are set once'); END;

    -- The day list, day report and history by time: everything the report needs is in the index.
    DROP INDEX payments_by_created;
    CREATE INDEX payments_by_created ON payments (created_at, state, amount, paid_amount, late_at, voided_at);

    -- A shift's report and list.
    CREATE INDEX payments_by_shift ON payments (shift_id, created_at, state, amount, paid_amount, late_at, voided_at);

    -- "The customer shows a payment on their phone": search by amount in a time window, or by the
    -- gateway's number.
    CREATE INDEX payments_by_amount ON payments (amount, created_at);
    CREATE INDEX payments_by_platform_trade_no ON payments (platform_trade_no) WHERE platform_trade_no IS NOT NULL;

    -- Late payments waiting for a person ("Perlu tindakan"): few rows, indexed alone.
    CREATE INDEX payments_late ON payments (late_at) WHERE late_at IS NOT NULL;

    -- What the cashier did about a late payment; one resolution each, never rewritten.
    CREATE TABLE late_resolutions (
      payment_id  INTEGER PRIMARY KEY REFERENCES payments (id),
      at          INTEGER NOT NULL,
      outcome     TEXT    NOT NULL CHECK (outcome IN ('goods_handed_over', 'refunded_cash', 'other')),
      note        TEXT    NOT NULL CHECK (length(note) <= 500),
      shift_id    INTEGER REFERENCES shifts (id)
    ) STRICT;

    CREATE INDEX late_resolutions_by_at ON late_resolutions (at, outcome);
    CREATE INDEX late_resolutions_by_shift ON late_resolutions (shift_id, outcome);

    CREATE TRIGGER late_resolutions_no_update BEFORE UPDATE ON late_resolutions
    BEGIN SELECT RAISE(ABORT, 'late_resolutions is append-only'); END;

    CREATE TRIGGER late_resolutions_no_delete BEFORE DELETE ON late_resolutions
    BEGIN SELECT RAISE(ABORT, 'late_resolutions is append-only'); END;
  `);
}
