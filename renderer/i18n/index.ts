import { formatRupiah } from '../../shared/money.ts';
import type { Language } from '../../shared/settings.ts';
import { en } from './en.ts';
import { id, type MessageKey, type Messages } from './id.ts';

export type { MessageKey, Messages };
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

export const MESSAGES: Readonly<Record<Language, Messages>> = { id, en };

/** `{count, plural, one {# row} other {# rows}}`: the words that go with a number (ICU's form, `#` the number). */
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;
const LOCALES: Readonly<Record<Language, string>> = { id: 'id-ID', en: 'en-GB' };

/**
 * Fills `{name}` placeholders and picks each `{name, plural, …}` form by the language's plural
 * rules (Intl.PluralRules: English "1 row", "2 rows"; Indonesian has one form). An unknown
 * placeholder is left visible rather than dropped.
 */
export function interpolate(template: string, params?: Params, language: Language = 'id'): string {
  if (!params) return template;
  const rules = new Intl.PluralRules(LOCALES[language]);
  return template
    .replace(PLURAL, (whole, name: string, one: string, other: string) => {
      const value = params[name];
      if (typeof value !== 'number') return whole;
      return (rules.select(value) === 'one' ? one : other).replaceAll('#', String(value));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
}

export function createTranslate(language: Language): Translate {
  const messages = MESSAGES[language];
  return (key, params) => interpolate(messages[key], params, language);
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
