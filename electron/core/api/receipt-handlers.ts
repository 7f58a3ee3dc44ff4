import type { PayoutEstimate } from '../../../shared/day/mdr.ts';
import type { AdminLock } from '../admin/admin-lock.ts';
import type { ClosedShift, DayReport } from '../../../shared/day/day-contract.ts';
import { dayReportRows, shiftReportRows } from '../receipts/report-receipt.ts';
import type { ReceiptService } from '../receipts/receipt-service.ts';
import type { ReceiptSettingsStore } from '../receipts/receipt-settings-store.ts';
import type { IpcHandlers } from './router.ts';

export const RECEIPT_CALLS = [
  'getReceiptSettings',
  'updateReceiptSettings',
  'printReceipt',
  'getPrintStatus',
  'testPrint',
  'listPrinters',
  'saveReceiptPdf',
  'printDayReport',
  'printShiftReport',
] as const;
export type ReceiptCallName = (typeof RECEIPT_CALLS)[number];

/** The receipt calls (issue 12); the settings and the test page are behind the admin lock. */
export function createReceiptHandlers(deps: {
  receipts: ReceiptService;
  settings: ReceiptSettingsStore;
  adminLock: AdminLock;
  /** After each save (the customer display shows the receipt settings' shop name). */
  onSettingsChanged?: () => void;
  /** The day report the Laporan screen shows (DayService.dayReport), for "Cetak laporan". */
  dayReport: (range: { from?: string; to?: string }) => DayReport;
  /** What Paypro will pay out for the same range (DayService.payoutEstimate): printed under the day report. */
  payoutEstimate: (range: { from?: string; to?: string }) => PayoutEstimate;
  /** A shift's report as the Laporan screen shows it (DayService.shiftReport). */
  shiftReport: (shiftId: number) => ClosedShift;
  /** Training till: the printed report is marked LATIHAN like its receipts. */
  training: () => boolean;
}): Pick<IpcHandlers, ReceiptCallName> {
  const { receipts, settings, adminLock } = deps;
  return {
    getReceiptSettings: async () => ({ settings: settings.get() }),
    updateReceiptSettings: async ({ patch }) => {
      adminLock.requireUnlocked();
      const saved = settings.update(patch);
      deps.onSettingsChanged?.();
      return { settings: saved };
    },
    printReceipt: async ({ tradeNo }) => receipts.print(tradeNo),
    getPrintStatus: async ({ tradeNo }) => ({ status: receipts.status(tradeNo) }),
    testPrint: async () => {
      adminLock.requireUnlocked();
      return receipts.testPrint();
    },
    listPrinters: async () => ({ printers: await receipts.listPrinters() }),
    saveReceiptPdf: async ({ tradeNo }) => receipts.savePdf(tradeNo),
    printDayReport: async (range) => {
      const report = deps.dayReport(range);
      const payout = deps.payoutEstimate(range);
      return receipts.printReport('Laporan hari', (context) => dayReportRows(report, { ...context, training: deps.training() }, payout));
    },
    printShiftReport: async ({ shiftId }) => {
      const shift = deps.shiftReport(shiftId);
      return receipts.printReport('Laporan shift', (context) => shiftReportRows(shift, { ...context, training: deps.training() }));
    },
  };
}
