import type { PaperWidth } from '../../../shared/receipt-settings.ts';
import type { SaveResult } from '../file-saver.ts';

/** A printer the operating system knows (Electron's PrinterInfo, the fields we use). */
export interface SystemPrinterInfo {
  name: string;
  displayName: string;
}


/**
 * Printing through the operating system, which only Electron can do (electron/receipt-printing.ts
 * implements it with a hidden window). Core works without one: the web preview has none, and
 * then system printing and "Simpan PDF" answer `print.unavailable`.
 */
export interface SystemPrinter {
  list(): Promise<SystemPrinterInfo[]>;
  /** Prints the page silently on `deviceName`; rejects with the driver's reason. */
  print(html: string, options: { deviceName: string; paperWidthMm: PaperWidth; copies: number }): Promise<void>;
  /** Asks where to save, then writes the page as a PDF of the paper's width. */
  savePdf(html: string, options: { paperWidthMm: PaperWidth; suggestedName: string }): Promise<SaveResult>;
}
