import { parseQris, QRIS_ERROR_CODES, type QrisPayload } from './parse.ts';

/**
 * The gate before a QR is shown to a customer (design.md, lifecycle step 4): the code must be
 * intact and must charge exactly the sale's amount in rupiah, with nothing added on top.
 */

export const QRIS_CHARGE_PROBLEM_CODES = [
  ...QRIS_ERROR_CODES,
  'qris.currency_not_idr',
  'qris.amount_missing',
  'qris.amount_mismatch',
  'qris.surcharge',
  'qris.too_long',
] as const;
export type QrisChargeProblemCode = (typeof QRIS_CHARGE_PROBLEM_CODES)[number];
export type QrisChargeProblem = { code: QrisChargeProblemCode; detail: string };

const IDR = '360';

/**
 * EMV QRCPS Merchant-Presented Mode v1.1, §4.1 "Payload": the payload should not exceed 512
 * alphanumeric characters, fewer when multi-byte characters are used — so 512 UTF-8 bytes.
 * (Spec PDF as published in github.com/mvallim/emv-qrcode, docs/EMVCo-Merchant-Presented-QR-Specification-v1-1.pdf.)
 * A longer one is not a QRIS code a wallet must read, and may not fit a QR code at all.
 */
export const QRIS_MAX_PAYLOAD_BYTES = 512;

/**
 * The parsed payload when it may be shown for a charge of `expectedAmount` rupiah, or the first
 * problem found. The amount is required on static codes too: without it the customer would type
 * the amount themselves, and the sale could be paid short.
 */
export function checkQrisForCharge(
  payload: string,
  expectedAmount: number,
): { ok: true; value: QrisPayload } | { ok: false; error: QrisChargeProblem } {
  const bytes = new TextEncoder().encode(payload).length;
  if (bytes > QRIS_MAX_PAYLOAD_BYTES) {
    return problem('qris.too_long', `${bytes} bytes, more than the ${QRIS_MAX_PAYLOAD_BYTES} of EMV QRCPS §4.1`);
  }
  const parsed = parseQris(payload);
  if (!parsed.ok) return parsed;
  const qris = parsed.value;
  if (qris.currency !== IDR) {
    return problem('qris.currency_not_idr', `tag 53 is ${qris.currency ?? 'missing'}, not ${IDR} (IDR)`);
  }
  if (qris.amountText === null) return problem('qris.amount_missing', 'there is no tag 54');
  if (!sameAmount(qris.amountText, expectedAmount)) {
    return problem('qris.amount_mismatch', `tag 54 is ${qris.amountText}, the charge is ${expectedAmount}`);
  }
  if (qris.surcharge) {
    const tags = (['55', '56', '57'] as const).filter((tag) => qris.fields.some((field) => field.tag === tag));
    return problem('qris.surcharge', `tip or fee tags present: ${tags.join(', ')}`);
  }
  return { ok: true, value: qris };
}

/**
 * Numeric equality of tag 54 (`39000.00`, `039000`) with a whole-rupiah charge, done on the
 * digits so that it stays exact for any length of number.
 */
function sameAmount(amountText: string, expected: number): boolean {
  const [whole = '', fraction = ''] = amountText.split('.');
  return /^0*$/.test(fraction) && whole.replace(/^0+(?=\d)/, '') === String(expected);
}

function problem(code: QrisChargeProblemCode, detail: string): { ok: false; error: QrisChargeProblem } {
  return { ok: false, error: { code, detail } };
}
