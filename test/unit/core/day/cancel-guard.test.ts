import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PosCore } from '../../../../electron/core/pos-core.ts';
import { createTestCore } from '../../../harness/core-fixture.ts';

// The supervisor guard on cancelling a payment (issue 16): after `day.supervisorCancelAfterMinutes`
// an open payment is cancelled only with the owner's PIN, enforced in core whatever the screen asks.
let dir: string;
let core: PosCore;
let clock: number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paypro-cancel-guard-'));
  clock = Date.UTC(2026, 2, 2, 5, 0, 0);
  core = createTestCore(dir, { logger: { error: () => undefined }, now: () => clock });
  // The owner PIN first: the guard cannot be saved without one (there would be nobody to ask).
  expect((await core.router.dispatch('setAdminPin', { newPin: '975310' })).ok).toBe(true);
  const setUp = await core.router.dispatch('updateSettings', {
    patch: { environment: 'training', merchantNo: '1234567890', qrExpiryMinutes: 60, day: { supervisorCancelAfterMinutes: 5 } },
    secret: 'rahasia-latihan',
  });
  expect(setUp.ok).toBe(true);
  await core.router.dispatch('lockAdmin', {});
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function charge(): Promise<string> {
  const charged = await core.router.dispatch('charge', { amount: 25_000 });
  if (!charged.ok) throw new Error(JSON.stringify(charged.error));
  return charged.value.tradeNo;
}

async function stateOf(tradeNo: string): Promise<string | undefined> {
  const payment = await core.router.dispatch('getPayment', { tradeNo });
  return payment.ok ? payment.value.state : undefined;
}

describe('cancelling a payment after N minutes needs the owner', () => {
  it('before N minutes the cashier cancels alone', async () => {
    const tradeNo = await charge();
    clock += 4 * 60_000 + 59_000;
    expect(await core.router.dispatch('cancelPayment', { tradeNo })).toMatchObject({ ok: true, value: { state: 'cancelled' } });
  });

  it('after N minutes a cancel without the PIN is refused and the payment stays open', async () => {
    const tradeNo = await charge();
    clock += 5 * 60_000;
    expect(await core.router.dispatch('cancelPayment', { tradeNo })).toMatchObject({ ok: false, error: { code: 'cancel.supervisor_required' } });
    expect(await stateOf(tradeNo)).toBe('awaiting_payment');
  });

  it('a wrong PIN is refused; the owner\'s PIN cancels, and leaves the admin session locked', async () => {
    const tradeNo = await charge();
    clock += 10 * 60_000;
    expect(await core.router.dispatch('cancelPayment', { tradeNo, supervisorPin: '111111' })).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    expect(await stateOf(tradeNo)).toBe('awaiting_payment');
    expect(await core.router.dispatch('cancelPayment', { tradeNo, supervisorPin: '975310' })).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    expect(await core.router.dispatch('addCashier', { name: 'Budi', pin: '1357' })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('an open admin session is the owner present: no PIN asked', async () => {
    const tradeNo = await charge();
    clock += 10 * 60_000;
    await core.router.dispatch('unlockAdmin', { pin: '975310' });
    expect(await core.router.dispatch('cancelPayment', { tradeNo })).toMatchObject({ ok: true, value: { state: 'cancelled' } });
  });

  it('0 turns the guard off', async () => {
    await core.router.dispatch('unlockAdmin', { pin: '975310' });
    expect((await core.router.dispatch('updateSettings', { patch: { day: { supervisorCancelAfterMinutes: 0 } } })).ok).toBe(true);
    await core.router.dispatch('lockAdmin', {});
    const tradeNo = await charge();
    clock += 60 * 60_000 - 1_000;
    expect(await core.router.dispatch('cancelPayment', { tradeNo })).toMatchObject({ ok: true, value: { state: 'cancelled' } });
  });

  it('the setting is a whole number of minutes, 0–1440', async () => {
    await core.router.dispatch('unlockAdmin', { pin: '975310' });
    const refused = await core.router.dispatch('updateSettings', { patch: { day: { supervisorCancelAfterMinutes: -1 } } });
    expect(refused).toMatchObject({ ok: false, error: { fields: { 'day.supervisorCancelAfterMinutes': { code: 'settings.supervisor_cancel_minutes' } } } });
  });
});
