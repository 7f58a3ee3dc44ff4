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

export const REDACTED = '[redacted]';

const knownSecrets = new Set<string>();

/** Called by the vault with every secret it stores or decrypts; short values are ignored (too common to mask). */
export function registerSecret(secret: string): void {
  if (secret.length >= 4) knownSecrets.add(secret);
}

/** For tests: forget every registered secret. */
export function clearRegisteredSecrets(): void {
  knownSecrets.clear();
}

/** Keys whose value is never logged, whatever it looks like. Compared without case, `-`, `_`. */
const SECRET_KEYS = new Set(['secret', 'appsecret', 'merchantsecret', 'apisecret', 'password', 'pin', 'adminpin', 'sign', 'signature', 'authorization', 'token']);
const MOBILE_KEYS = new Set(['mobile', 'phone', 'customermobile', 'phonenumber', 'msisdn']);
const EMAIL_KEYS = new Set(['email', 'customeremail', 'mail']);

const normalKey = (key: string) => key.toLowerCase().replace(/[-_]/g, '');

// `"sign":"…"`, `sign=…`, `sign: '…'`: a sign value written out in text.
const SIGN_IN_TEXT = /(["']?\b(?:sign|signature)["']?\s*[:=]\s*["']?)([^"'&,\s}]+)/gi;
// Indonesian mobiles: 08…, 628…, +628…, 9 to 15 digits in all, not part of a longer number or word.
const MOBILE_IN_TEXT = /(?<![\w+])(?:\+?62|0)8\d{6,12}(?!\w)/g;
const EMAIL_IN_TEXT = /(?<![\w.%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

/** `081234567890` → `*********890`: the last 3 digits, so the owner can still tell customers apart. */
export function maskMobile(mobile: string): string {
  const digits = mobile.replace(/\D/g, '');
  if (digits.length <= 3) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}`;
}

/** `budi.santoso@example.co.id` → `b***@example.co.id`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return REDACTED;
  return `${email[0]}***@${email.slice(at + 1)}`;
}

/** Redacts secrets, signs, mobiles and emails inside free text. */
export function redactText(text: string): string {
  let out = text;
  // Longest first, so a secret containing another is masked whole.
  for (const secret of [...knownSecrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
  out = out.replace(SIGN_IN_TEXT, (_match, prefix: string) => `${prefix}${REDACTED}`);
  out = out.replace(EMAIL_IN_TEXT, (_match, first: string, domain: string) => `${first}***@${domain}`);
  out = out.replace(MOBILE_IN_TEXT, (match) => maskMobile(match));
  return out;
}

function redactKeyed(key: string, value: unknown, seen: WeakMap<object, unknown>): unknown {
  const name = normalKey(key);
  if (SECRET_KEYS.has(name)) return value === undefined || value === null || value === '' ? value : REDACTED;
  if (MOBILE_KEYS.has(name) && (typeof value === 'string' || typeof value === 'number')) return maskMobile(String(value));
  if (EMAIL_KEYS.has(name) && typeof value === 'string') return maskEmail(value);
  return redactValue(value, seen);
}

function redactError(error: Error, seen: WeakMap<object, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  seen.set(error, out);
  out.name = error.name;
  out.message = redactText(error.message);
  if (error.stack !== undefined) out.stack = redactText(error.stack);
  for (const key of Object.keys(error)) out[key] = redactKeyed(key, (error as unknown as Record<string, unknown>)[key], seen);
  if (error.cause !== undefined) out.cause = redactValue(error.cause, seen);
  return out;
}

function redactValue(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return redactText(value);
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
  for (const [key, item] of Object.entries(value)) out[key] = redactKeyed(key, item, seen);
  return out;
}

/**
 * A redacted deep copy of anything a log call receives: strings, nested objects and arrays,
 * errors (message, stack, cause, own fields). Cycles are kept as cycles; the input is untouched.
 */
export function redact<T>(value: T): T {
  return redactValue(value, new WeakMap()) as T;
}
