import type { DatabaseSync } from 'node:sqlite';
import { ROLLUP_BUCKET_MS } from './migration-rollup.ts';
import { received } from './migration-shift-windows.ts';

/**
 * Schema 5 (issues 20 item 2 and 22): a sale may take several payments, QRIS or cash.
 * - `method`: 'qris' (every row before this schema) or 'cash'.
 * - `sale_id`: NULL on a sale's first payment (the row that names the sale, its amount and its
 *   customer); on a follow-up payment ("Tagih sisa", the rest in cash, cash after a failed QR) the
 *   id of that first payment. A follow-up never has follow-ups of its own.
 * - `cash_tendered` / `cash_change`: a cash payment's money handed over and change given back;
 *   change = tendered − amount, so a tender below the amount is refused by the schema itself.
 * - `completed_at` (first payments only): when the sale's payments together first covered its
 *   amount, stamped by a trigger in the follow-up's own transaction. A sale completed this way is
 *   reported as paid, once, with every payment's money in `received`.
 * The rollup gains the dimensions the reports now split on (method, follow-up, completed), and the
 * report indexes carry the new columns so that reports still read the index alone.
 * Shipped: never changes.
 */
export function migrateToSalePayments(db: DatabaseSync): void {
  const hour = (row: string): string => `(${row}.created_at - ${row}.created_at % ${ROLLUP_BUCKET_MS})`;
  const ADD_NEW_ROW_TO_ROLLUP = `INSERT INTO payments_hourly (hour, state, late, voided, method, follow_up, completed,
          count, amount, paid, paid_or_charged)
        VALUES (${hour('NEW')}, NEW.state, NEW.late_at IS NOT NULL, NEW.voided_at IS NOT NULL, NEW.method,
          NEW.sale_id IS NOT NULL, NEW.completed_at IS NOT NULL, 1, NEW.amount,
          coalesce(NEW.paid_amount, 0), coalesce(NEW.paid_amount, NEW.amount))
        ON CONFLICT (hour, state, late, voided, method, follow_up, completed) DO UPDATE SET count = count + 1,
          amount = amount + excluded.amount, paid = paid + excluded.paid,
          paid_or_charged = paid_or_charged + excluded.paid_or_charged;`;
  // The sale's first payment is completed once its own money and its follow-ups' cover its amount.
  const COMPLETE_SALE = `UPDATE payments SET completed_at = NEW.updated_at
        WHERE id = NEW.sale_id AND completed_at IS NULL
          AND ${received('payments')} + (SELECT sum(${received('f')}) FROM payments f WHERE f.sale_id = NEW.sale_id) >= payments.amount;`;
  db.exec(`
    ALTER TABLE payments ADD COLUMN method TEXT NOT NULL DEFAULT 'qris' CHECK (method IN ('qris', 'cash'));
    ALTER TABLE payments ADD COLUMN sale_id INTEGER REFERENCES payments (id);
    ALTER TABLE payments ADD COLUMN cash_tendered INTEGER
      CHECK ((method = 'cash') = (cash_tendered IS NOT NULL) AND (cash_tendered IS NULL OR cash_tendered >= amount));
    ALTER TABLE payments ADD COLUMN cash_change INTEGER CHECK (cash_change IS cash_tendered - amount);
    ALTER TABLE payments ADD COLUMN completed_at INTEGER CHECK (completed_at IS NULL OR sale_id IS NULL);

    CREATE INDEX payments_by_sale ON payments (sale_id) WHERE sale_id IS NOT NULL;

    -- How a payment was made and which sale it belongs to are facts, like its amount.
    CREATE TRIGGER payments_sale_fixed BEFORE UPDATE OF method, sale_id, cash_tendered, cash_change ON payments
    BEGIN SELECT RAISE(ABORT, 'a payment''s method, sale and cash are fixed'); END;

    -- A follow-up belongs to a sale's first payment, in the same environment.
    CREATE TRIGGER payments_follow_up_of_sale BEFORE INSERT ON payments
      WHEN NEW.sale_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payments s
        WHERE s.id = NEW.sale_id AND s.sale_id IS NULL AND s.environment = NEW.environment)
    BEGIN SELECT RAISE(ABORT, 'a follow-up payment belongs to a sale''s first payment'); END;

    CREATE TRIGGER payments_complete_sale_insert AFTER INSERT ON payments WHEN NEW.sale_id IS NOT NULL
    BEGIN
      ${COMPLETE_SALE}
    END;

    CREATE TRIGGER payments_complete_sale_update AFTER UPDATE OF state, paid_amount ON payments
      WHEN NEW.sale_id IS NOT NULL
    BEGIN
      ${COMPLETE_SALE}
    END;

    DROP TRIGGER payments_hourly_insert;
    DROP TRIGGER payments_hourly_update;
    DROP TABLE payments_hourly;
    CREATE TABLE payments_hourly (
      hour            INTEGER NOT NULL,
      state           TEXT    NOT NULL,
      late            INTEGER NOT NULL,
      voided          INTEGER NOT NULL,
      method          TEXT    NOT NULL,
      follow_up       INTEGER NOT NULL,
      completed       INTEGER NOT NULL,
      count           INTEGER NOT NULL,
      amount          INTEGER NOT NULL,
      paid            INTEGER NOT NULL,
      paid_or_charged INTEGER NOT NULL,
      PRIMARY KEY (hour, state, late, voided, method, follow_up, completed)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO payments_hourly (hour, state, late, voided, method, follow_up, completed, count, amount, paid, paid_or_charged)
      SELECT ${hour('payments')}, state, late_at IS NOT NULL, voided_at IS NOT NULL, method, sale_id IS NOT NULL,
        completed_at IS NOT NULL, count(*), sum(amount), coalesce(sum(paid_amount), 0), sum(coalesce(paid_amount, amount))
      FROM payments GROUP BY 1, 2, 3, 4, 5, 6, 7;

    CREATE TRIGGER payments_hourly_insert AFTER INSERT ON payments
    BEGIN
      ${ADD_NEW_ROW_TO_ROLLUP}
    END;

    CREATE TRIGGER payments_hourly_update AFTER UPDATE OF state, paid_amount, late_at, voided_at, completed_at ON payments
      WHEN OLD.state IS NOT NEW.state OR OLD.paid_amount IS NOT NEW.paid_amount
        OR (OLD.late_at IS NULL) <> (NEW.late_at IS NULL) OR (OLD.voided_at IS NULL) <> (NEW.voided_at IS NULL)
        OR (OLD.completed_at IS NULL) <> (NEW.completed_at IS NULL)
    BEGIN
      UPDATE payments_hourly SET count = count - 1, amount = amount - OLD.amount,
          paid = paid - coalesce(OLD.paid_amount, 0), paid_or_charged = paid_or_charged - coalesce(OLD.paid_amount, OLD.amount)
        WHERE hour = ${hour('OLD')} AND state = OLD.state AND late = (OLD.late_at IS NOT NULL)
          AND voided = (OLD.voided_at IS NOT NULL) AND method = OLD.method AND follow_up = (OLD.sale_id IS NOT NULL)
          AND completed = (OLD.completed_at IS NOT NULL);
      ${ADD_NEW_ROW_TO_ROLLUP}
    END;

    DROP INDEX payments_by_created;
    CREATE INDEX payments_by_created ON payments (created_at, id, state, amount, paid_amount, late_at, voided_at,
      method, sale_id, completed_at);
    DROP INDEX payments_by_shift;
    CREATE INDEX payments_by_shift ON payments (shift_id, created_at, id, state, amount, paid_amount, late_at, voided_at,
      method, sale_id, completed_at);
  `);
}
