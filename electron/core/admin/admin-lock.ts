import { z } from 'zod';
import { PosError } from '../errors.ts';
import type { Cipher, KeyValueStore } from '../vault/vault.ts';
import { DEFAULT_LOCKOUT_SCHEDULE_MS, PinAttempts } from './pin-attempts.ts';
import { hashPin, pinMatches, SCRYPT_PARAMS, storedPinSchema, type StoredPin } from './pin-hash.ts';

const PIN_KEY = 'adminPin';
/**
 * The same hash, encrypted with the OS key store (the vault's cipher). It is the authority: while
 * it exists a PIN is required, so deleting or replacing `adminPin` in settings.json fails closed.
 */
const PIN_GUARD_KEY = 'adminPinGuard';
const PIN_FORMAT = /^\d{4,8}$/;
const guardSchema = z.object({ version: z.literal(1), ciphertext: z.string().min(1) });

export interface AdminLockOptions {
  now?: () => number;
  /** Wrong tries before a lockout. */
  maxAttempts?: number;
  /** Lockout lengths, one per lockout in a row; the last repeats. */
  lockoutScheduleMs?: readonly number[];
  scryptN?: number;
  /** Encrypts the PIN guard (the app's safeStorage cipher). Without one only the plain hash guards. */
  cipher?: Cipher;
}

/**
 * The owner's PIN in front of the settings. Stored as a salted scrypt hash; wrong tries are counted
 * in the store and lock it for growing periods, so a cashier cannot guess a 4-digit PIN by trying
 * them all — not in parallel, not across restarts. Until a PIN is set (first run) the settings are open.
 */
export class AdminLock {
  readonly #store: KeyValueStore;
  readonly #now: () => number;
  readonly #scryptN: number;
  readonly #cipher: Cipher | undefined;
  readonly #attempts: PinAttempts;
  #unlocked = false;
  /** One verification at a time: a try waits for the one before it to be counted. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(store: KeyValueStore, options: AdminLockOptions = {}) {
    this.#store = store;
    this.#scryptN = options.scryptN ?? SCRYPT_PARAMS.N;
    this.#now = options.now ?? Date.now;
    this.#cipher = options.cipher;
    this.#attempts = new PinAttempts(store, {
      maxAttempts: options.maxAttempts ?? 5,
      lockoutScheduleMs: options.lockoutScheduleMs ?? DEFAULT_LOCKOUT_SCHEDULE_MS,
    });
  }

  /** A PIN is required when either record exists: a missing hash never means "open". */
  get pinSet(): boolean {
    return this.#store.get(PIN_GUARD_KEY) !== undefined || this.#store.get(PIN_KEY) !== undefined;
  }

  /** Open when no PIN is set, or after the right PIN in this session. */
  get unlocked(): boolean {
    return this.#unlocked || !this.pinSet;
  }

  requireUnlocked(): void {
    if (!this.unlocked) throw new PosError('locked');
  }

  unlock(pin: string): Promise<void> {
    const run = this.#queue.then(() => this.#verify(pin));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  lock(): void {
    this.#unlocked = false;
  }

  /** Sets the first PIN, or changes it with the current one. Leaves the session unlocked. */
  async setPin(newPin: string, currentPin?: string): Promise<void> {
    if (!PIN_FORMAT.test(newPin)) {
      throw new PosError('validation', { fields: { newPin: { code: 'pin.format', params: { min: 4, max: 8 } } } });
    }
    if (this.pinSet) await this.unlock(currentPin ?? '');
    const stored = await hashPin(newPin, this.#scryptN);
    await this.#writeGuard(stored);
    this.#store.set(PIN_KEY, stored);
    this.#unlocked = true;
  }

  async #verify(pin: string): Promise<void> {
    if (!this.pinSet) return;
    const waitMs = this.#attempts.lockedFor(this.#now());
    if (waitMs > 0) throw new PosError('pin_locked_out', { detail: String(Math.ceil(waitMs / 1000)) });
    this.#attempts.recordTry();
    const stored = await this.#storedPin();
    if (!(await pinMatches(pin, stored))) {
      this.#attempts.recordWrong(this.#now());
      throw new PosError('wrong_pin');
    }
    this.#attempts.recordRight();
    // A PIN set before the guard existed gets one now that it has been proven.
    if (this.#store.get(PIN_GUARD_KEY) === undefined) await this.#writeGuard(stored);
    this.#unlocked = true;
  }

  /** The guard's hash when there is a guard (a plain hash that disagrees is ignored), else the plain one. */
  async #storedPin(): Promise<StoredPin> {
    const guard = this.#store.get(PIN_GUARD_KEY);
    if (guard !== undefined) return this.#readGuard(guard);
    const plain = storedPinSchema.safeParse(this.#store.get(PIN_KEY));
    if (!plain.success) throw new PosError('pin_unreadable', { detail: 'the stored PIN is malformed' });
    return plain.data;
  }

  async #readGuard(raw: unknown): Promise<StoredPin> {
    const guard = guardSchema.safeParse(raw);
    if (!guard.success || !this.#cipher) throw new PosError('pin_unreadable', { detail: 'the PIN guard is malformed' });
    let plain: string;
    try {
      ({ plain } = await this.#cipher.decrypt(guard.data.ciphertext));
    } catch (error) {
      throw new PosError('pin_unreadable', { detail: 'the PIN guard cannot be decrypted', cause: error });
    }
    const stored = storedPinSchema.safeParse(parseJson(plain));
    if (!stored.success) throw new PosError('pin_unreadable', { detail: 'the PIN guard is malformed' });
    return stored.data;
  }

  async #writeGuard(stored: StoredPin): Promise<void> {
    if (!this.#cipher) return;
    const ciphertext = await this.#cipher.encrypt(JSON.stringify(stored));
    this.#store.set(PIN_GUARD_KEY, { version: 1, ciphertext });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
