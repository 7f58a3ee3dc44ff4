import type { AdminLock } from '../admin/admin-lock.ts';
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
] as const;
export type ReceiptCallName = (typeof RECEIPT_CALLS)[number];

/** The receipt calls (issue 12); the settings and the test page are behind the admin lock. */
export function createReceiptHandlers(deps: {
  receipts: ReceiptService;
  settings: ReceiptSettingsStore;
  adminLock: AdminLock;
  /** After each save (the customer display shows the receipt settings' shop name). */
  onSettingsChanged?: () => void;
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
  };
}
