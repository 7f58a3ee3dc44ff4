import { PosError } from '../errors.ts';
import { DEFAULT_LOCKOUT_SCHEDULE_MS, PinAttempts } from '../admin/pin-attempts.ts';
import { hashPin, pinMatches, SCRYPT_PARAMS, storedPinSchema } from '../admin/pin-hash.ts';
import type { KeyValueStore } from '../vault/vault.ts';
import type { CashierPins } from './cashier-roster.ts';

/**
 * Cashier PINs: the admin PIN's salted scrypt and its persisted, growing lockout, with a try
 * counter per cashier (stored as `cashierPinAttempts.<id>`): one cashier's wrong guesses lock
 * that cashier only, never the owner's settings nor a colleague's shift. Each cashier's tries are
 * checked one at a time and counted before the scrypt, so parallel guesses cannot skip the count.
 */
export function createCashierPins(
  store: KeyValueStore,
  options: { now?: () => number; scryptN?: number; maxAttempts?: number; lockoutScheduleMs?: readonly number[] } = {},
): CashierPins {
  const now = options.now ?? Date.now;
  const attemptsOf = (cashierId: number) =>
    new PinAttempts(store, {
      key: `cashierPinAttempts.${cashierId}`,
      maxAttempts: options.maxAttempts ?? 5,
      lockoutScheduleMs: options.lockoutScheduleMs ?? DEFAULT_LOCKOUT_SCHEDULE_MS,
    });
  const queues = new Map<number, Promise<unknown>>();

  return {
    hash: async (pin) => JSON.stringify(await hashPin(pin, options.scryptN ?? SCRYPT_PARAMS.N)),
    verify: (cashierId, pin, stored) => {
      const attempts = attemptsOf(cashierId);
      const check = (queues.get(cashierId) ?? Promise.resolve()).then(async () => {
        const waitMs = attempts.lockedFor(now());
        if (waitMs > 0) throw new PosError('pin_locked_out', { detail: String(Math.ceil(waitMs / 1000)) });
        attempts.recordTry();
        const parsed = storedPinSchema.safeParse(JSON.parse(stored));
        if (parsed.success && (await pinMatches(pin, parsed.data))) {
          attempts.recordRight();
          return;
        }
        attempts.recordWrong(now());
        throw new PosError('wrong_pin');
      });
      queues.set(cashierId, check.catch(() => undefined));
      return check;
    },
    clearLockout: (cashierId) => attemptsOf(cashierId).clear(),
  };
}
