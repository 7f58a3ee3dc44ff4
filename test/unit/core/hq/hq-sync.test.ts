import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HQ_MIGRATIONS, addTill, migrateHq } from '../../../../electron/core/hq/schema.ts';
import { HqSync } from '../../../../electron/core/hq/sync.ts';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { useHq } from '../../../harness/hq-fixture.ts';
import { withClient } from '../../../harness/postgres.ts';
import { newPayment, T0 } from '../ledger/fixture.ts';

describe('head-office sync (real PostgreSQL)', () => {
  const hq = useHq();

  it('sends sales, their state changes and events, idempotently and in order', async () => {
    const till = await hq.till('Kasir 1');
    till.ledger.record(newPayment('A-1', { amount: 10_000 }));
    till.ledger.update('A-1', { state: 'awaiting_payment' });
    till.ledger.update('A-1', { state: 'paid', paidAmount: 10_000 });
    till.ledger.record(newPayment('A-2', { amount: 25_000, createdAt: T0 + 1 }));
    expect(till.sync.status().pending).toBeGreaterThan(0);

    await till.sync.drain();
    expect(till.sync.status()).toMatchObject({ pending: 0, unreachableSince: null });
    const rows = await hq.asOwner<{ trade_no: string; state: string; amount: string }>(
      'SELECT trade_no, state, amount FROM paypro.payments WHERE till_id = $1 ORDER BY trade_no', [till.sync.tillId]);
    expect(rows).toEqual([
      { trade_no: 'A-1', state: 'paid', amount: '10000' },
      { trade_no: 'A-2', state: 'creating', amount: '25000' },
    ]);
    const events = await hq.asOwner<{ n: string }>('SELECT count(*) AS n FROM paypro.payment_events WHERE till_id = $1', [till.sync.tillId]);
    expect(Number(events[0]?.n)).toBe(4);
    const [registered] = await hq.asOwner<{ till_name: string; outlet_name: string }>(
      'SELECT till_name, outlet_name FROM paypro.tills WHERE till_id = $1', [till.sync.tillId]);
    expect(registered).toEqual({ till_name: 'Kasir 1', outlet_name: 'Outlet A' });

    // Nothing new: nothing sent; a later change travels as a newer version.
    expect(await till.sync.drain()).toBe(0);
    till.ledger.update('A-2', { state: 'failed' });
    await till.sync.drain();
    const [a2] = await hq.asOwner<{ state: string }>("SELECT state FROM paypro.payments WHERE trade_no = 'A-2'");
    expect(a2?.state).toBe('failed');
  });

  it('sends cash sales and follow-ups (a sale is till_id + coalesce(sale_id, id)), overpayments, the float, cash in/out and drawer openings', async () => {
    const till = await hq.till('Kasir tunai');
    const cashier = till.ledger.day.addCashier('Siti', null);
    till.ledger.day.openShift(cashier.id, 200_000);
    till.ledger.day.cash.move('cash_out', 50_000, 'Beli es batu');
    const customer = { customerName: 'P', customerMobile: '0812', customerEmail: 'p@example.com', customerTyped: { name: true, mobile: true, email: true }, environment: 'training' } as const;
    till.ledger.recordCash({ tradeNo: 'C-1', amount: 18_000, tendered: 20_000, ...customer, createdAt: T0 });
    till.ledger.day.cash.recordOpening({ tradeNo: 'C-1' });
    till.ledger.day.cash.recordOpening({ reason: 'Tukar uang' });
    // Tagih sisa: 30.000 of 100.000 came by QR; the rest in cash completes the sale.
    till.ledger.record(newPayment('Q-1', { amount: 100_000, createdAt: T0 + 1 }));
    till.ledger.update('Q-1', { state: 'awaiting_payment' });
    till.ledger.update('Q-1', { state: 'partially_paid', paidAmount: 30_000 });
    till.ledger.recordCash({ tradeNo: 'Q-1-R', amount: 70_000, tendered: 100_000, ...customer, createdAt: T0 + 2, saleTradeNo: 'Q-1' });
    till.ledger.record(newPayment('O-1', { amount: 10_000, createdAt: T0 + 3 }));
    till.ledger.update('O-1', { state: 'paid', paidAmount: 10_000, overpaidAmount: 990_000 });
    await till.sync.drain();

    const sales = await hq.asOwner<Record<string, string | null>>(
      `SELECT coalesce(f.trade_no, p.trade_no) AS sale, count(*) AS payments, sum(p.paid_amount) AS paid,
         string_agg(p.method || ':' || coalesce(p.cash_tendered::text, '-') || ':' || coalesce(p.cash_change::text, '-'), ' ' ORDER BY p.id) AS how,
         max(f.completed_at) IS NOT NULL AS completed, sum(p.overpaid_amount) AS overpaid
       FROM paypro.payments p LEFT JOIN paypro.payments f ON f.till_id = p.till_id AND f.id = p.sale_id
       WHERE p.till_id = $1 GROUP BY p.till_id, coalesce(p.sale_id, p.id), 1 ORDER BY 1`, [till.sync.tillId]);
    expect(sales).toEqual([
      { sale: 'C-1', payments: '1', paid: '18000', how: 'cash:20000:2000', completed: false, overpaid: null },
      { sale: 'O-1', payments: '1', paid: '10000', how: 'qris:-:-', completed: false, overpaid: '990000' },
      { sale: 'Q-1', payments: '2', paid: '100000', how: 'qris:-:- cash:100000:30000', completed: true, overpaid: null },
    ]);
    const moves = await hq.asOwner('SELECT kind, amount, reason FROM paypro.cash_movements WHERE till_id = $1 ORDER BY id', [till.sync.tillId]);
    expect(moves).toEqual([{ kind: 'float', amount: '200000', reason: '' }, { kind: 'cash_out', amount: '50000', reason: 'Beli es batu' }]);
    const kicks = await hq.asOwner('SELECT trade_no, reason, shift_id IS NOT NULL AS in_shift FROM paypro.drawer_openings WHERE till_id = $1 ORDER BY id', [till.sync.tillId]);
    expect(kicks).toEqual([{ trade_no: 'C-1', reason: null, in_shift: true }, { trade_no: null, reason: 'Tukar uang', in_shift: true }]);
  });

  it('upgrades a schema-1 head office: a newer till\'s sales wait in its outbox, then arrive with the cash columns; rows already there are marked qris', async () => {
    await withClient(hq.server.url, (admin) => admin.query('CREATE DATABASE paypro_hq_v1'));
    const url = new URL(hq.server.url);
    url.pathname = '/paypro_hq_v1';
    await withClient(url.toString(), async (admin) => {
      // Schema 1 as it shipped: without the columns HQ_TABLES has gained since.
      await admin.query('CREATE TABLE public.paypro_schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      await admin.query(HQ_MIGRATIONS[0]!);
      await admin.query(`ALTER TABLE paypro.payments DROP COLUMN method, DROP COLUMN sale_id, DROP COLUMN cash_tendered,
        DROP COLUMN cash_change, DROP COLUMN completed_at, DROP COLUMN overpaid_amount`);
      await admin.query('INSERT INTO public.paypro_schema_migrations (version) VALUES (1)');
      await admin.query(`INSERT INTO paypro.payments (till_id, id, version, trade_no, amount, paid_amount, state, created_at)
        VALUES ('00000000-0000-4000-8000-000000000001', 1, 1, 'OLD-1', 5000, 5000, 'paid', 0)`);

      const login = await addTill(admin, 'Kasir baru', 'Outlet L');
      const ledgerFile = join(hq.dir, 'newer-till.sqlite');
      const ledger = Ledger.open(ledgerFile);
      const tillUrl = new URL(url);
      tillUrl.username = login.role;
      const sync = new HqSync({ ledgerFile, connection: { url: tillUrl.toString(), password: login.password }, names: () => ({ tillName: 'Kasir baru', outletName: 'Outlet L' }) });
      try {
        ledger.recordCash({ tradeNo: 'NEW-1', amount: 8_000, tendered: 10_000, customerName: 'P', customerMobile: '0812', customerEmail: 'p@example.com', customerTyped: { name: true, mobile: true, email: true }, environment: 'training', createdAt: T0 });
        await expect(sync.drain()).rejects.toThrow(/method/);
        // It answered: the indicator says the head office needs updating, not that it is unreachable.
        expect(sync.status()).toMatchObject({ outdated: true, unreachableSince: null });
        expect(sync.status().pending).toBeGreaterThan(0);

        expect(await migrateHq(admin)).toBe(HQ_MIGRATIONS.length);
        await sync.drain();
        expect(sync.status()).toMatchObject({ pending: 0, outdated: false, unreachableSince: null });
      } finally {
        await sync.stop();
        ledger.close();
      }
      const { rows } = await admin.query('SELECT trade_no, method, sale_id, cash_tendered, cash_change, version > 0 AS versioned FROM paypro.payments ORDER BY trade_no');
      expect(rows).toEqual([
        { trade_no: 'NEW-1', method: 'cash', sale_id: null, cash_tendered: '10000', cash_change: '2000', versioned: true },
        { trade_no: 'OLD-1', method: 'qris', sale_id: null, cash_tendered: null, cash_change: null, versioned: true },
      ]);
      const tables = await admin.query("SELECT tablename FROM pg_tables WHERE schemaname = 'paypro' AND tablename IN ('cash_movements', 'drawer_openings') ORDER BY 1");
      expect(tables.rows).toEqual([{ tablename: 'cash_movements' }, { tablename: 'drawer_openings' }]);
    });
  });
});

describe('HqService: Settings → Kantor pusat (real PostgreSQL)', () => {
  const hq = useHq();

  async function service(ledgerFile: string, owner: { pinSet: boolean; present: boolean }) {
    const { HqService } = await import('../../../../electron/core/hq/hq-service.ts');
    const { createAesCipher } = await import('../../../harness/aes-cipher.ts');
    const stored = new Map<string, unknown>();
    const store = { get: (key: string) => stored.get(key), set: (key: string, value: unknown) => void stored.set(key, value), delete: (key: string) => void stored.delete(key) };
    const hqService = new HqService({
      store, cipher: createAesCipher([Buffer.alloc(32, 3)]), ledgerFile,
      requireOwner: () => {
        if (owner.pinSet && !owner.present) throw Object.assign(new Error('locked'), { code: 'locked' });
      },
      supervisor: {
        get ownerPinSet() { return owner.pinSet; },
        get present() { return owner.pinSet && owner.present; },
        confirm: async () => undefined,
      },
      dayRange: () => ({ businessDate: '2026-03-02', toDate: '2026-03-02', from: T0, to: T0 + 86_400_000 }),
      csv: () => ({ cutoffMinutes: 0, format: 'excel-semicolon', mdrPlan: 'regular' }),
    });
    return { hqService, stored };
  }

  it('needs the owner present behind an owner PIN, checks the login before storing it, then stores it encrypted and syncs', async () => {
    const till = await hq.till('Kasir setelan');
    await till.sync.stop(); // the service runs its own sync on this ledger
    const owner = { pinSet: false, present: false };
    const { hqService, stored } = await service(till.ledgerFile, owner);
    const names = { tillName: 'Kasir setelan', outletName: 'Outlet B' };
    const login = { url: till.url, password: till.login.password };
    // A till with no owner PIN has no owner to guard a head-office password.
    await expect(hqService.configure({ till: login, names })).rejects.toMatchObject({ code: 'supervisor.no_owner_pin' });
    owner.pinSet = true;
    await expect(hqService.configure({ till: login, names })).rejects.toThrow('locked');
    owner.present = true;

    await expect(hqService.configure({ till: { url: 'http://hq.example.com', password: 'p' }, names }))
      .rejects.toMatchObject({ code: 'validation', fields: { url: { code: 'hq.url_invalid' } } });
    await expect(hqService.configure({ till: { url: till.url, password: '' }, names }))
      .rejects.toMatchObject({ fields: { password: { code: 'hq.password_required' } } });
    await expect(hqService.configure({ till: { ...login, ca: 'not a certificate' }, names }))
      .rejects.toMatchObject({ fields: { ca: { code: 'hq.ca_invalid' } } });
    // The server's own refusal, in the owner's words: wrong password; a login that is no till's.
    await expect(hqService.configure({ till: { url: till.url, password: 'salah' }, names }))
      .rejects.toMatchObject({ code: 'hq.login_refused', fields: { password: { code: 'hq.login_refused' } } });
    await expect(hqService.configure({ till: { url: new URL(till.url.replace(till.login.role, hq.owner.role)).toString(), password: hq.owner.password }, names }))
      .rejects.toMatchObject({ code: 'hq.not_till_login' });
    // This machine's server by an address that is not "localhost": TLS is required, the server has none.
    const remote = new URL(till.url);
    remote.hostname = '[::ffff:127.0.0.1]';
    await expect(hqService.configure({ till: { url: remote.toString(), password: till.login.password }, names }))
      .rejects.toMatchObject({ code: 'hq.tls_required', fields: { url: { code: 'hq.tls_required' } } });
    expect(stored.size).toBe(0);
    expect(hqService.status().configured).toBe(false);

    await expect(hqService.test({ till: login })).resolves.toEqual({ tillName: 'Kasir setelan' });
    await hqService.configure({ till: login, names });
    expect(JSON.stringify([...stored])).not.toContain(till.login.password);
    till.ledger.record(newPayment('SET-1'));
    hqService.notify();
    await expect.poll(() => hqService.status().pending, { timeout: 10_000 }).toBe(0);
    expect(hqService.status()).toMatchObject({ configured: true, unreachableSince: null, outdated: false, ownerView: false, tillName: 'Kasir setelan', outletName: 'Outlet B' });
    const [row] = await hq.asOwner<{ outlet_name: string }>('SELECT outlet_name FROM paypro.tills WHERE till_id = $1', [till.sync.tillId]);
    expect(row?.outlet_name).toBe('Outlet B');

    // The names alone: the stored login stays, the sync tells the head office the new ones.
    await hqService.configure({ names: { tillName: 'Kasir depan', outletName: 'Outlet B' } });
    till.ledger.record(newPayment('SET-2', { createdAt: T0 + 1 }));
    hqService.notify();
    await expect.poll(async () => (await hq.asOwner<{ till_name: string }>('SELECT till_name FROM paypro.tills WHERE till_id = $1', [till.sync.tillId]))[0]?.till_name, { timeout: 10_000 }).toBe('Kasir depan');
    await expect(hqService.test({})).resolves.toEqual({ tillName: 'Kasir depan' });

    // The owner's view: behind the owner PIN (locked: refused), then the CSV of all tills, mobiles masked unless asked for.
    await hqService.configure({ owner: { url: till.url.replace(till.login.role, hq.owner.role), password: hq.owner.password }, names: { tillName: 'Kasir depan', outletName: 'Outlet B' } });
    expect(hqService.status().ownerView).toBe(true);
    owner.present = false;
    await expect(hqService.exportCsv({ scope: { kind: 'all' } })).rejects.toThrow('locked');
    owner.present = true;
    const masked = await hqService.exportCsv({ scope: { kind: 'till', tillId: till.sync.tillId }, format: 'rfc4180' });
    expect(masked).toMatchObject({ fileName: 'penjualan-semua-kasir-2026-03-02-tanpa-data-pelanggan.csv', rows: 2 });
    expect(masked.csv).toContain(',Kasir depan,Outlet B');
    const full = await hqService.exportCsv({ scope: { kind: 'till', tillId: till.sync.tillId }, format: 'rfc4180', personalData: true });
    const mobile = newPayment('X').customerMobile;
    expect([masked.csv.includes(mobile), full.csv.includes(mobile)]).toEqual([false, true]);
    await hqService.close();
  });
});

describe('hqRefusal: a certificate the till cannot trust', () => {
  it('says so, on the CA box, whatever Node names it', async () => {
    const { hqRefusal } = await import('../../../../electron/core/hq/hq-login-check.ts');
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED']) {
      expect(hqRefusal(Object.assign(new Error('x'), { code })).toIpcError()).toMatchObject({ code: 'hq.certificate', fields: { ca: { code: 'hq.certificate' } } });
    }
    expect(hqRefusal(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), 'owner').toIpcError())
      .toMatchObject({ code: 'hq.connect_failed', fields: { ownerUrl: { code: 'hq.connect_failed' } } });
  });
});
