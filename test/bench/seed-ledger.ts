import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { MIGRATIONS } from '../../electron/core/ledger/migrations.ts';
import { RESULTS_DIR } from './reporter.ts';

export const DAY_MS = 86_400_000;
export const SEED_START = Date.UTC(2025, 0, 1);
export const PER_DAY = 10_000;
/** Three 8-hour shifts a day, cashiers taking turns; every shift closed but the last one. */
export const SHIFT_MS = 8 * 3_600_000;
const CASHIERS = ['Siti Aminah', 'Budi', 'Ayu', 'Dewi'];
/** Bump when the seeded data changes: the cached file is keyed by it. */
const SEED_VERSION = 2;

/**
 * A ledger file with `rows` payments (10,000 a day from 2025-01-01, mixed states, cancelled ones
 * voided at the counter) and one event each, taken in shifts (three a day, each closed with its
 * report frozen by the ledger's own closeShift, the last one still open), with a late payment per
 * 1,000 sales (an expired sale found paid 20 minutes later) resolved 5 minutes after that in the
 * shift then open — except on the last day, whose late payments still wait ("Perlu tindakan").
 *
 * BENCH ONLY: the payments go in with ONE bulk INSERT … SELECT in one transaction, straight in
 * SQL, bypassing Ledger.record (a million fsynced records would take far longer than the
 * benchmark). The schema is the ledger's own (Ledger.open runs the migrations first), and the
 * shifts are opened and closed through the ledger. Cached under bench-results/, keyed by row
 * count, schema and seed version; each benchmark works on a copy.
 */
export function seededLedgerCopy(rows: number, copyTo: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const cached = join(RESULTS_DIR, `ledger-${rows}-schema${MIGRATIONS.length}-seed${SEED_VERSION}.sqlite`);
  if (!existsSync(cached)) {
    const building = `${cached}.building`;
    rmSync(building, { force: true });
    Ledger.open(building).close();
    insertSales(building, rows);
    openAndCloseShifts(building, rows);
    renameSync(building, cached);
  }
  copyFileSync(cached, copyTo);
  return copyTo;
}

function insertSales(file: string, rows: number): void {
  const lastDayStart = SEED_START + Math.floor((rows - 1) / PER_DAY) * DAY_MS;
  const at = `(${SEED_START} + (i / ${PER_DAY}) * ${DAY_MS} + (i % ${PER_DAY}) * 8000)`;
  const late = 'i % 1000 = 8';
  // The shifts are opened afterwards with ids 1, 2, …: shift n runs [SEED_START + (n-1)·8 h, +8 h).
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: false });
  db.exec('PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF');
  db.exec('BEGIN');
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${rows})
    INSERT INTO payments (trade_no, platform_trade_no, amount, paid_amount, state, gateway_status,
      customer_name, customer_mobile, customer_email, qr_string, payment_url, error_code, error_detail,
      environment, created_at, updated_at, expires_at, shift_id, late_at, voided_at)
    SELECT printf('B%010d', i), printf('%016x', i), 10000 + (i % 491) * 1000,
      CASE WHEN i % 10 < 6 OR ${late} THEN 10000 + (i % 491) * 1000 WHEN i % 10 = 6 THEN 5000 ELSE NULL END,
      CASE WHEN i % 10 < 6 OR ${late} THEN 'paid' WHEN i % 10 = 6 THEN 'partially_paid' WHEN i % 10 = 7 THEN 'failed'
           WHEN i % 10 = 8 THEN 'expired' ELSE 'cancelled' END,
      CASE WHEN i % 10 < 6 OR ${late} THEN '0000' WHEN i % 10 = 6 THEN '0001' WHEN i % 10 = 7 THEN '00029' ELSE '0015' END,
      'Pelanggan', '081234567890', 'pelanggan@example.com', NULL, NULL, NULL, NULL, 'training',
      ${at}, ${at} + 30000, ${at} + 900000,
      (${at} - ${SEED_START}) / ${SHIFT_MS} + 1,
      CASE WHEN ${late} THEN ${at} + 1200000 END,
      CASE WHEN i % 10 = 9 THEN ${at} + 30000 END
    FROM n`);
  db.exec(`INSERT INTO payment_events (payment_id, at, from_state, to_state, note, change)
    SELECT id, updated_at, 'creating', state, 'seeded', '{}' FROM payments`);
  db.exec(`INSERT INTO late_resolutions (payment_id, at, outcome, note, shift_id)
    SELECT id, late_at + 300000, CASE id % 3 WHEN 0 THEN 'goods_handed_over' WHEN 1 THEN 'refunded_cash' ELSE 'other' END,
      'seeded', (late_at + 300000 - ${SEED_START}) / ${SHIFT_MS} + 1
    FROM payments WHERE late_at IS NOT NULL AND created_at < ${lastDayStart}`);
  db.exec(`INSERT INTO payment_events (payment_id, at, from_state, to_state, note, change)
    SELECT payment_id, at, 'paid', 'paid', 'late payment: ' || outcome, '{}' FROM late_resolutions`);
  db.exec('COMMIT');
  db.exec('PRAGMA journal_mode = WAL');
  db.close();
}

/** Through the ledger, so each closed shift's report is frozen exactly as the app freezes it. */
function openAndCloseShifts(file: string, rows: number): void {
  let now = SEED_START;
  const ledger = Ledger.open(file, { now: () => now });
  try {
    const cashiers = CASHIERS.map((name) => ledger.day.addCashier(name, '{}'));
    const shifts = Math.ceil((rows / PER_DAY) * (DAY_MS / SHIFT_MS));
    for (let n = 1; n <= shifts; n++) {
      now = SEED_START + (n - 1) * SHIFT_MS;
      const shift = ledger.day.openShift(cashiers[(n - 1) % cashiers.length]!.id);
      if (shift.id !== n) throw new Error(`seed: shift ${shift.id} opened where ${n} was expected`);
      now += SHIFT_MS;
      if (n < shifts) ledger.day.closeShift(n);
    }
  } finally {
    ledger.close();
  }
}
