import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Cipher } from '../../electron/core/vault/vault.ts';

/**
 * A real AES-256-GCM cipher standing in for Electron's safeStorage in tests (test code only:
 * production must never ship a cipher whose key sits in the app).
 *
 * Format, base64: [key version: 1 byte][IV: 12 random bytes][GCM tag: 16 bytes][ciphertext].
 * The keyring's last key encrypts; an older key still decrypts and reports `shouldReEncrypt`, as
 * safeStorage does after the OS rotates its key.
 */
export function createAesCipher(keyring: readonly Buffer[]): Cipher {
  if (keyring.length === 0 || keyring.some((key) => key.length !== 32)) {
    throw new TypeError('AES-256 needs 32-byte keys.');
  }
  const currentVersion = keyring.length;
  return {
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyring[currentVersion - 1]!, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(currentVersion), iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async decrypt(encrypted) {
      const bytes = Buffer.from(encrypted, 'base64');
      const version = bytes[0] ?? 0;
      const key = keyring[version - 1];
      if (key === undefined || bytes.length < 29) throw new Error(`Unknown key version ${version}.`);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 13));
      decipher.setAuthTag(bytes.subarray(13, 29));
      // final() throws when the tag does not match: tampering is detected, not decrypted.
      const plain = Buffer.concat([decipher.update(bytes.subarray(29)), decipher.final()]).toString('utf8');
      return { plain, shouldReEncrypt: version !== currentVersion };
    },
  };
}

export const randomKey = (): Buffer => randomBytes(32);
