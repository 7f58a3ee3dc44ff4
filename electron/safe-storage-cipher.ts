import { safeStorage, type SafeStorage } from 'electron';
import type { SettingsView } from '../shared/ipc-contract.ts';
import { PosError } from './core/errors.ts';
import type { Cipher } from './core/vault/vault.ts';

export type SecretProtection = SettingsView['secretProtection'];

/** Only the asynchronous API: the sync methods are deprecated and block the main process. */
type AsyncSafeStorage = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/**
 * The vault's cipher: DPAPI on Windows, Keychain on macOS, the Secret Service or KWallet on
 * Linux. Ciphertext is base64 so it fits in the JSON settings file.
 */
export function createSafeStorageCipher(storage: AsyncSafeStorage = safeStorage): Cipher {
  async function requireEncryption(): Promise<void> {
    if (!(await storage.isAsyncEncryptionAvailable())) {
      throw new PosError('secret.protection_unavailable', {
        detail: 'The operating system offers no way to encrypt the app secret.',
      });
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
      const { result, shouldReEncrypt } = await storage.decryptStringAsync(Buffer.from(ciphertext, 'base64'));
      return { plain: result, shouldReEncrypt };
    },
  };
}

/**
 * How well the OS protects the secret. Linux without a keyring falls back to `basic_text`: a
 * fixed, public key — encryption in name only, so the settings screen warns.
 */
export async function secretProtection(
  storage: AsyncSafeStorage = safeStorage,
  platform: NodeJS.Platform = process.platform,
): Promise<SecretProtection> {
  if (!(await storage.isAsyncEncryptionAvailable())) return 'unavailable';
  if (platform === 'linux' && storage.getSelectedStorageBackend() === 'basic_text') return 'weak';
  return 'os';
}
