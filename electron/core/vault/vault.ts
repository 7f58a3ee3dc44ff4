import { z } from 'zod';
import type { FieldError, SettingsPatch } from '../../../shared/ipc-contract.ts';
import { settingsSchema, type Settings } from '../../../shared/settings.ts';
import { registerSecret } from '../logging/redact.ts';
import { PosError } from '../errors.ts';
import { createMerchantSigner, type MerchantSigner } from '../paypro/sign.ts';
import {
  describeIssues,
  mergeSettings,
  readableSettings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  SETTINGS_VERSION_FIELD,
  upgradeStored,
  type SettingsIssue,
} from './settings-store.ts';

export type { SettingsIssue, SettingsPatch };

/**
 * Encrypts the app secret for storage. The Electron glue implements it with safeStorage's async
 * API; tests use a real AES-256-GCM cipher. Ciphertext is opaque text (base64).
 */
export interface Cipher {
  encrypt(plain: string): Promise<string>;
  decrypt(encrypted: string): Promise<{ plain: string; shouldReEncrypt: boolean }>;
}

/** What the vault needs of a store; electron-store and conf satisfy it. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export type VaultErrorCode = 'invalid_settings' | 'invalid_secret' | 'not_configured' | 'secret_unreadable' | 'newer_settings';

export class VaultError extends Error {
  readonly code: VaultErrorCode;
  /** For invalid_settings / invalid_secret: each broken rule, by dotted field path. */
  readonly issues: SettingsIssue[];
  /** The same, keyed by field, as the IPC contract's `fields` wants it. */
  readonly fields: Record<string, FieldError> | undefined;

  constructor(
    code: VaultErrorCode,
    message: string,
    options: { issues?: SettingsIssue[]; fields?: Record<string, FieldError>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'VaultError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.fields = options.fields;
  }
}

export interface SecretStatus {
  configured: boolean;
  /** e.g. '••••3f9a': at most the last 4 characters, and never more than a quarter of the secret. */
  hint: string | null;
}

const SECRET_KEY = 'appSecret';
/**
 * Paypro's back office issues long random keys (paypro-api.md §1); anything under 8 characters
 * is a typo or a placeholder, and a short secret is quick to guess from a single signed request.
 */
export const MIN_SECRET_LENGTH = 8;
const storedSecretSchema = z.object({ version: z.literal(1), ciphertext: z.string().min(1), hint: z.string() });
type StoredSecret = z.infer<typeof storedSecretSchema>;

/**
 * Non-secret settings plus the encrypted app secret. The secret is encrypted before it is written,
 * is decrypted only to build a signer, and never leaves this module in clear.
 */
export class Vault {
  readonly #store: KeyValueStore;
  readonly #cipher: Cipher;

  constructor(store: KeyValueStore, cipher: Cipher) {
    this.#store = store;
    this.#cipher = cipher;
  }

  getSettings(): Settings {
    return readableSettings(this.#storedSettings());
  }

  /** Settings are written only when the owner saves them: stored at all means saved once. */
  settingsSaved(): boolean {
    return this.#store.get(SETTINGS_KEY) !== undefined;
  }

  /** Validates the whole result before writing; on any broken rule nothing is written. */
  updateSettings(patch: SettingsPatch): Settings {
    const result = settingsSchema.safeParse(mergeSettings(this.getSettings(), patch));
    if (!result.success) {
      const { issues, fields } = describeIssues(result.error);
      throw new VaultError('invalid_settings', `Settings refused: ${issues.map((i) => i.path).join(', ')}`, {
        issues,
        fields,
      });
    }
    // The version travels inside the one value written, so a crash cannot split them.
    this.#store.set(SETTINGS_KEY, { ...result.data, [SETTINGS_VERSION_FIELD]: SETTINGS_VERSION });
    return result.data;
  }

  async setSecret(secret: string): Promise<void> {
    const trimmed = secret.trim();
    const rule = secretRule(trimmed);
    if (rule !== null) {
      throw new VaultError('invalid_secret', `The app secret is refused (${rule.code}).`, {
        issues: [{ path: 'secret', message: rule.code }],
        fields: { secret: rule },
      });
    }
    registerSecret(trimmed);
    const stored: StoredSecret = { version: 1, ciphertext: await this.#cipher.encrypt(trimmed), hint: hintFor(trimmed) };
    this.#store.set(SECRET_KEY, stored);
  }

  clearSecret(): void {
    this.#store.delete(SECRET_KEY);
  }

  secretStatus(): SecretStatus {
    const raw = this.#store.get(SECRET_KEY);
    if (raw === undefined) return { configured: false, hint: null };
    const stored = storedSecretSchema.safeParse(raw);
    return { configured: true, hint: stored.success ? stored.data.hint : null };
  }

  /** The signer for the configured merchant; the only way the secret is ever used. */
  async loadSigner(): Promise<MerchantSigner> {
    const { merchantNo } = this.getSettings();
    const raw = this.#store.get(SECRET_KEY);
    if (merchantNo === '' || raw === undefined) {
      throw new VaultError('not_configured', 'The merchant number and the app secret must both be set.');
    }
    const stored = storedSecretSchema.safeParse(raw);
    if (!stored.success) throw new VaultError('secret_unreadable', 'The stored app secret is malformed.');
    let decrypted: { plain: string; shouldReEncrypt: boolean };
    try {
      decrypted = await this.#cipher.decrypt(stored.data.ciphertext);
    } catch (error) {
      // The cipher's own answer for the owner (secret.keystore_not_ready, secret.protection_unavailable).
      if (error instanceof PosError) throw error;
      throw new VaultError('secret_unreadable', 'The stored app secret could not be decrypted.', { cause: error });
    }
    if (decrypted.plain === '') throw new VaultError('secret_unreadable', 'The stored app secret is empty.');
    if (decrypted.shouldReEncrypt) await this.#reEncrypt(stored.data, decrypted.plain);
    return createMerchantSigner(merchantNo, decrypted.plain);
  }

  /**
   * The OS rotated its key: store the secret under the new one. Best effort — the secret in hand
   * still signs, so a failure here must not stop a payment; the next load tries again.
   */
  async #reEncrypt(previous: StoredSecret, plain: string): Promise<void> {
    let ciphertext: string;
    try {
      ciphertext = await this.#cipher.encrypt(plain);
    } catch {
      return;
    }
    // The owner may have entered a new secret while we were encrypting: keep theirs.
    const now = storedSecretSchema.safeParse(this.#store.get(SECRET_KEY));
    if (!now.success || now.data.ciphertext !== previous.ciphertext) return;
    this.#store.set(SECRET_KEY, { ...previous, ciphertext } satisfies StoredSecret);
  }

  #storedSettings(): Record<string, unknown> {
    const upgraded = upgradeStored(this.#store.get(SETTINGS_KEY));
    if (upgraded === null) {
      throw new VaultError('newer_settings', 'The settings were written by a newer version of the app.');
    }
    return upgraded;
  }
}

function secretRule(secret: string): FieldError | null {
  if (secret === '') return { code: 'secret.empty' };
  if (/\s/.test(secret)) return { code: 'secret.whitespace' };
  if (secret.length < MIN_SECRET_LENGTH) return { code: 'secret.too_short', params: { min: MIN_SECRET_LENGTH } };
  return null;
}

/** Shows at most the last 4 characters, and no more than a quarter of a short secret. */
function hintFor(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `••••${shown === 0 ? '' : secret.slice(-shown)}`;
}
