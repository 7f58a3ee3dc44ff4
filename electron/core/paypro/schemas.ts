import { z } from 'zod';

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

const statusSchema = z.string().regex(/^\d+$/, 'status must be a string of digits');
const text = z.string().nullish();
const amount = z.union([z.string(), z.number()]).nullish();

export const paymentLinkDataSchema = z.object({
  tradeNo: z.string().min(1),
  platFormTradeNo: z.string().min(1),
  status: statusSchema,
  desc: text,
  remark: text,
  paymentUrl: text,
  qrString: text,
});

/** Sibling countries name the paid amount differently (paypro-api.md §2.3); all are accepted. */
export const payInQueryDataSchema = z.object({
  tradeNo: z.string().min(1).nullish(),
  platFormTradeNo: text,
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

/** The paid amount, by the documented field first; the first field present decides. */
export function pickPaidAmount(data: PayInQueryData): number | null {
  for (const value of [data.amount, data.receivedAmount, data.payAmount, data.orderAmount]) {
    if (value !== null && value !== undefined && value !== '') return parseRupiah(value);
  }
  return null;
}
