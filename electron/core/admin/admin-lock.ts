import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PosError } from '../errors.ts';
import type { KeyValueStore } from '../vault/vault.ts';

const PIN_KEY = 'adminPin';
const PIN_FORMAT = /^\d{4,8}$/;
// OWASP's scrypt floor (N=2^17, r=8, p=1) costs ~128 MiB and ~0.3 s: fine for a PIN typed rarely.
const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

interface StoredPin {
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
}

/**
 * The owner's PIN in front of the settings. Stored as a salted scrypt hash; a few wrong tries
 * lock it for a while, so a cashier cannot guess a 4-digit PIN by trying them all.
 * Until a PIN is set (first run) the settings are open.
 */
export class AdminLock {
  readonly #store: KeyValueStore;
  readonly #now: () => number;
  readonly #maxAttempts: number;
  readonly #lockoutMs: number;
  readonly #scryptN: number;
  #unlocked = false;
  #failedAttempts = 0;
  #lockedUntil = 0;

  constructor(
    store: KeyValueStore,
    options: { now?: () => number; maxAttempts?: number; lockoutMs?: number; scryptN?: number } = {},
  ) {
    this.#store = store;
    // Tests lower the cost; stored hashes carry their own parameters, so both verify.
    this.#scryptN = options.scryptN ?? SCRYPT_PARAMS.N;
    this.#now = options.now ?? Date.now;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#lockoutMs = options.lockoutMs ?? 60_000;
  }

  get pinSet(): boolean {
    return this.#storedPin() !== null;
  }

  /** Open when no PIN is set, or after the right PIN in this session. */
  get unlocked(): boolean {
    return this.#unlocked || !this.pinSet;
  }

  requireUnlocked(): void {
    if (!this.unlocked) throw new PosError('locked');
  }

  async unlock(pin: string): Promise<void> {
    const stored = this.#storedPin();
    if (!stored) return;
    const waitMs = this.#lockedUntil - this.#now();
    if (waitMs > 0) throw new PosError('pin_locked_out', { detail: String(Math.ceil(waitMs / 1000)) });
    if (!(await matches(pin, stored))) {
      this.#failedAttempts++;
      if (this.#failedAttempts >= this.#maxAttempts) {
        this.#failedAttempts = 0;
        this.#lockedUntil = this.#now() + this.#lockoutMs;
      }
      throw new PosError('wrong_pin');
    }
    this.#failedAttempts = 0;
    this.#unlocked = true;
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
    const salt = randomBytes(16);
    const params = { ...SCRYPT_PARAMS, N: this.#scryptN };
    const hash = await derive(newPin, salt, params);
    const stored: StoredPin = { salt: salt.toString('base64'), hash: hash.toString('base64'), N: params.N, r: params.r, p: params.p };
    this.#store.set(PIN_KEY, stored);
    this.#unlocked = true;
  }

  #storedPin(): StoredPin | null {
    const value = this.#store.get(PIN_KEY) as Partial<StoredPin> | undefined;
    if (!value || typeof value.salt !== 'string' || typeof value.hash !== 'string') return null;
    if (typeof value.N !== 'number' || typeof value.r !== 'number' || typeof value.p !== 'number') return null;
    return value as StoredPin;
  }
}

async function matches(pin: string, stored: StoredPin): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'), {
    N: stored.N,
    r: stored.r,
    p: stored.p,
    maxmem: SCRYPT_PARAMS.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(pin: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LENGTH, params, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
