import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { CashSettings } from '../../../shared/cash-settings.ts';
import type { PrinterTarget } from '../../../shared/receipt-settings.ts';
import { PosError } from '../errors.ts';
import { LedgerError } from '../ledger/ledger.ts';
import type { DrawerOpeningRecord, ShiftCashBook } from '../ledger/shift-cash-book.ts';
import { PrinterError, sendToNetworkPrinter, type SendOptions } from './network-printer.ts';

/**
 * The drawer's kick, `ESC p m t1 t2`, as the encoder writes it: m = 0 for pin 2, 1 for pin 5; on
 * and off times in 2 ms units. Nothing else: no initialise, which would reset a receipt being
 * printed, and no line feed (the encoder drops the one after a final pulse).
 */
export function encodeDrawerPulse(settings: Pick<CashSettings, 'drawerPin' | 'pulseOnMs' | 'pulseOffMs'>): Uint8Array {
  const device = settings.drawerPin === 5 ? 1 : 0;
  return new ReceiptPrinterEncoder({ language: 'esc-pos' }).pulse(device, settings.pulseOnMs, settings.pulseOffMs).encode();
}

export interface CashDrawerDeps {
  /** Where openings are recorded (the ledger's `day.cash`). */
  book: () => ShiftCashBook;
  /** The receipt printer: the drawer hangs off a LAN (ESC/POS) receipt printer. */
  printer: () => PrinterTarget;
  settings: () => CashSettings;
  network?: SendOptions;
}

/**
 * The cash drawer, opened by a pulse through the LAN receipt printer it is plugged into. Every
 * opening is recorded before the pulse (who: the shift's cashier; when; for which sale or why), so
 * an opening whose pulse then fails is still on record. An operating-system printer cannot kick a
 * drawer: its driver takes pages, not raw ESC/POS.
 */
export class CashDrawer {
  readonly #deps: CashDrawerDeps;

  constructor(deps: CashDrawerDeps) {
    this.#deps = deps;
  }

  /** A cash sale's drawer: the core calls this once a cash payment is committed (pos-core.ts). */
  openForSale(saleTradeNo: string): Promise<DrawerOpeningRecord> {
    return this.#open({ tradeNo: saleTradeNo });
  }

  /** "Buka laci" without a sale: needs a reason, and an open shift (its cashier is who opened it). */
  async openWithReason(reason: string): Promise<DrawerOpeningRecord> {
    const trimmed = reason.trim();
    if (trimmed === '') throw new PosError('validation', { fields: { reason: { code: 'drawer.reason_required' } } });
    return this.#open({ reason: trimmed });
  }

  async #open(cause: { tradeNo: string } | { reason: string }): Promise<DrawerOpeningRecord> {
    const printer = this.#deps.printer();
    if (printer.kind === 'none') throw new PosError('drawer.no_printer');
    if (printer.kind === 'system') throw new PosError('drawer.system_printer', { detail: printer.deviceName });
    const pulse = encodeDrawerPulse(this.#deps.settings());
    const opening = recordOpening(this.#deps.book(), cause);
    try {
      await sendToNetworkPrinter({ host: printer.host, port: printer.port }, pulse, this.#deps.network);
    } catch (error) {
      if (error instanceof PrinterError) throw new PosError(error.code, { detail: error.message, cause: error });
      throw error;
    }
    return opening;
  }
}

/** "Buka laci" needs an open shift: its cashier is who opened the drawer. */
function recordOpening(book: ShiftCashBook, cause: { tradeNo: string } | { reason: string }): DrawerOpeningRecord {
  try {
    return book.recordOpening(cause);
  } catch (error) {
    if (error instanceof LedgerError && error.code === 'shift_closed') throw new PosError('shift.none_open', { cause: error });
    throw error;
  }
}
