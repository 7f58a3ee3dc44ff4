import { z } from 'zod';
import type { KeyValueStore } from '../vault/vault.ts';

/** The admin PIN's counter; other PINs (each cashier's) pass a key of their own. */
const ATTEMPTS_KEY = 'adminPinAttempts';

/** Lockouts grow with each one in a row: 1, 5, 15, then 60 minutes for every further one. */
export const DEFAULT_LOCKOUT_SCHEDULE_MS = [1, 5, 15, 60].map((minutes) => minutes * 60_000);

const attemptsSchema = z.object({
  failed: z.number().int().nonnegative(),
  lockouts: z.number().int().nonnegative(),
  lockedUntil: z.number(),
});
type Attempts = z.infer<typeof attemptsSchema>;
const FRESH: Attempts = { failed: 0, lockouts: 0, lockedUntil: 0 };

/**
 * Wrong-PIN counting, kept in the settings store so that restarting the app gives no fresh tries.
 * (The settings file is owner-only; someone who can edit it can also reset this.)
 */
export class PinAttempts {
  readonly #store: KeyValueStore;
  readonly #maxAttempts: number;
  readonly #schedule: readonly number[];
  readonly #key: string;

  constructor(store: KeyValueStore, options: { maxAttempts: number; lockoutScheduleMs: readonly number[]; key?: string }) {
    this.#store = store;
    this.#key = options.key ?? ATTEMPTS_KEY;
    this.#maxAttempts = options.maxAttempts;
    this.#schedule = options.lockoutScheduleMs;
  }

  /** Milliseconds left of the current lockout (0: none). */
  lockedFor(now: number): number {
    return Math.max(0, this.#read().lockedUntil - now);
  }

  /** Counts a try before it is verified, so a crash or a parallel try cannot skip the count. */
  recordTry(): void {
    const attempts = this.#read();
    this.#write({ ...attempts, failed: attempts.failed + 1 });
  }

  /** The try just recorded was wrong: lock out once the tries are used up. */
  recordWrong(now: number): void {
    const attempts = this.#read();
    if (attempts.failed < this.#maxAttempts) return;
    const step = this.#schedule[Math.min(attempts.lockouts, this.#schedule.length - 1)] ?? 0;
    this.#write({ failed: 0, lockouts: attempts.lockouts + 1, lockedUntil: now + step });
  }

  recordRight(): void {
    this.#write(FRESH);
  }

  /** The owner lifted the lockout: fresh tries, and the next lockout starts short again. */
  clear(): void {
    this.#store.delete(this.#key);
  }

  #read(): Attempts {
    const raw = this.#store.get(this.#key);
    if (raw === undefined) return FRESH;
    const parsed = attemptsSchema.safeParse(raw);
    return parsed.success ? parsed.data : FRESH;
  }

  #write(attempts: Attempts): void {
    this.#store.set(this.#key, attempts);
  }
}
