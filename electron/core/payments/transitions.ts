import { isSettled, CLOSED_LOCALLY_STATES, PAID_AMOUNT_DIFFERS, PAID_AMOUNT_MISSING, PAID_AMOUNT_UNREADABLE } from '../../../shared/payment.ts';
import type { PaymentChange, PaymentRecord } from '../ledger/ledger.ts';
import type { GatewayError, PayInQueryResult, PaymentLinkResult } from '../paypro/gateway.ts';
import { gatewayErrorCode } from '../paypro/error-codes.ts';
import { stateForGatewayStatus } from './gateway-status.ts';
import type { TrackingPolicy } from './tracking-policy.ts';

/**
 * The lifecycle's decisions, as pure functions of what is recorded and what just happened.
 * The service and the tracker do the I/O; these say what to write. `null`: nothing to write.
 */
export interface Decision {
  change: PaymentChange;
  note: string;
}

export function afterCreateAnswer(result: PaymentLinkResult): Decision {
  const settledState = stateForGatewayStatus(result.status);
  return {
    change: {
      state: settledState ?? 'awaiting_payment',
      platformTradeNo: result.platformTradeNo,
      gatewayStatus: result.status,
      qrString: result.qrString,
      paymentUrl: result.paymentUrl,
      ...(settledState === 'failed' ? { errorCode: 'gateway.status', errorDetail: result.desc ?? result.status } : {}),
    },
    note: `gateway accepted the order (status ${result.status})`,
  };
}

/**
 * A create that got no clear answer. When the gateway may have acted on it, the payment becomes
 * `unknown` and is resolved by query; it is never sent again (a second create could charge the
 * customer twice). A clear refusal means nothing was created: the sale failed.
 */
export function afterCreateError(error: GatewayError): Decision {
  const errorCode = gatewayErrorCode(error);
  const errorDetail = describeGatewayError(error);
  if (error.outcomeUnknown) {
    return { change: { state: 'unknown', errorCode, errorDetail }, note: `create answer lost: ${errorDetail}` };
  }
  return { change: { state: 'failed', errorCode, errorDetail }, note: `gateway refused the order: ${errorDetail}` };
}

/** The reason on a sale the gateway did not know after the grace (afterNotFound). */
export const NOT_CREATED = 'payment.not_created';

/**
 * A settled sale the gateway may still pay on: a partial payment (the customer pays the rest, or
 * Paypro reports the full amount later), or a sale booked "never created" (Paypro may have it
 * after all: a create slower than the grace). Main keeps asking about these in the late-payment
 * window, as it does for a sale closed on the counter, and books a paid answer.
 */
function stillFollowed(record: PaymentRecord): boolean {
  return record.state === 'partially_paid' || (record.state === 'failed' && record.errorCode === NOT_CREATED);
}

/** Asked about slowly within the late-payment window: closed on the counter, or stillFollowed. */
export function inLateWatch(record: PaymentRecord): boolean {
  return CLOSED_LOCALLY_STATES.has(record.state) || stillFollowed(record);
}

/**
 * `payable`: what this payment may still settle of its sale — its amount, less what the sale's other
 * payments (Tagih sisa, cash) already brought in. A QR reported paid in full after the rest was paid
 * another way means the customer paid twice: the excess is kept apart as overpaid, never received.
 */
export function afterQueryAnswer(record: PaymentRecord, query: PayInQueryResult, payable = record.amount): Decision | null {
  if (isSettled(record.state) && !stillFollowed(record)) return null;
  const settledState = stateForGatewayStatus(query.status);
  const late =
    record.state === 'partially_paid' ? ' (after a partial payment)' : inLateWatch(record) ? ' (after it was closed on the counter)' : '';
  if (settledState === 'paid' || settledState === 'partially_paid') {
    const verdict = paidVerdict(payable, settledState, query.paidAmount, query.unreadableAmount ?? null);
    // A partial payment only moves on to paid; the same partial again changes nothing.
    if (record.state === 'partially_paid' && verdict.state !== 'paid') return null;
    return {
      change: {
        state: verdict.state,
        gatewayStatus: query.status,
        paidAmount: verdict.paidAmount,
        overpaidAmount: verdict.overpaidAmount,
        errorCode: verdict.flag?.code ?? null,
        errorDetail: verdict.flag?.detail ?? null,
        ...platformNumber(query),
      },
      note: `gateway reports ${settledState}${late}${verdict.flag ? `; ${verdict.flag.detail}` : ''}`,
    };
  }
  // A settled sale cannot go back to waiting or failed: only a paid answer moves it (above).
  if (isSettled(record.state)) return null;
  if (settledState === 'failed') {
    return {
      change: {
        state: 'failed',
        gatewayStatus: query.status,
        errorCode: 'gateway.status',
        errorDetail: query.message ?? query.status,
        ...platformNumber(query),
      },
      note: `gateway reports failure ${query.status}${late}`,
    };
  }
  // Still processing. A payment whose create answer was lost turns out to exist: it waits now.
  // Its QR came with the lost answer; a query answer that carries the QR or the payment page
  // brings it back, otherwise the customer has nothing to pay with (counter state qr_lost).
  if (record.state === 'unknown') {
    const qrString = record.qrString ?? query.qrString ?? null;
    const paymentUrl = record.paymentUrl ?? query.paymentUrl ?? null;
    return {
      change: {
        state: 'awaiting_payment',
        gatewayStatus: query.status,
        qrString,
        paymentUrl,
        ...platformNumber(query),
        ...(qrString || paymentUrl
          ? { errorCode: null, errorDetail: null }
          : { errorCode: 'payment.qr_lost', errorDetail: null }),
      },
      note: 'gateway knows the order; it is waiting for payment',
    };
  }
  // Paypro's number is how the owner finds a sale in Paypro's back office: kept whenever an
  // answer carries one the sale does not have yet (a lost create answer never brought it).
  if (query.platformTradeNo && query.platformTradeNo !== record.platformTradeNo) {
    return { change: { state: record.state, ...platformNumber(query) }, note: "recorded Paypro's number for the order" };
  }
  return null;
}

function platformNumber(query: PayInQueryResult): { platformTradeNo?: string } {
  return query.platformTradeNo ? { platformTradeNo: query.platformTradeNo } : {};
}

/**
 * What a paid or partial answer means for a charge of `charged` rupiah. A paid status for less
 * than the charge is a partial payment; for more, it is paid but flagged for the owner: a gateway
 * answer never silently turns into "paid" for an amount that is not the sale's. A paid status
 * whose amount is missing (Paypro's query answer may omit it) or unreadable ("10000.5") is kept as
 * paid for the charge — the customer did pay, asking again could charge twice — but flagged, so the
 * owner checks the real amount in the Paypro back office.
 */
function paidVerdict(
  charged: number,
  reported: 'paid' | 'partially_paid',
  paidAmount: number | null,
  unreadableAmount: string | null,
): Verdict {
  if (paidAmount === null) {
    const flag =
      unreadableAmount !== null
        ? { code: PAID_AMOUNT_UNREADABLE, detail: `the gateway reports ${reported} with an unreadable amount "${unreadableAmount}"` }
        : { code: PAID_AMOUNT_MISSING, detail: `the gateway reports ${reported} without an amount` };
    // No amount to record: a paid sale counts the charge (flagged), a partial one counts nothing.
    return { state: reported, paidAmount: reported === 'paid' ? charged : null, overpaidAmount: null, flag };
  }
  if (paidAmount > charged) {
    // Received counts the charge; the excess is kept apart for the owner (Paypro back office).
    const flag = { code: PAID_AMOUNT_DIFFERS, detail: `the gateway reports ${reported} for ${paidAmount}, the charge is ${charged}` };
    return { state: 'paid', paidAmount: charged, overpaidAmount: paidAmount - charged, flag };
  }
  if (reported === 'partially_paid') return { state: reported, paidAmount, overpaidAmount: null, flag: null };
  if (paidAmount === charged) return { state: 'paid', paidAmount, overpaidAmount: null, flag: null };
  const flag = { code: PAID_AMOUNT_DIFFERS, detail: `the gateway reports paid for ${paidAmount}, the charge is ${charged}` };
  return { state: 'partially_paid', paidAmount, overpaidAmount: null, flag };
}

interface Verdict {
  state: 'paid' | 'partially_paid';
  /** At most the charge. */
  paidAmount: number | null;
  /** Beyond the charge; null when none. */
  overpaidAmount: number | null;
  flag: { code: string; detail: string } | null;
}

/**
 * The gateway does not know the order. Only a create whose answer was lost can be in that state
 * legitimately; after a grace period (the create may still be in flight) it was never created,
 * so nothing can be charged and the sale failed. That holds too for such a payment that the
 * cashier cancelled, or that expired, before the gateway ever confirmed it (no gateway status):
 * left closed, it would stay unsettled — in `listUnsettled` — for ever.
 */
export function afterNotFound(record: PaymentRecord, now: number, policy: TrackingPolicy): Decision | null {
  if (!neverConfirmed(record) || notFoundGraceLeft(record, now, policy) !== null) return null;
  return {
    change: { state: 'failed', errorCode: NOT_CREATED, errorDetail: 'the gateway never received the order' },
    note: 'gateway does not know the order: it was never created',
  };
}

/**
 * A query the gateway refused (not "this order does not exist": about the merchant number, the
 * key or the sign). Nothing is known about the sale, so its state stays; a sale whose create
 * answer was lost records why it cannot be settled yet, so the counter tells the cashier to fix
 * the credentials instead of "checking" for ever.
 */
export function afterQueryRefused(record: PaymentRecord, code: string): Decision | null {
  if (code !== 'gateway.rejected' || record.state !== 'unknown' || record.errorCode === code) return null;
  return {
    change: { state: 'unknown', errorCode: code, errorDetail: null },
    note: 'gateway refused the query (merchant number, key or sign); the sale stays unknown',
  };
}

function neverConfirmed(record: PaymentRecord): boolean {
  return record.state === 'unknown' || (CLOSED_LOCALLY_STATES.has(record.state) && record.gatewayStatus === null);
}

/**
 * How long until a never-confirmed sale the gateway does not know may be called never created
 * (null: it may now, or it is not such a sale). Counted from the last state change, which comes
 * after the create attempt ended (timed out or dropped): a gateway slow to process a create must
 * not be overtaken by this verdict. The tracker asks again right then, not a backoff later.
 */
export function notFoundGraceLeft(record: PaymentRecord, now: number, policy: TrackingPolicy): number | null {
  if (!neverConfirmed(record)) return null;
  const left = record.updatedAt + policy.notFoundGraceMs - now;
  return left > 0 ? left : null;
}

/** A payment nobody paid by its expiry is closed on the counter (late checks go on). */
export function afterClockTick(record: PaymentRecord, now: number): Decision | null {
  if ((record.state === 'awaiting_payment' || record.state === 'unknown') && now >= record.expiresAt) {
    return { change: { state: 'expired' }, note: 'QR expired before payment' };
  }
  return null;
}

/**
 * Whether main should still ask the gateway about a payment. Open payments always (however
 * long the app was off: the next check settles or expires them). Payments closed on the counter,
 * partially paid or booked "never created" only within the late-payment window after their expiry.
 */
export function needsTracking(record: PaymentRecord, now: number, policy: TrackingPolicy): boolean {
  if (inLateWatch(record)) return now < record.expiresAt + policy.lateCheckWindowMs;
  return !isSettled(record.state);
}

export function describeGatewayError(error: GatewayError): string {
  const parts = [error.message];
  if (error.httpStatus !== null) parts.push(`HTTP ${error.httpStatus}`);
  if (error.gatewayCode !== null) parts.push(`code ${error.gatewayCode}`);
  if (error.gatewayMessage) parts.push(error.gatewayMessage);
  return parts.join(' · ');
}
