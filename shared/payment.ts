import { z } from 'zod';

/**
 * The payment lifecycle (see docs/architecture.md).
 * `unknown`: a create request was sent but its answer was lost; it is resolved by query, never by
 * creating again. `cancelled` and `expired` are closed on the counter, but main keeps checking them
 * for a while so that a customer who paid late is still found.
 */
export const PAYMENT_STATES = [
  'creating',
  'unknown',
  'awaiting_payment',
  'paid',
  'partially_paid',
  'failed',
  'expired',
  'cancelled',
] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** States the gateway has settled: nothing more can happen to the payment. */
export const SETTLED_STATES: ReadonlySet<PaymentState> = new Set(['paid', 'partially_paid', 'failed']);

/** States the counter has closed locally; a late gateway answer may still settle them. */
export const CLOSED_LOCALLY_STATES: ReadonlySet<PaymentState> = new Set(['expired', 'cancelled']);

export function isSettled(state: PaymentState): boolean {
  return SETTLED_STATES.has(state);
}

/** The state can no longer be waited on at the counter (settled or closed locally). */
export function isFinishedAtCounter(state: PaymentState): boolean {
  return SETTLED_STATES.has(state) || CLOSED_LOCALLY_STATES.has(state);
}

/**
 * The longest payment page URL shown as a QR: Paypro's are ~50 characters; one far longer is not
 * a page a customer's phone should open, and would make a QR too dense to scan from a screen.
 */
export const MAX_PAYMENT_URL_LENGTH = 512;
/** The integrity code for a payment URL over that length (beside the QRIS codes). */
export const PAYMENT_URL_TOO_LONG = 'qr.url_too_long';
/** The integrity code for a live payment URL that is not https: (readable and changeable on the way). */
export const PAYMENT_URL_NOT_HTTPS = 'qr.url_not_https';

/** The reason on a payment the gateway reported paid for another amount than the charge. */
export const PAID_AMOUNT_DIFFERS = 'payment.paid_amount_differs';
/** The gateway reported paid with an amount that is not whole rupiah ("10000.5"): kept as paid, for the owner to check. */
export const PAID_AMOUNT_UNREADABLE = 'payment.paid_amount_unreadable';
/** The gateway reported paid without naming an amount: counted as the charge, for the owner to check. */
export const PAID_AMOUNT_MISSING = 'payment.paid_amount_missing';
/** The reasons a paid or partial sale carries for the owner to check its amount in the Paypro back office. */
export const PAID_AMOUNT_FLAGS: ReadonlySet<string> = new Set([PAID_AMOUNT_DIFFERS, PAID_AMOUNT_UNREADABLE, PAID_AMOUNT_MISSING]);

/** What the QR screen may show for a payment, decided in main by the QR integrity check. */
export const qrDisplaySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('qris'), payload: z.string(), merchantName: z.string().nullable() }),
  z.object({ kind: z.literal('payment_url'), payload: z.string() }),
  z.object({ kind: z.literal('integrity_error'), code: z.string(), detail: z.string() }),
  z.object({ kind: z.literal('none') }),
]);
export type QrDisplay = z.infer<typeof qrDisplaySchema>;

/**
 * What the counter screen shows: the ledger state, except for a sale the gateway holds open
 * (`awaiting_payment`) that the customer cannot pay from this screen:
 * - `qr_refused`: the gateway's QR failed the integrity check (any `integrity_error` code);
 * - `qr_lost`: the gateway knows the order but sent nothing scannable (no QR, no payment page).
 * Derived in main, never stored: the ledger keeps `awaiting_payment`, so tracking, expiry,
 * recovery and a late payment work as for any open sale (docs/architecture.md).
 */
export const COUNTER_STATES = [...PAYMENT_STATES, 'qr_refused', 'qr_lost'] as const;
export type CounterState = (typeof COUNTER_STATES)[number];

export function counterStateFor(state: PaymentState, qr: QrDisplay): CounterState {
  if (state !== 'awaiting_payment') return state;
  if (qr.kind === 'integrity_error') return 'qr_refused';
  if (qr.kind === 'none') return 'qr_lost';
  return state;
}

export const PAYMENT_METHODS = ['qris', 'cash'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** One payment of a sale (issue 22): the sale's first payment, or a follow-up (Tagih sisa, cash). */
export const salePaymentViewSchema = z.object({
  tradeNo: z.string(),
  platformTradeNo: z.string().nullable(),
  method: z.enum(PAYMENT_METHODS),
  state: z.enum(PAYMENT_STATES),
  amount: z.number().int(),
  paidAmount: z.number().int().nullable(),
  cashTendered: z.number().int().nullable(),
  cashChange: z.number().int().nullable(),
});
export type SalePaymentView = z.infer<typeof salePaymentViewSchema>;

/**
 * The sale a payment belongs to, when it is more than one QRIS payment: paid in cash, or with
 * follow-up payments. `tradeNo` is the sale's first payment; `received` is every payment's money;
 * `outstanding` what the sale still owes (0 when paid in full).
 */
export const saleOfPaymentSchema = z.object({
  tradeNo: z.string(),
  amount: z.number().int(),
  payments: z.array(salePaymentViewSchema),
  received: z.number().int(),
  outstanding: z.number().int(),
});
export type SaleOfPayment = z.infer<typeof saleOfPaymentSchema>;
/**
 * A sale paid after the counter had closed it: `after_cancel` (the cashier cancelled it),
 * `after_close` (it expired, or was booked failed as never created). It needs the owner's action
 * ("Perlu tindakan") and is never shown or printed as a plain LUNAS. Null: not paid late.
 */
export const PAID_LATE = ['after_cancel', 'after_close'] as const;
export type PaidLate = (typeof PAID_LATE)[number] | null;

/** A payment as the renderer sees it. Plain data; crosses IPC. */
export const paymentViewSchema = z.object({
  tradeNo: z.string(),
  platformTradeNo: z.string().nullable(),
  amount: z.number().int(),
  paidAmount: z.number().int().nullable(),
  /** Paid beyond the charge (not inside paidAmount), for the owner to check in the Paypro back office. */
  overpaidAmount: z.number().int().nullable(),
  state: z.enum(PAYMENT_STATES),
  /** What the counter screen shows (counterStateFor): the state, or why the customer cannot pay. */
  counterState: z.enum(COUNTER_STATES),
  gatewayStatus: z.string().nullable(),
  /** The customer as the cashier typed it; '' for a field not typed (the shop's contact went to Paypro). */
  customer: z.object({ name: z.string(), mobile: z.string(), email: z.string() }),
  /**
   * Who took the sale, when the shop names its cashiers: the cashier of the sale's shift. Null
   * when that is the PIN-less default cashier (a one-person shop: nobody to tell apart) or when the
   * sale has no shift.
   */
  cashier: z.string().nullable(),
  qr: qrDisplaySchema,
  paymentUrl: z.string().nullable(),
  /** Machine-readable reason for failed/unknown states, translated by the renderer. */
  errorCode: z.string().nullable(),
  errorDetail: z.string().nullable(),
  environment: z.enum(['training', 'live']),
  paidLate: z.enum(PAID_LATE).nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  expiresAt: z.number().int(),
  /** Absent for a sale of one QRIS payment (the payment is the sale). */
  sale: saleOfPaymentSchema.optional(),
});
export type PaymentView = z.infer<typeof paymentViewSchema>;

/**
 * Which state may follow which. The ledger refuses anything else, so a bug elsewhere cannot turn
 * a paid sale back into a waiting one. Staying in the same state (new gateway detail) is allowed.
 */
const NEXT_STATES: Readonly<Record<PaymentState, readonly PaymentState[]>> = {
  creating: ['unknown', 'awaiting_payment', 'paid', 'partially_paid', 'failed'],
  unknown: ['awaiting_payment', 'paid', 'partially_paid', 'failed', 'expired', 'cancelled'],
  awaiting_payment: ['paid', 'partially_paid', 'failed', 'expired', 'cancelled'],
  expired: ['paid', 'partially_paid', 'failed'],
  cancelled: ['paid', 'partially_paid', 'failed'],
  paid: [],
  // Settled, yet a later gateway answer may still book what the customer paid (transitions.ts
  // stillFollowed): the rest of a partial payment, or a sale booked "never created" that Paypro
  // turns out to have after all.
  partially_paid: ['paid'],
  failed: ['paid', 'partially_paid'],
};

export function canTransition(from: PaymentState, to: PaymentState): boolean {
  return from === to ? !isSettled(from) : NEXT_STATES[from].includes(to);
}
