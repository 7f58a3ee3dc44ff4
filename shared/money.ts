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
const GROUPED = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/**
 * `150000` → `Rp 150.000`. The space is Intl's NO-BREAK SPACE (U+00A0), kept on purpose so that
 * `Rp` never wraps away from its digits on a narrow screen or receipt.
 */
export function formatRupiah(amount: number): string {
  return RUPIAH.format(amount);
}

/** `150000` → `150.000`: the amount without `Rp`, as the amount field and the settings show it. */
export function groupRupiah(amount: number): string {
  return GROUPED.format(amount);
}

/**
 * Why a text is not an amount: `decimal` (a `,` or a 1–2 digit tail after the last `.`: rupiah
 * has no cents at the counter), `grouping` (a `.` that is not a thousands separator), `negative`,
 * `too_large` (past what a number holds exactly), `not_a_number`, `empty`.
 */
export type RupiahTextRefusal = 'empty' | 'negative' | 'decimal' | 'grouping' | 'too_large' | 'not_a_number';
export type RupiahText = { ok: true; value: number } | { ok: false; refusal: RupiahTextRefusal };

// In Indonesian the dot groups thousands: `150000` or `150.000`, never `15.0000` or `1.50.000`.
const WHOLE = /^(\d+|\d{1,3}(\.\d{3})+)$/;
// A whole part followed by what reads as cents: `15000,50`, `1,5`, `150.000,`, `1.5`, `25.000.00`.
const WITH_CENTS = /^(\d+|\d{1,3}(\.\d{3})+)(,\d*|\.\d{1,2})$/;

/**
 * The one reading of a typed or pasted amount (the sale field, the settings limits, main's rules):
 * spaces and an `Rp`/`Rp.` prefix are ignored, `.` only separates thousands, and anything with a
 * decimal part is refused, never read as more digits.
 */
export function parseRupiahText(text: string): RupiahText {
  const compact = text.replace(/\s/g, '').replace(/^rp\.?/i, '');
  if (compact === '') return refuse('empty');
  const negative = compact.startsWith('-');
  const unsigned = negative ? compact.slice(1) : compact;
  if (WHOLE.test(unsigned)) {
    const value = Number(unsigned.replaceAll('.', ''));
    if (negative && value !== 0) return refuse('negative');
    return Number.isSafeInteger(value) ? { ok: true, value } : refuse('too_large');
  }
  if (!/^[\d.,]+$/.test(unsigned) || !/\d/.test(unsigned)) return refuse('not_a_number');
  if (negative) return refuse('negative');
  if (unsigned.includes(',') || WITH_CENTS.test(unsigned)) return refuse('decimal');
  return refuse('grouping');
}

function refuse(refusal: RupiahTextRefusal): RupiahText {
  return { ok: false, refusal };
}
