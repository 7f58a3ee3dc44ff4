import type { CashierView } from '../../../shared/day/day-contract.ts';
import { sameCashierName, validateCashierInput, validateCashierName, validateCashierPin } from '../../../shared/day/cashier-rules.ts';
import type { Settings } from '../../../shared/settings.ts';
import { PosError } from '../errors.ts';
import type { DayBook } from '../ledger/day-book.ts';
import type { CashierRecord } from '../ledger/day-records.ts';
import { approveAsOwner, type Supervisor } from './supervisor.ts';

/** The name the one-person shop's cashier gets; the owner can rename it or give it a PIN. */
export const DEFAULT_CASHIER_NAME = 'Kasir';

/** Hashes and checks cashier PINs (salted scrypt, tries counted per cashier with lockout). */
export interface CashierPins {
  hash(pin: string): Promise<string>;
  /** Throws PosError `wrong_pin` or `pin_locked_out` (this cashier's tries only). */
  verify(cashierId: number, pin: string, stored: string): Promise<void>;
  /** The owner lifted this cashier's lockout. */
  clearLockout(cashierId: number): void;
}

export interface CashierRosterDeps {
  book: () => DayBook;
  settings: () => Settings;
  pins: CashierPins;
  supervisor: Supervisor;
}

/**
 * Who may open a shift: the cashiers the owner keeps (added, renamed, given a PIN, retired — the
 * caller checks the admin session) and the PIN check at the start of a shift. With cashier PINs
 * on, nobody opens a shift without a PIN of their own, and the roster never leaves the shop with
 * nobody who can.
 */
export class CashierRoster {
  readonly #deps: CashierRosterDeps;

  constructor(deps: CashierRosterDeps) {
    this.#deps = deps;
  }

  get #book(): DayBook {
    return this.#deps.book();
  }

  /** An active cashier (other than `self`) already has this name: refused next to the name box. */
  #refuseTakenName(name: string, self?: number): void {
    const taken = this.#book.cashiers().some((cashier) => cashier.retiredAt === null && cashier.id !== self && sameCashierName(cashier.name, name));
    if (taken) throw new PosError('validation', { fields: { name: { code: 'cashier.name_taken' } } });
  }

  list(): CashierView[] {
    return this.#book.cashiers().map(cashierView);
  }

  async add(input: { name: string; pin: string }): Promise<CashierView> {
    const checked = validateCashierInput(input);
    if (!checked.ok) throw new PosError('validation', { fields: checked.fields });
    this.#refuseTakenName(checked.value.name);
    const stored = await this.#deps.pins.hash(checked.value.pin);
    return cashierView(this.#book.addCashier(checked.value.name, stored));
  }

  /** Gives a cashier (the default one too) a PIN, or a new one; fresh tries, lockout lifted. */
  async setPin(id: number, pin: string): Promise<void> {
    const checked = validateCashierPin(pin);
    if (!checked.ok) throw new PosError('validation', { fields: { pin: checked.error } });
    this.#active(id);
    this.#book.setCashierPin(id, await this.#deps.pins.hash(pin));
    this.#deps.pins.clearLockout(id);
  }

  rename(id: number, name: string): void {
    const checked = validateCashierName(name);
    if (!checked.ok) throw new PosError('validation', { fields: { name: checked.error } });
    this.#active(id);
    this.#refuseTakenName(checked.value, id);
    this.#book.renameCashier(id, checked.value);
  }

  /**
   * Refused while the cashier's shift is open (`cashier.shift_open`), and when it would leave
   * nobody to open a shift (`cashier.last_with_pin`): while cashier PINs are on, the last active
   * cashier with a PIN; the default cashier until another cashier with a PIN has replaced it.
   */
  retire(id: number): void {
    const cashier = this.#active(id);
    if (this.#book.currentShift()?.cashierId === id) throw new PosError('cashier.shift_open');
    if ((cashier.isDefault || this.#deps.settings().day.cashierPins) && !this.#anyWithPin(id)) {
      throw new PosError('cashier.last_with_pin');
    }
    this.#book.retireCashier(id);
  }

  /**
   * Before a shift opens: the cashier's PIN, or the owner's (`supervisorPin`) for a cashier who
   * is locked out or forgot it — which also lifts that cashier's lockout. With cashier PINs on, a
   * cashier without a PIN cannot open one (`shift.cashier_no_pin`); with them off, the PIN-less
   * default cashier needs none.
   */
  async admit(id: number, pin: string, supervisorPin?: string): Promise<void> {
    const cashier = this.#active(id);
    if (cashier.pin === null) {
      if (this.#deps.settings().day.cashierPins) throw new PosError('shift.cashier_no_pin');
    } else if (supervisorPin !== undefined) {
      await approveAsOwner(this.#deps.supervisor, supervisorPin, () => new PosError('wrong_pin'));
      this.#deps.pins.clearLockout(id);
    } else {
      await this.#deps.pins.verify(id, pin, cashier.pin);
    }
  }

  /** The cashier whose shift opens by itself with cashier PINs off; back from retirement if need be. */
  defaultForSale(): CashierRecord {
    const cashier = this.#book.defaultCashier() ?? this.#book.addCashier(DEFAULT_CASHIER_NAME, null, true);
    // Retired while the shop used cashier PINs: with PINs off again, it is the one who sells.
    if (cashier.retiredAt !== null) this.#book.reinstateCashier(cashier.id);
    return cashier;
  }

  /**
   * Settings the day cannot work with, as field errors (the caller refuses the whole save):
   * cashier PINs on with no active cashier holding a PIN (no shift could open, so no sale), and a
   * cancel guard with no owner PIN to ask for.
   */
  settingsRefusals(day: Settings['day']): Record<string, { code: string }> {
    const refusals: Record<string, { code: string }> = {};
    if (day.cashierPins && !this.#anyWithPin()) refusals['day.cashierPins'] = { code: 'settings.cashier_pins_no_pin' };
    if (day.supervisorCancelAfterMinutes > 0 && !this.#deps.supervisor.ownerPinSet) {
      refusals['day.supervisorCancelAfterMinutes'] = { code: 'settings.supervisor_needs_owner_pin' };
    }
    return refusals;
  }

  #active(id: number): CashierRecord {
    const cashier = this.#book.cashier(id);
    if (cashier === undefined || cashier.retiredAt !== null) throw new PosError('not_found', { detail: `cashier ${id}` });
    return cashier;
  }

  /** An active cashier with a PIN, other than `except`. */
  #anyWithPin(except?: number): boolean {
    return this.#book.cashiers().some((cashier) => cashier.id !== except && cashier.retiredAt === null && cashier.pin !== null);
  }
}

function cashierView(cashier: CashierRecord): CashierView {
  return { id: cashier.id, name: cashier.name, hasPin: cashier.pin !== null, isDefault: cashier.isDefault, retired: cashier.retiredAt !== null };
}
