import type { z } from 'zod';
import type { FieldError, SettingsPatch } from '../../../shared/ipc-contract.ts';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/settings.ts';
import type { KeyValueStore } from './vault.ts';
import { OLD_PLACEHOLDER_CUSTOMER } from '../../../shared/shop-contact.ts';
import type { Customer } from '../../../shared/validation.ts';

/** Where the settings live in the store, and the field inside them naming their shape. */
export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION_FIELD = 'settingsVersion';

/**
 * Upgrades of stored settings, oldest first: entry i turns a version-i object into version i + 1.
 * Version 0 is settings stored without a version (none were shipped): read as version 1.
 * A new shape appends an entry here and leaves the older ones alone.
 */
const SETTINGS_MIGRATIONS: readonly ((stored: Record<string, unknown>) => Record<string, unknown>)[] = [
  (stored) => stored,
  // 1 → 2: the customer display's own shop name is gone; the receipt settings' is the shop's one
  // name (upgradeStoredSettings carries a stored one over).
  ({ customerDisplay, ...rest }) => {
    if (!isPlainObject(customerDisplay)) return customerDisplay === undefined ? rest : { ...rest, customerDisplay };
    const { shopName: _dropped, ...display } = customerDisplay;
    return { ...rest, customerDisplay: display };
  },
  // 2 → 3 (issue 20 #6): the invented placeholder customer once shipped as the default is no
  // contact of the shop's; each of its exact values reads as empty, so it is never sent again.
  ({ defaultCustomer, ...rest }) => {
    if (!isPlainObject(defaultCustomer)) return defaultCustomer === undefined ? rest : { ...rest, defaultCustomer };
    const contact = Object.fromEntries(
      Object.entries(defaultCustomer).map(([field, value]) => [field, value === OLD_PLACEHOLDER_CUSTOMER[field as keyof Customer] ? '' : value]),
    );
    return { ...rest, defaultCustomer: contact };
  },
];
export const SETTINGS_VERSION = SETTINGS_MIGRATIONS.length;

export interface SettingsIssue {
  /** Dotted path of the field, e.g. `limits.minAmount`. */
  path: string;
  message: string;
}

/** Brings a stored object up to the current version; `null` when it is from a newer app. */
export function upgradeStored(stored: unknown): Record<string, unknown> | null {
  const { [SETTINGS_VERSION_FIELD]: version, ...rest } = isPlainObject(stored) ? stored : {};
  let current = typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
  if (current > SETTINGS_VERSION) return null;
  let shape: Record<string, unknown> = rest;
  for (; current < SETTINGS_VERSION; current++) shape = SETTINGS_MIGRATIONS[current]!(shape);
  return shape;
}

/**
 * Run once at start, before anything writes: stores older settings upgraded, so that each
 * migration's carry-over happens once. Version 1's customer-display shop name goes to
 * `adoptShopName` (the receipt settings keep it when theirs is empty). Settings never saved, or
 * written by a newer app, are left alone.
 */
export function upgradeStoredSettings(store: KeyValueStore, adoptShopName: (name: string) => void): void {
  const stored = store.get(SETTINGS_KEY);
  if (!isPlainObject(stored) || stored[SETTINGS_VERSION_FIELD] === SETTINGS_VERSION) return;
  const upgraded = upgradeStored(stored);
  if (upgraded === null) return;
  const version = stored[SETTINGS_VERSION_FIELD];
  const display = stored.customerDisplay;
  if ((typeof version !== 'number' || version < 2) && isPlainObject(display) && typeof display.shopName === 'string') {
    const name = display.shopName.trim();
    if (name !== '') adoptShopName(name);
  }
  store.set(SETTINGS_KEY, { ...upgraded, [SETTINGS_VERSION_FIELD]: SETTINGS_VERSION });
}

/** `patch` laid over `base`, one level deep for the nested groups; undefined means "not given". */
export function mergeSettings(base: Record<string, unknown>, patch: SettingsPatch | Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const existing = merged[key];
    merged[key] = isPlainObject(value) && isPlainObject(existing) ? { ...existing, ...definedEntries(value) } : value;
  }
  return merged;
}

/**
 * Stored settings over the defaults. A field the schema no longer accepts (a hand-edited file, a
 * tightened rule) falls back to its default rather than stopping the till from starting.
 */
export function readableSettings(stored: Record<string, unknown>): Settings {
  const merged = mergeSettings(DEFAULT_SETTINGS, stored);
  const first = settingsSchema.safeParse(merged);
  if (first.success) return first.data;
  const repaired = { ...merged };
  for (const issue of first.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && key in DEFAULT_SETTINGS) repaired[key] = DEFAULT_SETTINGS[key as keyof Settings];
  }
  const second = settingsSchema.safeParse(repaired);
  return second.success ? second.data : DEFAULT_SETTINGS;
}

export function describeIssues(error: z.ZodError): { issues: SettingsIssue[]; fields: Record<string, FieldError> } {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const fields: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    // The first broken rule per field is the one to show. Schema rules carry their code as the
    // message (shared/settings.ts); anything else (a wrong type, an unknown key) is generic.
    fields[path] ??= { code: /^[a-z_]+\.[a-z_.]+$/.test(issue.message) ? issue.message : 'settings.invalid' };
  }
  return { issues, fields };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function definedEntries(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}
