/**
 * Log redaction: what a log line must never hold, removed before any transport sees it.
 * - the app secret (every value the vault has handled is registered here, and keys named like
 *   a secret or a PIN are dropped whatever their value);
 * - `sign` values (a signature is a proof made with the secret: replayable, and a foothold for
 *   guessing it), as object keys and inside text such as a request body;
 * - a customer's mobile number (only the last 3 digits stay) and email (the first letter and the
 *   domain stay).
 * Plain TypeScript, no Electron: main and the core both use it (electron/core/logging/log.ts).
 */

import { addSecretForms, clearSecretForms, isSecretKey, maskEmail, maskMobile, REDACTED, redactText } from './redact-text.ts';

export { maskEmail, maskMobile, REDACTED, redactText };

/**
 * Called by the vault with every secret it stores or decrypts, whatever its length: a short one
 * (stored before the vault's minimum) is still the key to the merchant's account.
 */
export function registerSecret(secret: string): void {
  if (secret !== '') addSecretForms(secret);
}

/** For tests: forget every registered secret. */
export function clearRegisteredSecrets(): void {
  clearSecretForms();
}

/** Control, bidi/format and line separator characters: in a log they could forge lines or hide text. */
const UNSAFE_IN_LOG = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text as a log writes it: every control, bidi or format character escaped (`\n`, `\u001b`,
 * `\u202e`), whatever its source, so one call writes one line that reads as it is.
 */
export function escapeForLog(text: string): string {
  return text.replace(UNSAFE_IN_LOG, (char) => SHORT_ESCAPES[char] ?? `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

const MOBILE_KEYS = new Set(['mobile', 'phone', 'customermobile', 'phonenumber', 'msisdn']);
const EMAIL_KEYS = new Set(['email', 'customeremail', 'mail']);

const normalKey = (key: string) => key.toLowerCase().replace(/[-_]/g, '');

function redactKeyed(key: string, value: unknown, seen: WeakMap<object, unknown>): unknown {
  const name = normalKey(key);
  if (isSecretKey(key)) return value === undefined || value === null || value === '' ? value : REDACTED;
  if (MOBILE_KEYS.has(name) && (typeof value === 'string' || typeof value === 'number')) return escapeForLog(maskMobile(String(value)));
  if (EMAIL_KEYS.has(name) && typeof value === 'string') return escapeForLog(maskEmail(value));
  return redactValue(value, seen);
}

function redactError(error: Error, seen: WeakMap<object, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  seen.set(error, out);
  out.name = error.name;
  out.message = logText(error.message);
  if (error.stack !== undefined) out.stack = logText(error.stack);
  for (const key of Object.keys(error)) out[key] = redactKeyed(key, (error as unknown as Record<string, unknown>)[key], seen);
  if (error.cause !== undefined) out.cause = redactValue(error.cause, seen);
  return out;
}

function redactValue(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return logText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Error) return redactError(value, seen);
  if (value instanceof Date) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(redactValue(item, seen));
    return out;
  }
  if (value instanceof Map) return redactValue(Object.fromEntries(value), seen);
  if (value instanceof Set) return redactValue([...value], seen);
  if (ArrayBuffer.isView(value)) return `[${value.constructor.name} ${value.byteLength} bytes]`;
  // An object with its own JSON form (the MerchantSigner prints only the merchant number).
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return redactValue(toJSON.call(value), seen);
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [key, item] of Object.entries(value)) out[escapeForLog(key)] = redactKeyed(key, item, seen);
  return out;
}

const logText = (text: string): string => escapeForLog(redactText(text));

/**
 * A redacted deep copy of anything a log call receives: strings, nested objects and arrays,
 * errors (message, stack, cause, own fields). Cycles are kept as cycles; the input is untouched.
 */
export function redact<T>(value: T): T {
  return redactValue(value, new WeakMap()) as T;
}
