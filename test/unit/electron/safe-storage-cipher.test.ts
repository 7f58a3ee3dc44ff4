import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { electronMock, resetElectronMock } from '../../harness/electron-mock.ts';
import { PosError } from '../../../electron/core/errors.ts';
import { DECRYPT_RETRY_DELAYS_MS, createSafeStorageCipher, secretProtection } from '../../../electron/safe-storage-cipher.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);

const storage = () => electronMock.safeStorage;

function expectNoSyncCalls(): void {
  expect(storage().isEncryptionAvailable).not.toHaveBeenCalled();
  expect(storage().encryptString).not.toHaveBeenCalled();
  expect(storage().decryptString).not.toHaveBeenCalled();
}

/** A cipher whose waits are recorded instead of slept. */
function cipherRecordingWaits(platform: NodeJS.Platform = 'darwin') {
  const waits: number[] = [];
  const cipher = createSafeStorageCipher(undefined, { platform, wait: async (ms) => waits.push(ms) });
  return { cipher, waits };
}

describe('createSafeStorageCipher', () => {
  beforeEach(() => resetElectronMock());

  it('round-trips through the async API only, as base64', async () => {
    const cipher = createSafeStorageCipher(undefined, { platform: 'linux' });
    const encrypted = await cipher.encrypt('app-secret');
    expect(encrypted).toBe(Buffer.from('v11enc:app-secret').toString('base64'));
    expect(encrypted).not.toContain('app-secret');
    expect(await cipher.decrypt(encrypted)).toEqual({ plain: 'app-secret', shouldReEncrypt: false });
    expect(storage().encryptStringAsync).toHaveBeenCalledWith('app-secret');
    expect(storage().decryptStringAsync).toHaveBeenCalledWith(Buffer.from('v11enc:app-secret'));
    expectNoSyncCalls();
  });

  it('passes on shouldReEncrypt when the OS rotated its key', async () => {
    storage().decryptStringAsync.mockResolvedValueOnce({ result: 'app-secret', shouldReEncrypt: true });
    const cipher = createSafeStorageCipher();
    expect(await cipher.decrypt('AAAA')).toEqual({ plain: 'app-secret', shouldReEncrypt: true });
    expectNoSyncCalls();
  });

  it('refuses to encrypt or decrypt when the OS offers no encryption', async () => {
    storage().isAsyncEncryptionAvailable.mockResolvedValue(false);
    const cipher = createSafeStorageCipher();
    await expect(cipher.encrypt('app-secret')).rejects.toMatchObject({ code: 'secret.protection_unavailable' });
    await expect(cipher.decrypt('AAAA')).rejects.toBeInstanceOf(PosError);
    expect(storage().encryptStringAsync).not.toHaveBeenCalled();
    expectNoSyncCalls();
  });

  it('refuses to store a secret on Linux when no storage backend was selected, though async encryption says yes', async () => {
    storage().getSelectedStorageBackend.mockReturnValue('unknown');
    const cipher = createSafeStorageCipher(undefined, { platform: 'linux' });
    await expect(cipher.encrypt('app-secret')).rejects.toMatchObject({ code: 'secret.protection_unavailable' });
    expect(storage().encryptStringAsync).not.toHaveBeenCalled();
  });

  it('retries a decrypt the key store rejects, with growing waits, and succeeds once it is ready', async () => {
    storage()
      .decryptStringAsync.mockRejectedValueOnce(new Error('Keychain locked'))
      .mockRejectedValueOnce(new Error('Keychain locked'));
    const { cipher, waits } = cipherRecordingWaits();
    expect(await cipher.decrypt(Buffer.from('v11enc:app-secret').toString('base64'))).toEqual({ plain: 'app-secret', shouldReEncrypt: false });
    expect(waits).toEqual(DECRYPT_RETRY_DELAYS_MS.slice(0, 2));
    expect(storage().decryptStringAsync).toHaveBeenCalledTimes(3);
  });

  it('after the last retry tells the owner the key store is not ready yet', async () => {
    const cause = new Error('Keychain locked');
    storage().decryptStringAsync.mockRejectedValue(cause);
    const { cipher, waits } = cipherRecordingWaits();
    const failure = await cipher.decrypt('AAAA').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PosError);
    expect(failure).toMatchObject({ code: 'secret.keystore_not_ready', cause });
    expect(waits).toEqual([...DECRYPT_RETRY_DELAYS_MS]);
    expect(waits.every((ms, i) => i === 0 || ms > waits[i - 1]!)).toBe(true);
    expect(storage().decryptStringAsync).toHaveBeenCalledTimes(DECRYPT_RETRY_DELAYS_MS.length + 1);
  });
});

describe('the vault over the safeStorage cipher', () => {
  beforeEach(() => resetElectronMock());

  it('reports "key store not ready" to the owner, not secret_unreadable, when the key store stays locked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pos-keystore-'));
    try {
      const store = new Conf<Record<string, unknown>>({ cwd: dir, projectName: 'paypro-pos-test' });
      const vault = new Vault(store, createSafeStorageCipher(undefined, { platform: 'darwin', wait: async () => undefined }));
      vault.updateSettings({ merchantNo: '1234567890' });
      await vault.setSecret('5f1c0e2a9b7d4e3f8a6c1b2d3e4f3f9a');
      storage().decryptStringAsync.mockRejectedValue(new Error('Keychain locked'));
      await expect(vault.loadSigner()).rejects.toMatchObject({ code: 'secret.keystore_not_ready' });
      storage().decryptStringAsync.mockReset().mockImplementation(async (encrypted: Buffer) => ({
        result: encrypted.toString().replace(/^v1[01]enc:/, ''),
        shouldReEncrypt: false,
      }));
      await expect(vault.loadSigner()).resolves.toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('secretProtection', () => {
  beforeEach(() => resetElectronMock());

  it('is os on Windows and macOS, and on Linux with a keyring', async () => {
    expect(await secretProtection(undefined, 'win32')).toBe('os');
    expect(await secretProtection(undefined, 'darwin')).toBe('os');
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      storage().getSelectedStorageBackend.mockReturnValue(backend);
      expect(await secretProtection(undefined, 'linux')).toBe('os');
    }
    expectNoSyncCalls();
  });

  it('is weak on Linux with the basic_text backend', async () => {
    storage().getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(await secretProtection(undefined, 'linux')).toBe('weak');
  });

  it('is weak on Linux when a keyring backend is named but the fixed-key fallback encrypts (v10), never OS-protected', async () => {
    storage().getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
    storage().keyTag = 'v10';
    expect(await secretProtection(undefined, 'linux')).toBe('weak');
    // The same tag on Windows and macOS is their OS-protected key: only Linux reads it this way.
    expect(await secretProtection(undefined, 'win32')).toBe('os');
    expectNoSyncCalls();
  });

  it('is unavailable on Linux when no backend was selected, even though async encryption resolves true', async () => {
    storage().getSelectedStorageBackend.mockReturnValue('unknown');
    expect(await storage().isAsyncEncryptionAvailable()).toBe(true);
    expect(await secretProtection(undefined, 'linux')).toBe('unavailable');
  });

  it('is unavailable when async encryption is not available', async () => {
    storage().isAsyncEncryptionAvailable.mockResolvedValue(false);
    expect(await secretProtection(undefined, 'darwin')).toBe('unavailable');
    expectNoSyncCalls();
  });
});
