import type { AdminLock } from '../admin/admin-lock.ts';
import type { DayService } from '../day/day-service.ts';
import { collectCsv } from '../day/sales-export.ts';
import type { FileSaver } from '../file-saver.ts';
import type { IpcHandlers } from './router.ts';

export type DayCallName =
  | 'getDayStatus'
  | 'listCashiers'
  | 'addCashier'
  | 'retireCashier'
  | 'setCashierPin'
  | 'renameCashier'
  | 'openShift'
  | 'closeShift'
  | 'getShiftReport'
  | 'getDayReport'
  | 'listSales'
  | 'exportSales'
  | 'listLatePayments'
  | 'resolveLatePayment'
  | 'listOverpaid'
  | 'resolveOverpaid';

/**
 * The day's calls (issue 16). Editing cashiers is the owner's: it needs the admin session. The
 * CSV goes through the save dialog when there is one (Electron), else back as a download.
 */
export function createDayHandlers(day: DayService, adminLock: AdminLock, fileSaver?: FileSaver): Pick<IpcHandlers, DayCallName> {
  return {
    getDayStatus: async () => day.status(),
    listCashiers: async () => ({ cashiers: day.roster.list() }),
    addCashier: async (input) => {
      adminLock.requireUnlocked();
      return day.roster.add(input);
    },
    retireCashier: async ({ id }) => {
      adminLock.requireUnlocked();
      day.roster.retire(id);
      return { cashiers: day.roster.list() };
    },
    setCashierPin: async ({ id, pin }) => {
      adminLock.requireUnlocked();
      await day.roster.setPin(id, pin);
      return { cashiers: day.roster.list() };
    },
    renameCashier: async ({ id, name }) => {
      adminLock.requireUnlocked();
      day.roster.rename(id, name);
      return { cashiers: day.roster.list() };
    },
    openShift: async ({ cashierId, pin, supervisorPin, float }) => day.openShift(cashierId, pin, supervisorPin, float),
    closeShift: async ({ supervisorPin, count }) => day.closeShift(supervisorPin, count),
    getShiftReport: async ({ shiftId }) => day.shiftReport(shiftId),
    getDayReport: async (range) => day.dayReport(range),
    listSales: async (request) => day.listSales(request),
    exportSales: async (request) => {
      // The range is checked here, before any dialog opens; the rows are read while being written.
      const file = await day.exportCsv(request);
      if (fileSaver === undefined) return { outcome: 'download', fileName: file.fileName, csv: await collectCsv(file.chunks), rows: file.rowsWritten() };
      const saved = await fileSaver.save({ suggestedName: file.fileName, filter: { name: 'CSV', extensions: ['csv'] }, contents: () => file.chunks });
      return saved.saved ? { outcome: 'saved', path: saved.path, rows: file.rowsWritten() } : { outcome: 'cancelled' };
    },
    listLatePayments: async () => ({ sales: day.lateUnresolved() }),
    resolveLatePayment: async ({ tradeNo, outcome, note, supervisorPin }) => day.resolveLate(tradeNo, outcome, note, supervisorPin),
    listOverpaid: async () => ({ items: day.overpaidUnresolved() }),
    resolveOverpaid: async ({ tradeNo, outcome, note, supervisorPin }) => ({ items: await day.resolveOverpaid(tradeNo, outcome, note, supervisorPin) }),
  };
}
