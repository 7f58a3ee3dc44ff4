import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

/**
 * Writes an outbox row for every insert and update of each named table: the head-office sync
 * (issue 23) reads the outbox in `seq` order and sends the row as it then is. The trigger runs
 * inside the statement that writes the row, so inside the ledger's one transaction per write: a
 * crash keeps both or neither, and nothing written can be missed.
 *
 * Adding a table to replication is ONE line in that table's own (new) migration:
 *   `replicateTables(db, ['cash_movements']);`
 * plus its columns in HQ_TABLES (electron/core/hq/hq-tables.ts). The triggers name no columns, so a
 * column added later to a replicated table travels without touching them. Used by shipped
 * migrations: this function must keep creating the same triggers.
 */
export function replicateTables(db: DatabaseSync, tables: readonly string[]): void {
  for (const table of tables) {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`Not a table name: ${table}`);
    db.exec(`
      CREATE TRIGGER ${table}_hq_outbox_insert AFTER INSERT ON ${table}
      BEGIN INSERT INTO hq_outbox (tbl, row_id) VALUES ('${table}', NEW.rowid); END;
      CREATE TRIGGER ${table}_hq_outbox_update AFTER UPDATE ON ${table}
      BEGIN INSERT INTO hq_outbox (tbl, row_id) VALUES ('${table}', NEW.rowid); END;
    `);
  }
}

/**
 * The tables replicated from schema 8 on, parents before children (the backfill's order). The
 * cash tables of schema 6 already exist when this runs, so they are listed here rather than in a
 * migration of their own (schema 8 had not shipped when they were added).
 */
const REPLICATED_IN_SCHEMA_8 = [
  'cashiers', 'shifts', 'payments', 'payment_events', 'late_resolutions', 'received_after_close',
  'cash_movements', 'drawer_openings',
];

/**
 * Schema 8 (issue 23): the head-office outbox and the till's stable identity.
 *
 * - `hq_outbox.seq` is AUTOINCREMENT, so a number is never reused after the sync deletes sent
 *   rows: it is the row version the head office keeps the newest of.
 * - `till_identity` holds one random UUID made once per ledger: the till's id at the head office,
 *   stable across app updates and renames (the till and outlet names are settings).
 * - Rows already in the ledger are queued once here, so a till joining a head office sends its past.
 * Shipped: never changes.
 */
export function migrateToOutbox(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE hq_outbox (
      seq    INTEGER PRIMARY KEY AUTOINCREMENT,
      tbl    TEXT    NOT NULL,
      row_id INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE till_identity (
      one        INTEGER PRIMARY KEY CHECK (one = 1),
      id         TEXT    NOT NULL CHECK (length(id) = 36),
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TRIGGER till_identity_fixed BEFORE UPDATE ON till_identity
    BEGIN SELECT RAISE(ABORT, 'a till''s id never changes'); END;
    CREATE TRIGGER till_identity_no_delete BEFORE DELETE ON till_identity
    BEGIN SELECT RAISE(ABORT, 'a till''s id never changes'); END;
  `);
  db.prepare('INSERT INTO till_identity (one, id, created_at) VALUES (1, ?, ?)').run(randomUUID(), Date.now());
  for (const table of REPLICATED_IN_SCHEMA_8) {
    db.exec(`INSERT INTO hq_outbox (tbl, row_id) SELECT '${table}', rowid FROM ${table} ORDER BY rowid`);
  }
  replicateTables(db, REPLICATED_IN_SCHEMA_8);
}
