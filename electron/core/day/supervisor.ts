import type { AdminLock } from '../admin/admin-lock.ts';
import { PosError } from '../errors.ts';

/** The owner's PIN as supervisor: throws PosError `wrong_pin` / `pin_locked_out` unless it opens. */
export interface Supervisor {
  /** The owner has set an admin PIN: without one there is nobody to ask, and the guards refuse. */
  readonly ownerPinSet: boolean;
  /** The admin session is open (the owner is at the till). */
  readonly present: boolean;
  confirm(pin: string): Promise<void>;
}

/** The admin lock as supervisor: an open admin session is presence; otherwise the PIN, checked and the session left as it was. */
export function adminSupervisor(lock: AdminLock): Supervisor {
  return {
    get ownerPinSet() {
      return lock.pinSet;
    },
    get present() {
      // Without a PIN the lock counts as open, but nobody has proven to be the owner.
      return lock.pinSet && lock.unlocked;
    },
    confirm: async (pin) => {
      await lock.unlock(pin);
      lock.lock();
    },
  };
}

/**
 * The owner approves: present (admin session open), or their PIN checked now. Without a PIN
 * given, `refusal`; with no owner PIN set at all nobody can approve (`supervisor.no_owner_pin`),
 * so a guard holds instead of letting everything through.
 */
export async function approveAsOwner(
  supervisor: Supervisor,
  pin: string | undefined,
  refusal: () => PosError,
  options: { withoutOwnerPin?: 'refuse' | 'allow' } = {},
): Promise<void> {
  if (supervisor.present) return;
  if (!supervisor.ownerPinSet) {
    // 'allow': a till without an owner PIN has no owner apart from the cashier (its settings are open too).
    if (options.withoutOwnerPin === 'allow') return;
    throw new PosError('supervisor.no_owner_pin');
  }
  if (pin === undefined) throw refusal();
  await supervisor.confirm(pin);
}
