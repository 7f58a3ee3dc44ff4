import type { PaymentView } from '../../../shared/payment.ts';
import type { PaperWidth, PrinterTarget, PrintStatus, ReceiptSettings } from '../../../shared/receipt-settings.ts';
import { PosError } from '../errors.ts';
import type { Ledger } from '../ledger/ledger.ts';
import { encodeReceiptEscPos, encodeRowsEscPos, encodeTestPageEscPos } from './escpos.ts';
import { PrinterError, sendToNetworkPrinter, type SendOptions } from './network-printer.ts';
import { PrintQueue, type PrintFailure } from './print-queue.ts';
import { renderReceiptHtml, renderRowsHtml, renderTestPageHtml } from './receipt-html.ts';
import { buildReceipt, formatReceiptTime, ReceiptError, type Receipt, type ReceiptRow } from './receipt-model.ts';
import type { ReceiptSettingsStore } from './receipt-settings-store.ts';
import type { ReportPrintContext } from './report-receipt.ts';
import type { SaveResult } from '../file-saver.ts';
import type { SystemPrinter, SystemPrinterInfo } from './system-printer.ts';

/** How a print is written in the payment's event log (ledger `note`). */
export const PRINT_NOTES = { printed: 'receipt.printed', reprinted: 'receipt.reprinted', failed: 'receipt.print_failed' } as const;

export interface ReceiptServiceOptions {
  ledger: Ledger;
  payment(tradeNo: string): PaymentView;
  settings: ReceiptSettingsStore;
  /** Absent outside Electron (web preview, tests): system printing answers `print.unavailable`. */
  systemPrinter?: SystemPrinter;
  now: () => number;
  timeZone?: string;
  network?: SendOptions;
  onError?: (error: unknown, context: string) => void;
}

/**
 * Receipts for paid and partial sales: built from the ledger's payment, printed through one
 * queue (never in a sale's way), and every attempt written to the payment's event log.
 */
export class ReceiptService {
  readonly #options: ReceiptServiceOptions;
  readonly #queue: PrintQueue;

  constructor(options: ReceiptServiceOptions) {
    this.#options = options;
    this.#queue = new PrintQueue({ now: options.now, toFailure });
  }

  /**
   * Auto-print: called with every payment update; prints once when a sale becomes paid or partial.
   * Never for a late payment: it arrives during another customer's sale, and its receipt is
   * printed from "Perlu tindakan", marked PEMBAYARAN TERLAMBAT.
   */
  onPaymentUpdate(payment: PaymentView): void {
    if (payment.state !== 'paid' && payment.state !== 'partially_paid') return;
    if (payment.paidLate !== null) return;
    const settings = this.#options.settings.get();
    if (!settings.autoPrint || settings.printer.kind === 'none') return;
    // Any earlier attempt (even a failed one) means this sale's receipt was already asked for.
    if (this.#queue.status(payment.tradeNo) || this.#printEvents(payment.tradeNo).length > 0) return;
    this.print(payment.tradeNo);
  }

  /** Queues a receipt (a reprint when one was printed before); answers at once. */
  print(tradeNo: string): PrintStatus {
    const payment = this.#options.payment(tradeNo);
    const settings = this.#options.settings.get();
    if (payment.state !== 'paid' && payment.state !== 'partially_paid') {
      throw new PosError('receipt.not_printable', { detail: `${tradeNo} is ${payment.state}` });
    }
    if (settings.printer.kind === 'none') throw new PosError('print.no_printer');
    return this.#queue.enqueue(tradeNo, this.printedCount(tradeNo), async () => {
      const printedBefore = this.printedCount(tradeNo);
      const reprint = printedBefore > 0;
      try {
        await this.#send(this.#options.payment(tradeNo), settings, reprint);
      } catch (error) {
        const failure = toFailure(error);
        this.#note(tradeNo, `${PRINT_NOTES.failed} ${failure.code} via ${describeTarget(settings.printer)}`);
        throw error;
      }
      this.#note(tradeNo, `${reprint ? PRINT_NOTES.reprinted : PRINT_NOTES.printed} via ${describeTarget(settings.printer)} x${settings.copies}`);
      return printedBefore + 1;
    });
  }

  /** The running job's status, else what the event log says (printed n times, or nothing yet). */
  status(tradeNo: string): PrintStatus | null {
    const live = this.#queue.status(tradeNo);
    if (live) return live;
    const events = this.#printEvents(tradeNo);
    const last = events.at(-1);
    if (!last) return null;
    const failed = last.note.startsWith(PRINT_NOTES.failed);
    return {
      tradeNo,
      state: failed ? 'failed' : 'printed',
      errorCode: failed ? (last.note.split(' ')[1] ?? null) : null,
      errorDetail: null,
      printedCount: this.printedCount(tradeNo),
      updatedAt: last.at,
    };
  }

  /** Receipts of this sale that reached a printer (printed and reprinted). */
  printedCount(tradeNo: string): number {
    return this.#printEvents(tradeNo).filter((event) => !event.note.startsWith(PRINT_NOTES.failed)).length;
  }

  /** Prints a test page on the configured printer and waits for the verdict (through the queue). */
  async testPrint(): Promise<{ printer: string }> {
    const at = formatReceiptTime(this.#options.now(), this.#options.timeZone);
    return this.#printAndWait('test', {
      escPos: (paperWidthMm) => encodeTestPageEscPos(paperWidthMm, at),
      html: (paperWidthMm) => renderTestPageHtml(paperWidthMm, at),
    });
  }

  /**
   * Prints a report (rows from `report-receipt.ts`, given the shop name, the print time and the
   * shop's clock) on the configured printer, one copy, through the same queue as receipts, and
   * waits for the verdict. Not written to any payment's event log: a report belongs to no sale.
   */
  async printReport(title: string, rowsFor: (context: ReportPrintContext) => ReceiptRow[]): Promise<{ printer: string }> {
    const { timeZone } = this.#options;
    const rows = rowsFor({
      shopName: this.#options.settings.get().shopName,
      printedAt: formatReceiptTime(this.#options.now(), timeZone),
      dateTime: (epochMs) => formatReceiptTime(epochMs, timeZone),
      clock: (epochMs) => formatReceiptTime(epochMs, timeZone).split(' ')[1] ?? '',
    });
    return this.#printAndWait('report', {
      escPos: (paperWidthMm) => encodeRowsEscPos(rows, paperWidthMm),
      html: (paperWidthMm) => renderRowsHtml(title, rows, paperWidthMm),
    });
  }

  /** One copy of a page that belongs to no sale, through the queue; answers with the printer's verdict. */
  async #printAndWait(kind: string, page: { escPos(paper: PaperWidth): Uint8Array; html(paper: PaperWidth): string }): Promise<{ printer: string }> {
    const { printer, paperWidthMm } = this.#options.settings.get();
    if (printer.kind === 'none') throw new PosError('print.no_printer');
    const key = `${kind}:${this.#options.now()}`;
    this.#queue.enqueue(key, 0, async () => {
      if (printer.kind === 'network') await sendToNetworkPrinter(printer, page.escPos(paperWidthMm), this.#options.network);
      else await this.#system().print(page.html(paperWidthMm), { deviceName: printer.deviceName, paperWidthMm, copies: 1 });
      return 1;
    });
    await this.#queue.idle();
    const result = this.#queue.status(key);
    if (result?.state === 'failed') throw new PosError(result.errorCode ?? 'print.failed', { detail: result.errorDetail ?? '' });
    return { printer: describeTarget(printer) };
  }

  /** What the sale's receipt says (the WhatsApp receipt is written from it). */
  model(tradeNo: string): Receipt {
    return this.#receipt(this.#options.payment(tradeNo), this.#options.settings.get(), false);
  }

  /** The same HTML the system printer gets, for the web preview and "Simpan PDF". */
  html(tradeNo: string, paperWidthMm = this.#options.settings.get().paperWidthMm): string {
    const settings = this.#options.settings.get();
    const reprint = this.printedCount(tradeNo) > 0;
    return renderReceiptHtml(this.#receipt(this.#options.payment(tradeNo), settings, reprint), { paperWidthMm, qr: settings.printQr });
  }

  async savePdf(tradeNo: string): Promise<SaveResult> {
    const html = this.html(tradeNo);
    return this.#system().savePdf(html, { paperWidthMm: this.#options.settings.get().paperWidthMm, suggestedName: `struk-${tradeNo}.pdf` });
  }

  async listPrinters(): Promise<SystemPrinterInfo[]> {
    return this.#options.systemPrinter ? this.#options.systemPrinter.list() : [];
  }

  onStatus(listener: (status: PrintStatus) => void): () => void {
    return this.#queue.onStatus(listener);
  }

  /** Waits for every queued print (app quit, tests). */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  async #send(payment: PaymentView, settings: ReceiptSettings, reprint: boolean): Promise<void> {
    const receipt = this.#receipt(payment, settings, reprint);
    const { printer, paperWidthMm, copies } = settings;
    if (printer.kind === 'network') {
      const one = encodeReceiptEscPos(receipt, { paperWidthMm, qr: settings.printQr });
      const data = Buffer.concat(Array.from({ length: copies }, () => one));
      await sendToNetworkPrinter(printer, data, this.#options.network);
    } else if (printer.kind === 'system') {
      const html = renderReceiptHtml(receipt, { paperWidthMm, qr: settings.printQr });
      await this.#system().print(html, { deviceName: printer.deviceName, paperWidthMm, copies });
    }
  }

  #receipt(payment: PaymentView, settings: ReceiptSettings, reprint: boolean) {
    try {
      return buildReceipt(payment, {
        settings,
        reprint,
        ...(this.#options.timeZone ? { timeZone: this.#options.timeZone } : {}),
      });
    } catch (error) {
      if (error instanceof ReceiptError) throw new PosError(error.code, { detail: error.message });
      throw error;
    }
  }

  #system(): SystemPrinter {
    if (!this.#options.systemPrinter) throw new PosError('print.unavailable');
    return this.#options.systemPrinter;
  }

  #printEvents(tradeNo: string): { at: number; note: string }[] {
    return this.#options.ledger
      .events(tradeNo)
      .filter((event): event is typeof event & { note: string } => event.note?.startsWith('receipt.') ?? false);
  }

  #note(tradeNo: string, note: string): void {
    try {
      this.#options.ledger.annotate(tradeNo, note);
    } catch (error) {
      // The print itself happened (or failed) either way; a log line is all that is left to do.
      this.#options.onError?.(error, 'receipt event');
    }
  }
}

function describeTarget(printer: PrinterTarget): string {
  if (printer.kind === 'network') return `${printer.host}:${printer.port}`;
  if (printer.kind === 'system') return printer.deviceName;
  return 'none';
}

function toFailure(error: unknown): PrintFailure {
  if (error instanceof PrinterError) return { code: error.code, detail: error.message };
  if (error instanceof PosError) return { code: error.code, detail: error.detail ?? '' };
  return { code: 'print.failed', detail: error instanceof Error ? error.message : String(error) };
}
