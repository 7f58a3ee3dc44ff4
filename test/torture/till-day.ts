import { receivedOf } from '../../electron/core/day/report.ts';
import { createCashierPins } from '../../electron/core/day/cashier-pins.ts';
import { DayService } from '../../electron/core/day/day-service.ts';
import type { Ledger } from '../../electron/core/ledger/ledger.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';

/**
 * The shop's day of a till under torture, as the app wires it (pos-core.ts) for a one-person shop:
 * cashier PINs off (the default cashier's shift opens by itself before a sale), and the owner at
 * the till, so a close with a payment still awaiting goes through as a supervisor's forced close.
 */
export function tillDay(ledger: Ledger, settings: Settings = DEFAULT_SETTINGS, now: () => number = Date.now): DayService {
  const store = new Map<string, unknown>();
  return new DayService({
    ledger,
    settings: () => settings,
    pins: createCashierPins({ get: (key) => store.get(key), set: (key, value) => store.set(key, value), delete: (key) => store.delete(key) }, { now }),
    supervisor: { ownerPinSet: true, present: true, confirm: async () => undefined },
    now,
  });
}

/**
 * What must hold of a till's shifts after any crash and recovery: at most one shift open, every
 * closed shift with its report, every sale in a shift, and every rupiah the sales brought in
 * counted once — in its own shift's report (frozen at close) or, when it came after that close,
 * as received for an earlier shift in the shift open then (or waiting for the next one).
 */
export function checkShifts(ledger: Ledger): string[] {
  const problems: string[] = [];
  const shifts = ledger.day.shiftsBetween(0, Number.MAX_SAFE_INTEGER);
  if (shifts.filter((shift) => shift.closedAt === null).length > 1) problems.push('more than one open shift');
  for (const shift of shifts) {
    if ((shift.closedAt === null) !== (shift.report === null)) problems.push(`shift ${shift.id} half closed`);
  }
  const sales = ledger.listBetween(0, Number.MAX_SAFE_INTEGER);
  const inShifts = shifts.reduce((sum, shift) => sum + ledger.day.pageOfShift(shift.id, 10_000).sales.length, 0);
  if (inShifts !== sales.length) problems.push(`${sales.length - inShifts} sale(s) without a shift`);
  const received = sales.reduce((sum, sale) => sum + receivedOf(sale), 0);
  const waiting = ledger.day.receivedAfterClose(0, Number.MAX_SAFE_INTEGER).amount
    - shifts.reduce((sum, shift) => sum + ledger.day.shiftReport(shift.id).earlier.amount, 0);
  const counted = shifts.reduce((sum, shift) => {
    const report = ledger.day.shiftReport(shift.id);
    return sum + report.received + report.earlier.amount;
  }, waiting);
  if (counted !== received) problems.push(`shift reports count Rp ${counted}, the sales brought in Rp ${received}`);
  return problems;
}
