import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PosCore } from '../../../../electron/core/pos-core.ts';
import { createTestCore, ok } from '../../../harness/core-fixture.ts';

// Issue 20 item 13: Hari ini names who took each sale once the shop names its cashiers. The
// payment view carries the cashier of the sale's shift; the PIN-less default "Kasir" of a
// one-person shop is nobody to tell apart, so its sales carry none.
let dir: string;
let core: PosCore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paypro-sale-cashier-'));
  core = createTestCore(dir, { logger: { error: () => undefined }, scryptN: 2 ** 12 });
  await ok(core.router.dispatch('updateSettings', { patch: { environment: 'training', merchantNo: '1234567890' }, secret: 'rahasia-latihan' }));
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the cashier in the payment view', () => {
  it('none for the default cashier; the named cashier of the sale\'s shift on Today, the payment, a cash rest and the history', async () => {
    const byKasir = await ok(core.router.dispatch('charge', { amount: 25_000 }));
    expect(byKasir.cashier).toBeNull();
    await ok(core.router.dispatch('cancelPayment', { tradeNo: byKasir.tradeNo }));
    await ok(core.router.dispatch('closeShift', {}));

    const budi = await ok(core.router.dispatch('addCashier', { name: 'Budi Santoso', pin: '1357' }));
    await ok(core.router.dispatch('updateSettings', { patch: { day: { cashierPins: true } } }));
    await ok(core.router.dispatch('openShift', { cashierId: budi.id, pin: '1357' }));
    const byBudi = await ok(core.router.dispatch('charge', { amount: 10_000_000 }));
    expect(byBudi.cashier).toBe('Budi Santoso');
    // The rest paid in cash is a payment of Budi's sale: the sale's cashier.
    const rest = await ok(core.router.dispatch('payCash', { saleTradeNo: byBudi.tradeNo, tendered: 10_000_000 }));
    expect(rest.cashier).toBe('Budi Santoso');

    const today = await ok(core.router.dispatch('listToday', {}));
    expect(today.payments.map((row) => [row.tradeNo, row.cashier])).toEqual([
      [byBudi.tradeNo, 'Budi Santoso'],
      [byKasir.tradeNo, null],
    ]);
    expect((await ok(core.router.dispatch('getPayment', { tradeNo: byBudi.tradeNo }))).cashier).toBe('Budi Santoso');
    const history = await ok(core.router.dispatch('listSales', {}));
    expect(history.sales.map((sale) => [sale.cashier, sale.cashierName])).toEqual([
      ['Budi Santoso', 'Budi Santoso'],
      [null, 'Kasir'],
    ]);
  });
});
