import type { AdminLock } from '../admin/admin-lock.ts';
import type { DayService } from '../day/day-service.ts';
import type { CashDrawer } from '../receipts/cash-drawer.ts';
import type { CashSettingsStore } from '../receipts/cash-settings-store.ts';
import type { IpcHandlers } from './router.ts';

export type CashCallName = 'getCashSettings' | 'updateCashSettings' | 'openDrawer' | 'moveCash' | 'setFloat' | 'listCashMovements';

/** The drawer and the shift's cash (issue 22); the settings are behind the admin lock. */
export function createCashHandlers(deps: { day: DayService; drawer: CashDrawer; settings: CashSettingsStore; adminLock: AdminLock }): Pick<IpcHandlers, CashCallName> {
  const { day, drawer, settings, adminLock } = deps;
  return {
    getCashSettings: async () => ({ settings: settings.get() }),
    updateCashSettings: async ({ patch }) => {
      adminLock.requireUnlocked();
      return { settings: settings.update(patch) };
    },
    openDrawer: async ({ reason }) => {
      const opening = await drawer.openWithReason(reason);
      return { at: opening.at, cashierName: opening.cashierName };
    },
    moveCash: async (request) => day.moveCash(request),
    setFloat: async ({ amount }) => day.setFloat(amount),
    listCashMovements: async ({ shiftId }) => ({ movements: day.cashMovements(shiftId) }),
  };
}
