import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HqVault } from '../../../../electron/core/hq/hq-vault.ts';
import { HqSync } from '../../../../electron/core/hq/sync.ts';
import { createAesCipher } from '../../../harness/aes-cipher.ts';
import { loginUrl, useHq } from '../../../harness/hq-fixture.ts';
import { withClient } from '../../../harness/postgres.ts';
import { newPayment } from '../ledger/fixture.ts';

/** The Postgres error code of a failed query (42501: insufficient privilege / RLS violation). */
async function failureCode(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('head office: row-level security between tills (real PostgreSQL)', () => {
  const hq = useHq();

  it('a till reads, writes and changes only its own rows; it cannot delete, alter, drop or create; the owner only reads', async () => {
    const a = await hq.till('Kasir A');
    const b = await hq.till('Kasir B');
    a.ledger.record(newPayment('A-1'));
    b.ledger.record(newPayment('B-1'));
    await a.sync.drain();
    await b.sync.drain();

    await withClient(loginUrl(hq.server, b.login), async (asB) => {
      const seen = await asB.query('SELECT trade_no FROM paypro.payments');
      expect(seen.rows).toEqual([{ trade_no: 'B-1' }]);
      expect((await asB.query('SELECT role_name FROM paypro.tills')).rows).toEqual([{ role_name: b.login.role }]);
      // Writing as till A: refused by the policy's WITH CHECK.
      expect(await failureCode(asB.query(
        `INSERT INTO paypro.payments (till_id, id, version, trade_no, amount, state, created_at)
         VALUES ($1, 99, 1, 'FORGED', 1, 'paid', 0)`, [a.sync.tillId]))).toBe('42501');
      // A's rows are invisible to B's UPDATE, and B cannot move its own rows to A.
      expect((await asB.query("UPDATE paypro.payments SET amount = 1 WHERE trade_no = 'A-1'")).rowCount).toBe(0);
      expect(await failureCode(asB.query('UPDATE paypro.payments SET till_id = $1', [a.sync.tillId]))).toBe('42501');
      // Nor take A's id as its own.
      expect(await failureCode(asB.query('UPDATE paypro.tills SET till_id = $1', [a.sync.tillId]))).toBeDefined();
      expect(await failureCode(asB.query('DELETE FROM paypro.payments'))).toBe('42501');
      expect(await failureCode(asB.query('DROP TABLE paypro.payments'))).toBe('42501');
      expect(await failureCode(asB.query('ALTER TABLE paypro.payments DISABLE ROW LEVEL SECURITY'))).toBe('42501');
      expect(await failureCode(asB.query('CREATE TABLE paypro.mine (x int)'))).toBe('42501');
      expect(await failureCode(asB.query('TRUNCATE paypro.payments'))).toBe('42501');
    });

    const all = await hq.asOwner<{ trade_no: string }>('SELECT trade_no FROM paypro.payments ORDER BY trade_no');
    expect(all.map((row) => row.trade_no)).toEqual(['A-1', 'B-1']);
    expect(await failureCode(hq.asOwner("UPDATE paypro.payments SET amount = 1"))).toBe('42501');
  });

  it('the report rollups: kept by a till\'s sync, read by the owner, neither read nor written by a till', async () => {
    const a = await hq.till('Kasir E');
    const b = await hq.till('Kasir F');
    a.ledger.record(newPayment('E-1'));
    b.ledger.record(newPayment('F-1'));
    await a.sync.drain();
    await b.sync.drain();

    await withClient(loginUrl(hq.server, b.login), async (asB) => {
      for (const rollup of ['paypro.payments_rollup', 'paypro.payments_rollup_all']) {
        expect(await failureCode(asB.query(`SELECT * FROM ${rollup}`))).toBe('42501');
        expect(await failureCode(asB.query(`UPDATE ${rollup} SET amount = 0`))).toBe('42501');
        expect(await failureCode(asB.query(`DELETE FROM ${rollup}`))).toBe('42501');
      }
      // Adding to another till's rollup rows directly: refused.
      expect(await failureCode(asB.query(
        `INSERT INTO paypro.payments_rollup (till_id, bucket, bucket_start, state, late, voided, method, follow_up, completed, count, amount,
           paid, paid_or_charged, overpaid_count, overpaid_amount) VALUES ($1, 'hour', 0, 'paid', false, false, 'qris', false, false, 1, 1, 1, 1, 0, 0)`,
        [a.sync.tillId]))).toBe('42501');
      expect(await failureCode(asB.query('DROP TABLE paypro.payments_rollup'))).toBe('42501');
    });

    // Each till's sync added its own sale through the trigger (run as its definer).
    const counts = await hq.asOwner<{ till_id: string; count: string }>(
      "SELECT till_id, sum(count) AS count FROM paypro.payments_rollup WHERE bucket = 'hour' AND till_id = ANY($1) GROUP BY 1 ORDER BY 1",
      [[a.sync.tillId, b.sync.tillId]]);
    expect(counts).toEqual([a.sync.tillId, b.sync.tillId].sort().map((tillId) => ({ till_id: tillId, count: '1' })));
    expect(await failureCode(hq.asOwner('DELETE FROM paypro.payments_rollup_all'))).toBe('42501');
  });

  it('a login of another till is refused by the sync, and a wrong password leaves no password in the status', async () => {
    const a = await hq.till('Kasir C');
    const b = await hq.till('Kasir D');
    a.ledger.record(newPayment('C-1'));
    await a.sync.drain();
    // Till B's ledger with till A's login: A's row already names A's till id.
    const url = new URL(hq.server.url);
    url.username = a.login.role;
    url.password = '';
    const impostor = new HqSync({ ledgerFile: b.ledgerFile, connection: { url: url.toString(), password: a.login.password }, names: () => ({ tillName: 'x', outletName: 'y' }) });
    b.ledger.record(newPayment('D-1'));
    await expect(impostor.drain()).rejects.toThrow(/another till/);
    await impostor.stop();

    const wrong = new HqSync({ ledgerFile: b.ledgerFile, connection: { url: url.toString(), password: 'not-the-password-12345' }, names: () => ({ tillName: 'x', outletName: 'y' }) });
    await expect(wrong.drain()).rejects.toThrow();
    const status = wrong.status();
    expect(status.unreachableSince).not.toBeNull();
    expect(JSON.stringify(status)).not.toContain('not-the-password-12345');
    await wrong.stop();
    // Nothing of B's was sent under A's name.
    const rows = await hq.asOwner<{ n: string }>("SELECT count(*) AS n FROM paypro.payments WHERE trade_no = 'D-1'");
    expect(rows[0]?.n).toBe('0');
  });

  it('the vault keeps the connection encrypted, and refuses TLS-less connections to other machines', async () => {
    const stored = new Map<string, unknown>();
    const store = { get: (key: string) => stored.get(key), set: (key: string, value: unknown) => void stored.set(key, value), delete: (key: string) => void stored.delete(key) };
    const vault = new HqVault(store, createAesCipher([Buffer.alloc(32, 7)]));
    await vault.set({ url: 'postgres://till:s3cret-pass-word@127.0.0.1:5432/hq', password: '' });
    expect(JSON.stringify([...stored])).not.toContain('s3cret-pass-word');
    expect(await vault.load()).toEqual({ url: 'postgres://till@127.0.0.1:5432/hq', password: 's3cret-pass-word' });
    expect(vault.describe()).toEqual({ configured: true });

    const { clientConfig } = await import('../../../../electron/core/hq/connection.ts');
    expect(clientConfig({ url: 'postgres://till@hq.example.com/hq?sslmode=disable', password: 'x' }).ssl)
      .toEqual({ rejectUnauthorized: true, servername: 'hq.example.com' });
    const ca = readFileSync(new URL('../../../fixtures/tls/self-signed.crt', import.meta.url), 'utf8');
    expect(clientConfig({ url: 'postgres://till@hq.example.com/hq', password: 'x', ca }).ssl).toMatchObject({ ca, rejectUnauthorized: true });
    expect(clientConfig({ url: 'postgres://till@localhost/hq', password: 'x' }).ssl).toBe(false);
    expect(() => clientConfig({ url: 'https://hq.example.com', password: 'x' })).toThrow(/postgres:\/\//);
  });
});
