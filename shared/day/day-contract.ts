import { z } from 'zod';
import { PAYMENT_STATES, paymentViewSchema } from '../payment.ts';
import { CSV_FORMATS } from './csv-format.ts';
import { shiftCashSchema } from './shift-cash.ts';

/**
 * The schemas of the day's calls (issue 16): shifts, reports, history, export, late payments.
 * shared/ipc-contract.ts lists the calls; the shapes live here to keep that file short.
 */

const countAmount = z.object({ count: z.number().int(), amount: z.number().int() });
export const LATE_OUTCOMES = ['goods_handed_over', 'refunded_cash', 'other'] as const;
export type LateOutcome = (typeof LATE_OUTCOMES)[number];
/**
 * What became of a customer's overpayment (issue 22): handed back in cash from the drawer, given back
 * outside the app (Paypro's back office, a bank transfer), or kept (a deposit, or not returned: the
 * note says why). No refund goes through Paypro's API: it has no refund call.
 */
export const OVERPAID_OUTCOMES = ['refunded_cash', 'refunded_outside', 'kept'] as const;
export type OverpaidOutcome = (typeof OVERPAID_OUTCOMES)[number];

export const reportSchema = z.object({
  saleCount: z.number().int(),
  buckets: z.object({
    paid: countAmount,
    partially_paid: countAmount,
    /** Paid after the counter closed the sale: in this line only (not in paid nor cancelled). */
    late: countAmount,
    failed: countAmount,
    expired: countAmount,
    cancelled: countAmount,
    open: countAmount,
  }),
  partial: z.object({ received: z.number().int(), outstanding: z.number().int() }),
  received: z.number().int(),
  /** The same money by how it was paid (issue 22); every report main sends has it. */
  receivedByMethod: z.object({ qris: z.number().int(), cash: z.number().int() }).optional(),
  firstSaleAt: z.number().int().nullable(),
  lastSaleAt: z.number().int().nullable(),
  late: z.object({ count: z.number().int(), received: z.number().int() }),
  voids: countAmount,
  resolutions: z.object({ goods_handed_over: z.number().int(), refunded_cash: z.number().int(), other: z.number().int() }),
  /** Received for earlier shifts: money for sales whose own shift had closed, come in during this shift (or the day's shifts). */
  earlier: countAmount,
  /** A shift's cash (issue 22): absent in day reports and in shifts frozen before it. */
  cash: shiftCashSchema.optional(),
  /** Paid beyond the charge (issue 21): not inside `received`; to check in the Paypro back office. */
  overpaid: countAmount,
  /** Overpayments resolved in the shift (or day), per outcome, with their money (schema 12); absent in head-office reports. */
  overpaidResolved: z.object({ refunded_cash: countAmount, refunded_outside: countAmount, kept: countAmount }).optional(),
});
export type ReportView = z.infer<typeof reportSchema>;

export const shiftViewSchema = z.object({
  id: z.number().int(),
  cashierId: z.number().int(),
  cashierName: z.string(),
  openedAt: z.number().int(),
  closedAt: z.number().int().nullable(),
});
export type ShiftView = z.infer<typeof shiftViewSchema>;

export const cashierViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  hasPin: z.boolean(),
  isDefault: z.boolean(),
  retired: z.boolean(),
});
export type CashierView = z.infer<typeof cashierViewSchema>;

/** A sale in the history: the payment plus who took it and whether it was paid late. */
export const saleViewSchema = paymentViewSchema.extend({
  shiftId: z.number().int().nullable(),
  cashierName: z.string().nullable(),
  late: z.boolean(),
  resolution: z.enum(LATE_OUTCOMES).nullable(),
});
export type SaleView = z.infer<typeof saleViewSchema>;

/**
 * What the gateway said when asked about one sale just now (the history's "Cek ulang"): its status
 * read as an outcome (`processing`: still waiting for the customer), that it does not know the
 * order, or no answer (the code says why). `checkedAt`: when, epoch ms.
 */
export const gatewayAnswerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answered'),
    status: z.string(),
    outcome: z.enum(['paid', 'partially_paid', 'failed', 'processing']),
    checkedAt: z.number().int(),
    /** The amount the gateway reports paid, when its answer carries one (the reconciliation compares it). */
    paidAmount: z.number().int().nullable().optional(),
  }),
  z.object({ kind: z.literal('not_found'), checkedAt: z.number().int() }),
  z.object({ kind: z.literal('no_answer'), code: z.string(), checkedAt: z.number().int() }),
]);
export type GatewayAnswer = z.infer<typeof gatewayAnswerSchema>;

export const recheckSaleResponse = z.object({ sale: saleViewSchema, answer: gatewayAnswerSchema });

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Opaque: where the next page starts. */
const cursor = z.string().max(64);

export const dayStatusSchema = z.object({
  businessDate: z.string(),
  dayStart: z.number().int(),
  dayEnd: z.number().int(),
  shift: shiftViewSchema.nullable(),
  /** A shift needs a cashier's PIN to open (false: the single default cashier opens it by itself). */
  cashierPins: z.boolean(),
  /** Late payments nobody has resolved yet ("Perlu tindakan"). */
  needsAttention: z.number().int(),
  /** Overpayments nobody has said what became of yet (also in "Perlu tindakan"). */
  overpaidToResolve: z.number().int(),
  /** The CSV format Excel opens in columns on this computer (its region): the export's default. */
  csvFormat: z.enum(CSV_FORMATS),
});
export type DayStatus = z.infer<typeof dayStatusSchema>;

export const listSalesRequest = z
  .object({
    /** A business day (`YYYY-MM-DD`), or a range with `to`; default the current business day. */
    from: dateText.optional(),
    to: dateText.optional(),
    shiftId: z.number().int().optional(),
    /** Our trade number or Paypro's: found whatever the day. */
    tradeNo: z.string().min(1).max(64).optional(),
    amount: z.union([z.number(), z.string().max(32)]).optional(),
    state: z.enum(PAYMENT_STATES).optional(),
    /** Local times `HH:MM` narrowing the day (the "paid around 14:10" case). */
    fromTime: z.string().regex(/^\d{2}:\d{2}$/).optional(),
    toTime: z.string().regex(/^\d{2}:\d{2}$/).optional(),
    cursor: cursor.optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict();
export type ListSalesRequest = z.infer<typeof listSalesRequest>;

export const salePageSchema = z.object({ sales: z.array(saleViewSchema), next: cursor.nullable() });

export const dayReportSchema = z.object({
  businessDate: z.string(),
  toDate: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  report: reportSchema,
  shifts: z.array(shiftViewSchema.extend({ report: reportSchema })),
  /** Money for this day's sales that came in after their shift had closed (in a later shift's `earlier`). */
  later: countAmount,
});
export type DayReport = z.infer<typeof dayReportSchema>;

export const dateRangeRequest = z.object({ from: dateText.optional(), to: dateText.optional() }).strict();
/** A day or range, and the CSV format (default: csvFormat of the day status). */
/** The owner's PIN, when a call needs the owner's approval (same limits as the PIN fields). */
const ownerPin = z.string().max(16).optional();

/**
 * A CSV export. Without `personalData` the customers' mobiles and emails are masked (any cashier);
 * with it they are written whole, which needs the owner (open admin session, or `supervisorPin`).
 */
export const exportSalesRequest = dateRangeRequest
  .extend({ format: z.enum(CSV_FORMATS).optional(), personalData: z.boolean().optional(), supervisorPin: ownerPin })
  .strict();

export const closedShiftSchema = shiftViewSchema.extend({ report: reportSchema });
export type ClosedShift = z.infer<typeof closedShiftSchema>;

export const resolveLateRequest = z
  .object({ tradeNo: z.string().min(1).max(64), outcome: z.enum(LATE_OUTCOMES), note: z.string().max(500), supervisorPin: ownerPin })
  .strict();

/**
 * An overpaid payment waiting in "Perlu tindakan": the payment Paypro paid beyond what its sale still
 * owed, and the sale it belongs to. `doublePayment`: the sale has other payments (Tagih sisa, cash),
 * so the customer paid twice; otherwise one QR was paid more than it charged.
 */
export const overpaidViewSchema = z.object({
  tradeNo: z.string(),
  platformTradeNo: z.string().nullable(),
  saleTradeNo: z.string(),
  saleAmount: z.number().int(),
  createdAt: z.number().int(),
  overpaidAmount: z.number().int(),
  doublePayment: z.boolean(),
});
export type OverpaidView = z.infer<typeof overpaidViewSchema>;

export const resolveOverpaidRequest = z
  .object({ tradeNo: z.string().min(1).max(64), outcome: z.enum(OVERPAID_OUTCOMES), note: z.string().max(500), supervisorPin: ownerPin })
  .strict();
