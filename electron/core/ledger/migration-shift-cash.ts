import type { DatabaseSync } from 'node:sqlite';

/**
 * Schema 6 (issue 22): the shift's cash and the drawer.
 * - `cash_movements`: cash moved by hand in a shift — the opening float (at most one per shift,
 *   written in the open's own transaction), and cash put in / taken out with a reason. Written
 *   only while its shift is open; never changed, never deleted.
 * - `drawer_openings`: every time the till kicked the drawer — for a sale (its trade number) or
 *   without one ("Buka laci", with a reason) — who (the shift's cashier) and when. Append-only.
 * The count at close needs no table: it is frozen in the shift report, written by the close's one
 * UPDATE, so a crash leaves the shift open with nothing counted or closed with its count.
 * Shipped: never changes.
 */
export function migrateToShiftCash(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE cash_movements (
      id         INTEGER PRIMARY KEY,
      shift_id   INTEGER NOT NULL REFERENCES shifts (id),
      at         INTEGER NOT NULL,
      kind       TEXT    NOT NULL CHECK (kind IN ('float', 'cash_in', 'cash_out')),
      -- Whole rupiah; a float may be zero, a movement moves something.
      amount     INTEGER NOT NULL CHECK (amount > 0 OR (kind = 'float' AND amount = 0)),
      reason     TEXT    NOT NULL CHECK (length(reason) <= 200 AND (kind = 'float' OR length(trim(reason)) > 0))
    ) STRICT;

    CREATE UNIQUE INDEX cash_movements_one_float ON cash_movements (shift_id) WHERE kind = 'float';
    -- The shift's sums read the index alone.
    CREATE INDEX cash_movements_by_shift ON cash_movements (shift_id, kind, amount);

    CREATE TRIGGER cash_movements_open_shift BEFORE INSERT ON cash_movements
      WHEN (SELECT closed_at IS NULL FROM shifts WHERE id = NEW.shift_id) IS NOT 1
    BEGIN SELECT RAISE(ABORT, 'cash moves only in an open shift'); END;

    CREATE TRIGGER cash_movements_no_update BEFORE UPDATE ON cash_movements
    BEGIN SELECT RAISE(ABORT, 'cash_movements is append-only'); END;

    CREATE TRIGGER cash_movements_no_delete BEFORE DELETE ON cash_movements
    BEGIN SELECT RAISE(ABORT, 'cash_movements is append-only'); END;

    CREATE TABLE drawer_openings (
      id         INTEGER PRIMARY KEY,
      at         INTEGER NOT NULL,
      -- The shift open then (its cashier is who opened the drawer); NULL with none open.
      shift_id   INTEGER REFERENCES shifts (id),
      -- A sale's drawer kick names the sale; one without a sale names its reason instead.
      trade_no   TEXT,
      reason     TEXT CHECK (length(reason) <= 200),
      CHECK ((trade_no IS NULL) <> (reason IS NULL))
    ) STRICT;

    CREATE INDEX drawer_openings_by_shift ON drawer_openings (shift_id, trade_no);

    CREATE TRIGGER drawer_openings_no_update BEFORE UPDATE ON drawer_openings
    BEGIN SELECT RAISE(ABORT, 'drawer_openings is append-only'); END;

    CREATE TRIGGER drawer_openings_no_delete BEFORE DELETE ON drawer_openings
    BEGIN SELECT RAISE(ABORT, 'drawer_openings is append-only'); END;
  `);
}
