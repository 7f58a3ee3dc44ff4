import { describe, expect, it } from 'vitest';
import type { ClosedShift, DayReport } from '../../../../shared/day/day-contract.ts';
import { formatRupiah } from '../../../../shared/money.ts';
import type { PaymentView } from '../../../../shared/payment.ts';
import { printedText, readEscPos } from '../../../harness/escpos-reader.ts';
import { usePrintingCore } from '../../../harness/printing-core.ts';

// "Cetak laporan" (issue 16): the day report on the receipt printer, the same numbers as the
// Laporan screen, read back from the ESC/POS bytes the fake LAN printer received.
const printing = usePrintingCore('paypro-report-print-');
const { call, systemJobs } = printing;

/** A paid Rp 10.000.000, a partial, a cancelled one and one still open. */
async function sellADay(): Promise<void> {
  const paid = await call<PaymentView>('charge', { amount: 10_000_000 });
  await call('settleTraining', { tradeNo: paid.tradeNo, outcome: 'paid' });
  const partial = await call<PaymentView>('charge', { amount: 50_000 });
  await call('settleTraining', { tradeNo: partial.tradeNo, outcome: 'partial' });
  const cancelled = await call<PaymentView>('charge', { amount: 20_000 });
  await call('cancelPayment', { tradeNo: cancelled.tradeNo });
  await call('charge', { amount: 15_000 });
}

const line = (lines: string[], label: string) => lines.find((text) => text.startsWith(label));

describe('printing the day report', () => {
  it('prints the Laporan screen\'s numbers on the LAN printer, every line within the paper', async () => {
    await call('updateReceiptSettings', { patch: { printer: { kind: 'network', host: printing.printer.host, port: printing.printer.port }, autoPrint: false, shopName: 'Warung Sari' } });
    await sellADay();
    const report = await call<DayReport>('getDayReport', {});
    expect(await call('printDayReport', {})).toEqual({ printer: `127.0.0.1:${printing.printer.port}` });
    const [job] = await printing.printer.waitForJobs(1);
    const read = readEscPos(job!);
    const lines = printedText(read);
    const money = (amount: number) => formatRupiah(amount).replace(/\u00a0/g, ' ');

    expect(lines[0]).toBe('LATIHAN — BUKAN BUKTI PEMBAYARAN');
    expect(lines.map((text) => text.trim())).toEqual(expect.arrayContaining(['Warung Sari', 'LAPORAN HARI', report.businessDate]));
    expect(line(lines, 'Uang diterima QRIS')).toMatch(new RegExp(`${money(report.report.received).replace(/\./g, '\\.')}$`));
    expect(report.report.buckets.paid.count).toBe(1);
    expect(line(lines, 'Lunas (1)')).toMatch(/Rp 10\.000\.000$/);
    expect(line(lines, `Dibayar sebagian (${report.report.buckets.partially_paid.count})`)).toMatch(new RegExp(`${money(report.report.buckets.partially_paid.amount).replace(/\./g, '\\.')}$`));
    expect(line(lines, `Dibatalkan (${report.report.buckets.cancelled.count})`)).toBeDefined();
    expect(line(lines, `Masih terbuka (${report.report.buckets.open.count})`)).toBeDefined();
    expect(line(lines, 'Penjualan ')).toMatch(new RegExp(` ${report.report.saleCount}$`));
    expect(line(lines, 'Sebagian kurang')).toMatch(new RegExp(`${money(report.report.partial.outstanding).replace(/\./g, '\\.')}$`));
    // What Paypro will pay out, the Laporan screen's estimate: Rp 10.025.000 QRIS, MDR 0.7% per
    // transaction 70.000 + 175 = 70.175.
    expect(await call('getPayoutEstimate', {})).toEqual({ plan: 'regular', count: 2, received: 10_025_000, mdr: 70_175, expected: 9_954_825 });
    expect(line(lines, 'QRIS diterima (2)')).toMatch(/Rp 10\.025\.000$/);
    expect(line(lines, 'MDR reguler 0,7%')).toMatch(/-Rp 70\.175$/);
    // Too long for one line with its amount: the amount goes right-aligned under it.
    expect(lines[lines.findIndex((text) => text.startsWith('Perkiraan dana Paypro')) + 1]?.trim()).toBe('Rp 9.954.825');
    // The default cashier's shift, opened by the first sale, is listed with what it took.
    expect(lines.some((text) => text.startsWith('Kasir '))).toBe(true);
    expect(lines.some((text) => text.trim().startsWith(`${report.shifts[0]!.report.saleCount} penjualan`))).toBe(true);
    for (const printed of read.lines) expect(printed.columns, printed.text).toBeLessThanOrEqual(32);
    expect(read.commands.some((command) => command.name === 'cut')).toBe(true);
  });

  it('says there is no printer, and passes a printer\'s fault on, without changing any sale', async () => {
    await sellADay();
    const none = await printing.core.router.dispatch('printDayReport', {});
    expect(none).toMatchObject({ ok: false, error: { code: 'print.no_printer' } });
    await call('updateReceiptSettings', { patch: { printer: { kind: 'network', host: printing.printer.host, port: printing.printer.port }, autoPrint: false } });
    await printing.printer.stop();
    expect(await printing.core.router.dispatch('printDayReport', {})).toMatchObject({ ok: false, error: { code: 'print.refused' } });
    const report = await call<DayReport>('getDayReport', {});
    expect(report.report.saleCount).toBe(4);
  });

  it('an installed (system) printer gets the same report as HTML', async () => {
    await call('updateReceiptSettings', { patch: { printer: { kind: 'system', deviceName: 'POS58' }, autoPrint: false } });
    await sellADay();
    expect(await call('printDayReport', {})).toEqual({ printer: 'POS58' });
    expect(systemJobs).toHaveLength(1);
    expect(systemJobs[0]).toMatchObject({ deviceName: 'POS58', copies: 1 });
    expect(systemJobs[0]!.html).toContain('LAPORAN HARI');
    expect(systemJobs[0]!.html).toContain('Uang diterima QRIS');
  });

  it('refuses a bad date like the report does', async () => {
    expect(await printing.core.router.dispatch('printDayReport', { from: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'date.invalid' } });
  });

  it('prints a closed shift\'s frozen report again later: only that shift\'s sales, who and when', async () => {
    await call('updateReceiptSettings', { patch: { printer: { kind: 'network', host: printing.printer.host, port: printing.printer.port }, autoPrint: false } });
    const paid = await call<PaymentView>('charge', { amount: 10_000_000 });
    await call('settleTraining', { tradeNo: paid.tradeNo, outcome: 'paid' });
    const partial = await call<PaymentView>('charge', { amount: 50_000 });
    await call('settleTraining', { tradeNo: partial.tradeNo, outcome: 'partial' });
    const closed = await call<ClosedShift>('closeShift', {});
    // The next shift's sale must not reach the closed shift's report.
    const later = await call<PaymentView>('charge', { amount: 17_000 });
    await call('settleTraining', { tradeNo: later.tradeNo, outcome: 'paid' });

    expect(await call('printShiftReport', { shiftId: closed.id })).toEqual({ printer: `127.0.0.1:${printing.printer.port}` });
    const [job] = await printing.printer.waitForJobs(1);
    const read = readEscPos(job!);
    const lines = printedText(read);
    const money = (amount: number) => formatRupiah(amount).replace(/\u00a0/g, ' ');
    const trimmed = lines.map((text) => text.trim());
    expect(trimmed).toEqual(expect.arrayContaining(['LAPORAN SHIFT', `Kasir: ${closed.cashierName}`]));
    expect(trimmed.some((text) => /^Buka \d\d\/\d\d\/\d{4} \d\d\.\d\d /.test(text))).toBe(true);
    expect(trimmed.some((text) => /^Tutup \d\d\/\d\d\/\d{4} \d\d\.\d\d /.test(text))).toBe(true);
    expect(closed.report.saleCount).toBe(2);
    expect(line(lines, 'Penjualan ')).toMatch(/ 2$/);
    expect(line(lines, 'Lunas (1)')).toMatch(/Rp 10\.000\.000$/);
    expect(line(lines, 'Uang diterima QRIS')).toMatch(new RegExp(`${money(closed.report.received).replace(/\./g, '\\.')}$`));
    expect(lines.some((text) => text.includes('17.000'))).toBe(false);
    for (const printed of read.lines) expect(printed.columns, printed.text).toBeLessThanOrEqual(32);
    expect(read.commands.some((command) => command.name === 'cut')).toBe(true);
  });

  it('prints money that came in after its shift closed under the next shift, and the shifts add up to the day', async () => {
    await call('updateReceiptSettings', { patch: { printer: { kind: 'network', host: printing.printer.host, port: printing.printer.port }, autoPrint: false } });
    const waiting = await call<PaymentView>('charge', { amount: 10_000_000 });
    await call('setAdminPin', { newPin: '9753' });
    await call('closeShift', { supervisorPin: '9753' }); // the owner closes with a payment still awaiting
    await call('charge', { amount: 15_000 }); // the next shift opens
    await call('settleTraining', { tradeNo: waiting.tradeNo, outcome: 'paid' });
    const report = await call<DayReport>('getDayReport', {});
    expect(report.later).toEqual({ count: 1, amount: 10_000_000 });
    expect(report.shifts.map((shift) => [shift.report.received, shift.report.earlier.amount])).toEqual([[0, 0], [0, 10_000_000]]);

    await call('printDayReport', {});
    const [job] = await printing.printer.waitForJobs(1);
    const read = readEscPos(job!);
    const lines = printedText(read);
    const next = (label: string) => lines[lines.findIndex((text) => text.startsWith(label)) + 1];
    // Too long for one 32-column line with the amount: the amount goes right-aligned under the label.
    expect(next('Diterima stlh shift tutup (1)')?.trim()).toBe('Rp 10.000.000');
    expect(line(lines, 'Untuk shift sebelumnya (1)')).toBeDefined();
    expect(next('  untuk shift sebelumnya')?.trim()).toBe('Rp 10.000.000');
    expect(line(lines, 'Jumlah semua shift')).toMatch(/Rp 10\.000\.000$/);
    expect(line(lines, 'Uang diterima QRIS')).toMatch(/Rp 10\.000\.000$/);
    for (const printed of read.lines) expect(printed.columns, printed.text).toBeLessThanOrEqual(32);
  });

  it('refuses a shift that does not exist', async () => {
    await call('updateReceiptSettings', { patch: { printer: { kind: 'network', host: printing.printer.host, port: printing.printer.port }, autoPrint: false } });
    expect(await printing.core.router.dispatch('printShiftReport', { shiftId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
