import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerView } from '../../../../shared/customer-view.ts';
import type { PosCore } from '../../../../electron/core/pos-core.ts';
import { SETTINGS_VERSION } from '../../../../electron/core/vault/settings-store.ts';
import { DEFAULT_RECEIPT_SETTINGS } from '../../../../shared/receipt-settings.ts';
import { createTestCore, testStore } from '../../../harness/core-fixture.ts';

let dir: string;
let core: PosCore;
let published: CustomerView[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'paypro-pos-feed-'));
  core = createTestCore(dir);
  published = [];
  core.onCustomerView((view) => published.push(view));
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(name: string, request: unknown = {}): Promise<any> {
  const result = await core.router.dispatch(name, request);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}`);
  return result.value;
}

describe('the shop name stored by an older version (customerDisplay.shopName)', () => {
  const reopen = (store: ReturnType<typeof testStore>) => createTestCore(dir, { store });
  const olderStore = (receiptShopName: string | null) => {
    const store = testStore(join(dir, 'older'));
    store.set('settings', { settingsVersion: 1, merchantNo: '1234567890', customerDisplay: { shopName: ' Warung Lama ', language: 'en', displayId: 2 } });
    if (receiptShopName !== null) store.set('receiptSettings', { ...DEFAULT_RECEIPT_SETTINGS, shopName: receiptShopName });
    return store;
  };

  it('becomes the shop name when the receipts have none, once, and leaves the settings without it', async () => {
    await core.close();
    const store = olderStore(null);
    core = reopen(store);
    expect(core.customerView()).toEqual({ kind: 'idle', shopName: 'Warung Lama', language: 'en', training: true });
    expect(await call('getReceiptSettings')).toMatchObject({ settings: { shopName: 'Warung Lama', footerLines: ['Terima kasih'] } });
    expect(store.get('settings')).toEqual({
      settingsVersion: SETTINGS_VERSION,
      merchantNo: '1234567890',
      customerDisplay: { language: 'en', displayId: 2 },
    });
    expect(core.settings().customerDisplay).toEqual({ language: 'en', displayId: 2 });

    // The owner empties the name on purpose: a restart does not bring the old one back.
    await call('updateReceiptSettings', { patch: { shopName: '' } });
    await core.close();
    core = reopen(store);
    expect(core.customerView()).toMatchObject({ kind: 'idle', shopName: '' });
  });

  it('does not replace a receipt shop name already set', async () => {
    await core.close();
    const store = olderStore('Toko Struk');
    core = reopen(store);
    expect(core.customerView()).toMatchObject({ kind: 'idle', shopName: 'Toko Struk' });
    expect(await call('getReceiptSettings')).toMatchObject({ settings: { shopName: 'Toko Struk' } });
    expect(store.get('settings')).not.toHaveProperty('customerDisplay.shopName');
  });
});

describe('the customer feed through the core', () => {
  it('is idle at start with the shop name, in training mode', () => {
    expect(core.customerView()).toEqual({ kind: 'idle', shopName: '', language: 'id', training: true });
  });

  it('follows the payment the cashier watches: sale, then the outcome, kept when the cashier moves on', async () => {
    const payment = await call('charge', {
      amount: 25_000,
      customer: { name: 'Budi Santoso', mobile: '081299887766', email: 'budi@example.com' },
    });
    await call('watchPayment', { tradeNo: payment.tradeNo });
    expect(core.customerView()).toMatchObject({ kind: 'sale', amount: 25_000, training: true, qr: { kind: 'qris' } });

    await call('settleTraining', { tradeNo: payment.tradeNo, outcome: 'paid' });
    expect(core.customerView()).toMatchObject({ kind: 'result', outcome: 'paid', paidAmount: 25_000 });

    await call('watchPayment', { tradeNo: null });
    expect(core.customerView()).toMatchObject({ kind: 'result', outcome: 'paid' });
    expect(published.map((view) => view.kind)).toEqual(['sale', 'result']);
    expect(JSON.stringify(published)).not.toMatch(/Budi|081299887766|budi@example/);
  });

  it('goes idle when the cashier cancels, and republishes when the shop name changes', async () => {
    const payment = await call('charge', { amount: 15_000 });
    await call('watchPayment', { tradeNo: payment.tradeNo });
    await call('cancelPayment', { tradeNo: payment.tradeNo });
    await call('watchPayment', { tradeNo: null });
    expect(core.customerView()).toMatchObject({ kind: 'idle' });

    // The shop's one name is the receipt settings'; the display's own language is in the settings.
    await call('updateReceiptSettings', { patch: { shopName: '  Warung Sari ' } });
    expect(published.at(-1)).toEqual({ kind: 'idle', shopName: 'Warung Sari', language: 'id', training: true });
    await call('updateSettings', { patch: { customerDisplay: { language: 'en' } } });
    expect(published.at(-1)).toEqual({ kind: 'idle', shopName: 'Warung Sari', language: 'en', training: true });
  });

  it('keeps an open sale in front of the customer while the cashier looks at another screen, and shows its outcome', async () => {
    const payment = await call('charge', { amount: 15_000 });
    await call('watchPayment', { tradeNo: payment.tradeNo });
    await call('watchPayment', { tradeNo: null }); // the cashier opens "Hari ini"
    expect(core.customerView()).toMatchObject({ kind: 'sale', amount: 15_000 });
    await call('settleTraining', { tradeNo: payment.tradeNo, outcome: 'failed' });
    expect(core.customerView()).toMatchObject({ kind: 'result', outcome: 'failed' });
  });

  it('does not follow a payment the cashier is not watching', async () => {
    const payment = await call('charge', { amount: 15_000 });
    await call('settleTraining', { tradeNo: payment.tradeNo, outcome: 'paid' });
    expect(published).toEqual([]);
  });
});
