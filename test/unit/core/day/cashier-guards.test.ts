import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CashierView } from '../../../../shared/day/day-contract.ts';
import type { PosCore } from '../../../../electron/core/pos-core.ts';
import { createTestCore, ok } from '../../../harness/core-fixture.ts';

// Cashier PINs that really guard (issue 16, audit items 1, 3, 5 and 11), through the router as the
// renderer calls them, with the real scrypt and the real settings store.
let dir: string;
let core: PosCore;
const OWNER_PIN = '975310';
/** A cheaper scrypt for the many PINs hashed and checked here (the stored hash carries its cost). */
const FAST_PINS = { logger: { error: () => undefined }, scryptN: 2 ** 12 };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paypro-cashier-guards-'));
  core = createTestCore(dir, FAST_PINS);
  const setUp = await core.router.dispatch('updateSettings', { patch: { environment: 'training', merchantNo: '1234567890' }, secret: 'rahasia-latihan' });
  expect(setUp.ok).toBe(true);
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cashiers(): Promise<CashierView[]> {
  return (await ok(core.router.dispatch('listCashiers', {}))).cashiers;
}

async function cashierNamed(name: string): Promise<CashierView> {
  const found = (await cashiers()).find((cashier) => cashier.name === name);
  if (!found) throw new Error(`no cashier ${name}`);
  return found;
}

/** A sale with cashier PINs off (the default "Kasir" gets its shift), cancelled, and that shift closed. */
async function sellAsDefaultCashier(): Promise<void> {
  const sale = await ok(core.router.dispatch('charge', { amount: 25_000 }));
  await ok(core.router.dispatch('cancelPayment', { tradeNo: sale.tradeNo }));
  await ok(core.router.dispatch('closeShift', {}));
}

/** The audit's shop: sold with PINs off (the PIN-less default "Kasir" exists), then the owner added Budi and turned PINs on. */
async function shopThatTurnedPinsOn(): Promise<{ kasir: CashierView; budi: CashierView }> {
  await sellAsDefaultCashier();
  const budi = await ok(core.router.dispatch('addCashier', { name: 'Budi', pin: '1357' }));
  await ok(core.router.dispatch('updateSettings', { patch: { day: { cashierPins: true } } }));
  return { kasir: await cashierNamed('Kasir'), budi };
}

describe('item 1: with cashier PINs on, nobody opens a shift without a PIN', () => {
  it('refuses the PIN-less default cashier with an empty PIN (the audit\'s bypass)', async () => {
    const { kasir } = await shopThatTurnedPinsOn();
    expect(kasir).toMatchObject({ hasPin: false, isDefault: true });
    expect(await core.router.dispatch('openShift', { cashierId: kasir.id, pin: '' })).toEqual({ ok: false, error: { code: 'shift.cashier_no_pin' } });
    expect((await ok(core.router.dispatch('getDayStatus', {}))).shift).toBeNull();
    expect(await core.router.dispatch('charge', { amount: 25_000 })).toMatchObject({ ok: false, error: { code: 'shift.none_open' } });
  });

  it('the owner gives "Kasir" a PIN; then only that PIN opens its shift', async () => {
    const { kasir } = await shopThatTurnedPinsOn();
    expect(await core.router.dispatch('setCashierPin', { id: kasir.id, pin: '12' })).toEqual({
      ok: false,
      error: { code: 'validation', fields: { pin: { code: 'pin.format', params: { min: 4, max: 6 } } } },
    });
    const after = await ok(core.router.dispatch('setCashierPin', { id: kasir.id, pin: '8642' }));
    expect(after.cashiers.find((cashier) => cashier.id === kasir.id)).toMatchObject({ name: 'Kasir', hasPin: true, isDefault: true });
    expect(await core.router.dispatch('openShift', { cashierId: kasir.id, pin: '' })).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    expect(await ok(core.router.dispatch('openShift', { cashierId: kasir.id, pin: '8642' }))).toMatchObject({ cashierName: 'Kasir' });
    // A new PIN replaces the old one.
    await ok(core.router.dispatch('closeShift', {}));
    await ok(core.router.dispatch('setCashierPin', { id: kasir.id, pin: '975311' }));
    expect(await core.router.dispatch('openShift', { cashierId: kasir.id, pin: '8642' })).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    expect((await core.router.dispatch('openShift', { cashierId: kasir.id, pin: '975311' })).ok).toBe(true);
  });

  it('renames a cashier (validated like a new one); earlier shifts show the new name', async () => {
    const { budi } = await shopThatTurnedPinsOn();
    expect(await core.router.dispatch('renameCashier', { id: budi.id, name: '   ' })).toEqual({ ok: false, error: { code: 'validation', fields: { name: { code: 'name.empty' } } } });
    const renamed = await ok(core.router.dispatch('renameCashier', { id: budi.id, name: '  Budi  Santoso ' }));
    expect(renamed.cashiers.find((cashier) => cashier.id === budi.id)?.name).toBe('Budi Santoso');
    expect(await core.router.dispatch('renameCashier', { id: 999, name: 'X' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('retires the default cashier only once a cashier with a PIN replaces it; PINs off again brings it back', async () => {
    await sellAsDefaultCashier();
    const kasir = await cashierNamed('Kasir');
    expect(await core.router.dispatch('retireCashier', { id: kasir.id })).toEqual({ ok: false, error: { code: 'cashier.last_with_pin' } });
    const budi = await ok(core.router.dispatch('addCashier', { name: 'Budi', pin: '1357' }));
    await ok(core.router.dispatch('updateSettings', { patch: { day: { cashierPins: true } } }));
    // While PINs are on, the last cashier with a PIN stays too.
    expect(await core.router.dispatch('retireCashier', { id: budi.id })).toEqual({ ok: false, error: { code: 'cashier.last_with_pin' } });
    const retired = await ok(core.router.dispatch('retireCashier', { id: kasir.id }));
    expect(retired.cashiers.find((cashier) => cashier.id === kasir.id)?.retired).toBe(true);
    await ok(core.router.dispatch('updateSettings', { patch: { day: { cashierPins: false } } }));
    await ok(core.router.dispatch('charge', { amount: 10_000 }));
    expect((await ok(core.router.dispatch('getDayStatus', {}))).shift).toMatchObject({ cashierName: 'Kasir' });
    expect((await cashierNamed('Kasir')).retired).toBe(false);
  });

  it('does not retire a cashier whose shift is open', async () => {
    const { budi } = await shopThatTurnedPinsOn();
    await ok(core.router.dispatch('addCashier', { name: 'Siti', pin: '2468' }));
    await ok(core.router.dispatch('openShift', { cashierId: budi.id, pin: '1357' }));
    expect(await core.router.dispatch('retireCashier', { id: budi.id })).toEqual({ ok: false, error: { code: 'cashier.shift_open' } });
  });

  it('refuses to turn cashier PINs on while no active cashier has a PIN, and stores nothing', async () => {
    await ok(core.router.dispatch('charge', { amount: 25_000 }));
    const refused = await core.router.dispatch('updateSettings', { patch: { language: 'en', day: { cashierPins: true } } });
    expect(refused).toEqual({ ok: false, error: { code: 'validation', fields: { 'day.cashierPins': { code: 'settings.cashier_pins_no_pin' } } } });
    const stored = await ok(core.router.dispatch('getSettings', {}));
    expect(stored.settings).toMatchObject({ language: 'id', day: { cashierPins: false } });
  });
});

describe('items 5 and 11: editing cashiers needs the admin session', () => {
  it('refuses retire, PIN and rename with the admin PIN set and the session locked, and changes nothing', async () => {
    const { kasir, budi } = await shopThatTurnedPinsOn();
    await ok(core.router.dispatch('addCashier', { name: 'Siti', pin: '2468' }));
    await ok(core.router.dispatch('setAdminPin', { newPin: OWNER_PIN }));
    await ok(core.router.dispatch('lockAdmin', {}));
    const before = await cashiers();
    for (const call of [
      core.router.dispatch('retireCashier', { id: budi.id }),
      core.router.dispatch('setCashierPin', { id: kasir.id, pin: '1111' }),
      core.router.dispatch('renameCashier', { id: budi.id, name: 'Maling' }),
    ]) {
      expect(await call).toEqual({ ok: false, error: { code: 'locked' } });
    }
    expect(await cashiers()).toEqual(before);
    expect(await core.router.dispatch('openShift', { cashierId: kasir.id, pin: '1111' })).toMatchObject({ ok: false, error: { code: 'shift.cashier_no_pin' } });
    await ok(core.router.dispatch('unlockAdmin', { pin: OWNER_PIN }));
    expect((await core.router.dispatch('retireCashier', { id: budi.id })).ok).toBe(true);
  });
});

describe('item 11: a wrong-PIN lockout is per cashier, survives a restart, and the owner lifts it', () => {
  async function twoCashiers(): Promise<{ ana: CashierView; budi: CashierView }> {
    const ana = await ok(core.router.dispatch('addCashier', { name: 'Ana', pin: '2468' }));
    const budi = await ok(core.router.dispatch('addCashier', { name: 'Budi', pin: '1357' }));
    await ok(core.router.dispatch('updateSettings', { patch: { day: { cashierPins: true } } }));
    return { ana, budi };
  }

  it('parallel guesses on Ana lock Ana only, each counted before its check: Budi still opens', async () => {
    const { ana, budi } = await twoCashiers();
    const guesses = await Promise.all(
      Array.from({ length: 9 }, (_, i) => core.router.dispatch('openShift', { cashierId: ana.id, pin: String(1000 + i) })),
    );
    const codes = guesses.map((result) => (result.ok ? 'opened' : result.error.code));
    expect(codes.filter((code) => code === 'wrong_pin')).toHaveLength(5);
    expect(codes.filter((code) => code === 'pin_locked_out')).toHaveLength(4);
    expect(await core.router.dispatch('openShift', { cashierId: ana.id, pin: '2468' })).toMatchObject({ ok: false, error: { code: 'pin_locked_out' } });
    expect(await ok(core.router.dispatch('openShift', { cashierId: budi.id, pin: '1357' }))).toMatchObject({ cashierName: 'Budi' });
  });

  it('a restart gives no fresh tries', async () => {
    const { ana } = await twoCashiers();
    for (let i = 0; i < 5; i++) await core.router.dispatch('openShift', { cashierId: ana.id, pin: '0000' });
    await core.close();
    core = createTestCore(dir, FAST_PINS);
    expect(await core.router.dispatch('openShift', { cashierId: ana.id, pin: '2468' })).toMatchObject({ ok: false, error: { code: 'pin_locked_out' } });
  });

  it('the owner\'s PIN opens the locked-out cashier\'s shift and lifts the lockout; a wrong owner PIN does neither', async () => {
    const { ana } = await twoCashiers();
    await ok(core.router.dispatch('setAdminPin', { newPin: OWNER_PIN }));
    await ok(core.router.dispatch('lockAdmin', {}));
    for (let i = 0; i < 5; i++) await core.router.dispatch('openShift', { cashierId: ana.id, pin: '0000' });
    expect(await core.router.dispatch('openShift', { cashierId: ana.id, pin: '', supervisorPin: '111111' })).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    expect((await ok(core.router.dispatch('getDayStatus', {}))).shift).toBeNull();
    expect(await ok(core.router.dispatch('openShift', { cashierId: ana.id, pin: '', supervisorPin: OWNER_PIN }))).toMatchObject({ cashierName: 'Ana' });
    // The admin session stays locked, and Ana's own PIN works again at the next shift.
    expect(await core.router.dispatch('addCashier', { name: 'Citra', pin: '1122' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    await ok(core.router.dispatch('closeShift', {}));
    expect(await ok(core.router.dispatch('openShift', { cashierId: ana.id, pin: '2468' }))).toMatchObject({ cashierName: 'Ana' });
  });

  it('a new PIN from the owner also lifts the lockout', async () => {
    const { ana } = await twoCashiers();
    for (let i = 0; i < 5; i++) await core.router.dispatch('openShift', { cashierId: ana.id, pin: '0000' });
    await ok(core.router.dispatch('setCashierPin', { id: ana.id, pin: '5555' }));
    expect(await ok(core.router.dispatch('openShift', { cashierId: ana.id, pin: '5555' }))).toMatchObject({ cashierName: 'Ana' });
  });
});

describe('item 11: with no owner PIN set, the supervisor guards hold', () => {
  it('refuses to save a cancel guard without an owner PIN; with one it saves', async () => {
    const refused = await core.router.dispatch('updateSettings', { patch: { day: { supervisorCancelAfterMinutes: 5 } } });
    expect(refused).toEqual({ ok: false, error: { code: 'validation', fields: { 'day.supervisorCancelAfterMinutes': { code: 'settings.supervisor_needs_owner_pin' } } } });
    expect(await core.router.dispatch('updateSettings', { patch: { day: { supervisorCancelAfterMinutes: 0 } } })).toMatchObject({ ok: true });
    await ok(core.router.dispatch('setAdminPin', { newPin: OWNER_PIN }));
    expect(await core.router.dispatch('updateSettings', { patch: { day: { supervisorCancelAfterMinutes: 5 } } })).toMatchObject({ ok: true });
  });

  it('does not close a shift with a payment waiting: nobody can approve it', async () => {
    const sale = await ok(core.router.dispatch('charge', { amount: 25_000 }));
    expect(sale.state).toBe('awaiting_payment');
    expect(await core.router.dispatch('closeShift', {})).toEqual({ ok: false, error: { code: 'supervisor.no_owner_pin' } });
    expect(await core.router.dispatch('closeShift', { supervisorPin: '0000' })).toEqual({ ok: false, error: { code: 'supervisor.no_owner_pin' } });
    expect((await ok(core.router.dispatch('getDayStatus', {}))).shift).not.toBeNull();
  });
});
