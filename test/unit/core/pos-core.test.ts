import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaymentView } from '../../../shared/payment.ts';
import { createPosCore, type PosCore } from '../../../electron/core/pos-core.ts';
import { createAesCipher, randomKey } from '../../harness/aes-cipher.ts';
import { FAST_POLICY } from '../../harness/payment-fixture.ts';

const SECRET = 'sk-live-7d1e44b09a3c';
let dir: string;
let store: Conf<Record<string, unknown>>;
let core: PosCore;
const logged: unknown[] = [];

const openCore = () =>
  createPosCore({
    userDataDir: dir,
    store,
    cipher: createAesCipher([randomKey()]),
    secretProtection: async () => 'os',
    logger: { error: (message, context) => logged.push({ message, context }) },
    trackingPolicy: FAST_POLICY,
  });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'paypro-pos-core-'));
  store = new Conf({ cwd: dir, projectName: 'paypro-pos-test' });
  core = openCore();
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Calls the core as the renderer would, through the router, and unwraps a success. */
async function call(name: string, request: unknown = {}) {
  const result = await core.router.dispatch(name, request);
  if (!result.ok) throw Object.assign(new Error(`${name} failed: ${result.error.code}`), { result });
  return result.value as never;
}

describe('first run', () => {
  it('starts in training mode, unconfigured and open', async () => {
    const view = await call('getSettings');
    expect(view).toMatchObject({
      settings: { environment: 'training', merchantNo: '' },
      secret: { configured: false, hint: null },
      adminPinSet: false,
      secretProtection: 'os',
      savedOnce: false,
    });
  });

  it('knows once the owner has saved the settings (a refused save does not count)', async () => {
    await core.router.dispatch('updateSettings', { patch: { merchantNo: '12' } });
    expect(await call('getSettings')).toMatchObject({ savedOnce: false });
    await call('updateSettings', { patch: { language: 'en' } });
    expect(await call('getSettings')).toMatchObject({ savedOnce: true, secret: { configured: false } });
  });

  it('stores the secret encrypted and shows only a hint', async () => {
    const view: { secret: unknown } = await call('updateSettings', { patch: { merchantNo: '8729248847' }, secret: SECRET });
    expect(view.secret).toEqual({ configured: true, hint: '••••9a3c' });
    expect(readFileSync(store.path, 'utf8')).not.toContain(SECRET);
    expect(JSON.stringify(await call('getSettings'))).not.toContain(SECRET);
  });

  it('answers broken settings with each field and saves nothing, secret included', async () => {
    const result = await core.router.dispatch('updateSettings', {
      patch: { environment: 'live', baseUrl: 'http://insecure.example', qrExpiryMinutes: 0 },
      secret: SECRET,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation',
        fields: { baseUrl: { code: 'settings.live_needs_https' }, qrExpiryMinutes: { code: 'settings.expiry_minutes' } },
      },
    });
    expect(await call('getSettings')).toMatchObject({ settings: { environment: 'training' }, secret: { configured: false } });
  });
});

describe('admin PIN', () => {
  it('locks the settings behind the PIN once set', async () => {
    await call('setAdminPin', { newPin: '4829' });
    await call('lockAdmin');

    expect(await core.router.dispatch('updateSettings', { patch: { language: 'en' } })).toEqual({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await core.router.dispatch('testConnection', {})).toEqual({ ok: false, error: { code: 'locked' } });
    expect(await core.router.dispatch('unlockAdmin', { pin: '1111' })).toEqual({ ok: false, error: { code: 'wrong_pin' } });
    await call('unlockAdmin', { pin: '4829' });
    expect(await call('updateSettings', { patch: { language: 'en' } })).toMatchObject({ settings: { language: 'en' } });
  });
});

describe('a training sale', () => {
  it('is charged on the loopback gateway, shown as a checked QRIS code, and settled by the cashier', async () => {
    const updates: PaymentView[] = [];
    core.onPaymentUpdate((payment) => updates.push(payment));

    const payment: PaymentView = await call('charge', { amount: '75.000' });
    expect(payment).toMatchObject({ state: 'awaiting_payment', amount: 75_000, environment: 'training' });
    expect(payment.qr).toMatchObject({ kind: 'qris', merchantName: 'TOKO LATIHAN' });

    await call('watchPayment', { tradeNo: payment.tradeNo });
    const paid: PaymentView = await call('settleTraining', { tradeNo: payment.tradeNo, outcome: 'paid' });
    expect(paid).toMatchObject({ state: 'paid', paidAmount: 75_000 });
    expect(updates.map((update) => update.state)).toEqual(['creating', 'awaiting_payment', 'paid']);

    const today: { receivedTotal: number; payments: PaymentView[] } = await call('listToday');
    expect(today.receivedTotal).toBe(75_000);
    expect(today.payments.map((entry) => entry.tradeNo)).toEqual([payment.tradeNo]);
  });

  it('"Tandai lunas" on a sale the counter closed long ago still reaches it: paid late, not ignored', async () => {
    await core.close();
    const clock = { offset: 0 };
    core = createPosCore({
      userDataDir: dir,
      store,
      cipher: createAesCipher([randomKey()]),
      secretProtection: async () => 'os',
      trackingPolicy: FAST_POLICY,
      now: () => Date.now() + clock.offset,
    });
    const sale: PaymentView = await call('charge', { amount: 40_000 });
    await call('cancelPayment', { tradeNo: sale.tradeNo });
    // Past its expiry and the background's late-payment window: nothing asks about it any more.
    clock.offset = sale.expiresAt - Date.now() + FAST_POLICY.lateCheckWindowMs + 60_000;
    const settled: PaymentView = await call('settleTraining', { tradeNo: sale.tradeNo, outcome: 'paid' });
    expect(settled).toMatchObject({ state: 'paid', paidAmount: 40_000 });
  });

  it('passes a verdict on the connection', async () => {
    expect(await call('testConnection')).toEqual({ environment: 'training' });
  });

  it('turns bad sale input into field errors the renderer can show', async () => {
    expect(await core.router.dispatch('charge', { amount: '0', customer: { mobile: '12345' } })).toEqual({
      ok: false,
      error: {
        code: 'validation',
        fields: { amount: { code: 'amount.not_positive' }, mobile: { code: 'mobile.bad_prefix' } },
      },
    });
  });

  it('keeps following a payment after the cashier moves on', async () => {
    const payment: PaymentView = await call('charge', { amount: 20_000 });
    await call('cancelPayment', { tradeNo: payment.tradeNo });
    const { simulator } = await core.gateways.trainingSimulator();
    simulator.settle(payment.tradeNo, 'paid');
    await vi.waitFor(async () => expect(((await call('getPayment', { tradeNo: payment.tradeNo })) as PaymentView).state).toBe('paid'));
  });
});

describe('live mode', () => {
  it('refuses to charge without credentials and records nothing', async () => {
    await call('updateSettings', { patch: { environment: 'live', merchantNo: '8729248847' } });
    expect(await core.router.dispatch('charge', { amount: 50_000 })).toEqual({ ok: false, error: { code: 'not_configured' } });
    expect(((await call('listToday')) as { payments: unknown[] }).payments).toEqual([]);
  });
});

describe('close', () => {
  it('refuses new charges, waits for the charge in flight to record its answer, then closes', async () => {
    const { simulator } = await core.gateways.trainingSimulator();
    // The gateway answers the create while the core is closing.
    simulator.injectFault({ endpoint: 'paymentLink' }, { kind: 'slow', delayMs: 300 }, { times: 1 });
    const charging = core.router.dispatch('charge', { amount: 25_000 });
    await vi.waitFor(() => expect(simulator.orders()).toHaveLength(1));
    const closing = core.close();

    expect(await core.router.dispatch('charge', { amount: 30_000 })).toEqual({ ok: false, error: { code: 'app_closing' } });
    expect(await charging).toMatchObject({ ok: true, value: { state: 'awaiting_payment', qr: { kind: 'qris' } } });
    await closing;
    expect(simulator.orders()).toHaveLength(1);

    // After a restart the ledger holds the sale with the gateway's answer (its QR), nothing else.
    core = openCore();
    const today: { payments: PaymentView[] } = await call('listToday');
    expect(today.payments).toHaveLength(1);
    expect(today.payments[0]).toMatchObject({ amount: 25_000, qr: { kind: 'qris' }, platformTradeNo: expect.any(String) });
  });
});
