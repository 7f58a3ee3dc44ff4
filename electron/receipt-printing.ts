import { BrowserWindow, type WebContents } from 'electron';
import type { PaperWidth } from '../shared/receipt-settings.ts';
import type { FileSaver } from './core/file-saver.ts';
import { PrinterError } from './core/receipts/network-printer.ts';
import type { SystemPrinter, SystemPrinterInfo } from './core/receipts/system-printer.ts';
import { hardenWebContents } from './window.ts';

/**
 * Operating-system printing for receipts (thin glue; the receipt itself is core's HTML). Each job
 * loads the page in a hidden, sandboxed window and prints it silently.
 *
 * Silent printing gives blank or tiny output unless the page size is set to the paper in
 * microns and the margins are none (see the Electron issues on `silent: true`): the height is
 * the page's own, measured after it loaded, so a roll printer cuts right under the footer.
 */

const MICRONS_PER_CSS_PX = 25_400 / 96;
const MM_PER_INCH = 25.4;
/** Chromium refuses custom page sizes under 353 microns; a receipt is never that short anyway. */
const MIN_HEIGHT_MICRONS = 50_000;
const BLANK = '<!doctype html><title>printers</title>';

export function createSystemPrinter(options: { parentWindow: () => BrowserWindow | null; fileSaver: FileSaver }): SystemPrinter {
  // Any webContents lists the printers: the main window's when it is open, else a throwaway page.
  const listPrinters = async (): Promise<SystemPrinterInfo[]> => {
    const parent = options.parentWindow();
    const printers = parent && !parent.isDestroyed() ? await parent.webContents.getPrintersAsync() : await withPage(BLANK, (contents) => contents.getPrintersAsync());
    return printers.map((printer) => ({ name: printer.name, displayName: printer.displayName }));
  };
  return {
    list: listPrinters,
    print: async (html, { deviceName, paperWidthMm, copies }) => {
      const installed = await listPrinters();
      if (!installed.some((printer) => printer.name === deviceName)) {
        throw new PrinterError('offline', `The printer "${deviceName}" is not installed on this computer.`);
      }
      await withPage(html, async (contents) => {
        const heightMicrons = Math.max(MIN_HEIGHT_MICRONS, Math.ceil((await contentHeightPx(contents)) * MICRONS_PER_CSS_PX));
        await print(contents, {
          silent: true,
          deviceName,
          copies,
          printBackground: true,
          margins: { marginType: 'none' },
          pageSize: { width: paperWidthMm * 1000, height: heightMicrons },
        });
      });
    },
    // Rendered only once a place was chosen: a cancelled dialog renders nothing.
    savePdf: (html, { paperWidthMm, suggestedName }) =>
      options.fileSaver.save({
        suggestedName,
        filter: { name: 'PDF', extensions: ['pdf'] },
        contents: () => withPage(html, async (contents) => contents.printToPDF(pdfOptions(paperWidthMm, await contentHeightPx(contents)))),
      }),
  };
}

/** printToPDF takes inches (webContents.print takes microns). */
export function pdfOptions(paperWidthMm: PaperWidth, heightPx: number) {
  return {
    pageSize: { width: paperWidthMm / MM_PER_INCH, height: Math.max(heightPx / 96, MIN_HEIGHT_MICRONS / 1000 / MM_PER_INCH) },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    printBackground: true,
  };
}

/** A hidden window holding the page for as long as `use` runs, destroyed afterwards whatever happens. */
async function withPage<T>(html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
  const window = new BrowserWindow({
    show: false,
    width: 600,
    height: 800,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false, devTools: false },
  });
  try {
    // No navigation anywhere, no new windows, no permissions: the page is only to be printed.
    hardenWebContents(window.webContents, () => false);
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await use(window.webContents);
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

/**
 * The receipt's own height. Not `documentElement.scrollHeight`: in a standards-mode page the
 * root's scroll height is never below the viewport (the hidden window's 800 px), so every short
 * receipt fed ~20 cm of paper. The body's box is the content (the receipt page has no margins).
 */
async function contentHeightPx(contents: WebContents): Promise<number> {
  const height = Number(await contents.executeJavaScript('Math.ceil(document.body.getBoundingClientRect().bottom)'));
  return Number.isFinite(height) && height > 0 ? height : 0;
}

function print(contents: WebContents, options: Electron.WebContentsPrintOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    contents.print(options, (success, failureReason) => {
      if (success) resolve();
      else reject(new PrinterError('failed', `The printer driver refused the receipt: ${failureReason || 'no reason given'}.`));
    });
  });
}
