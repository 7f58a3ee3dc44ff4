import { cashSettingsSchema, DEFAULT_CASH_SETTINGS, type CashSettings } from '../../../shared/cash-settings.ts';
import { PosError } from '../errors.ts';
import type { KeyValueStore } from '../vault/vault.ts';
import { describeIssues } from '../vault/settings-store.ts';

export const CASH_SETTINGS_KEY = 'cashSettings';

/** The drawer's pulse and the count's approval threshold, under their own key. */
export class CashSettingsStore {
  readonly #store: KeyValueStore;

  constructor(store: KeyValueStore) {
    this.#store = store;
  }

  /** The stored settings; the defaults when none are stored or the stored value no longer parses. */
  get(): CashSettings {
    const parsed = cashSettingsSchema.safeParse(this.#store.get(CASH_SETTINGS_KEY));
    return parsed.success ? parsed.data : DEFAULT_CASH_SETTINGS;
  }

  update(patch: Partial<CashSettings>): CashSettings {
    const result = cashSettingsSchema.safeParse({ ...this.get(), ...patch });
    if (!result.success) {
      const { issues, fields } = describeIssues(result.error);
      throw new PosError('validation', { detail: issues.map((issue) => issue.path).join(', '), fields });
    }
    this.#store.set(CASH_SETTINGS_KEY, result.data);
    return result.data;
  }
}
