import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CASH_SETTINGS, type CashSettings } from '../../../../shared/cash-settings.ts';
import type { PrinterTarget } from '../../../../shared/receipt-settings.ts';
import { CashDrawer, encodeDrawerPulse } from '../../../../electron/core/receipts/cash-drawer.ts';
import { printedText, readEscPos } from '../../../harness/escpos-reader.ts';
import { cashReportRows } from '../../../../electron/core/receipts/cash-report-rows.ts';
import { encodeRowsEscPos } from '../../../../electron/core/receipts/escpos.ts';
import { startFakePrinter, type FakePrinter } from '../../../harness/fake-printer.ts';
import { T0, useLedger } from '../ledger/fixture.ts';
import { posErrorCode } from '../../../harness/error-code.ts';

describe('encodeDrawerPulse', () => {
  it('is ESC p alone, with the pin and the on/off times of the settings (2 ms units, as the encoder writes them)', () => {
    expect([...encodeDrawerPulse({ drawerPin: 2, pulseOnMs: 100, pulseOffMs: 500 })]).toEqual([0x1b, 0x70, 0, 50, 250]);
    expect([...encodeDrawerPulse({ drawerPin: 5, pulseOnMs: 120, pulseOffMs: 240 })]).toEqual([0x1b, 0x70, 1, 60, 120]);
  });
});

describe('CashDrawer through a LAN receipt printer', () => {
  const fixture = useLedger();
  let printer: FakePrinter;
  let target: PrinterTarget;
  let settings: CashSettings;
  let drawer: CashDrawer;

  beforeEach(async () => {
    printer = await startFakePrinter();
    target = { kind: 'network', host: printer.host, port: printer.port };
    settings = { ...DEFAULT_CASH_SETTINGS, drawerPin: 5, pulseOnMs: 60, pulseOffMs: 300 };
    drawer = new CashDrawer({ book: () => fixture.ledger.day.cash, printer: () => target, settings: () => settings, network: { connectTimeoutMs: 500, writeTimeoutMs: 500 } });
  });
  afterEach(() => printer.close());

  it('"Buka laci" with a reason: the pulse reaches the printer (read back) and the opening is recorded with who and when', async () => {
    const shift = fixture.ledger.day.openShift(fixture.ledger.day.addCashier('Siti', null).id);
    fixture.clock.set(T0 + 1_000);
    const opening = await drawer.openWithReason('  tukar uang  ');
    const [job] = await printer.waitForJobs(1);
    expect(readEscPos(job!).commands).toEqual([{ name: 'pulse', pin: 5, onMs: 60, offMs: 300 }]);
    expect(opening).toMatchObject({ at: T0 + 1_000, shiftId: shift.id, cashierName: 'Siti', reason: 'tukar uang', tradeNo: null });
  });

  it('a cash sale opens it by its trade number', async () => {
    fixture.ledger.day.openShift(fixture.ledger.day.addCashier('Siti', null).id);
    expect(await drawer.openForSale('CASH-1')).toMatchObject({ tradeNo: 'CASH-1', reason: null });
    expect(readEscPos((await printer.waitForJobs(1))[0]!).commands).toEqual([{ name: 'pulse', pin: 5, onMs: 60, offMs: 300 }]);
  });

  it('refuses without a reason, without an open shift, without a LAN printer; an OS printer cannot kick a drawer', async () => {
    expect(await posErrorCode(() => drawer.openWithReason('   '))).toBe('validation');
    expect(await posErrorCode(() => drawer.openWithReason('tukar uang'))).toBe('shift.none_open');
    fixture.ledger.day.openShift(fixture.ledger.day.addCashier('Siti', null).id);
    target = { kind: 'system', deviceName: 'EPSON TM-T82' };
    expect(await posErrorCode(() => drawer.openWithReason('tukar uang'))).toBe('drawer.system_printer');
    target = { kind: 'none' };
    expect(await posErrorCode(() => drawer.openWithReason('tukar uang'))).toBe('drawer.no_printer');
    expect(printer.jobs).toEqual([]);
    expect(fixture.ledger.day.shiftReport(fixture.ledger.day.currentShift()!.id).cash?.noSaleOpenings).toBe(0);
  });

  it('a printer that is off: the opening stays on record, the cashier hears print.refused', async () => {
    fixture.ledger.day.openShift(fixture.ledger.day.addCashier('Siti', null).id);
    await printer.stop();
    expect(await posErrorCode(() => drawer.openWithReason('tukar uang'))).toBe('print.refused');
    expect(fixture.ledger.day.shiftReport(fixture.ledger.day.currentShift()!.id).cash?.noSaleOpenings).toBe(1);
  });
});

describe('cashReportRows: the printed shift report\'s cash', () => {
  it('prints float, movements, expected, the count and the difference with its sign, within 32 columns', () => {
    const cash = {
      float: 500_000, cashSales: 0, cashIn: { count: 1, amount: 50_000 }, cashOut: { count: 1, amount: 15_000 }, cashRefunds: { count: 0, amount: 0 },
      expected: 535_000, counted: 505_000, difference: -30_000, denominations: null, differenceApproved: true, noSaleOpenings: 1,
    };
    const text = printedText(readEscPos(encodeRowsEscPos(cashReportRows(cash), 58)));
    expect(text).toEqual(expect.arrayContaining([
      'UANG TUNAI'.padStart(21),
      'Modal awal            Rp 500.000',
      'Kas keluar (1)        -Rp 15.000',
      'Seharusnya di laci    Rp 535.000',
      'Dihitung              Rp 505.000',
      'Selisih (ok pemilik)  -Rp 30.000',
    ]));
    expect(text.every((line) => line.length <= 32)).toBe(true);
  });
});
