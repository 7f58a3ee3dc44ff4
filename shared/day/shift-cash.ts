import { z } from 'zod';
import { formatRupiah } from '../money.ts';

/**
 * The shift's cash (issue 22): what the drawer should hold and what was counted in it. Shared by
 * the core (which freezes it in the shift report at close) and the renderer (which shows the
 * difference live while the cashier counts).
 */

const countAmount = z.object({ count: z.number().int(), amount: z.number().int() });

/** Kinds of cash moved by hand: the opening float, and cash put in or taken out with a reason. */
export const CASH_MOVEMENT_KINDS = ['float', 'cash_in', 'cash_out'] as const;
export type CashMovementKind = (typeof CASH_MOVEMENT_KINDS)[number];

/** Rupiah notes and coins in circulation, largest first: the optional per-denomination count. */
export const DENOMINATIONS = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100] as const;

/** Upper bound of any cash figure typed at the till: far above a drawer, far below float trouble. */
export const MAX_CASH_AMOUNT = 1_000_000_000;

export const shiftCashSchema = z.object({
  /** Modal awal: counted into the drawer when the shift opened. */
  float: z.number().int(),
  /** Cash taken for sales of the shift (tendered minus change). */
  cashSales: z.number().int(),
  cashIn: countAmount,
  cashOut: countAmount,
  /** Money handed back in cash in the shift: late payments, and customers' overpayments (schema 12). */
  cashRefunds: countAmount,
  /** float + cash sales + cash in − cash out − cash refunds. */
  expected: z.number().int(),
  /** What the cashier counted at close; null while open, or a close without counting (forced, rollover). */
  counted: z.number().int().nullable(),
  /** counted − expected (negative: short); null when not counted. */
  difference: z.number().int().nullable(),
  /** The count per note or coin (value → pieces) when the cashier counted that way. */
  denominations: z.record(z.string(), z.number().int()).nullable(),
  /** The owner approved the difference (it was at or above the threshold). */
  differenceApproved: z.boolean(),
  /** Times the drawer was opened without a sale ("Buka laci") in the shift. */
  noSaleOpenings: z.number().int(),
});
export type ShiftCash = z.infer<typeof shiftCashSchema>;

export type CashFlows = Pick<ShiftCash, 'float' | 'cashSales'> & {
  cashIn: number;
  cashOut: number;
  cashRefunds: number;
};

/** The one formula for what the drawer should hold. */
export function expectedCash(flows: CashFlows): number {
  return flows.float + flows.cashSales + flows.cashIn - flows.cashOut - flows.cashRefunds;
}

/**
 * A difference with its sign: `+Rp 5.000` over, `−Rp 5.000` short. `minus` is U+2212 on screen;
 * a receipt printer's code page has only the hyphen.
 */
export function formatDifference(amount: number, minus: '−' | '-' = '−'): string {
  if (amount === 0) return formatRupiah(0);
  return `${amount > 0 ? '+' : minus}${formatRupiah(Math.abs(amount))}`;
}

/** The total of a per-denomination count (value → pieces). */
export function denominationTotal(pieces: Readonly<Record<string, number>>): number {
  return Object.entries(pieces).reduce((sum, [value, count]) => sum + Number(value) * count, 0);
}

const cashCount = z.object({
  counted: z.number().int().min(0).max(MAX_CASH_AMOUNT),
  denominations: z.record(z.enum(DENOMINATIONS.map(String) as [string, ...string[]]), z.number().int().min(0).max(100_000)).optional(),
});
/** What the cashier counted at close: the total, and the pieces when counted per denomination. */
export type CashCount = z.infer<typeof cashCount>;

/** The close dialog's count, with the expected cash it showed the difference against; the pieces must add up to the total. */
export const drawerCountSchema = cashCount
  .extend({ expected: z.number().int() })
  .strict()
  .refine((count) => count.denominations === undefined || denominationTotal(count.denominations) === count.counted, {
    message: 'drawer.count_mismatch',
    path: ['denominations'],
  });
export type DrawerCount = z.infer<typeof drawerCountSchema>;

export const cashMovementRequest = z
  .object({
    kind: z.enum(['cash_in', 'cash_out']),
    amount: z.number().int().min(1).max(MAX_CASH_AMOUNT),
    reason: z.string().trim().min(1, { message: 'drawer.reason_required' }).max(200),
  })
  .strict();
export type CashMovementRequest = z.infer<typeof cashMovementRequest>;

export const cashMovementSchema = z.object({
  id: z.number().int(),
  shiftId: z.number().int(),
  at: z.number().int(),
  kind: z.enum(CASH_MOVEMENT_KINDS),
  amount: z.number().int(),
  reason: z.string(),
});

export const openDrawerRequest = z
  .object({ reason: z.string().trim().min(1, { message: 'drawer.reason_required' }).max(200) })
  .strict();
