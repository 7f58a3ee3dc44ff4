import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { MIGRATIONS } from '../../electron/core/ledger/migrations.ts';
import { RESULTS_DIR } from './reporter.ts';

export const DAY_MS = 86_400_000;
export const SEED_START = Date.UTC(2025, 0, 1);
export const PER_DAY = 10_000;

/**
 * A ledger file with `rows` payments (10,000 a day from 2025-01-01, mixed states) and one event
 * each. BENCH ONLY: the rows go in with ONE bulk INSERT … SELECT in one transaction, straight in
 * SQL, bypassing Ledger.record (a million fsynced records would take far longer than the
 * benchmark). The schema is the ledger's own (Ledger.open runs the migrations first). Cached under
 * bench-results/, keyed by row count and schema version; each benchmark works on a copy.
 */
export function seededLedgerCopy(rows: number, copyTo: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const cached = join(RESULTS_DIR, `ledger-${rows}-schema${MIGRATIONS.length}.sqlite`);
  if (!existsSync(cached)) {
    const building = `${cached}.building`;
    rmSync(building, { force: true });
    Ledger.open(building).close();
    const db = new DatabaseSync(building);
    db.exec('PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF');
    db.exec('BEGIN');
    db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${rows})
      INSERT INTO payments (trade_no, platform_trade_no, amount, paid_amount, state, gateway_status,
        customer_name, customer_mobile, customer_email, qr_string, payment_url, error_code, error_detail,
        environment, created_at, updated_at, expires_at)
      SELECT printf('B%010d', i), printf('%016x', i), 10000 + (i % 491) * 1000,
        CASE WHEN i % 10 < 6 THEN 10000 + (i % 491) * 1000 WHEN i % 10 = 6 THEN 5000 ELSE NULL END,
        CASE WHEN i % 10 < 6 THEN 'paid' WHEN i % 10 = 6 THEN 'partially_paid' WHEN i % 10 = 7 THEN 'failed'
             WHEN i % 10 = 8 THEN 'expired' ELSE 'cancelled' END,
        CASE WHEN i % 10 < 6 THEN '0000' WHEN i % 10 = 6 THEN '0001' WHEN i % 10 = 7 THEN '00029' ELSE '0015' END,
        'Pelanggan', '081234567890', 'pelanggan@example.com', NULL, NULL, NULL, NULL, 'training',
        ${SEED_START} + (i / ${PER_DAY}) * ${DAY_MS} + (i % ${PER_DAY}) * 8000,
        ${SEED_START} + (i / ${PER_DAY}) * ${DAY_MS} + (i % ${PER_DAY}) * 8000 + 30000,
        ${SEED_START} + (i / ${PER_DAY}) * ${DAY_MS} + (i % ${PER_DAY}) * 8000 + 900000
      FROM n`);
    db.exec(`INSERT INTO payment_events (payment_id, at, from_state, to_state, note, change)
      SELECT id, updated_at, 'creating', state, 'seeded', '{}' FROM payments`);
    db.exec('COMMIT');
    db.exec('PRAGMA journal_mode = WAL');
    db.close();
    renameSync(building, cached);
  }
  copyFileSync(cached, copyTo);
  return copyTo;
}
