import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminLock } from '../../../../electron/core/admin/admin-lock.ts';
import { createCashierPins } from '../../../../electron/core/day/cashier-pins.ts';
import { DayService } from '../../../../electron/core/day/day-service.ts';
import { adminSupervisor } from '../../../../electron/core/day/supervisor.ts';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { DEFAULT_CASH_SETTINGS, type CashSettings } from '../../../../shared/cash-settings.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/settings.ts';
import { posErrorCode } from '../../../harness/error-code.ts';

describe('DayService: a shift closed by counting the drawer', () => {
  let dir: string;
  let ledger: Ledger;
  let adminLock: AdminLock;
  let cashSettings: CashSettings;
  let day: DayService;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paypro-cash-'));
    const settings: Settings = { ...DEFAULT_SETTINGS, day: { cutoff: '04:00', cashierPins: true, supervisorCancelAfterMinutes: 0 } };
    const store = new Conf<Record<string, unknown>>({ cwd: dir, projectName: 'paypro-pos-test' });
    const now = () => Date.UTC(2026, 2, 2, 3);
    ledger = Ledger.open(join(dir, 'ledger.sqlite'), { now });
    adminLock = new AdminLock(store, { now, scryptN: 2 ** 10 });
    await adminLock.setPin('9753');
    adminLock.lock();
    cashSettings = { ...DEFAULT_CASH_SETTINGS };
    day = new DayService({ ledger, settings: () => settings, pins: createCashierPins(store, { now, scryptN: 2 ** 10 }), supervisor: adminSupervisor(adminLock), now, cashSettings: () => cashSettings });
    const siti = await day.roster.add({ name: 'Siti', pin: '2468' });
    await day.openShift(siti.id, '2468', undefined, 300_000);
    day.moveCash({ kind: 'cash_out', amount: 15_000, reason: 'beli es batu' });
  });
  afterEach(() => {
    ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a difference within the threshold (Rp 20.000 by default, either way) closes without the owner and is frozen', async () => {
    const closed = await day.closeShift(undefined, { counted: 265_000, expected: 285_000 });
    expect(closed.report.cash).toMatchObject({ float: 300_000, cashOut: { count: 1, amount: 15_000 }, expected: 285_000, counted: 265_000, difference: -20_000, differenceApproved: false });
    expect(day.shiftReport(closed.id).report).toEqual(closed.report);
  });

  it('above the threshold it needs the owner PIN; a wrong PIN or none leaves the shift open', async () => {
    expect(await posErrorCode(() => day.closeShift(undefined, { counted: 264_999, expected: 285_000 }))).toBe('drawer.difference_needs_owner');
    expect(await posErrorCode(() => day.closeShift('1111', { counted: 264_999, expected: 285_000 }))).toBe('wrong_pin');
    expect(day.status().shift).not.toBeNull();
    const closed = await day.closeShift('9753', { counted: 264_999, expected: 285_000, denominations: undefined });
    expect(closed.report.cash).toMatchObject({ counted: 264_999, difference: -20_001, differenceApproved: true });
  });

  it('the threshold is a setting; a count against a stale expected is refused so the cashier counts again', async () => {
    cashSettings = { ...cashSettings, differenceApprovalAbove: 0 };
    expect(await posErrorCode(() => day.closeShift(undefined, { counted: 285_001, expected: 285_000 }))).toBe('drawer.difference_needs_owner');
    expect(await posErrorCode(() => day.closeShift(undefined, { counted: 280_000, expected: 280_000 }))).toBe('drawer.expected_changed');
    expect((await day.closeShift(undefined, { counted: 285_000, expected: 285_000 })).report.cash?.difference).toBe(0);
  });
});
