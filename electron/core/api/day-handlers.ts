import type { AdminLock } from '../admin/admin-lock.ts';
import type { DayService } from '../day/day-service.ts';
import type { IpcHandlers } from './router.ts';

export type DayCallName =
  | 'getDayStatus'
  | 'listCashiers'
  | 'addCashier'
  | 'retireCashier'
  | 'openShift'
  | 'closeShift'
  | 'getDayReport'
  | 'listSales'
  | 'exportSales'
  | 'listLatePayments'
  | 'resolveLatePayment';

/** The day's calls (issue 16). Editing cashiers is the owner's: it needs the admin session. */
export function createDayHandlers(day: DayService, adminLock: AdminLock): Pick<IpcHandlers, DayCallName> {
  return {
    getDayStatus: async () => day.status(),
    listCashiers: async () => ({ cashiers: day.cashiers() }),
    addCashier: async (input) => {
      adminLock.requireUnlocked();
      return day.addCashier(input);
    },
    retireCashier: async ({ id }) => {
      adminLock.requireUnlocked();
      day.retireCashier(id);
      return { cashiers: day.cashiers() };
    },
    openShift: async ({ cashierId, pin }) => day.openShift(cashierId, pin),
    closeShift: async ({ supervisorPin }) => day.closeShift(supervisorPin),
    getDayReport: async (range) => day.dayReport(range),
    listSales: async (request) => day.listSales(request),
    exportSales: async (range) => day.exportCsv(range),
    listLatePayments: async () => ({ sales: day.lateUnresolved() }),
    resolveLatePayment: async ({ tradeNo, outcome, note }) => day.resolveLate(tradeNo, outcome, note),
  };
}
