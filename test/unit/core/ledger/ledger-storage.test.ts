import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ledger, LedgerError } from '../../../../electron/core/ledger/ledger.ts';
import { MIGRATIONS } from '../../../../electron/core/ledger/migrations.ts';
import { QUERIES } from '../../../../electron/core/ledger/queries.ts';
import { PAYMENT_STATES } from '../../../../shared/payment.ts';
import { T0, newPayment, tempDir } from './fixture.ts';

function openError(file: string): LedgerError {
  try {
    Ledger.open(file).close();
  } catch (error) {
    expect(error).toBeInstanceOf(LedgerError);
    return error as LedgerError;
  }
  throw new Error('Ledger.open should have failed');
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('Ledger storage', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.cleanup());

  it('creates its folder and file, and reports the durability settings it runs with', () => {
    const ledger = Ledger.open(temp.file);
    expect(existsSync(temp.file)).toBe(true);
    expect(ledger.durability()).toEqual({
      journalMode: 'wal',
      synchronous: 'full',
      foreignKeys: true,
      busyTimeoutMs: 5_000,
      walAutocheckpointPages: 10_000,
      schemaVersion: MIGRATIONS.length,
    });
    ledger.close();
  });

  // Issue 21, item 7: the ledger (customers' names, mobiles, emails) was created 0644 in a 0755 folder.
  it.skipIf(process.platform === 'win32')('keeps the ledger, its WAL and SHM 0600 in a 0700 folder, also for an older 0644 file', () => {
    const mode = (path: string) => statSync(path).mode & 0o777;
    const folder = join(temp.dir, 'data');
    const file = join(folder, 'ledger.sqlite');
    const first = Ledger.open(file);
    first.record(newPayment('PRIVATE'));
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path), path).toBe(0o600);
    expect(mode(folder)).toBe(0o700);
    first.close();

    chmodSync(folder, 0o755);
    chmodSync(file, 0o644);
    const again = Ledger.open(file);
    again.record(newPayment('AGAIN'));
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path), path).toBe(0o600);
    expect(mode(folder)).toBe(0o700);
    again.close();
  });

  it('checkpoints the WAL once writes pause, never inside a write', async () => {
    const ledger = Ledger.open(temp.file, { idleCheckpointMs: 100 });
    // Enough writes that SQLite's default (a checkpoint every 1,000 WAL pages) would have run
    // inside one of them.
    for (let i = 0; i < 400; i++) ledger.record(newPayment(`TRX-${i}`, { createdAt: T0 + i }));
    const walPages = statSync(`${temp.file}-wal`).size / 4096;
    const beforePause = statSync(temp.file).size;
    expect(walPages).toBeGreaterThan(1_000);
    expect(beforePause).toBeLessThan(64 * 1024); // the payments are all still in the WAL only

    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(statSync(temp.file).size).toBeGreaterThan(beforePause * 4); // copied in at the pause
    expect(ledger.get('TRX-399')?.state).toBe('creating');
    ledger.close();
  });

  it('migrates an empty file, and re-opening it migrates nothing and loses nothing', () => {
    const file = join(temp.dir, 'empty.sqlite');
    writeFileSync(file, '');
    expect(statSync(file).size).toBe(0);

    const first = Ledger.open(file);
    first.record(newPayment('TRX-1'));
    first.close();

    const raw = new DatabaseSync(file);
    expect(raw.prepare('PRAGMA user_version').get()?.user_version).toBe(MIGRATIONS.length);
    const objects = raw
      .prepare(`SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
      .all()
      .map((row) => `${row.type}:${row.name}`);
    raw.close();
    expect(objects).toEqual([
      'index:cash_movements_by_shift',
      'index:cash_movements_one_float',
      'index:cashiers_one_default',
      'index:drawer_openings_by_shift',
      'index:late_resolutions_by_at',
      'index:late_resolutions_by_shift',
      'index:overpaid_resolutions_by_at',
      'index:overpaid_resolutions_by_shift',
      'index:payment_events_by_payment',
      'index:payments_by_amount',
      'index:payments_by_created',
      'index:payments_by_mobile_end',
      'index:payments_by_platform_trade_no',
      'index:payments_by_platform_trade_no_end',
      'index:payments_by_sale',
      'index:payments_by_shift',
      'index:payments_by_trade_no_end',
      'index:payments_late',
      'index:payments_overpaid_by_created',
      'index:payments_overpaid_by_shift',
      'index:payments_unsettled',
      'index:received_after_close_by_payment',
      'index:received_after_close_by_sale',
      'index:received_after_close_by_shift',
      'index:reconciliations_by_date',
      'index:reconciliations_one_running',
      'index:shifts_by_opened',
      'index:shifts_one_open',
      'table:cash_movements',
      'table:cashiers',
      'table:drawer_openings',
      'table:hq_outbox',
      'table:late_resolutions',
      'table:overpaid_resolutions',
      'table:payment_events',
      'table:payments',
      'table:payments_hourly',
      'table:received_after_close',
      'table:reconciliation_items',
      'table:reconciliations',
      'table:shifts',
      'table:till_identity',
      'trigger:cash_movements_hq_outbox_insert',
      'trigger:cash_movements_hq_outbox_update',
      'trigger:cash_movements_no_delete',
      'trigger:cash_movements_no_update',
      'trigger:cash_movements_open_shift',
      'trigger:cashiers_hq_outbox_insert',
      'trigger:cashiers_hq_outbox_update',
      'trigger:cashiers_no_delete',
      'trigger:drawer_openings_hq_outbox_insert',
      'trigger:drawer_openings_hq_outbox_update',
      'trigger:drawer_openings_no_delete',
      'trigger:drawer_openings_no_update',
      'trigger:late_resolutions_hq_outbox_insert',
      'trigger:late_resolutions_hq_outbox_update',
      'trigger:late_resolutions_no_delete',
      'trigger:late_resolutions_no_update',
      'trigger:overpaid_resolutions_amount',
      'trigger:overpaid_resolutions_hq_outbox_insert',
      'trigger:overpaid_resolutions_hq_outbox_update',
      'trigger:overpaid_resolutions_no_delete',
      'trigger:overpaid_resolutions_no_update',
      'trigger:payment_events_hq_outbox_insert',
      'trigger:payment_events_hq_outbox_update',
      'trigger:payment_events_no_delete',
      'trigger:payment_events_no_update',
      'trigger:payments_complete_sale_insert',
      'trigger:payments_complete_sale_update',
      'trigger:payments_customer_typed_fixed',
      'trigger:payments_fixed_columns',
      'trigger:payments_fixed_shift',
      'trigger:payments_follow_up_of_sale',
      'trigger:payments_hourly_insert',
      'trigger:payments_hourly_update',
      'trigger:payments_hq_outbox_insert',
      'trigger:payments_hq_outbox_update',
      'trigger:payments_no_delete',
      'trigger:payments_once_late',
      'trigger:payments_received_after_close',
      'trigger:payments_sale_fixed',
      'trigger:received_after_close_adopt_only',
      'trigger:received_after_close_hq_outbox_insert',
      'trigger:received_after_close_hq_outbox_update',
      'trigger:received_after_close_no_delete',
      'trigger:reconciliation_items_no_delete',
      'trigger:reconciliation_items_no_update',
      'trigger:reconciliations_finish_once',
      'trigger:reconciliations_no_delete',
      'trigger:shifts_closed_are_fixed',
      'trigger:shifts_fixed_columns',
      'trigger:shifts_hq_outbox_insert',
      'trigger:shifts_hq_outbox_update',
      'trigger:shifts_no_delete',
      'trigger:till_identity_fixed',
      'trigger:till_identity_no_delete',
    ]);

    const second = Ledger.open(file);
    expect(second.durability().schemaVersion).toBe(MIGRATIONS.length);
    expect(second.get('TRX-1')?.state).toBe('creating');
    second.close();
  });

  it('refuses a database from a newer app version without touching the file', () => {
    const file = join(temp.dir, 'newer.sqlite');
    const raw = new DatabaseSync(file);
    raw.exec('CREATE TABLE future (x); PRAGMA user_version = 99;');
    raw.close();
    const before = sha256(file);
    const error = openError(file);
    expect(error.code).toBe('newer_schema');
    expect(error.message).toMatch(/99/);
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a file that is not a database', () => {
    const file = join(temp.dir, 'garbage.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 'not a database, just garbage. '));
    const before = sha256(file);
    expect(openError(file).code).toBe('corrupt');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a database whose pages were overwritten', () => {
    const ledger = Ledger.open(temp.file);
    for (let i = 0; i < 500; i++) ledger.record(newPayment(`TRX-${i}`, { createdAt: T0 + i }));
    ledger.close();
    // Fold the WAL into the main file, then scribble over the pages after the first.
    const raw = new DatabaseSync(temp.file);
    raw.exec('PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;');
    const pageSize = Number(raw.prepare('PRAGMA page_size').get()?.page_size);
    raw.close();
    const bytes = readFileSync(temp.file);
    bytes.fill(0xa5, pageSize, Math.min(bytes.length, pageSize * 6));
    writeFileSync(temp.file, bytes);
    expect(openError(temp.file).code).toBe('corrupt');
  });

  it('keeps payment_events append-only and payments undeletable, even for other connections', () => {
    const ledger = Ledger.open(temp.file);
    ledger.record(newPayment('TRX-1'));
    ledger.close();
    const raw = new DatabaseSync(temp.file);
    expect(() => raw.exec(`UPDATE payment_events SET note = 'rewritten'`)).toThrow(/append-only/);
    expect(() => raw.exec('DELETE FROM payment_events')).toThrow(/append-only/);
    expect(() => raw.exec('DELETE FROM payments')).toThrow(/never deleted/);
    expect(() => raw.exec('UPDATE payments SET amount = 1')).toThrow(/fixed/);
    raw.close();
  });

  it('the schema accepts every payment state the code knows and nothing else', () => {
    Ledger.open(temp.file).close();
    const raw = new DatabaseSync(temp.file);
    const insert = raw.prepare(`INSERT INTO payments (trade_no, amount, state, customer_name, customer_mobile,
      customer_email, environment, created_at, updated_at, expires_at) VALUES (?, 1, ?, '', '', '', 'live', 0, 0, 0)`);
    for (const state of PAYMENT_STATES) expect(() => insert.run(`T-${state}`, state)).not.toThrow();
    expect(() => insert.run('T-bogus', 'refunded')).toThrow(/CHECK constraint failed/);
    raw.close();
  });

  it('reads the day list, the day summary and the unsettled list through indexes, not a table scan', () => {
    Ledger.open(temp.file).close();
    const raw = new DatabaseSync(temp.file);
    const plan = (sql: string): string =>
      raw
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 1))
        .map((row) => String(row.detail))
        .join('\n');
    expect(plan(QUERIES.between)).toMatch(/SEARCH payments USING INDEX payments_by_created \(created_at>\? AND created_at<\?\)/);
    expect(plan(QUERIES.summary)).toMatch(/SEARCH payments USING COVERING INDEX payments_by_created/);
    expect(plan(QUERIES.unsettled)).toMatch(/SCAN payments USING INDEX payments_unsettled/);
    expect(plan(QUERIES.select)).toMatch(/SEARCH payments USING INDEX sqlite_autoindex_payments_1 \(trade_no=\?\)/);
    expect(plan(QUERIES.events)).toMatch(/SEARCH e USING INDEX payment_events_by_payment/);
    for (const sql of [QUERIES.between, QUERIES.summary, QUERIES.unsettled, QUERIES.select, QUERIES.events]) {
      expect(plan(sql)).not.toMatch(/SCAN payments$|SCAN payments\n|SCAN e\b/m);
    }
    raw.close();
  });
});
