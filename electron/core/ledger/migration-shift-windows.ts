import type { DatabaseSync } from 'node:sqlite';

/** Money a sale brought in, in SQL: the same rule as `receivedOf` in electron/core/day/report.ts. */
export const received = (row: string): string =>
  `(CASE ${row}.state WHEN 'paid' THEN coalesce(${row}.paid_amount, ${row}.amount) WHEN 'partially_paid' THEN coalesce(${row}.paid_amount, 0) ELSE 0 END)`;

/**
 * Schema 4 (issue 16): money that comes in after its sale's shift was closed lands in exactly one
 * shift report. A shift's own report is frozen at close, so such money (a late payment found after
 * the close, an awaiting sale paid after a forced close) is written, by a trigger inside the state
 * change's own transaction, as a row of `received_after_close`: the change of money received,
 * the sale's creation time (for the day report) and the shift open at that moment. With no shift
 * open the row waits (`shift_id` NULL) and the next shift to open takes it, in the open's own
 * transaction; late-payment resolutions made while no shift is open wait and are taken the same way.
 * So every write of the till belongs to exactly one shift: the one open then, or the next one —
 * in the order things are written, not by the wall clock, so a clock stepped back loses nothing.
 * The only change either table allows is that one adoption (NULL → a shift). Shipped: never changes.
 */
export function migrateToShiftWindows(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE received_after_close (
      id              INTEGER PRIMARY KEY,
      payment_id      INTEGER NOT NULL REFERENCES payments (id),
      at              INTEGER NOT NULL,
      -- The sale's created_at (fixed), so that a day report finds its sales' late money by index.
      sale_created_at INTEGER NOT NULL,
      -- The change of money received (new minus old), whole rupiah.
      amount          INTEGER NOT NULL,
      -- The shift open when it was written; NULL until the next shift opens.
      shift_id        INTEGER REFERENCES shifts (id)
    ) STRICT;

    CREATE INDEX received_after_close_by_shift ON received_after_close (shift_id, amount);
    CREATE INDEX received_after_close_by_sale ON received_after_close (sale_created_at, amount);
    -- The foreign key's child side: a payment's rows are found without a scan.
    CREATE INDEX received_after_close_by_payment ON received_after_close (payment_id);

    -- Pages are newest first by (created_at, id): with id right after created_at in the index, a
    -- page reads in index order and stops after its rows instead of sorting the whole range first
    -- ("USE TEMP B-TREE FOR LAST TERM OF ORDER BY"). Same columns otherwise, so reports still read
    -- the index alone.
    DROP INDEX payments_by_created;
    CREATE INDEX payments_by_created ON payments (created_at, id, state, amount, paid_amount, late_at, voided_at);
    DROP INDEX payments_by_shift;
    CREATE INDEX payments_by_shift ON payments (shift_id, created_at, id, state, amount, paid_amount, late_at, voided_at);

    CREATE TRIGGER received_after_close_no_delete BEFORE DELETE ON received_after_close
    BEGIN SELECT RAISE(ABORT, 'received_after_close is append-only'); END;

    CREATE TRIGGER received_after_close_adopt_only BEFORE UPDATE ON received_after_close
      WHEN OLD.shift_id IS NOT NULL OR NEW.shift_id IS NULL OR NEW.id IS NOT OLD.id OR NEW.payment_id IS NOT OLD.payment_id
        OR NEW.at IS NOT OLD.at OR NEW.sale_created_at IS NOT OLD.sale_created_at OR NEW.amount IS NOT OLD.amount
    BEGIN SELECT RAISE(ABORT, 'received_after_close is append-only (a waiting row only gets its shift)'); END;

    -- A sale whose shift is closed (or that has none): its change of money goes to the shift open now.
    CREATE TRIGGER payments_received_after_close AFTER UPDATE OF state, paid_amount ON payments
      WHEN ${received('NEW')} <> ${received('OLD')}
        AND (NEW.shift_id IS NULL OR (SELECT closed_at FROM shifts WHERE id = NEW.shift_id) IS NOT NULL)
    BEGIN
      INSERT INTO received_after_close (payment_id, at, sale_created_at, amount, shift_id)
        VALUES (NEW.id, NEW.updated_at, NEW.created_at, ${received('NEW')} - ${received('OLD')},
          (SELECT id FROM shifts WHERE closed_at IS NULL));
    END;

    -- Resolutions stay append-only, except that one made with no shift open is taken by the next shift.
    DROP TRIGGER late_resolutions_no_update;
    CREATE TRIGGER late_resolutions_no_update BEFORE UPDATE ON late_resolutions
      WHEN OLD.shift_id IS NOT NULL OR NEW.shift_id IS NULL OR NEW.payment_id IS NOT OLD.payment_id
        OR NEW.at IS NOT OLD.at OR NEW.outcome IS NOT OLD.outcome OR NEW.note IS NOT OLD.note
    BEGIN SELECT RAISE(ABORT, 'late_resolutions is append-only (a waiting resolution only gets its shift)'); END;
  `);
}
