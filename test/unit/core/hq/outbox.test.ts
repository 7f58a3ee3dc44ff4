import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { HQ_TABLES } from '../../../../electron/core/hq/hq-tables.ts';
import { Outbox } from '../../../../electron/core/hq/outbox.ts';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { MIGRATIONS } from '../../../../electron/core/ledger/migrations.ts';
import { useLedger, newPayment, tempDir, T0 } from '../ledger/fixture.ts';

describe('ledger schema 5: the head-office outbox (no server needed)', () => {
  const fixture = useLedger();

  it('every table the triggers replicate is one the head office holds', () => {
    const raw = new DatabaseSync(fixture.temp.file, { readOnly: true });
    const tables = raw.prepare(`SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_hq_outbox_insert'`).all().map((row) => String(row.tbl_name));
    raw.close();
    expect(tables.sort()).toEqual(Object.keys(HQ_TABLES).sort());
  });

  it('writes outbox rows in the write\'s own transaction: a refused write leaves none, and the till id never changes', () => {
    const outbox = new Outbox(fixture.temp.file);
    const before = outbox.pending();
    fixture.ledger.record(newPayment('OUT-1'));
    expect(outbox.pending()).toBe(before + 2); // the payment and its first event
    expect(() => fixture.ledger.update('OUT-1', { state: 'expired' })).toThrow(); // creating → expired is refused
    expect(outbox.pending()).toBe(before + 2);

    const batch = outbox.next(100);
    const sent = batch?.rows.find((row) => row.table === 'payments');
    expect(sent?.values).toMatchObject({ trade_no: 'OUT-1', state: 'creating', amount: 39_000 });
    expect(Object.keys(sent?.values ?? {})).not.toContain('qr_string');
    outbox.acknowledge(batch?.lastSeq ?? 0);
    expect(outbox.pending()).toBe(0);

    const id = outbox.tillId();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const raw = new DatabaseSync(fixture.temp.file);
    expect(() => raw.exec(`UPDATE till_identity SET id = '00000000-0000-0000-0000-000000000000'`)).toThrow(/never changes/);
    raw.close();
    outbox.close();
  });

  it('queues the rows already in the ledger, the drawer\'s cash too, when a schema-7 ledger gains the outbox', () => {
    const temp = tempDir();
    try {
      const file = `${temp.dir}/v7.sqlite`;
      const raw = new DatabaseSync(file);
      MIGRATIONS.slice(0, 7).forEach((migration) => migration(raw));
      raw.exec(`PRAGMA user_version = 7;
        INSERT INTO cashiers (id, name, is_default, created_at) VALUES (1, 'Siti', 1, ${T0});
        INSERT INTO shifts (id, cashier_id, opened_at) VALUES (1, 1, ${T0});
        INSERT INTO cash_movements (shift_id, at, kind, amount, reason) VALUES (1, ${T0}, 'float', 200000, '');
        INSERT INTO drawer_openings (at, shift_id, reason) VALUES (${T0 + 1}, 1, 'Tukar uang');`);
      raw.close();
      Ledger.open(file).close();
      const outbox = new Outbox(file);
      const rows = outbox.next(100)?.rows ?? [];
      outbox.close();
      expect(rows.map((row) => row.table)).toEqual(['cashiers', 'shifts', 'cash_movements', 'drawer_openings']);
      expect(rows.find((row) => row.table === 'cash_movements')?.values).toEqual({ shift_id: 1, at: T0, kind: 'float', amount: 200_000, reason: '' });
      expect(rows.find((row) => row.table === 'drawer_openings')?.values).toEqual({ at: T0 + 1, shift_id: 1, trade_no: null, reason: 'Tukar uang' });
    } finally {
      temp.cleanup();
    }
  });
});
