import { setTimeout as sleep } from 'node:timers/promises';
import { safeStorage, type SafeStorage } from 'electron';
import type { SettingsView } from '../shared/ipc-contract.ts';
import { PosError } from './core/errors.ts';
import type { Cipher } from './core/vault/vault.ts';

export type SecretProtection = SettingsView['secretProtection'];

/** Only the asynchronous API: the sync methods are deprecated in Electron 45 and gone in 46. */
type AsyncSafeStorage = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/**
 * Waits between decrypt attempts (about 7.5 s in all): the OS key store can be briefly
 * unavailable — the Keychain or the Secret Service still locked just after log-in.
 */
export const DECRYPT_RETRY_DELAYS_MS: readonly number[] = [500, 1_000, 2_000, 4_000];

/**
 * How well the OS protects the secret, from the signals Electron documents:
 *  - `isAsyncEncryptionAvailable()` false: no encryption at all → unavailable. (Once the app is
 *    ready it resolves true everywhere, so on Linux it cannot tell a real keyring from none.)
 *  - Linux, `getSelectedStorageBackend()`: `basic_text` is a fixed, public key — encryption in
 *    name only → weak; `unknown` means no backend was chosen → unavailable.
 *  - Linux with gnome_libsecret or kwallet* named: the backend is only what the desktop suggests.
 *    When the keyring cannot be reached, Chromium's async OSCrypt falls back to its fixed-key
 *    provider, whose ciphertext is tagged `v10` (the keyring's is `v11`): a probe tagged v10 → weak.
 *  - Windows (DPAPI) and macOS (Keychain): os (there `v10` is their protected key).
 */
export async function secretProtection(
  storage: AsyncSafeStorage = safeStorage,
  platform: NodeJS.Platform = process.platform,
): Promise<SecretProtection> {
  if (!(await storage.isAsyncEncryptionAvailable())) return 'unavailable';
  if (platform !== 'linux') return 'os';
  const backend = storage.getSelectedStorageBackend();
  if (backend === 'basic_text') return 'weak';
  if (backend === 'unknown') return 'unavailable';
  const probe = await storage.encryptStringAsync('paypro-pos key probe');
  return probe.subarray(0, FIXED_KEY_TAG.length).toString('latin1') === FIXED_KEY_TAG ? 'weak' : 'os';
}

/** Chromium's tag for the Linux fallback key (components/os_crypt/async/browser/fallback_linux_key_provider.cc). */
const FIXED_KEY_TAG = 'v10';

export interface SafeStorageCipherOptions {
  platform?: NodeJS.Platform;
  retryDelaysMs?: readonly number[];
  wait?: (ms: number) => Promise<unknown>;
}

/**
 * The vault's cipher: DPAPI on Windows, Keychain on macOS, the Secret Service or KWallet on
 * Linux. Ciphertext is base64 so it fits in the JSON settings file. Refuses to store a secret
 * where protection is unavailable; stores it where it is weak (the settings screen warns).
 */
export function createSafeStorageCipher(storage: AsyncSafeStorage = safeStorage, options: SafeStorageCipherOptions = {}): Cipher {
  const delays = options.retryDelaysMs ?? DECRYPT_RETRY_DELAYS_MS;
  const wait = options.wait ?? sleep;

  async function requireEncryption(): Promise<void> {
    if ((await secretProtection(storage, options.platform)) === 'unavailable') {
      throw new PosError('secret.protection_unavailable', {
        detail: 'The operating system offers no way to encrypt the app secret.',
      });
    }
  }

  async function decryptWithRetry(encrypted: Buffer): ReturnType<AsyncSafeStorage['decryptStringAsync']> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await storage.decryptStringAsync(encrypted);
      } catch (error) {
        const delay = delays[attempt];
        if (delay === undefined) {
          throw new PosError('secret.keystore_not_ready', {
            detail: `The OS key store did not decrypt the app secret after ${attempt + 1} attempts.`,
            cause: error,
          });
        }
        await wait(delay);
      }
    }
  }

  return {
    async encrypt(plain) {
      await requireEncryption();
      const encrypted = await storage.encryptStringAsync(plain);
      return encrypted.toString('base64');
    },
    async decrypt(ciphertext) {
      await requireEncryption();
      // `shouldReEncrypt`: the OS rotated its key; the vault writes the secret again.
      const { result, shouldReEncrypt } = await decryptWithRetry(Buffer.from(ciphertext, 'base64'));
      return { plain: result, shouldReEncrypt };
    },
  };
}
