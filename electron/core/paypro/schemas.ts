import { z } from 'zod';
import { displaySafe } from '../../../shared/display-text.ts';

/**
 * Response shapes (paypro-api.md §1, §2). Lenient where the docs disagree with themselves,
 * strict where a wrong reading would be dangerous: `code` and `status` must be JSON strings,
 * because a number has already lost its leading zeros ("0015" → 15) and cannot be restored safely.
 */

/** Envelope: tables say `timestamp`/`success` are strings, examples send a number and a boolean. */
export const envelopeSchema = z.object({
  code: z.string().min(1),
  msg: z.string().nullish(),
  timestamp: z.union([z.number(), z.string()]).nullish(),
  success: z.union([z.boolean(), z.string()]).nullish(),
  data: z.unknown().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/**
 * A gateway id (tradeNo, platFormTradeNo): it is stored, shown, printed on receipts and encoded
 * in a QR, so it must be plain. Invisible format characters (bidi, zero-width) are dropped like in
 * every other gateway string; what is left must be letters, digits, `_`, `-` or `.`, at most 64.
 * Anything else — an ESC p that would open the drawer, a space, a quote — makes the answer malformed.
 */
export const GATEWAY_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const gatewayId = z
  .string()
  .transform(displaySafe)
  .pipe(z.string().regex(GATEWAY_ID, 'not a plain gateway id'));
const optionalGatewayId = z.union([z.literal(''), gatewayId]).nullish();

const statusSchema = z.string().regex(/^\d+$/, 'status must be a string of digits');
const text = z.string().nullish();
const amount = z.union([z.string(), z.number()]).nullish();

export const paymentLinkDataSchema = z.object({
  tradeNo: gatewayId,
  platFormTradeNo: gatewayId,
  status: statusSchema,
  desc: text,
  remark: text,
  paymentUrl: text,
  qrString: text,
});

/** Sibling countries name the paid amount differently (paypro-api.md §2.3); all are accepted. */
export const payInQueryDataSchema = z.object({
  tradeNo: gatewayId.nullish(),
  platFormTradeNo: optionalGatewayId,
  status: statusSchema,
  amount,
  receivedAmount: amount,
  payAmount: amount,
  orderAmount: amount,
  message: text,
  successTime: z.union([z.string(), z.number()]).nullish(),
  // Not documented for Indonesia (paypro-api.md §7 q4); read when present, since they are what
  // a create whose answer was lost needs to put a code in front of the customer.
  paymentUrl: text,
  qrString: text,
});
export type PayInQueryData = z.infer<typeof payInQueryDataSchema>;

/** Proof of payment (paypro-api.md §2.5): the URL is checked by the client (proofUrlOf), not here. */
export const voucherDataSchema = z.object({
  url: z.string(),
  message: text,
});

export const balanceDataSchema = z.object({
  availablAmount: amount,
  availableAmount: amount,
  freezeAmount: amount,
});

/**
 * Whole rupiah from a gateway amount: 30000, "30000", "30000.00" → 30000. Anything else
 * (fractions, thousands separators, negatives, junk) → null: no number beats a wrong number.
 * "30.000" is refused on purpose: in Indonesian it means thirty thousand, in JSON thirty.
 */
export function parseRupiah(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^(\d+)(?:\.0{1,2})?$/.exec(value.trim());
  if (!match?.[1]) return null;
  const rupiah = Number(match[1]);
  return Number.isSafeInteger(rupiah) ? rupiah : null;
}

/**
 * The paid amount, by the documented field first; the first field present decides. `unreadable`
 * keeps what was written when it is present but not whole rupiah (display-safe, at most 32 characters).
 */
export function pickPaidAmount(data: PayInQueryData): { amount: number | null; unreadable: string | null } {
  for (const value of [data.amount, data.receivedAmount, data.payAmount, data.orderAmount]) {
    if (value === null || value === undefined || value === '') continue;
    const amount = parseRupiah(value);
    return { amount, unreadable: amount === null ? displaySafe(String(value)).slice(0, 32) : null };
  }
  return { amount: null, unreadable: null };
}
