import type { DatabaseSync } from 'node:sqlite';

/** The rollup's bucket: one clock hour (epoch ms). Any business-day cut-off falls inside an hour or on its edge. */
export const ROLLUP_BUCKET_MS = 3_600_000;

/**
 * Schema 3 (issue 16): `payments_hourly`, the report's GROUP BY rows (state × late × voided) per
 * clock hour of `created_at`, so that a range report reads ~24 rows per group and day instead of
 * every sale. Kept by triggers, which run inside the statement that changes a payment and so in
 * the ledger's one transaction per write (a state change and its late/void stamp included); the
 * existing rows are backfilled here, in the migration's own transaction. An hour bucket rather
 * than a business day: the cut-off is a setting that may change, and a report's edges inside an
 * hour are read from `payments_by_created` (see DayBook.reportBetween). Shipped: never changes.
 */
export function migrateToRollup(db: DatabaseSync): void {
  const hour = (row: string): string => `(${row}.created_at - ${row}.created_at % ${ROLLUP_BUCKET_MS})`;
  // A sale's row as it now is, added to its hour's bucket (both triggers end with this).
  const ADD_NEW_ROW_TO_ROLLUP = `INSERT INTO payments_hourly (hour, state, late, voided, count, amount, paid, paid_or_charged)
        VALUES (${hour('NEW')}, NEW.state, NEW.late_at IS NOT NULL, NEW.voided_at IS NOT NULL, 1, NEW.amount,
          coalesce(NEW.paid_amount, 0), coalesce(NEW.paid_amount, NEW.amount))
        ON CONFLICT (hour, state, late, voided) DO UPDATE SET count = count + 1, amount = amount + excluded.amount,
          paid = paid + excluded.paid, paid_or_charged = paid_or_charged + excluded.paid_or_charged;`;
  db.exec(`
    CREATE TABLE payments_hourly (
      hour            INTEGER NOT NULL,
      state           TEXT    NOT NULL,
      late            INTEGER NOT NULL,
      voided          INTEGER NOT NULL,
      count           INTEGER NOT NULL,
      amount          INTEGER NOT NULL,
      -- Sum of paid_amount where known (NULL counts 0), and of paid_amount or the charge.
      paid            INTEGER NOT NULL,
      paid_or_charged INTEGER NOT NULL,
      PRIMARY KEY (hour, state, late, voided)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO payments_hourly (hour, state, late, voided, count, amount, paid, paid_or_charged)
      SELECT ${hour('payments')}, state, late_at IS NOT NULL, voided_at IS NOT NULL, count(*), sum(amount),
        coalesce(sum(paid_amount), 0), sum(coalesce(paid_amount, amount))
      FROM payments GROUP BY 1, 2, 3, 4;

    CREATE TRIGGER payments_hourly_insert AFTER INSERT ON payments
    BEGIN
      ${ADD_NEW_ROW_TO_ROLLUP}
    END;

    -- amount and created_at are fixed (payments_fixed_columns), so a sale never changes hour.
    CREATE TRIGGER payments_hourly_update AFTER UPDATE OF state, paid_amount, late_at, voided_at ON payments
      WHEN OLD.state IS NOT NEW.state OR OLD.paid_amount IS NOT NEW.paid_amount
        OR (OLD.late_at IS NULL) <> (NEW.late_at IS NULL) OR (OLD.voided_at IS NULL) <> (NEW.voided_at IS NULL)
    BEGIN
      UPDATE payments_hourly SET count = count - 1, amount = amount - OLD.amount,
          paid = paid - coalesce(OLD.paid_amount, 0), paid_or_charged = paid_or_charged - coalesce(OLD.paid_amount, OLD.amount)
        WHERE hour = ${hour('OLD')} AND state = OLD.state AND late = (OLD.late_at IS NOT NULL) AND voided = (OLD.voided_at IS NOT NULL);
      ${ADD_NEW_ROW_TO_ROLLUP}
    END;
  `);
}
