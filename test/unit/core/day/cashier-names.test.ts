import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PosCore } from '../../../../electron/core/pos-core.ts';
import { sameCashierName } from '../../../../shared/day/cashier-rules.ts';
import { createTestCore } from '../../../harness/core-fixture.ts';

// Issue 20 item 15: the same name can't be given to two active cashiers (their shifts would be
// indistinguishable in every report), whatever its case or spacing.
let dir: string;
let core: PosCore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'paypro-cashier-names-'));
  core = createTestCore(dir, { logger: { error: () => undefined }, scryptN: 2 ** 12 });
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

const TAKEN = { ok: false, error: { code: 'validation', fields: { name: { code: 'cashier.name_taken' } } } };

describe('cashier names', () => {
  it('"Siti", " siti ", "SITI" are one name', () => {
    expect(sameCashierName('Siti', ' siti ')).toBe(true);
    expect(sameCashierName('Siti  Aminah', 'siti aminah')).toBe(true);
    expect(sameCashierName('Siti', 'Sita')).toBe(false);
  });

  it('a second cashier of the same name is refused next to the name; a retired one frees it', async () => {
    const siti = await core.router.dispatch('addCashier', { name: 'Siti', pin: '1357' });
    expect(siti.ok).toBe(true);
    expect(await core.router.dispatch('addCashier', { name: ' SITI ', pin: '2468' })).toEqual(TAKEN);
    const budi = await core.router.dispatch('addCashier', { name: 'Budi', pin: '2468' });
    if (!budi.ok || !siti.ok) throw new Error('setup');
    expect(await core.router.dispatch('renameCashier', { id: budi.value.id, name: 'siti' })).toEqual(TAKEN);
    // Renaming a cashier to its own name (another case) is no clash.
    expect((await core.router.dispatch('renameCashier', { id: siti.value.id, name: 'SITI' })).ok).toBe(true);
    expect((await core.router.dispatch('retireCashier', { id: siti.value.id })).ok).toBe(true);
    expect((await core.router.dispatch('addCashier', { name: 'Siti', pin: '1357' })).ok).toBe(true);
  });
});
