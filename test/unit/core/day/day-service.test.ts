import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdminLock } from '../../../../electron/core/admin/admin-lock.ts';
import { createCashierPins } from '../../../../electron/core/day/cashier-pins.ts';
import { DayService } from '../../../../electron/core/day/day-service.ts';
import { adminSupervisor } from '../../../../electron/core/day/supervisor.ts';
import { collectCsv } from '../../../../electron/core/day/sales-export.ts';
import type { CsvFormat } from '../../../../shared/day/csv-format.ts';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/settings.ts';
import { newPayment } from '../ledger/fixture.ts';
import { posErrorCode } from '../../../harness/error-code.ts';

beforeAll(() => {
  process.env.TZ = 'Asia/Jakarta';
});

const wib = (iso: string): number => Date.parse(`${iso}+07:00`);

describe('DayService', () => {
  let dir: string;
  let clock: number;
  let settings: Settings;
  let ledger: Ledger;
  let adminLock: AdminLock;
  let day: DayService;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paypro-day-'));
    clock = wib('2026-03-02T09:00:00');
    settings = { ...DEFAULT_SETTINGS, day: { cutoff: '04:00', cashierPins: false, supervisorCancelAfterMinutes: 0 } };
    const store = new Conf<Record<string, unknown>>({ cwd: dir, projectName: 'paypro-pos-test' });
    const now = () => clock;
    ledger = Ledger.open(join(dir, 'ledger.sqlite'), { now });
    adminLock = new AdminLock(store, { now, scryptN: 2 ** 10 });
    day = new DayService({
      ledger,
      settings: () => settings,
      pins: createCashierPins(store, { now, scryptN: 2 ** 10, maxAttempts: 3 }),
      supervisor: adminSupervisor(adminLock),
      now,
    });
  });
  afterEach(() => {
    ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A sale as the charge handler records it: a shift first, then the ledger write. */
  function sell(tradeNo: string, at: string, amount = 25_000): void {
    clock = wib(at);
    day.ensureShiftForSale();
    ledger.record(newPayment(tradeNo, { amount, createdAt: clock, expiresAt: clock + 900_000 }));
  }

  it('opens the default cashier\'s shift by itself when cashier PINs are off (a one-person shop sees no shift screen)', () => {
    sell('A', '2026-03-02T09:00:00');
    sell('B', '2026-03-02T09:05:00');
    expect(day.status()).toMatchObject({ businessDate: '2026-03-02', shift: { cashierName: 'Kasir' }, cashierPins: false });
    expect(day.roster.list()).toEqual([{ id: 1, name: 'Kasir', hasPin: false, isDefault: true, retired: false }]);
    expect(ledger.day.shiftsBetween(0, Number.MAX_SAFE_INTEGER)).toHaveLength(1);
  });

  it('with cashier PINs on, refuses a sale until a cashier opens a shift with the right PIN; wrong PINs lock out', async () => {
    settings = { ...settings, day: { ...settings.day, cashierPins: true } };
    expect(await posErrorCode(() => day.ensureShiftForSale())).toBe('shift.none_open');
    expect(await posErrorCode(() => day.roster.add({ name: '', pin: '12' }))).toBe('validation');
    const siti = await day.roster.add({ name: 'Siti', pin: '2468' });
    expect(siti).toEqual({ id: 1, name: 'Siti', hasPin: true, isDefault: false, retired: false });
    expect(await posErrorCode(() => day.openShift(siti.id, '1111'))).toBe('wrong_pin');
    expect((await day.openShift(siti.id, '2468')).cashierName).toBe('Siti');
    await day.closeShift();
    for (let i = 0; i < 3; i++) expect(await posErrorCode(() => day.openShift(siti.id, '0000'))).toBe('wrong_pin');
    expect(await posErrorCode(() => day.openShift(siti.id, '2468'))).toBe('pin_locked_out');
    // The cashier's lockout is not the owner's.
    await adminLock.setPin('9753');
    adminLock.lock();
    await expect(adminLock.unlock('9753')).resolves.toBeUndefined();
    clock += 61_000;
    expect((await day.openShift(siti.id, '2468')).cashierName).toBe('Siti');
  });

  it('closes a shift with a payment awaiting only with the owner PIN, and leaves the settings locked', async () => {
    await adminLock.setPin('9753');
    adminLock.lock();
    sell('OPEN', '2026-03-02T10:00:00');
    ledger.update('OPEN', { state: 'awaiting_payment' });
    expect(await posErrorCode(() => day.closeShift())).toBe('shift.payments_open');
    expect(await posErrorCode(() => day.closeShift('1111'))).toBe('wrong_pin');
    expect(day.status().shift).not.toBeNull();
    const closed = await day.closeShift('9753');
    expect(closed.report.buckets.open).toEqual({ count: 1, amount: 25_000 });
    expect(adminLock.unlocked).toBe(false);
    expect(day.status().shift).toBeNull();
    expect(await posErrorCode(() => day.closeShift())).toBe('shift.none_open');
  });

  it('with no owner PIN set, the cancel and close guards refuse (nobody can approve) instead of passing', async () => {
    settings = { ...settings, day: { ...settings.day, supervisorCancelAfterMinutes: 5 } };
    sell('OPEN', '2026-03-02T10:00:00');
    ledger.update('OPEN', { state: 'awaiting_payment' });
    clock += 10 * 60_000;
    const payment = { state: 'awaiting_payment' as const, createdAt: wib('2026-03-02T10:00:00') };
    expect(await posErrorCode(() => day.authorizeCancel(payment))).toBe('supervisor.no_owner_pin');
    expect(await posErrorCode(() => day.authorizeCancel(payment, '0000'))).toBe('supervisor.no_owner_pin');
    expect(await posErrorCode(() => day.closeShift())).toBe('supervisor.no_owner_pin');
    expect(day.status().shift).not.toBeNull();
    // Once the owner has a PIN, the open session is the owner present.
    await adminLock.setPin('9753');
    await expect(day.authorizeCancel(payment)).resolves.toBeUndefined();
  });

  it('counts a sale at 01:30 in the business day that began the evening before (cut-off 04:00), across shifts', async () => {
    sell('EVENING', '2026-03-02T22:00:00', 30_000);
    ledger.update('EVENING', { state: 'paid', paidAmount: 30_000 });
    await day.closeShift();
    sell('NIGHT', '2026-03-03T01:30:00', 20_000);
    ledger.update('NIGHT', { state: 'partially_paid', paidAmount: 5_000 });
    sell('MORNING', '2026-03-03T04:00:00', 10_000);
    const report = day.dayReport({ from: '2026-03-02' });
    expect(report.report).toMatchObject({ saleCount: 2, received: 35_000, partial: { received: 5_000, outstanding: 15_000 } });
    // The 04:00 sale is the first of 03-03: the default cashier's shift of 03-02 closed by itself then.
    expect(report.shifts.map((shift) => shift.report.saleCount)).toEqual([1, 1]);
    expect(report.shifts.reduce((sum, shift) => sum + shift.report.received + shift.report.earlier.amount, 0)).toBe(report.report.received);
    const next = day.dayReport({ from: '2026-03-03' });
    expect(next.report.saleCount).toBe(1);
    expect(next.shifts.map((shift) => shift.report.saleCount)).toEqual([1]);
    expect(day.status().businessDate).toBe('2026-03-03');
    expect(await posErrorCode(() => day.dayReport({ from: '2026-03-05', to: '2026-03-01' }))).toBe('date.invalid');
  });

  it('one-person shop: the first sale of a new business day closes yesterday\'s default shift (report frozen, awaiting payments allowed) and opens a new one', async () => {
    sell('EVENING', '2026-03-02T21:00:00', 30_000);
    ledger.update('EVENING', { state: 'awaiting_payment' });
    sell('NIGHT', '2026-03-03T03:59:00', 20_000); // still 03-02's business day (cut-off 04:00)
    const yesterday = day.status().shift!;
    expect(ledger.day.shiftsBetween(0, Number.MAX_SAFE_INTEGER)).toHaveLength(1);

    sell('MORNING', '2026-03-03T09:00:00', 10_000);
    const closed = ledger.day.shift(yesterday.id)!;
    expect(closed.closedAt).toBe(wib('2026-03-03T09:00:00'));
    expect(closed.report).toMatchObject({ saleCount: 2, buckets: { open: { count: 2, amount: 50_000 } } });
    const today = day.status().shift!;
    expect(today.id).not.toBe(yesterday.id);
    expect(ledger.day.byTradeNo('MORNING')[0]?.shiftId).toBe(today.id);

    // Yesterday's awaiting sale is paid now: the frozen report stays, today's shift receives it for the earlier shift.
    ledger.update('EVENING', { state: 'paid', paidAmount: 30_000 });
    expect(day.shiftReport(yesterday.id).report).toEqual(closed.report);
    expect(day.shiftReport(today.id).report.earlier).toEqual({ count: 1, amount: 30_000 });
    const report = day.dayReport({ from: '2026-03-02' });
    expect(report.report.received).toBe(30_000);
    expect(report.later).toEqual({ count: 1, amount: 30_000 });
  });

  it('with cashier PINs on, a person\'s shift over the cut-off is not closed by a sale: it stays open, listed on the day it opened', async () => {
    settings = { ...settings, day: { ...settings.day, cashierPins: true } };
    const siti = await day.roster.add({ name: 'Siti', pin: '2468' });
    clock = wib('2026-03-02T22:00:00');
    const shift = await day.openShift(siti.id, '2468');
    sell('LATE_NIGHT', '2026-03-02T23:00:00');
    sell('NEXT_DAY', '2026-03-03T05:00:00');
    expect(day.status().shift?.id).toBe(shift.id);
    expect(day.dayReport({ from: '2026-03-02' }).shifts.map((one) => [one.id, one.report.saleCount])).toEqual([[shift.id, 2]]);
    expect(day.dayReport({ from: '2026-03-03' }).shifts).toEqual([]);
  });

  it('without PINs, a named cashier\'s shift from an earlier day is left for a person to close', async () => {
    const siti = await day.roster.add({ name: 'Siti', pin: '2468' });
    clock = wib('2026-03-02T20:00:00');
    const shift = await day.openShift(siti.id, '2468');
    sell('NEXT_DAY', '2026-03-03T09:00:00');
    expect(day.status().shift?.id).toBe(shift.id);
    expect(ledger.day.byTradeNo('NEXT_DAY')[0]?.shiftId).toBe(shift.id);
  });

  it('pages the history and finds a sale by amount in a time window, or by trade number', () => {
    for (let minute = 0; minute < 12; minute++) sell(`S${minute}`, `2026-03-02T14:${String(minute).padStart(2, '0')}:00`, 10_000 + minute);
    sell('PROOF', '2026-03-02T14:20:00', 25_000);
    sell('EARLIER', '2026-03-02T09:00:00', 25_000);
    const first = day.listSales({ limit: 5 });
    expect(first.sales.map((sale) => sale.tradeNo)).toEqual(['PROOF', 'S11', 'S10', 'S9', 'S8']);
    const second = day.listSales({ limit: 5, cursor: first.next! });
    expect(second.sales.map((sale) => sale.tradeNo)).toEqual(['S7', 'S6', 'S5', 'S4', 'S3']);
    expect(day.listSales({ amount: 'Rp 25.000', fromTime: '14:00', toTime: '14:30' }).sales.map((sale) => sale.tradeNo)).toEqual(['PROOF']);
    expect(day.listSales({ amount: '25000' }).sales.map((sale) => sale.tradeNo)).toEqual(['PROOF', 'EARLIER']);
    expect(day.listSales({ tradeNo: ' PROOF ' }).sales.map((sale) => sale.tradeNo)).toEqual(['PROOF']);
    expect(day.listSales({ state: 'creating', limit: 200 }).sales).toHaveLength(14);
  });

  it('refuses a bad amount or cursor in a search with a specific code', async () => {
    expect(await posErrorCode(() => day.listSales({ amount: 'dua puluh' }))).toBe('validation');
    expect(await posErrorCode(() => day.listSales({ cursor: 'x' }))).toBe('bad_request');
  });

  it('exports the day as CSV whose rows and totals equal the report', async () => {
    sell('P1', '2026-03-02T10:00:00', 10_000_000);
    ledger.update('P1', { state: 'paid', paidAmount: 10_000_000 });
    sell('P2', '2026-03-02T11:00:00', 50_000);
    ledger.update('P2', { state: 'partially_paid', paidAmount: 20_000 });
    sell('P3', '2026-03-03T02:00:00', 40_000);
    const file = await day.exportCsv({ from: '2026-03-02', format: 'rfc4180' });
    expect(file.fileName).toBe('penjualan-2026-03-02-tanpa-data-pelanggan.csv');
    const parsed = parse(await collectCsv(file.chunks), { bom: true, columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(file.rowsWritten());
    const report = day.dayReport({ from: '2026-03-02' }).report;
    expect(parsed).toHaveLength(report.saleCount);
    expect(parsed.reduce((sum, row) => sum + Number(row.received), 0)).toBe(report.received);
    expect(parsed.reduce((sum, row) => sum + Number(row.outstanding), 0)).toBe(report.partial.outstanding);
    expect((await day.exportCsv({ from: '2026-03-01', to: '2026-03-31', personalData: true })).fileName).toBe('penjualan-2026-03-01_2026-03-31.csv');
  });

  it("exports in the format Excel opens on this computer's region unless the owner chose one", async () => {
    sell('P1', '2026-03-02T10:00:00', 25_000);
    const dayFor = (systemLocale: string) => new DayService({ ledger, settings: () => settings, pins: createCashierPins(new Conf({ cwd: dir, projectName: 'paypro-pos-test' }), { now: () => clock }), supervisor: { ownerPinSet: true, present: true, confirm: async () => undefined }, now: () => clock, systemLocale });
    const header = async (service: DayService, format?: CsvFormat) => (await collectCsv((await service.exportCsv({ from: '2026-03-02', ...(format ? { format } : {}) })).chunks)).split('\r\n')[0];
    expect(dayFor('id-ID').status().csvFormat).toBe('excel-semicolon');
    expect(await header(dayFor('id-ID'))).toMatch(/^\uFEFFbusiness_date;time_iso;/);
    expect(dayFor('en-US').status().csvFormat).toBe('excel-comma');
    expect(await header(dayFor('en-US'))).toMatch(/^\uFEFFbusiness_date,time_iso,/);
    expect(await header(dayFor('id-ID'), 'rfc4180')).toMatch(/^\uFEFFbusiness_date,time_iso,/);
  });

  // Issue 21, item 6: any cashier exported every customer's mobile and email, and recorded cash handed back, without the owner.
  it("needs the owner's PIN for an export with customers' mobiles and emails; a cashier exports them masked", async () => {
    await adminLock.setPin('4321');
    adminLock.lock();
    sell('P1', '2026-03-02T10:00:00', 10_000_000);
    const rows = async (request: Parameters<DayService['exportCsv']>[0]) =>
      parse(await collectCsv((await day.exportCsv({ from: '2026-03-02', format: 'rfc4180', ...request })).chunks), { bom: true, columns: true }) as Record<string, string>[];
    expect((await rows({}))[0]).toMatchObject({ customer_mobile: '*********432' });
    expect((await rows({}))[0]?.customer_email).not.toContain('sari@');
    expect(await posErrorCode(() => day.exportCsv({ from: '2026-03-02', personalData: true }))).toBe('export.owner_required');
    expect(await posErrorCode(() => day.exportCsv({ from: '2026-03-02', personalData: true, supervisorPin: '0000' }))).toBe('wrong_pin');
    expect((await rows({ personalData: true, supervisorPin: '4321' }))[0]).toMatchObject({ customer_mobile: '081298765432' });
    expect(adminLock.unlocked).toBe(false); // the PIN approved this export only
  });

  it("needs the owner's PIN to record cash handed back for a late payment; other outcomes stay the cashier's", async () => {
    await adminLock.setPin('4321');
    adminLock.lock();
    for (const tradeNo of ['LATE1', 'LATE2']) {
      sell(tradeNo, '2026-03-02T10:00:00');
      ledger.update(tradeNo, { state: 'awaiting_payment' });
      ledger.update(tradeNo, { state: 'expired' });
      ledger.update(tradeNo, { state: 'paid', paidAmount: 25_000 });
    }
    expect(await posErrorCode(() => day.resolveLate('LATE1', 'refunded_cash', 'uang kembali'))).toBe('late.refund_owner_required');
    expect(day.lateUnresolved()).toHaveLength(2);
    expect((await day.resolveLate('LATE1', 'refunded_cash', 'uang kembali', '4321')).resolution).toBe('refunded_cash');
    expect((await day.resolveLate('LATE2', 'goods_handed_over', 'barang diberikan')).resolution).toBe('goods_handed_over');
  });

  it('lists a late payment until someone records what was done, then shows the resolution in the shift report', async () => {
    sell('LATE', '2026-03-02T10:00:00');
    ledger.update('LATE', { state: 'awaiting_payment' });
    ledger.update('LATE', { state: 'expired' });
    ledger.update('LATE', { state: 'paid', paidAmount: 25_000 });
    expect(day.status().needsAttention).toBe(1);
    expect(day.lateUnresolved().map((sale) => [sale.tradeNo, sale.late])).toEqual([['LATE', true]]);
    // "Lainnya" says nothing by itself: refused without a note, and nothing is recorded.
    await expect(day.resolveLate('LATE', 'other', '   ')).rejects.toThrow(
      expect.objectContaining({ code: 'validation', fields: { note: { code: 'late.note_required' } } }),
    );
    expect(day.status().needsAttention).toBe(1);
    expect((await day.resolveLate('LATE', 'goods_handed_over', '  barang diberikan ')).resolution).toBe('goods_handed_over');
    expect(day.status().needsAttention).toBe(0);
    expect(ledger.events('LATE').at(-1)?.note).toBe('late.resolved:goods_handed_over — barang diberikan');
    expect(await posErrorCode(() => day.resolveLate('LATE', 'other', 'lagi'))).toBe('late.already_resolved');
    const closed = await day.closeShift();
    expect(closed.report.late).toEqual({ count: 1, received: 25_000 });
    expect(closed.report.resolutions.goods_handed_over).toBe(1);
  });
});
