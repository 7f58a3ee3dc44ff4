/**
 * Cash at the counter (issue 22): what the customer hands over, the change, and the quick tender
 * buttons. Pure, so that the sale screen and main apply the same rule: main checks again before
 * anything is written, and the ledger's schema refuses a tender below the amount a third time.
 */

export type ChangeResult = { ok: true; change: number } | { ok: false; short: number };

/** change = tendered − amount; a tender below the amount is refused with what is still short. */
export function changeFor(amount: number, tendered: number): ChangeResult {
  return tendered >= amount ? { ok: true, change: tendered - amount } : { ok: false, short: amount - tendered };
}

/** The notes a customer rounds up to (the larger Indonesian banknotes). */
const ROUND_NOTES = [10_000, 20_000, 50_000, 100_000] as const;
/** How many round-up buttons the screen shows beside "Uang pas". */
const MAX_ROUND_UPS = 3;

/**
 * The quick tender buttons: the exact amount ("uang pas") first, then the next round sums a
 * customer is likely to hand over (Rp 35.000 → 40.000, 50.000, 100.000), smallest first.
 */
export function quickTenders(amount: number): number[] {
  const roundUps = new Set<number>();
  for (const note of ROUND_NOTES) {
    const rounded = Math.ceil(amount / note) * note;
    if (rounded > amount && Number.isSafeInteger(rounded)) roundUps.add(rounded);
  }
  return [amount, ...[...roundUps].sort((a, b) => a - b).slice(0, MAX_ROUND_UPS)];
}

/** The refusals of cash and of a sale's follow-up payments that main sends (translated as `err.<code>`). */
export const CASH_SALE_ERROR_CODES = [
  'cashSale.tender_short',
  'cashSale.tender_invalid',
  'cashSale.not_a_sale',
  'cashSale.payment_open',
  'cashSale.nothing_outstanding',
  'cashSale.other_environment',
] as const;
