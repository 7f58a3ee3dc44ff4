import { validateName } from '../validation.ts';

/**
 * A cashier as the owner enters one: a name (the same rules as a customer's name) and a PIN of
 * 4–6 digits — short enough to type at every shift change, long enough with the lockout.
 * Errors use the codes the renderer already translates (`name.*`, `pin.format` with min/max).
 */
export const CASHIER_PIN_MIN = 4;
export const CASHIER_PIN_MAX = 6;
const CASHIER_PIN = new RegExp(`^\\d{${CASHIER_PIN_MIN},${CASHIER_PIN_MAX}}$`);

export interface CashierFieldError {
  code: string;
  params?: Record<string, number>;
}

export type CashierInputResult =
  | { ok: true; value: { name: string; pin: string } }
  | { ok: false; fields: Partial<Record<'name' | 'pin', CashierFieldError>> };

export function isCashierPin(pin: string): boolean {
  return CASHIER_PIN.test(pin);
}

type FieldResult<T> = { ok: true; value: T } | { ok: false; error: CashierFieldError };

/** A cashier's name on its own (renaming): the customer-name rules. */
export function validateCashierName(name: string): FieldResult<string> {
  return validateName(name);
}

/**
 * Two names for the same person at the counter: the same letters whatever the case and spacing
 * ("Siti", " siti ", "SITI"). The roster refuses a second active cashier so named (issue 20 item 15):
 * shift reports by name would mix them up.
 */
export function sameCashierName(a: string, b: string): boolean {
  const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id-ID');
  return key(a) === key(b);
}

/** A cashier's PIN on its own (giving or changing one): 4–6 digits. */
export function validateCashierPin(pin: string): FieldResult<string> {
  return isCashierPin(pin) ? { ok: true, value: pin } : { ok: false, error: { code: 'pin.format', params: { min: CASHIER_PIN_MIN, max: CASHIER_PIN_MAX } } };
}

export function validateCashierInput(input: { name: string; pin: string }): CashierInputResult {
  const fields: Partial<Record<'name' | 'pin', CashierFieldError>> = {};
  const name = validateCashierName(input.name);
  const pin = validateCashierPin(input.pin);
  if (!name.ok) fields.name = name.error;
  if (!pin.ok) fields.pin = pin.error;
  if (!name.ok || !pin.ok) return { ok: false, fields };
  return { ok: true, value: { name: name.value, pin: pin.value } };
}
