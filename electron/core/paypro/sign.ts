import { createHash, timingSafeEqual } from 'node:crypto';
import { registerSecret } from '../logging/redact.ts';

/**
 * Paypro's request sign (paypro-api.md §1): every field but `sign`, keys in code-unit order
 * (Java's Collections.sort), joined as `key=value` with no separator, the merchant secret appended,
 * MD5, lower-case hex.
 *
 * Empty values (`undefined`, `null`, `""`) are left out, as the gateway's Java skips empty text;
 * we never send such fields either, so the gateway's handling of `null` never matters.
 * Only strings, booleans and safe integers can be signed: the gateway renders a parsed decimal as
 * "1000000.0", which no client can reproduce reliably, so amounts are whole rupiah.
 */
export function computeSign(fields: Readonly<Record<string, unknown>>, secret: string): string {
  if (secret.length === 0) throw new TypeError('The merchant secret is empty.');
  const keys = Object.keys(fields)
    .filter((key) => key !== 'sign' && signableText(key, fields[key]) !== '')
    .sort();
  const joined = keys.map((key) => `${key}=${signableText(key, fields[key])}`).join('');
  return createHash('md5').update(joined + secret, 'utf8').digest('hex');
}

function signableText(key: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new TypeError(`Field "${key}" cannot be signed: only text, booleans and whole numbers can.`);
}

/**
 * The merchant's signing identity. The secret lives only in this closure: it cannot be read
 * back, logged or serialised, so only code handed a signer (the Paypro client) can use it.
 */
export interface MerchantSigner {
  readonly merchantNo: string;
  sign(fields: Readonly<Record<string, unknown>>): string;
  /** True when `fields.sign` matches the sign of the other fields (constant-time compare). */
  verify(fields: Readonly<Record<string, unknown>>): boolean;
}

export function createMerchantSigner(merchantNo: string, secret: string): MerchantSigner {
  if (secret.length === 0) throw new TypeError('The merchant secret is empty.');
  // Whatever a log line holds, this value is masked out of it (electron/core/logging/redact.ts).
  registerSecret(secret);
  const signer: MerchantSigner = {
    merchantNo,
    sign: (fields) => computeSign(fields, secret),
    verify: (fields) => {
      const received = fields.sign;
      if (typeof received !== 'string') return false;
      const expected = Buffer.from(computeSign(fields, secret), 'utf8');
      const actual = Buffer.from(received.toLowerCase(), 'utf8');
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
  // Keep the signer from ever printing anything but the merchant number.
  Object.defineProperty(signer, 'toJSON', { value: () => ({ merchantNo }) });
  Object.defineProperty(signer, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => `MerchantSigner { merchantNo: '${merchantNo}' }`,
  });
  return Object.freeze(signer);
}
