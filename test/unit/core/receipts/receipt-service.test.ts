import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../../shared/payment.ts';
import type { PrintStatus } from '../../../../shared/receipt-settings.ts';
import { printedText, readEscPos } from '../../../harness/escpos-reader.ts';
import { usePrintingCore } from '../../../harness/printing-core.ts';

const printing = usePrintingCore('paypro-pos-receipts-');
const { call, systemJobs } = printing;

async function failure(name: string, request: unknown = {}) {
  const result = await printing.core.router.dispatch(name, request);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error;
}

async function paidSale(outcome: 'paid' | 'partial' = 'paid', amount = 10_000_000): Promise<PaymentView> {
  const sale = await call<PaymentView>('charge', { amount });
  return call<PaymentView>('settleTraining', { tradeNo: sale.tradeNo, outcome });
}

const usePrinter = (patch: Record<string, unknown> = {}) =>
  call('updateReceiptSettings', { patch: { printer: { kind: 'network', host: printing.printer.host, port: printing.printer.port }, ...patch } });

/** The sale's receipt events, read from the event log through a second, read-only connection. */
function notes(tradeNo: string): string[] {
  const db = new DatabaseSync(join(printing.dir, 'ledger.sqlite'), { readOnly: true });
  try {
    return db
      .prepare('SELECT e.note FROM payment_events e JOIN payments p ON p.id = e.payment_id WHERE p.trade_no = ? ORDER BY e.id')
      .all(tradeNo)
      .map((row) => String(row.note ?? ''))
      .filter((note) => note.startsWith('receipt.'));
  } finally {
    db.close();
  }
}

describe('receipts in core', () => {
  it('auto-prints once when a sale becomes paid, and records it in the event log', async () => {
    await usePrinter();
    const sale = await paidSale();
    await printing.core.receipts.idle();
    const jobs = await printing.printer.waitForJobs(1);
    expect(jobs).toHaveLength(1);
    const lines = printedText(readEscPos(jobs[0]!));
    expect(lines).toContain('   Rp 10.000.000');
    expect(lines).toContain(`No. transaksi`);
    expect(lines.join('\n')).toContain(sale.tradeNo);
    expect(lines[0]).toBe('LATIHAN — BUKAN BUKTI PEMBAYARAN');
    expect(await call('getPrintStatus', { tradeNo: sale.tradeNo })).toMatchObject({ status: { state: 'printed', printedCount: 1 } });
    expect(notes(sale.tradeNo)).toEqual([`receipt.printed via 127.0.0.1:${printing.printer.port} x1`]);
    // A later update of the same sale (a recheck) prints nothing more.
    await call('recheckPayment', { tradeNo: sale.tradeNo });
    await printing.core.receipts.idle();
    expect(printing.printer.jobs).toHaveLength(1);
  });

  // Issue 20 #3: a late payment arrives during the next customer's sale; a plain LUNAS receipt
  // printed then is handed to the wrong person. It is printed only from "Perlu tindakan", marked.
  it('never auto-prints a sale paid after it was cancelled; printed by hand it says PEMBAYARAN TERLAMBAT', async () => {
    await usePrinter();
    const sale = await call<PaymentView>('charge', { amount: 10_000_000 });
    await call('cancelPayment', { tradeNo: sale.tradeNo });
    const paid = await call<PaymentView>('settleTraining', { tradeNo: sale.tradeNo, outcome: 'paid' });
    expect(paid).toMatchObject({ state: 'paid', paidLate: 'after_cancel' });
    await printing.core.receipts.idle();
    expect(printing.printer.jobs).toHaveLength(0);
    expect(notes(sale.tradeNo)).toEqual([]);

    await call('printReceipt', { tradeNo: sale.tradeNo });
    await printing.core.receipts.idle();
    const [job] = await printing.printer.waitForJobs(1);
    expect(printedText(readEscPos(job!)).join('\n')).toContain('PEMBAYARAN TERLAMBAT');
  });

  it('a reprint reaches the printer again, marked CETAK ULANG and logged as reprinted', async () => {
    await usePrinter({ autoPrint: false });
    const sale = await paidSale('partial');
    await printing.core.receipts.idle();
    expect(printing.printer.jobs).toHaveLength(0);
    // A second press while the first job waits is the same job, not a second receipt.
    const first = await call<PrintStatus>('printReceipt', { tradeNo: sale.tradeNo });
    expect(first.state).toBe('queued');
    expect(await call('printReceipt', { tradeNo: sale.tradeNo })).toMatchObject({ state: expect.stringMatching(/^(queued|printing)$/) });
    await printing.core.receipts.idle();
    expect(await printing.printer.waitForJobs(1)).toHaveLength(1);
    await call('printReceipt', { tradeNo: sale.tradeNo });
    await printing.core.receipts.idle();
    const jobs = await printing.printer.waitForJobs(2);
    expect(printedText(readEscPos(jobs[0]!))).not.toContain('          CETAK ULANG');
    expect(printedText(readEscPos(jobs[1]!)).some((line) => line.trim() === 'CETAK ULANG')).toBe(true);
    expect(printedText(readEscPos(jobs[1]!)).some((line) => line.trim() === 'DIBAYAR SEBAGIAN')).toBe(true);
    expect(notes(sale.tradeNo).map((note) => note.split(' ')[0])).toEqual(['receipt.printed', 'receipt.reprinted']);
  });

  it('a printer that is down fails the print, leaves the sale paid, and the retry prints', async () => {
    await printing.printer.stop();
    await usePrinter();
    const sale = await paidSale();
    await printing.core.receipts.idle();
    const status = await call<{ status: PrintStatus }>('getPrintStatus', { tradeNo: sale.tradeNo });
    expect(status.status).toMatchObject({ state: 'failed', errorCode: 'print.refused', printedCount: 0 });
    expect(await call<PaymentView>('getPayment', { tradeNo: sale.tradeNo })).toMatchObject({ state: 'paid', amount: 10_000_000 });
    expect(notes(sale.tradeNo)).toEqual([`receipt.print_failed print.refused via 127.0.0.1:${printing.printer.port}`]);

    await printing.printer.start();
    await call('printReceipt', { tradeNo: sale.tradeNo });
    await printing.core.receipts.idle();
    expect(await printing.printer.waitForJobs(1)).toHaveLength(1);
    expect(await call('getPrintStatus', { tradeNo: sale.tradeNo })).toMatchObject({ status: { state: 'printed', printedCount: 1 } });
  });

  it('a stalled printer times out without holding up the next sale', async () => {
    printing.printer.behaviour = 'stall';
    await usePrinter();
    const order: string[] = [];
    printing.core.receipts.onStatus((status) => order.push(`print ${status.state}`));
    const first = await paidSale();
    // The next sale is charged while the receipt still waits on the printer, not after it.
    const second = await call<PaymentView>('charge', { amount: 25_000 });
    order.push('next sale charged');
    expect(second.state).toBe('awaiting_payment');
    await printing.core.receipts.idle();
    expect(order).toEqual(['print queued', 'print printing', 'next sale charged', 'print failed']);
    expect(await call('getPrintStatus', { tradeNo: first.tradeNo })).toMatchObject({ status: { state: 'failed', errorCode: 'print.timed_out' } });
  });

  it('prints copies as one job, and through an operating-system printer by name', async () => {
    await usePrinter({ copies: 2, autoPrint: false });
    const sale = await paidSale();
    await call('printReceipt', { tradeNo: sale.tradeNo });
    await printing.core.receipts.idle();
    const cuts = readEscPos((await printing.printer.waitForJobs(1))[0]!).commands.filter((command) => command.name === 'cut');
    expect(cuts).toHaveLength(2);

    await call('updateReceiptSettings', { patch: { printer: { kind: 'system', deviceName: 'POS58' }, paperWidthMm: 80 } });
    await call('printReceipt', { tradeNo: sale.tradeNo });
    await printing.core.receipts.idle();
    expect(systemJobs).toHaveLength(1);
    expect(systemJobs[0]).toMatchObject({ deviceName: 'POS58', copies: 2 });
    expect(systemJobs[0]!.html).toContain('width: 80mm');
    expect(systemJobs[0]!.html).toContain('CETAK ULANG');
  });

  it('refuses receipts for unpaid sales and without a printer, with codes the cashier can read', async () => {
    const sale = await call<PaymentView>('charge', { amount: 25_000 });
    expect(await failure('printReceipt', { tradeNo: sale.tradeNo })).toMatchObject({ code: 'receipt.not_printable' });
    const paid = await call<PaymentView>('settleTraining', { tradeNo: sale.tradeNo, outcome: 'paid' });
    expect(await failure('printReceipt', { tradeNo: paid.tradeNo })).toMatchObject({ code: 'print.no_printer' });
    expect(await failure('testPrint')).toMatchObject({ code: 'print.no_printer' });
  });

  it('validates receipt settings per field and stores nothing on a broken rule', async () => {
    const error = await failure('updateReceiptSettings', {
      patch: { printer: { kind: 'network', host: 'http://printer', port: 70_000 }, copies: 9, footerLines: ['x'.repeat(65)] },
    });
    expect(error).toMatchObject({
      code: 'validation',
      fields: {
        'printer.host': { code: 'receipt.host' },
        'printer.port': { code: 'receipt.port' },
        copies: { code: 'receipt.copies' },
        'footerLines.0': { code: 'receipt.line_too_long' },
      },
    });
    expect(await call('getReceiptSettings')).toMatchObject({ settings: { printer: { kind: 'none' }, copies: 1 } });
  });

  it('test print: a verdict naming the printer, or the printer\'s fault', async () => {
    await usePrinter();
    expect(await call('testPrint')).toEqual({ printer: `127.0.0.1:${printing.printer.port}` });
    expect(printedText(readEscPos((await printing.printer.waitForJobs(1))[0]!))).toContain('          TES PRINTER');
    printing.printer.behaviour = 'offline';
    expect(await failure('testPrint')).toMatchObject({ code: 'print.offline' });
  });

  it('lists the operating system\'s printers and renders the HTML receipt', async () => {
    expect(await call('listPrinters')).toEqual({ printers: [{ name: 'POS58', displayName: 'POS-58 USB' }] });
    const sale = await call<PaymentView>('charge', { amount: 10_000_000, customer: { mobile: '081299998888' } });
    await call('settleTraining', { tradeNo: sale.tradeNo, outcome: 'paid' });
    const html = printing.core.receipts.html(sale.tradeNo, 58);
    expect(html).toContain('LUNAS');
    expect(html).toContain('*********');
    expect(html).not.toContain('081299998888');
  });

  // Issue 20 #6: the sale itself says whether the cashier typed a customer; the receipt no longer
  // guesses by comparing with today's shop contact.
  it("prints no customer lines for a sale without a typed customer, even after the owner changed the shop's contact", async () => {
    const before = { name: 'Warung Sari', mobile: '081298765432', email: 'warung@example.co.id' };
    await call('updateSettings', { patch: { defaultCustomer: before } });
    const anonymous = await paidSale();
    await call('updateSettings', { patch: { defaultCustomer: { name: 'Toko Baru', mobile: '081277776666', email: 'baru@example.co.id' } } });
    const html = printing.core.receipts.html(anonymous.tradeNo, 58);
    for (const text of ['Pelanggan', 'No. HP', 'Warung Sari', '***@', '*********432']) expect(html).not.toContain(text);
    // A mobile typed alone prints alone: the contact's name and email filled in for Paypro are not the customer's.
    const sale = await call<PaymentView>('charge', { amount: 10_000_000, customer: { mobile: '081299998888' } });
    await call('settleTraining', { tradeNo: sale.tradeNo, outcome: 'paid' });
    const typed = printing.core.receipts.html(sale.tradeNo, 58);
    expect(typed).toContain('No. HP');
    expect(typed).not.toContain('Toko Baru');
  });
});
