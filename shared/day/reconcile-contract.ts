import { z } from 'zod';
import { PAYMENT_STATES } from '../payment.ts';

/**
 * The shapes of the reconciliation with Paypro (issue 22): a run over one business day's QRIS
 * charges, its progress, and every answer that was not plain agreement.
 */
/**
 * Requests a second the reconciliation asks Paypro. Paypro publishes no rate limit
 * (paypro-api.md §7.9); two a second keeps it well below what the payment tracker itself may ask
 * (about one a second for the sale on screen, a few for the others), and a 1,000-sale day still
 * takes about 8½ minutes.
 */
export const DEFAULT_RECONCILE_RATE = 2;

/**
 * What one answer of Paypro meant for one sale:
 * - agrees: Paypro and the app hold the same money received;
 * - applied: Paypro knew more (paid, partial, failed) and the normal transitions recorded it;
 * - paid_late: so, for a sale the counter had closed (expired, cancelled): a late payment;
 * - differs: Paypro's answer disagrees and the transitions cannot take it (the sale is settled);
 * - unknown_to_gateway: Paypro does not know an order it once confirmed (live);
 * - forgotten_by_simulator: the same in training: the simulator keeps orders only in memory, a
 *   bounded number and not across a restart — reported as such, not as a failure;
 * - no_answer: no answer after the retries (network, Paypro down).
 */
export const RECONCILE_VERDICT_NAMES = [
  'agrees',
  'applied',
  'paid_late',
  'differs',
  'unknown_to_gateway',
  'forgotten_by_simulator',
  'no_answer',
] as const;

const reconcileItemSchema = z.object({
  tradeNo: z.string(),
  createdAt: z.number().int(),
  amount: z.number().int(),
  checkedAt: z.number().int(),
  verdict: z.enum(RECONCILE_VERDICT_NAMES),
  /** The app before asking: its state and the money it held received. */
  appState: z.enum(PAYMENT_STATES),
  appReceived: z.number().int(),
  /** Paypro's answer: its status and the money it says came in (null: no answer / unknown order). */
  gatewayStatus: z.string().nullable(),
  gatewayReceived: z.number().int().nullable(),
  /** The sale's state after the normal transitions took Paypro's answer. */
  stateAfter: z.enum(PAYMENT_STATES),
});
export type ReconcileItemView = z.infer<typeof reconcileItemSchema>;

export const reconciliationViewSchema = z.object({
  id: z.number().int(),
  businessDate: z.string(),
  trigger: z.enum(['owner', 'day_close', 'automatic']),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  /** queued: waits for another day's run; running: asking Paypro now. */
  status: z.enum(['queued', 'running', 'finished']),
  /** Waiting because a sale is under way at the counter (sales go first). */
  pausedForSale: z.boolean(),
  /** The day's QRIS charges, and how many have been asked about. */
  total: z.number().int(),
  checked: z.number().int(),
  /** Requests per second to Paypro; 0: not throttled. */
  ratePerSecond: z.number(),
  counts: z.record(z.enum(RECONCILE_VERDICT_NAMES), z.number().int()),
  /** Every answer that was not plain agreement, oldest sale first. */
  items: z.array(reconcileItemSchema),
});
export type ReconciliationView = z.infer<typeof reconciliationViewSchema>;

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const startReconciliationRequest = z
  .object({ date: dateText.optional(), trigger: z.enum(['owner', 'day_close']) })
  .strict();
export const getReconciliationRequest = z.object({ date: dateText.optional() }).strict();
export const getReconciliationResponse = z.object({ reconciliation: reconciliationViewSchema.nullable() });
