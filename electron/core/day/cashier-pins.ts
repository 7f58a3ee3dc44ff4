import { PosError } from '../errors.ts';
import { DEFAULT_LOCKOUT_SCHEDULE_MS, PinAttempts } from '../admin/pin-attempts.ts';
import { hashPin, pinMatches, SCRYPT_PARAMS, storedPinSchema } from '../admin/pin-hash.ts';
import type { KeyValueStore } from '../vault/vault.ts';
import type { CashierPins } from './day-service.ts';

/**
 * Cashier PINs: the admin PIN's salted scrypt and its persisted, growing lockout, with their own
 * try counter (a cashier's typos must not lock the owner out of the settings). One counter for
 * all cashiers: picking another name does not give fresh tries.
 */
export function createCashierPins(
  store: KeyValueStore,
  options: { now?: () => number; scryptN?: number; maxAttempts?: number; lockoutScheduleMs?: readonly number[] } = {},
): CashierPins {
  const now = options.now ?? Date.now;
  const attempts = new PinAttempts(prefixed(store, 'cashierPins.'), {
    maxAttempts: options.maxAttempts ?? 5,
    lockoutScheduleMs: options.lockoutScheduleMs ?? DEFAULT_LOCKOUT_SCHEDULE_MS,
  });
  // One check at a time, so parallel tries are counted one after another.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    hash: async (pin) => JSON.stringify(await hashPin(pin, options.scryptN ?? SCRYPT_PARAMS.N)),
    verify: (pin, stored) => {
      const check = queue.then(async () => {
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
      queue = check.catch(() => undefined);
      return check;
    },
  };
}

/** The store seen through a key prefix, so the shared attempt counter gets a key of its own. */
function prefixed(store: KeyValueStore, prefix: string): KeyValueStore {
  return {
    get: (key) => store.get(`${prefix}${key}`),
    set: (key, value) => store.set(`${prefix}${key}`, value),
    delete: (key) => store.delete(`${prefix}${key}`),
  };
}
