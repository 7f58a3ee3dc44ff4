import { describe, expect, it } from 'vitest';
import { useHq } from '../../../harness/hq-fixture.ts';
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
});

describe('HqService: Settings → Kantor pusat (real PostgreSQL)', () => {
  const hq = useHq();

  it('needs the owner PIN, refuses a TLS-less remote address, then stores the logins encrypted and syncs', async () => {
    const { HqService } = await import('../../../../electron/core/hq/hq-service.ts');
    const { createAesCipher } = await import('../../../harness/aes-cipher.ts');
    const till = await hq.till('Kasir setelan');
    await till.sync.stop(); // the service runs its own sync on this ledger
    const stored = new Map<string, unknown>();
    const store = { get: (key: string) => stored.get(key), set: (key: string, value: unknown) => void stored.set(key, value), delete: (key: string) => void stored.delete(key) };
    let unlocked = false;
    const service = new HqService({
      store, cipher: createAesCipher([Buffer.alloc(32, 3)]), ledgerFile: till.ledgerFile,
      requireOwner: () => {
        if (!unlocked) throw Object.assign(new Error('locked'), { code: 'locked' });
      },
      dayRange: () => ({ businessDate: '2026-03-02', toDate: '2026-03-02', from: T0, to: T0 + 86_400_000 }),
    });
    const names = { tillName: 'Kasir setelan', outletName: 'Outlet B' };
    await expect(service.configure({ till: { url: till.url, password: till.login.password }, names })).rejects.toThrow('locked');
    unlocked = true;
    await expect(service.configure({ till: { url: 'postgres://x@hq.example.com/hq?sslmode=disable', password: 'p' }, names }))
      .resolves.toBeUndefined(); // sslmode in the URL is ignored: TLS verify-full is forced instead
    await service.close();
    await expect(service.configure({ till: { url: 'http://hq.example.com', password: 'p' }, names })).rejects.toMatchObject({ code: 'validation' });

    await service.configure({ till: { url: till.url, password: till.login.password }, names });
    expect(JSON.stringify([...stored])).not.toContain(till.login.password);
    till.ledger.record(newPayment('SET-1'));
    service.notify();
    await expect.poll(() => service.status().pending, { timeout: 10_000 }).toBe(0);
    expect(service.status()).toMatchObject({ configured: true, unreachableSince: null, ownerView: false });
    const [row] = await hq.asOwner<{ outlet_name: string }>('SELECT outlet_name FROM paypro.tills WHERE till_id = $1', [till.sync.tillId]);
    expect(row?.outlet_name).toBe('Outlet B');
    await service.close();
  });
});
