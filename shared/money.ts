/**
 * Rupiah display. Money is always formatted the Indonesian way (`Rp 150.000`), in the English UI
 * too: the customer reading the counter screen pays in rupiah and reads `.` as the thousands
 * separator, so `Rp 150,000` would only confuse them. Hence no locale parameter.
 */

// Built once: constructing an Intl formatter is far slower than using one.
const RUPIAH = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});

/**
 * `150000` → `Rp 150.000`. The space is Intl's NO-BREAK SPACE (U+00A0), kept on purpose so that
 * `Rp` never wraps away from its digits on a narrow screen or receipt.
 */
export function formatRupiah(amount: number): string {
  return RUPIAH.format(amount);
}

/**
 * The live-typed amount field: keeps the digits of what was typed and regroups them with `.`
 * (`1500` → `1.500`, `1.5000` → `15.000`). Works on text, not numbers, so that whatever the cashier
 * types is shown as typed, even past Number.MAX_SAFE_INTEGER; validation rejects that later.
 */
export function formatRupiahDigits(text: string): string {
  const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return digits.replace(/\B(?=(\d{3})+$)/g, '.');
}

/**
 * The value of the amount field's text: digits, `.` thousands separators and spaces, in any
 * position, since the field is regrouped as the cashier types. Returns null for anything else or
 * for a number too large to hold exactly. The strict rule for a sale is `validateAmount`.
 */
export function parseRupiahDigits(text: string): number | null {
  const digits = text.replace(/[\s.]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}
