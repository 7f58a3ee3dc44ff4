import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { MIGRATIONS } from '../../../../electron/core/ledger/migrations.ts';
import { T0, tempDir } from './fixture.ts';

// Issue 20 #6, schema 11: a sale says which customer fields the cashier typed. Rows written before
// are read from their values: the old placeholder, or the shop's contact at migration time, was not typed.
const PLACEHOLDER = ['Pelanggan', '081234567890', 'pelanggan@example.com'];

describe('Ledger schema 11: customer fields typed by the cashier', () => {
  it('derives an old ledger\'s rows from the placeholder and the shop contact, and queues each payment once for the head office, which holds the column from its schema 5', () => {
    const temp = tempDir();
    try {
      const file = `${temp.dir}/v10.sqlite`;
      const raw = new DatabaseSync(file);
      MIGRATIONS.slice(0, 10).forEach((migration) => migration(raw));
      raw.exec('PRAGMA user_version = 10');
      const insert = raw.prepare(`INSERT INTO payments (trade_no, amount, state, customer_name, customer_mobile, customer_email,
        environment, created_at, updated_at, expires_at) VALUES (?, 10000, 'paid', ?, ?, ?, 'live', ${T0}, ${T0}, ${T0})`);
      insert.run('WALK-IN', ...PLACEHOLDER);
      insert.run('CONTACT', 'Warung Sari', '081298765432', 'warung@example.co.id');
      insert.run('TYPED', 'Budi Santoso', '081311112222', 'budi@example.co.id');
      insert.run('MOBILE-ONLY', 'Pelanggan', '081311113333', 'pelanggan@example.com');
      insert.run('CASH', '', '', '');
      const queuedBefore = Number(raw.prepare('SELECT count(*) AS n FROM hq_outbox').get()?.n);
      raw.close();

      // The contact as the owner typed it in Settings: the rows hold it normalised.
      const ledger = Ledger.open(file, { shopContact: { name: ' Warung  Sari ', mobile: '+62 812-9876-5432', email: 'warung@EXAMPLE.co.id' } });
      const typed = (tradeNo: string) => ledger.get(tradeNo)?.customerTyped;
      const none = { name: false, mobile: false, email: false };
      expect(typed('WALK-IN')).toEqual(none);
      expect(typed('CONTACT')).toEqual(none);
      expect(typed('TYPED')).toEqual({ name: true, mobile: true, email: true });
      expect(typed('MOBILE-ONLY')).toEqual({ name: false, mobile: true, email: false });
      expect(typed('CASH')).toEqual(none);
      ledger.close();

      const after = new DatabaseSync(file);
      // Every payment queued once more (5 rows), so the head office gets the column.
      expect(Number(after.prepare(`SELECT count(*) AS n FROM hq_outbox WHERE tbl = 'payments'`).get()?.n)).toBe(10);
      expect(Number(after.prepare('SELECT count(*) AS n FROM hq_outbox').get()?.n)).toBe(queuedBefore + 5);
      // Fixed once written, like the customer itself; and a new change still reaches the outbox.
      expect(() => after.exec(`UPDATE payments SET customer_typed = 7 WHERE trade_no = 'WALK-IN'`)).toThrow(/customer is fixed/);
      after.exec(`UPDATE payments SET updated_at = ${T0 + 1} WHERE trade_no = 'TYPED'`);
      expect(Number(after.prepare('SELECT count(*) AS n FROM hq_outbox').get()?.n)).toBe(queuedBefore + 6);
      after.close();
    } finally {
      temp.cleanup();
    }
  });
});
