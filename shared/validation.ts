import { parseRupiahText, type RupiahTextRefusal } from './money.ts';
import type { Settings } from './settings.ts';

/**
 * Input rules for a sale. The renderer runs them for instant feedback and main runs them again
 * before anything is written or sent, so they are pure and never throw: bad input is a result,
 * with a code the renderer translates and the numbers its message needs.
 */

export const VALIDATION_CODES = [
  'amount.empty',
  'amount.not_a_number',
  'amount.not_whole',
  'amount.bad_grouping',
  'amount.not_positive',
  'amount.below_min',
  'amount.above_max',
  'mobile.empty',
  'mobile.bad_characters',
  'mobile.bad_prefix',
  'mobile.bad_length',
  'email.empty',
  'email.too_long',
  'email.local_too_long',
  'email.invalid',
  'name.empty',
  'name.too_long',
  'name.bad_characters',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export type ValidationError = { code: ValidationCode; params?: Readonly<Record<string, number>> };
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; error: ValidationError };

export type AmountLimits = Settings['limits'];
export type Customer = Settings['defaultCustomer'];

function fail(code: ValidationCode, params?: Record<string, number>): { ok: false; error: ValidationError } {
  return params ? { ok: false, error: { code, params } } : { ok: false, error: { code } };
}

// ---- amount ----------------------------------------------------------------------------------

const AMOUNT_TEXT_CODES: Record<Exclude<RupiahTextRefusal, 'too_large'>, ValidationCode> = {
  empty: 'amount.empty',
  negative: 'amount.not_positive',
  decimal: 'amount.not_whole',
  grouping: 'amount.bad_grouping',
  not_a_number: 'amount.not_a_number',
};

/**
 * A whole, positive number of rupiah within the shop's limits. Accepts a number or the cashier's
 * text, read by `parseRupiahText` (the one reading of typed amounts). A value past
 * Number.MAX_SAFE_INTEGER cannot be held exactly, so it is reported as above the maximum.
 */
export function validateAmount(input: number | string, limits: AmountLimits): ValidationResult<number> {
  if (typeof input === 'number') return checkAmount(input, limits);
  const parsed = parseRupiahText(input);
  if (parsed.ok) return checkAmount(parsed.value, limits);
  if (parsed.refusal === 'too_large') return fail('amount.above_max', { max: maxOf(limits) });
  return fail(AMOUNT_TEXT_CODES[parsed.refusal]);
}

const maxOf = (limits: AmountLimits) => Math.min(limits.maxAmount, Number.MAX_SAFE_INTEGER);

function checkAmount(amount: number, limits: AmountLimits): ValidationResult<number> {
  const max = maxOf(limits);
  if (!Number.isFinite(amount)) return fail('amount.not_a_number');
  if (amount <= 0) return fail('amount.not_positive');
  if (!Number.isInteger(amount)) return fail('amount.not_whole');
  if (amount < limits.minAmount) return fail('amount.below_min', { min: limits.minAmount });
  if (amount > max) return fail('amount.above_max', { max });
  return { ok: true, value: amount };
}

// ---- mobile ----------------------------------------------------------------------------------

export const MOBILE_MIN_DIGITS = 10;
export const MOBILE_MAX_DIGITS = 13;

/**
 * An Indonesian mobile number, normalised to the national form `08…` (digits only).
 *
 * Why `08…` and not `628…`: the gateway accepts either prefix with 10–13 digits. Indonesian mobile
 * numbers are 10–13 digits long in the national form (`0812-3456-7890` is 12), so that form
 * fits the gateway's rule exactly, whereas the same numbers written `628…` are 11–14 digits and the
 * longest would be refused. The length rule is checked on the normalised digits, i.e. on exactly
 * what is sent. Input may carry spaces, dashes, dots, parentheses and `+62`, `62` or `0` in front; a
 * number without any of those prefixes (`812…`) or with a doubled one (`+62 0812…`) is refused
 * rather than guessed at.
 */
export function validateMobile(input: string): ValidationResult<string> {
  const trimmed = input.trim();
  if (trimmed === '') return fail('mobile.empty');
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return fail('mobile.bad_characters');
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+') && !digits.startsWith('62')) return fail('mobile.bad_prefix');
  const national = digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
  if (!national.startsWith('08')) return fail('mobile.bad_prefix');
  if (national.length < MOBILE_MIN_DIGITS || national.length > MOBILE_MAX_DIGITS) {
    return fail('mobile.bad_length', { min: MOBILE_MIN_DIGITS, max: MOBILE_MAX_DIGITS });
  }
  return { ok: true, value: national };
}

// ---- email -----------------------------------------------------------------------------------

// RFC 5321 §4.5.3.1: 64 octets for the local part, 254 for a whole address usable in a path.
export const EMAIL_MAX_LENGTH = 254;
export const EMAIL_LOCAL_MAX_LENGTH = 64;

// RFC 5322 dot-atom: no leading, trailing or doubled dots. Quoted local parts are not accepted.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// DNS labels of 1–63 letters, digits or inner hyphens, at least two, ending in a 2+ letter TLD.
const DOMAIN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** An email address, trimmed, with its domain lower-cased (the local part may be case-sensitive). */
export function validateEmail(input: string): ValidationResult<string> {
  const trimmed = input.trim();
  if (trimmed === '') return fail('email.empty');
  if (trimmed.length > EMAIL_MAX_LENGTH) return fail('email.too_long', { max: EMAIL_MAX_LENGTH });
  const parts = trimmed.split('@');
  if (parts.length !== 2) return fail('email.invalid');
  const [local = '', domain = ''] = parts;
  if (local.length > EMAIL_LOCAL_MAX_LENGTH) return fail('email.local_too_long', { max: EMAIL_LOCAL_MAX_LENGTH });
  const lowerDomain = domain.toLowerCase();
  if (!LOCAL_PART.test(local) || !DOMAIN.test(lowerDomain)) return fail('email.invalid');
  return { ok: true, value: `${local}@${lowerDomain}` };
}

// ---- customer name ---------------------------------------------------------------------------

export const NAME_MAX_LENGTH = 64;

// Letters and marks of any script (names such as `Nguyễn` or `Ni Luh Putu Ayu`), digits, and the
// punctuation names use. Control characters, tabs and newlines inside a name are refused.
const NAME = /^[\p{L}\p{M}\p{Nd} .'-]+$/u;

/**
 * A customer name, trimmed, with runs of spaces collapsed. Its length is counted in code points,
 * so a name in any script gets the same 64.
 */
export function validateName(input: string): ValidationResult<string> {
  const name = input.trim().replace(/\p{Zs}+/gu, ' ');
  if (name === '') return fail('name.empty');
  if ([...name].length > NAME_MAX_LENGTH) return fail('name.too_long', { max: NAME_MAX_LENGTH });
  if (!NAME.test(name)) return fail('name.bad_characters');
  return { ok: true, value: name };
}

// ---- sale ------------------------------------------------------------------------------------

export type SaleInput = {
  amount: number | string;
  customer?: { name?: string; mobile?: string; email?: string };
};
/** Which customer fields the cashier typed; the others came from the shop's contact (issue 20 #6). */
export type CustomerTyped = Record<'name' | 'mobile' | 'email', boolean>;
export type Sale = { amount: number; customer: Customer; typed: CustomerTyped };
export const SALE_FIELDS = ['amount', 'name', 'mobile', 'email'] as const;
export type SaleField = (typeof SALE_FIELDS)[number];
export type SaleErrors = Partial<Record<SaleField, ValidationError>>;
export type SaleResult = { ok: true; value: Sale } | { ok: false; errors: SaleErrors };

/**
 * A whole sale. A customer field left blank takes the `fallback`'s value (the shop's contact for a
 * QR charge), which then goes through the same rule; a blank fallback leaves the field empty, for
 * the caller to refuse where Paypro needs it. Every broken field is reported, keyed by field, so
 * the form can mark them all at once.
 */
export function validateSale(input: SaleInput, fallback: Customer, limits: AmountLimits): SaleResult {
  const typed: CustomerTyped = {
    name: isTyped(input.customer?.name),
    mobile: isTyped(input.customer?.mobile),
    email: isTyped(input.customer?.email),
  };
  const field = (name: keyof CustomerTyped, rule: (text: string) => ValidationResult<string>): ValidationResult<string> => {
    const text = typed[name] ? (input.customer?.[name] ?? '') : fallback[name];
    return typed[name] || text.trim() !== '' ? rule(text) : { ok: true, value: '' };
  };
  const results = {
    amount: validateAmount(input.amount, limits),
    name: field('name', validateName),
    mobile: field('mobile', validateMobile),
    email: field('email', validateEmail),
  };
  const { amount, name, mobile, email } = results;
  if (amount.ok && name.ok && mobile.ok && email.ok) {
    const customer = { name: name.value, mobile: mobile.value, email: email.value };
    return { ok: true, value: { amount: amount.value, customer, typed } };
  }
  const errors: SaleErrors = {};
  for (const field of SALE_FIELDS) {
    const result = results[field];
    if (!result.ok) errors[field] = result.error;
  }
  return { ok: false, errors };
}

const isTyped = (value: string | undefined): boolean => value !== undefined && value.trim() !== '';
