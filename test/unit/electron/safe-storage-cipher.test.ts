import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, resetElectronMock } from '../../harness/electron-mock.ts';
import { PosError } from '../../../electron/core/errors.ts';
import { createSafeStorageCipher, secretProtection } from '../../../electron/safe-storage-cipher.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);

const storage = () => electronMock.safeStorage;

function expectNoSyncCalls(): void {
  expect(storage().isEncryptionAvailable).not.toHaveBeenCalled();
  expect(storage().encryptString).not.toHaveBeenCalled();
  expect(storage().decryptString).not.toHaveBeenCalled();
}

describe('createSafeStorageCipher', () => {
  beforeEach(() => resetElectronMock());

  it('round-trips through the async API only, as base64', async () => {
    const cipher = createSafeStorageCipher();
    const encrypted = await cipher.encrypt('app-secret');
    expect(encrypted).toBe(Buffer.from('enc:app-secret').toString('base64'));
    expect(encrypted).not.toContain('app-secret');
    expect(await cipher.decrypt(encrypted)).toEqual({ plain: 'app-secret', shouldReEncrypt: false });
    expect(storage().encryptStringAsync).toHaveBeenCalledWith('app-secret');
    expect(storage().decryptStringAsync).toHaveBeenCalledWith(Buffer.from('enc:app-secret'));
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

  it('lets an OS failure reach the vault as a rejection', async () => {
    storage().decryptStringAsync.mockRejectedValueOnce(new Error('Keychain locked'));
    await expect(createSafeStorageCipher().decrypt('AAAA')).rejects.toThrow('Keychain locked');
  });
});

describe('secretProtection', () => {
  beforeEach(() => resetElectronMock());

  it('is os on Windows and macOS, and on Linux with a keyring', async () => {
    expect(await secretProtection(undefined, 'win32')).toBe('os');
    expect(await secretProtection(undefined, 'darwin')).toBe('os');
    expect(await secretProtection(undefined, 'linux')).toBe('os');
    expectNoSyncCalls();
  });

  it('is weak on Linux with the basic_text backend', async () => {
    storage().getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(await secretProtection(undefined, 'linux')).toBe('weak');
  });

  it('is unavailable when async encryption is not available', async () => {
    storage().isAsyncEncryptionAvailable.mockResolvedValue(false);
    expect(await secretProtection(undefined, 'darwin')).toBe('unavailable');
    expectNoSyncCalls();
  });
});
