import { formatRupiah } from '../../shared/money.ts';
import type { Language } from '../../shared/settings.ts';
import { en } from './en.ts';
import { id, type MessageKey, type Messages } from './id.ts';

export type { MessageKey, Messages };
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

export const MESSAGES: Readonly<Record<Language, Messages>> = { id, en };

/** Fills `{name}` placeholders; an unknown placeholder is left visible rather than dropped. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function createTranslate(language: Language): Translate {
  const messages = MESSAGES[language];
  return (key, params) => interpolate(messages[key], params);
}

export function hasMessage(language: Language, key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES[language], key);
}

/** The key for an error or rule code, e.g. `gateway.timeout` → `err.gateway.timeout`. */
export function errorKey(code: string): string {
  return `err.${code}`;
}

/**
 * A code from main or from a shared rule, in the cashier's language. Amount parameters are shown
 * as rupiah; other numbers (digit counts, lengths) as they are. Unknown codes still say something
 * useful and name the code for support.
 */
export function translateCode(
  language: Language,
  code: string,
  params?: Readonly<Record<string, string | number>>,
  fallback: 'err.local.unknown' | 'err.local.unknown_field' = 'err.local.unknown',
): string {
  const t = createTranslate(language);
  const key = errorKey(code);
  if (!hasMessage(language, key)) return t(fallback, { code });
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    shown[name] = typeof value === 'number' && code.startsWith('amount.') ? formatRupiah(value) : value;
  }
  return t(key, shown);
}
