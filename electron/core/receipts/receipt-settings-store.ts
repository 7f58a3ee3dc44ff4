import { DEFAULT_RECEIPT_SETTINGS, receiptSettingsSchema, type ReceiptSettings } from '../../../shared/receipt-settings.ts';
import { PosError } from '../errors.ts';
import type { KeyValueStore } from '../vault/vault.ts';
import { describeIssues } from '../vault/settings-store.ts';

/** Receipt settings live under their own key, beside (not inside) the main settings. */
export const RECEIPT_SETTINGS_KEY = 'receiptSettings';

export class ReceiptSettingsStore {
  readonly #store: KeyValueStore;

  constructor(store: KeyValueStore) {
    this.#store = store;
  }

  /** The stored settings; the defaults when none are stored or the stored value no longer parses. */
  get(): ReceiptSettings {
    const parsed = receiptSettingsSchema.safeParse(this.#store.get(RECEIPT_SETTINGS_KEY));
    return parsed.success ? parsed.data : DEFAULT_RECEIPT_SETTINGS;
  }

  /** Takes `name` as the shop name when none is set (an older customer-display name carried over). */
  adoptShopName(name: string): void {
    const current = this.get();
    if (current.shopName.trim() !== '') return;
    const result = receiptSettingsSchema.safeParse({ ...current, shopName: name });
    if (result.success) this.#store.set(RECEIPT_SETTINGS_KEY, result.data);
  }

  /** Merges the patch over the current settings (one level deep) and validates the result before writing. */
  update(patch: Record<string, unknown>): ReceiptSettings {
    const result = receiptSettingsSchema.safeParse({ ...this.get(), ...patch });
    if (!result.success) {
      const { issues, fields } = describeIssues(result.error);
      throw new PosError('validation', { detail: issues.map((issue) => issue.path).join(', '), fields });
    }
    this.#store.set(RECEIPT_SETTINGS_KEY, result.data);
    return result.data;
  }
}
