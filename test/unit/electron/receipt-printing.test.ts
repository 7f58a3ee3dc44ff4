import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, FakeBrowserWindow, FakeWebContents, resetElectronMock } from '../../harness/electron-mock.ts';
import { createSystemPrinter, pdfOptions } from '../../../electron/receipt-printing.ts';
import { PrinterError } from '../../../electron/core/receipts/network-printer.ts';
import { createFileSaver } from '../../../electron/save-dialog.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);

const HTML = '<!doctype html><title>Struk</title><p>LUNAS</p>';
const POS58 = { name: 'POS58_USB', displayName: 'POS-58 USB', description: '', options: {} };
let dir: string;

beforeEach(() => {
  resetElectronMock();
  FakeWebContents.printers = [POS58];
  FakeWebContents.contentHeightPx = 600; // CSS px of receipt in an 800 px tall hidden window
  dir = mkdtempSync(join(tmpdir(), 'paypro-receipt-glue-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const printer = (parent: FakeBrowserWindow | null = null) => {
  const parentWindow = () => parent as unknown as import('electron').BrowserWindow | null;
  return createSystemPrinter({ parentWindow, fileSaver: createFileSaver({ parentWindow }) });
};

describe('createSystemPrinter', () => {
  it('prints silently on the named printer, paper width and measured height in microns, no margins', async () => {
    await printer().print(HTML, { deviceName: 'POS58_USB', paperWidthMm: 58, copies: 2 });
    const pages = FakeBrowserWindow.created.filter((window) => window.webContents.print.mock.calls.length > 0);
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(page.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(page.loadURL).toHaveBeenCalledWith(`data:text/html;charset=utf-8,${encodeURIComponent(HTML)}`);
    expect(page.webContents.print.mock.calls[0]![0]).toEqual({
      silent: true,
      deviceName: 'POS58_USB',
      copies: 2,
      printBackground: true,
      margins: { marginType: 'none' },
      pageSize: { width: 58_000, height: Math.ceil(600 * (25_400 / 96)) },
    });
    // The hidden page never outlives its job, and may not navigate or open windows.
    expect(FakeBrowserWindow.created.every((window) => window.isDestroyed())).toBe(true);
    expect(page.webContents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('a short page still gets a page size Chromium accepts', async () => {
    FakeWebContents.contentHeightPx = 0;
    await printer().print(HTML, { deviceName: 'POS58_USB', paperWidthMm: 80, copies: 1 });
    const options = FakeBrowserWindow.created.at(-1)!.webContents.print.mock.calls[0]![0] as { pageSize: { width: number; height: number } };
    expect(options.pageSize).toEqual({ width: 80_000, height: 50_000 });
  });

  it('a receipt shorter than the hidden window is as long as its content, not the window (no blank paper fed)', async () => {
    FakeWebContents.contentHeightPx = 311.4;
    await printer().print(HTML, { deviceName: 'POS58_USB', paperWidthMm: 58, copies: 1 });
    const options = FakeBrowserWindow.created.at(-1)!.webContents.print.mock.calls[0]![0] as { pageSize: { height: number } };
    expect(options.pageSize.height).toBe(Math.ceil(312 * (25_400 / 96)));
    electronMock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'pendek.pdf') });
    await printer().savePdf(HTML, { paperWidthMm: 58, suggestedName: 'pendek.pdf' });
    expect(FakeBrowserWindow.created.at(-1)!.webContents.printToPDF.mock.calls[0]![0]).toEqual(pdfOptions(58, 312));
  });

  it('a driver failure becomes a PrinterError with its reason, and the page is closed', async () => {
    FakeWebContents.printOutcome = { success: false, failureReason: 'Print job failed' };
    const error = await printer().print(HTML, { deviceName: 'POS58_USB', paperWidthMm: 58, copies: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PrinterError);
    expect(error).toMatchObject({ code: 'print.failed', message: expect.stringContaining('Print job failed') });
    expect(FakeBrowserWindow.created.every((window) => window.isDestroyed())).toBe(true);
  });

  it('a printer that is no longer installed is reported before any page is printed', async () => {
    FakeWebContents.printers = [];
    const error = await printer().print(HTML, { deviceName: 'POS58_USB', paperWidthMm: 58, copies: 1 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'print.offline', message: expect.stringContaining('POS58_USB') });
    expect(FakeBrowserWindow.created.some((window) => window.webContents.print.mock.calls.length > 0)).toBe(false);
  });

  it('lists printers through the main window when it is open', async () => {
    const main = new FakeBrowserWindow({});
    expect(await printer(main).list()).toEqual([{ name: 'POS58_USB', displayName: 'POS-58 USB' }]);
    expect(main.webContents.getPrintersAsync).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('saves a PDF of the paper width where the cashier chooses', async () => {
    const path = join(dir, 'struk.pdf');
    electronMock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const result = await printer().savePdf(HTML, { paperWidthMm: 58, suggestedName: 'struk-1.pdf' });
    expect(result).toEqual({ saved: true, path });
    expect(readFileSync(path, 'utf8')).toMatch(/^%PDF-/);
    expect(electronMock.dialog.showSaveDialog.mock.calls[0]!.at(-1)).toMatchObject({
      defaultPath: join('/tmp/paypro-pos-user-data', 'struk-1.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    const pdfCall = FakeBrowserWindow.created.at(-1)!.webContents.printToPDF.mock.calls[0]![0];
    expect(pdfCall).toEqual(pdfOptions(58, 600));
  });

  it('a cancelled save dialog writes nothing and renders nothing', async () => {
    expect(await printer().savePdf(HTML, { paperWidthMm: 80, suggestedName: 'struk-1.pdf' })).toEqual({ saved: false });
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });
});

describe('pdfOptions', () => {
  it('sizes the PDF in inches: the paper width and the page height, no margins', () => {
    expect(pdfOptions(80, 960)).toEqual({
      pageSize: { width: 80 / 25.4, height: 10 },
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      printBackground: true,
    });
  });
});
