import type { DatabaseSync } from 'node:sqlite';
import { migrateToDay } from './migration-day.ts';
import { migrateToRollup } from './migration-rollup.ts';
import { migrateToShiftWindows } from './migration-shift-windows.ts';
import { migrateToSalePayments } from './migration-sale-payments.ts';
import { migrateToShiftCash } from './migration-shift-cash.ts';
import { migrateToReconciliation } from './migration-reconciliation.ts';
import { migrateToOutbox } from './migration-outbox.ts';
import { migrateToOverpaid } from './migration-overpaid.ts';
import { migrateToNumberSearch } from './migration-number-search.ts';
import { migrateToCustomerTyped, type MigrationContext } from './migration-customer-typed.ts';
import { migrateToOverpaidResolutions } from './migration-overpaid-resolutions.ts';

/**
 * Schema migrations, applied in order; migration i takes the database from `user_version` i to
 * i + 1. A shipped migration never changes: a new schema is a new entry at the end.
 * The state lists are spelled out rather than built from PAYMENT_STATES, so that a new state in
 * code cannot silently change what an old migration created (a test keeps them in step).
 */
export type Migration = (db: DatabaseSync, context?: MigrationContext) => void;

export const MIGRATIONS: readonly Migration[] = [
  (db) =>
    db.exec(`
      CREATE TABLE payments (
        id                INTEGER PRIMARY KEY,
        trade_no          TEXT    NOT NULL UNIQUE CHECK (length(trade_no) BETWEEN 1 AND 64),
        platform_trade_no TEXT,
        amount            INTEGER NOT NULL CHECK (amount > 0),
        paid_amount       INTEGER CHECK (paid_amount >= 0),
        state             TEXT    NOT NULL CHECK (state IN ('creating', 'unknown', 'awaiting_payment',
                            'paid', 'partially_paid', 'failed', 'expired', 'cancelled')),
        gateway_status    TEXT,
        customer_name     TEXT    NOT NULL,
        customer_mobile   TEXT    NOT NULL,
        customer_email    TEXT    NOT NULL,
        qr_string         TEXT,
        payment_url       TEXT,
        error_code        TEXT,
        error_detail      TEXT,
        environment       TEXT    NOT NULL CHECK (environment IN ('training', 'live')),
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL,
        expires_at        INTEGER NOT NULL
      ) STRICT;

      -- The day list and the day summary: a range on created_at. Covering the summary's columns
      -- lets the summary read the index alone, never the table.
      CREATE INDEX payments_by_created ON payments (created_at, state, amount, paid_amount);

      -- Start-up recovery: only the few unsettled rows are indexed, oldest first.
      CREATE INDEX payments_unsettled ON payments (created_at)
        WHERE state NOT IN ('paid', 'partially_paid', 'failed');

      -- A payment is money that changed hands (or may have): never deleted, never renamed.
      CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
      BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;

      CREATE TRIGGER payments_fixed_columns BEFORE UPDATE OF
        id, trade_no, amount, environment, created_at, customer_name, customer_mobile, customer_email
        ON payments
      BEGIN SELECT RAISE(ABORT, 'a payment''s identity, amount and customer are fixed'); END;

      CREATE TABLE payment_events (
        id         INTEGER PRIMARY KEY,
        payment_id INTEGER NOT NULL REFERENCES payments (id),
        at         INTEGER NOT NULL,
        from_state TEXT CHECK (from_state IN ('creating', 'unknown', 'awaiting_payment',
                     'paid', 'partially_paid', 'failed', 'expired', 'cancelled')),
        to_state   TEXT NOT NULL CHECK (to_state IN ('creating', 'unknown', 'awaiting_payment',
                     'paid', 'partially_paid', 'failed', 'expired', 'cancelled')),
        note       TEXT,
        change     TEXT NOT NULL CHECK (json_valid(change))
      ) STRICT;

      CREATE INDEX payment_events_by_payment ON payment_events (payment_id, id);

      -- The history is append-only: what happened to a payment cannot be rewritten.
      CREATE TRIGGER payment_events_no_update BEFORE UPDATE ON payment_events
      BEGIN SELECT RAISE(ABORT, 'payment_events is append-only'); END;

      CREATE TRIGGER payment_events_no_delete BEFORE DELETE ON payment_events
      BEGIN SELECT RAISE(ABORT, 'payment_events is append-only'); END;
    `),
  migrateToDay,
  migrateToRollup,
  migrateToShiftWindows,
  migrateToSalePayments,
  migrateToShiftCash,
  migrateToReconciliation,
  migrateToOutbox,
  migrateToOverpaid,
  migrateToNumberSearch,
  migrateToCustomerTyped,
  migrateToOverpaidResolutions,
];

/** Applies every migration the database lacks, each in its own transaction. */
export function migrate(db: DatabaseSync, context: MigrationContext = {}): void {
  for (;;) {
    db.exec('BEGIN IMMEDIATE');
    try {
      // Read inside the write lock: another process may have migrated meanwhile.
      const version = userVersion(db);
      const migration = MIGRATIONS[version];
      if (migration === undefined) {
        db.exec('COMMIT');
        return;
      }
      migration(db, context);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}

export function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  return Number(row?.user_version ?? 0);
}
