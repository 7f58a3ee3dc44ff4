import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeSign } from '../../../../electron/core/paypro/sign.ts';
import { Vault, VaultError, type Cipher } from '../../../../electron/core/vault/vault.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';
import { createAesCipher, randomKey } from '../../../harness/aes-cipher.ts';

const SECRET = '5f1c0e2a9b7d4e3f8a6c1b2d3e4f3f9a';
const MERCHANT_NO = '1234567890';

async function vaultError(run: () => unknown): Promise<VaultError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    return error as VaultError;
  }
  throw new Error('expected a VaultError');
}

describe('Vault', () => {
  let dir: string;
  let store: Conf<Record<string, unknown>>;
  let key1: Buffer;
  let cipher: Cipher;
  let vault: Vault;

  const openStore = (): Conf<Record<string, unknown>> => new Conf({ cwd: dir, projectName: 'paypro-pos-test' });
  const fileText = (): string => readFileSync(store.path, 'utf8');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paypro-vault-'));
    store = openStore();
    key1 = randomKey();
    cipher = createAesCipher([key1]);
    vault = new Vault(store, cipher);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('settings', () => {
    it('starts from the defaults with no secret', () => {
      expect(vault.getSettings()).toEqual(DEFAULT_SETTINGS);
      expect(vault.secretStatus()).toEqual({ configured: false, hint: null });
    });

    it('round-trips a nested partial patch through the file, keeping the untouched fields', () => {
      const updated = vault.updateSettings({ merchantNo: MERCHANT_NO, limits: { maxAmount: 5_000_000 }, language: 'en' });
      expect(updated).toEqual({
        ...DEFAULT_SETTINGS,
        merchantNo: MERCHANT_NO,
        limits: { minAmount: DEFAULT_SETTINGS.limits.minAmount, maxAmount: 5_000_000 },
        language: 'en',
      });
      vault.updateSettings({ defaultCustomer: { name: 'Toko Maju' }, environment: 'live' });
      const reopened = new Vault(openStore(), cipher);
      expect(reopened.getSettings()).toEqual({
        ...updated,
        environment: 'live',
        defaultCustomer: { ...DEFAULT_SETTINGS.defaultCustomer, name: 'Toko Maju' },
      });
      expect(JSON.parse(fileText()).settings.settingsVersion).toBe(3);
    });

    it.each([
      ['a merchant number that is not 10 digits', { merchantNo: '12345' }, 'merchantNo', 'settings.merchant_no'],
      ['live mode on http://', { environment: 'live' as const, baseUrl: 'http://pay.example' }, 'baseUrl', 'settings.live_needs_https'],
      ['a base URL that is not a web address', { baseUrl: 'ftp://pay.example' }, 'baseUrl', 'settings.url'],
      ['a minimum above the maximum', { limits: { minAmount: 20_000, maxAmount: 15_000 } }, 'limits.minAmount', 'settings.min_above_max'],
      ['a QR expiry of 0 minutes', { qrExpiryMinutes: 0 }, 'qrExpiryMinutes', 'settings.expiry_minutes'],
      ['a default mobile the gateway would refuse', { defaultCustomer: { mobile: '0712345678' } }, 'defaultCustomer.mobile', 'mobile.bad_prefix'],
      ['a default email that is not an address', { defaultCustomer: { email: 'toko@' } }, 'defaultCustomer.email', 'email.invalid'],
    ])('refuses %s with a specific issue and writes nothing', async (_name, patch, path, code) => {
      vault.updateSettings({ merchantNo: MERCHANT_NO });
      const before = fileText();
      const error = await vaultError(() => vault.updateSettings(patch));
      expect(error.code).toBe('invalid_settings');
      expect(error.issues).toEqual([{ path, message: code }]);
      expect(error.fields).toEqual({ [path]: { code } });
      expect(fileText()).toBe(before);
      expect(vault.getSettings().merchantNo).toBe(MERCHANT_NO);
    });

    it('reads settings stored before versioning, filling new fields from the defaults', () => {
      store.set('settings', { merchantNo: MERCHANT_NO, limits: { minAmount: 20_000 } });
      expect(vault.getSettings()).toEqual({
        ...DEFAULT_SETTINGS,
        merchantNo: MERCHANT_NO,
        limits: { ...DEFAULT_SETTINGS.limits, minAmount: 20_000 },
      });
    });

    it('falls back to the default for a stored field the rules no longer accept, keeping the rest', () => {
      store.set('settings', { settingsVersion: 1, merchantNo: MERCHANT_NO, qrExpiryMinutes: 'soon' });
      expect(vault.getSettings()).toMatchObject({ merchantNo: MERCHANT_NO, qrExpiryMinutes: DEFAULT_SETTINGS.qrExpiryMinutes });
    });

    // Issue 20 #6: the app never invents a customer to send to Paypro.
    it('a new install holds no contact at all: no placeholder name, mobile or email', () => {
      expect(vault.getSettings().defaultCustomer).toEqual({ name: '', mobile: '', email: '' });
      expect(JSON.stringify(DEFAULT_SETTINGS)).not.toMatch(/Pelanggan|081234567890|pelanggan@example\.com/);
    });

    it("reads an older install's placeholder contact as empty, keeping what the owner changed", () => {
      store.set('settings', { settingsVersion: 2, merchantNo: MERCHANT_NO, defaultCustomer: { name: 'Pelanggan', mobile: '081234567890', email: 'pelanggan@example.com' } });
      expect(vault.getSettings().defaultCustomer).toEqual({ name: '', mobile: '', email: '' });
      store.set('settings', { settingsVersion: 2, merchantNo: MERCHANT_NO, defaultCustomer: { name: 'Warung Sari', mobile: '081234567890', email: 'pelanggan@example.com' } });
      expect(vault.getSettings().defaultCustomer).toEqual({ name: 'Warung Sari', mobile: '', email: '' });
    });

    it('accepts an empty contact field, and checks a filled one with the sale rules', async () => {
      expect(vault.updateSettings({ defaultCustomer: { name: '', mobile: '0812 9876 5432', email: '' } }).defaultCustomer.mobile).toBe('0812 9876 5432');
      expect((await vaultError(() => vault.updateSettings({ defaultCustomer: { email: 'toko@' } }))).fields).toEqual({ 'defaultCustomer.email': { code: 'email.invalid' } });
    });

    it('refuses settings written by a newer app, and does not overwrite them', async () => {
      store.set('settings', { settingsVersion: 99, merchantNo: MERCHANT_NO, somethingNew: true });
      const before = fileText();
      expect((await vaultError(() => vault.getSettings())).code).toBe('newer_settings');
      expect((await vaultError(() => vault.updateSettings({ language: 'en' }))).code).toBe('newer_settings');
      expect(fileText()).toBe(before);
    });
  });

  describe('secret', () => {
    it('never writes the secret to disk: not in clear, base64 or hex', async () => {
      await vault.setSecret(`  ${SECRET}\n`);
      const raw = readFileSync(store.path);
      for (const encoding of ['utf8', 'base64', 'base64url', 'hex'] as const) {
        expect(raw.includes(Buffer.from(SECRET).toString(encoding))).toBe(false);
      }
      expect(raw.includes(Buffer.from(SECRET.slice(0, 8)))).toBe(false);
      expect(vault.secretStatus()).toEqual({ configured: true, hint: '••••3f9a' });
    });

    it('encrypts before writing: a failing cipher leaves nothing stored', async () => {
      vault.updateSettings({ merchantNo: MERCHANT_NO });
      const failing: Cipher = { ...cipher, encrypt: () => Promise.reject(new Error('keychain locked')) };
      await expect(new Vault(store, failing).setSecret(SECRET)).rejects.toThrow('keychain locked');
      expect(store.get('appSecret')).toBeUndefined();
      expect(fileText()).not.toContain(SECRET);
    });

    it.each([
      ['', 'secret.empty'],
      ['   \t ', 'secret.empty'],
      ['abc def', 'secret.whitespace'],
      ['abc\tdef', 'secret.whitespace'],
      ['ab', 'secret.too_short'],
      [' abcdefg ', 'secret.too_short'],
    ])('refuses %j as invalid_secret and keeps the old one', async (secret, code) => {
      await vault.setSecret(SECRET);
      const before = store.get('appSecret');
      const error = await vaultError(() => vault.setSecret(secret));
      expect(error.code).toBe('invalid_secret');
      expect(error.fields).toEqual({ secret: code === 'secret.too_short' ? { code, params: { min: 8 } } : { code } });
      expect(store.get('appSecret')).toEqual(before);
    });

    it.each([
      [SECRET, '••••3f9a'],
      ['abcdefghijklmnop', '••••mnop'],
      ['abcdefgh', '••••gh'],
    ])('hints %j as %j: at most 4 characters, at most a quarter', async (secret, hint) => {
      await vault.setSecret(secret);
      expect(vault.secretStatus().hint).toBe(hint);
    });

    it('clears the secret', async () => {
      await vault.setSecret(SECRET);
      vault.clearSecret();
      expect(vault.secretStatus()).toEqual({ configured: false, hint: null });
    });
  });

  describe('loadSigner', () => {
    const fields = { merchantNo: MERCHANT_NO, tradeNo: 'TRX-1', amount: 39_000, timestamp: '1732988442913' };

    it('signs exactly like computeSign with the stored secret, and never shows the secret', async () => {
      vault.updateSettings({ merchantNo: MERCHANT_NO });
      await vault.setSecret(SECRET);
      const signer = await new Vault(openStore(), cipher).loadSigner();
      expect(signer.merchantNo).toBe(MERCHANT_NO);
      expect(signer.sign(fields)).toBe(computeSign(fields, SECRET));
      expect(signer.verify({ ...fields, sign: computeSign(fields, SECRET) })).toBe(true);
      expect(JSON.stringify(signer)).not.toContain(SECRET);
    });

    it('needs both the merchant number and the secret', async () => {
      expect((await vaultError(() => vault.loadSigner())).code).toBe('not_configured');
      await vault.setSecret(SECRET);
      expect((await vaultError(() => vault.loadSigner())).code).toBe('not_configured');
      vault.clearSecret();
      vault.updateSettings({ merchantNo: MERCHANT_NO });
      expect((await vaultError(() => vault.loadSigner())).code).toBe('not_configured');
    });

    it('re-encrypts under the new key when the cipher asks, and keeps signing the same', async () => {
      vault.updateSettings({ merchantNo: MERCHANT_NO });
      await vault.setSecret(SECRET);
      const oldCiphertext = (store.get('appSecret') as { ciphertext: string }).ciphertext;
      const rotated = createAesCipher([key1, randomKey()]);

      const signer = await new Vault(store, rotated).loadSigner();
      expect(signer.sign(fields)).toBe(computeSign(fields, SECRET));
      const stored = store.get('appSecret') as { ciphertext: string; hint: string };
      expect(stored.ciphertext).not.toBe(oldCiphertext);
      expect(stored.hint).toBe('••••3f9a');
      expect(await rotated.decrypt(stored.ciphertext)).toEqual({ plain: SECRET, shouldReEncrypt: false });
      expect(readFileSync(store.path).includes(Buffer.from(SECRET))).toBe(false);
    });

    it('still signs when re-encryption fails, and leaves the stored secret as it was', async () => {
      vault.updateSettings({ merchantNo: MERCHANT_NO });
      await vault.setSecret(SECRET);
      const before = store.get('appSecret');
      const rotated = createAesCipher([key1, randomKey()]);
      const broken: Cipher = { decrypt: (text) => rotated.decrypt(text), encrypt: () => Promise.reject(new Error('no')) };
      expect((await new Vault(store, broken).loadSigner()).sign(fields)).toBe(computeSign(fields, SECRET));
      expect(store.get('appSecret')).toEqual(before);
    });

    it('answers secret_unreadable for a tampered ciphertext, a foreign key or a malformed record', async () => {
      vault.updateSettings({ merchantNo: MERCHANT_NO });
      await vault.setSecret(SECRET);
      const stored = store.get('appSecret') as { ciphertext: string };
      const bytes = Buffer.from(stored.ciphertext, 'base64');
      bytes[bytes.length - 1]! ^= 0x01;
      store.set('appSecret', { ...stored, ciphertext: bytes.toString('base64') });
      const tampered = await vaultError(() => vault.loadSigner());
      expect(tampered.code).toBe('secret_unreadable');
      expect(tampered.message).not.toContain(SECRET);

      await vault.setSecret(SECRET);
      expect((await vaultError(() => new Vault(store, createAesCipher([randomKey()])).loadSigner())).code).toBe(
        'secret_unreadable',
      );

      store.set('appSecret', { ciphertext: 42 });
      expect(vault.secretStatus()).toEqual({ configured: true, hint: null });
      expect((await vaultError(() => vault.loadSigner())).code).toBe('secret_unreadable');
    });
  });
});
