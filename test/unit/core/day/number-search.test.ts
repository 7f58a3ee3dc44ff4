import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminLock } from '../../../../electron/core/admin/admin-lock.ts';
import { createCashierPins } from '../../../../electron/core/day/cashier-pins.ts';
import { DayService } from '../../../../electron/core/day/day-service.ts';
import { adminSupervisor } from '../../../../electron/core/day/supervisor.ts';
import { DAY_QUERIES } from '../../../../electron/core/ledger/day-queries.ts';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { numberSearch } from '../../../../shared/day/search-rules.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';
import { newPayment } from '../ledger/fixture.ts';

// Issue 20 item 12: a disputed sale is found by the last 4+ characters of either number, or by the
// last digits of the customer's mobile, on any day, without reading every row.
describe('numberSearch', () => {
  it('needs 4 characters; drops the spaces of a grouped number; digits also search the mobile', () => {
    expect(numberSearch('C49')).toEqual({ ok: false, code: 'search.number_too_short' });
    expect(numberSearch(' 2026 1207 C49A ')).toEqual({ ok: true, end: '20261207C49A', mobileEnd: null });
    expect(numberSearch('7890')).toEqual({ ok: true, end: '7890', mobileEnd: '7890' });
    expect(numberSearch('+62 812-3456-7890')).toEqual({ ok: true, end: '6281234567890', mobileEnd: '234567890' });
  });
});

describe('DayService.listSales by the end of a number', () => {
  let dir: string;
  let ledger: Ledger;
  let day: DayService;
  let clock = Date.parse('2026-03-02T09:00:00+07:00');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paypro-number-search-'));
    const store = new Conf<Record<string, unknown>>({ cwd: dir, projectName: 'paypro-pos-test' });
    const now = () => clock;
    ledger = Ledger.open(join(dir, 'ledger.sqlite'), { now });
    day = new DayService({
      ledger,
      settings: () => ({ ...DEFAULT_SETTINGS, day: { cutoff: '04:00', cashierPins: false, supervisorCancelAfterMinutes: 0 } }),
      pins: createCashierPins(store, { now, scryptN: 2 ** 10, maxAttempts: 3 }),
      supervisor: adminSupervisor(new AdminLock(store, { now, scryptN: 2 ** 10 })),
      now,
    });
  });
  afterEach(() => {
    ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function sell(tradeNo: string, daysAgo: number, mobile: string, platformTradeNo: string | null = null): void {
    clock = Date.parse('2026-03-02T09:00:00+07:00') + daysAgo * -86_400_000;
    day.ensureShiftForSale();
    ledger.record(newPayment(tradeNo, { createdAt: clock, expiresAt: clock + 900_000, customerMobile: mobile }));
    if (platformTradeNo) ledger.update(tradeNo, { state: 'awaiting_payment', platformTradeNo });
  }
  const found = (text: string) => day.listSales({ tradeNo: text }).sales.map((sale) => sale.tradeNo);

  it("finds yesterday's sale by the end of our number, Paypro's (any case), or the mobile", () => {
    sell('20260301101500C49ADADA', 1, '081399990001', 'c167o1itir0fypid');
    sell('20260302090000B7E1F00D', 0, '081234567890');
    expect(found('DADA')).toEqual(['20260301101500C49ADADA']);
    expect(found('dada')).toEqual(['20260301101500C49ADADA']);
    expect(found('FYPID')).toEqual(['20260301101500C49ADADA']);
    expect(found('0001')).toEqual(['20260301101500C49ADADA']);
    expect(found('0813 9999 0001')).toEqual(['20260301101500C49ADADA']);
    expect(found('20260302090000B7E1F00D')).toEqual(['20260302090000B7E1F00D']);
    expect(found('ZZZZ')).toEqual([]);
  });

  it('refuses fewer than 4 characters next to the field', () => {
    expect(() => day.listSales({ tradeNo: 'ADA' })).toThrow(expect.objectContaining({ code: 'validation', fields: { tradeNo: { code: 'search.number_too_short' } } }));
  });

  it('seeks the last-four indexes (never a scan of every sale)', () => {
    const raw = new DatabaseSync(join(dir, 'ledger.sqlite'));
    const plan = raw
      .prepare(`EXPLAIN QUERY PLAN ${DAY_QUERIES.byNumberEnd}`)
      .all('DADA', '%DADA', '0001', '%0001', 50)
      .map((row) => String(row.detail))
      .join('\n');
    raw.close();
    expect(plan).toMatch(/SEARCH payments USING INDEX payments_by_trade_no_end/);
    expect(plan).toMatch(/SEARCH payments USING INDEX payments_by_platform_trade_no_end/);
    expect(plan).toMatch(/SEARCH payments USING INDEX payments_by_mobile_end/);
    expect(plan).not.toMatch(/SCAN payments/);
  });
});
