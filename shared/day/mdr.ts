import { z } from 'zod';

/**
 * QRIS MDR (merchant discount rate): what Paypro keeps of each QRIS payment before paying the
 * shop out. Bank Indonesia's rule since 1 December 2024: regular merchants 0.7%; micro merchants
 * (usaha mikro) 0% on a transaction up to Rp 500.000 and 0.3% on one above it (of the whole
 * transaction, not of the part above). The MDR is the merchant's cost: it may not be charged to
 * the customer, so the sale's amount never includes it.
 */
export const MDR_PLANS = ['regular', 'micro'] as const;
export type MdrPlan = (typeof MDR_PLANS)[number];

export const mdrPlanSchema = z.enum(MDR_PLANS, { message: 'settings.mdr_plan' });

/** Up to this many rupiah, a micro merchant's transaction carries no MDR. */
export const MICRO_FREE_UP_TO = 500_000;

/** Rates in tenths of a percent (per mille), so the arithmetic stays in whole numbers. */
const REGULAR_PER_MILLE = 7;
const MICRO_ABOVE_PER_MILLE = 3;

/** Per mille of a transaction of `amount` rupiah under `plan`. */
export function mdrRatePerMille(amount: number, plan: MdrPlan): number {
  if (plan === 'regular') return REGULAR_PER_MILLE;
  return amount <= MICRO_FREE_UP_TO ? 0 : MICRO_ABOVE_PER_MILLE;
}

/**
 * The MDR of one transaction of `amount` whole rupiah, rounded to the nearest rupiah, half up
 * (Rp 50 × 0.7% = 0.35 → 0; Rp 500 × 0.7% = 3.5 → 4). Per transaction, as Paypro settles each
 * payment on its own: a day's MDR is the sum of these, not the rate applied to the day's total.
 * Whole-number arithmetic: exact for any amount below 2^53 / 7.
 */
export function mdrOf(amount: number, plan: MdrPlan): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not a whole-rupiah amount: ${amount}`);
  const perMille = mdrRatePerMille(amount, plan);
  return Math.floor((amount * perMille + 500) / 1000);
}

export interface PayoutEstimate {
  plan: MdrPlan;
  /** QRIS payments that brought money in. */
  count: number;
  /** QRIS money received (paid sales' paid amounts plus partial payments). */
  received: number;
  /** The sum of each transaction's MDR. */
  mdr: number;
  /** "Perkiraan dana dari Paypro": received − MDR. */
  expected: number;
}

/** The estimate over the amounts received per QRIS transaction. */
export function estimatePayout(receivedAmounts: Iterable<number>, plan: MdrPlan): PayoutEstimate {
  let count = 0;
  let received = 0;
  let mdr = 0;
  for (const amount of receivedAmounts) {
    if (amount <= 0) continue;
    count += 1;
    received += amount;
    mdr += mdrOf(amount, plan);
  }
  return { plan, count, received, mdr, expected: received - mdr };
}

export const payoutEstimateSchema = z.object({
  plan: mdrPlanSchema,
  count: z.number().int(),
  received: z.number().int(),
  mdr: z.number().int(),
  expected: z.number().int(),
});
