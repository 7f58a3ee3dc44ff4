import { randomBytes } from 'node:crypto';
import type { GatewayAnswer } from '../../../shared/day/day-contract.ts';
import type { PaymentView } from '../../../shared/payment.ts';
import { isFinishedAtCounter, isSettled } from '../../../shared/payment.ts';
import { changeFor } from '../../../shared/cash.ts';
import { parseRupiahText } from '../../../shared/money.ts';
import { receivedOf } from '../day/report.ts';
import type { Environment, Settings } from '../../../shared/settings.ts';
import { validateSale, type CustomerTyped, type SaleInput } from '../../../shared/validation.ts';
import { chargeFallback, isCompleteContact, NO_CONTACT } from '../../../shared/shop-contact.ts';
import { PosError } from '../errors.ts';
import { LedgerError, type Ledger, type PaymentRecord } from '../ledger/ledger.ts';
import { GatewayError, type PayproGateway } from '../paypro/gateway.ts';
import { PaymentTracker } from './payment-tracker.ts';
import { paidLateFrom, toPaymentView } from './payment-view.ts';
import { DEFAULT_TRACKING_POLICY, type TrackingPolicy } from './tracking-policy.ts';
import { afterCreateAnswer, afterCreateError, inLateWatch, needsTracking, type Decision } from './transitions.ts';
import { businessDayOf, parseCutoff } from '../../../shared/day/business-day.ts';

export interface PaymentServiceOptions {
  ledger: Ledger;
  /** The gateway that holds payments of an environment: the simulator in training, Paypro live. */
  gatewayFor(environment: Environment): Promise<PayproGateway>;
  settings(): Settings;
  now?: () => number;
  newTradeNo?: (now: number) => string;
  policy?: TrackingPolicy;
  onError?: (error: unknown, context: string) => void;
  /**
   * Cash was just recorded for the sale `saleTradeNo` (its first payment's trade number): the core
   * opens the cash drawer here. Called after the ledger's commit; a failure is logged, never undoes
   * the payment.
   */
  onCashReceived?: (saleTradeNo: string) => void;
  /**
   * How long `close()` waits for a charge in flight to record the gateway's answer. Past it the
   * ledger closes anyway; the sale stays `creating` and start-up recovery settles it by query.
   */
  closeWaitMs?: number;
}

/** The customer sent (or, for cash, recorded) and which of its fields the cashier typed. */
type SaleCustomer = { name: string; mobile: string; email: string; typed: CustomerTyped };

const customerOf = (record: PaymentRecord): SaleCustomer => ({
  name: record.customerName, mobile: record.customerMobile, email: record.customerEmail, typed: record.customerTyped,
});

/** Cash handed over: for a new sale (`amount`, `customer`) or for the rest of the sale `saleTradeNo`. */
export interface CashInput {
  amount?: number | string;
  customer?: SaleInput['customer'];
  saleTradeNo?: string;
  tendered: number | string;
}

/**
 * The money handed over, read like any typed amount; refused (with what is still short) when it
 * is below the amount, so no change is ever negative.
 */
export function readTender(tendered: number | string, amount: number): number {
  const parsed = typeof tendered === 'string' ? parseRupiahText(tendered) : { ok: true as const, value: tendered };
  if (!parsed.ok || !Number.isSafeInteger(parsed.value) || parsed.value < 0) throw new PosError('cashSale.tender_invalid');
  const change = changeFor(amount, parsed.value);
  if (!change.ok) throw new PosError('cashSale.tender_short', { detail: String(change.short) });
  return parsed.value;
}

/** Just over the HTTP client's total budget per call (15 s), so a create in flight can finish. */
export const DEFAULT_CLOSE_WAIT_MS = 16_000;

/**
 * Today's rows per page when the screen does not say: more than a screenful at 1920×1080 (about 16
 * rows), few enough that Today paints well within 100 ms (npm run bench today-screen).
 */
export const DAY_PAGE_SIZE = 25;

export interface DayPageRequest {
  /** `next` of the page before; none for the first page. */
  cursor?: string;
  /** Rows per page (default DAY_PAGE_SIZE); 0 for the totals only. */
  limit?: number;
}

function parseDayCursor(text: string | undefined): { createdAt: number; id: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(text);
  if (!match) throw new PosError('bad_request', { detail: 'cursor' });
  return { createdAt: Number(match[1]), id: Number(match[2]) };
}

/**
 * The day at the counter. A partially paid sale is not "lunas": it adds what was received to
 * `receivedTotal` and what it still owes to `outstandingTotal`, and is counted apart.
 */
export interface DaySummary {
  /** The business day listed (`YYYY-MM-DD`) and its [dayStart, dayEnd): rows and totals are of this day only. */
  businessDate: string;
  dayStart: number;
  dayEnd: number;
  /** One page, newest first. */
  payments: PaymentView[];
  /** The cursor of the next page of the same day; null when this page is the last. */
  next: string | null;
  /** Money received: paid sales plus what partially paid ones brought in. */
  receivedTotal: number;
  /** The same money by how it was paid: QRIS and cash (issue 22). */
  receivedByMethod: { qris: number; cash: number };
  /** Sales paid in full. */
  paidCount: number;
  partialCount: number;
  /** What the partially paid sales still owe. */
  outstandingTotal: number;
  countByState: Record<PaymentView['state'], number>;
}

/**
 * The payment lifecycle (docs/architecture.md): every sale is written to the ledger before any
 * network I/O, sent to the gateway exactly once, and followed until the gateway settles it.
 */
export class PaymentService {
  readonly #ledger: Ledger;
  readonly #options: PaymentServiceOptions;
  readonly #now: () => number;
  readonly #tracker: PaymentTracker;
  readonly #listeners = new Set<(payment: PaymentView) => void>();
  #charging: Promise<unknown> | null = null;
  #closing = false;

  constructor(options: PaymentServiceOptions) {
    this.#options = options;
    this.#ledger = options.ledger;
    this.#now = options.now ?? Date.now;
    this.#tracker = new PaymentTracker({
      ledger: options.ledger,
      gatewayFor: options.gatewayFor,
      apply: (tradeNo, decision) => this.#apply(tradeNo, decision),
      now: this.#now,
      policy: options.policy ?? DEFAULT_TRACKING_POLICY,
      onError: this.#onError,
    });
  }

  onUpdate(listener: (payment: PaymentView) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Starts a sale. One at a time: a second charge while one is being created is refused, so a
   * double press can never create two payments.
   */
  async charge(input: SaleInput): Promise<PaymentView> {
    return this.#oneAtATime(() => this.#charge(input));
  }

  /**
   * "Tagih sisa" (issue 20 item 2): a new QR for exactly what the sale `saleTradeNo` still owes,
   * linked to it (its own trade number), once none of its payments is still open.
   */
  async chargeRest(saleTradeNo: string): Promise<PaymentView> {
    return this.#oneAtATime(async () => {
      const settings = this.#options.settings();
      const { first, outstanding } = this.#outstanding(saleTradeNo);
      if (first.environment !== settings.environment) throw new PosError('cashSale.other_environment', { detail: first.environment });
      const gateway = await this.#options.gatewayFor(settings.environment);
      return this.#createQris(gateway, settings, outstanding, customerOf(first), saleTradeNo);
    });
  }

  /**
   * Cash at the counter (issue 22): a new cash sale (`amount`), or what an existing sale still owes
   * (`saleTradeNo`: the rest of a partial payment, or a QR the customer could not pay). An open QR
   * of that sale is cancelled first, so the customer is never asked to pay twice; if Paypro later
   * says it was paid, that is a late payment to resolve, as for any cancelled sale.
   */
  async payCash(input: CashInput): Promise<PaymentView> {
    return this.#oneAtATime(async () => {
      const settings = this.#options.settings();
      let amount: number;
      let customer: SaleCustomer;
      if (input.saleTradeNo === undefined) {
        // Cash goes to no gateway: only what the cashier typed is recorded, never the shop's contact.
        const sale = validateSale({ amount: input.amount ?? '', ...(input.customer ? { customer: input.customer } : {}) }, NO_CONTACT, settings.limits);
        if (!sale.ok) throw new PosError('validation', { fields: sale.errors });
        amount = sale.value.amount;
        customer = { ...sale.value.customer, typed: sale.value.typed };
      } else {
        this.#cancelOpenPayments(input.saleTradeNo);
        const { first, outstanding } = this.#outstanding(input.saleTradeNo);
        amount = outstanding;
        customer = customerOf(first);
      }
      const tendered = readTender(input.tendered, amount);
      const now = this.#now();
      const tradeNo = (this.#options.newTradeNo ?? newTradeNo)(now);
      const record = this.#ledger.recordCash({
        tradeNo, amount, tendered, customerName: customer.name, customerMobile: customer.mobile, customerEmail: customer.email,
        customerTyped: customer.typed, environment: settings.environment, createdAt: now,
        ...(input.saleTradeNo === undefined ? {} : { saleTradeNo: input.saleTradeNo }),
      });
      this.#emit(record);
      try {
        this.#options.onCashReceived?.(input.saleTradeNo ?? tradeNo);
      } catch (error) {
        this.#onError(error, `cash received for ${input.saleTradeNo ?? tradeNo}`);
      }
      return this.#view(record);
    });
  }

  /** One charge at a time: a second while one is being created is refused (a double press never pays twice). */
  async #oneAtATime(work: () => Promise<PaymentView>): Promise<PaymentView> {
    if (this.#closing) throw new PosError('app_closing');
    if (this.#charging) throw new PosError('payment.charge_in_progress');
    const charging = work();
    this.#charging = charging;
    try {
      return await charging;
    } finally {
      this.#charging = null;
    }
  }

  /** The sale's first payment and what the sale still owes; refused while one of its payments is open. */
  #outstanding(saleTradeNo: string): { first: PaymentRecord; outstanding: number } {
    const first = this.#require(saleTradeNo);
    const payments = this.#ledger.salePayments(saleTradeNo);
    if (payments[0]?.tradeNo !== saleTradeNo) throw new PosError('cashSale.not_a_sale', { detail: saleTradeNo });
    const open = payments.find((payment) => !isFinishedAtCounter(payment.state));
    if (open !== undefined) throw new PosError('cashSale.payment_open', { detail: open.tradeNo });
    const outstanding = first.amount - payments.reduce((sum, payment) => sum + receivedOf(payment), 0);
    if (outstanding <= 0) throw new PosError('cashSale.nothing_outstanding', { detail: saleTradeNo });
    return { first, outstanding };
  }

  /** Cancels the sale's QRs the customer could still pay (as the cashier's Batalkan does), before cash. */
  #cancelOpenPayments(saleTradeNo: string): void {
    for (const payment of this.#ledger.salePayments(saleTradeNo)) {
      if (payment.state === 'awaiting_payment' || payment.state === 'unknown') this.cancel(payment.tradeNo);
    }
  }

  /**
   * A sale is under way at the counter: a charge being created, or a QR on screen. Background
   * work that talks to the gateway (the reconciliation) waits while this is true.
   */
  get selling(): boolean {
    return this.#charging !== null || this.#tracker.watching;
  }

  get(tradeNo: string): PaymentView {
    return this.#view(this.#require(tradeNo));
  }

  /** The payment on screen (null: none) is checked about every second. */
  watch(tradeNo: string | null): void {
    if (tradeNo !== null) this.#require(tradeNo);
    this.#tracker.watch(tradeNo);
  }

  /** Closes the sale on the counter. Main keeps checking, so a late payment is still found. */
  cancel(tradeNo: string): PaymentView {
    const record = this.#require(tradeNo);
    if (record.state === 'cancelled') return this.#view(record);
    if (record.state !== 'awaiting_payment' && record.state !== 'unknown') {
      throw new PosError('payment.not_cancellable', { detail: record.state });
    }
    const updated = this.#apply(tradeNo, { change: { state: 'cancelled' }, note: 'cancelled by the cashier' });
    this.#tracker.track(tradeNo);
    return this.#view(updated ?? this.#require(tradeNo));
  }

  /** Asks the gateway now, whatever the schedule. */
  async recheck(tradeNo: string): Promise<PaymentView> {
    const record = this.#require(tradeNo);
    if (!isSettled(record.state) || inLateWatch(record)) await this.#tracker.checkNow(tradeNo);
    return this.get(tradeNo);
  }

  /**
   * The cashier's re-check from the history: asks the gateway about any sale, whatever its state
   * or age, records what the answer changes, and returns the answer itself, so that the cashier
   * sees what the gateway said even when nothing changed.
   */
  async ask(tradeNo: string): Promise<{ payment: PaymentView; answer: GatewayAnswer }> {
    this.#require(tradeNo);
    const answer = await this.#tracker.checkNow(tradeNo, { evenIfDone: true });
    // Never null when asked even if done: the payment exists (checked above) and is always asked.
    if (answer === null) throw new PosError('internal', { detail: `no gateway answer for ${tradeNo}` });
    return { payment: this.get(tradeNo), answer };
  }

  /** The state of every payment the gateway has not settled (the update policy asks: is a sale open?). */
  unsettledStates(): PaymentRecord['state'][] {
    return this.#ledger.listUnsettled().map((record) => record.state);
  }

  /**
   * One page of the payments of a business day (the owner's cut-off, e.g. 04:00: a sale at 00:30
   * counts in the day before), newest first, with the whole day's totals and the day itself, so
   * that the screen keys its rows by the same day. The first page (no cursor) is the day `now`
   * falls in; a cursor (`next` of the page before, "createdAt.id") continues the day its sale was
   * made in, so paging across the cut-off stays in one day. `limit` 0 asks for the totals only
   * (the screen refreshes them after a pushed change, and starts over when the day has changed).
   */
  listDay(request: DayPageRequest = {}, now = this.#now()): DaySummary {
    const after = parseDayCursor(request.cursor);
    // "Today" is the business day (the owner's cut-off, e.g. 04:00 for a shop open past midnight),
    // the same day the Laporan screen and the close-of-day report count.
    const { date, start, end } = businessDayOf(after?.createdAt ?? now, parseCutoff(this.#options.settings().day.cutoff) ?? 0);
    const summary = this.#ledger.summarize(start, end);
    const countByState = Object.fromEntries(
      Object.entries(summary.byState).map(([state, { count }]) => [state, count]),
    ) as DaySummary['countByState'];
    const limit = request.limit ?? DAY_PAGE_SIZE;
    const page = limit === 0 ? { payments: [], next: null } : this.#ledger.pageBetween(start, end, limit, after);
    return {
      businessDate: date,
      dayStart: start,
      dayEnd: end,
      payments: page.payments.map((record) => this.#view(record)),
      next: page.next === null ? null : `${page.next.createdAt}.${page.next.id}`,
      receivedTotal: summary.receivedTotal,
      receivedByMethod: summary.receivedByMethod,
      paidCount: summary.byState.paid.count,
      partialCount: summary.byState.partially_paid.count,
      outstandingTotal: summary.outstandingTotal,
      countByState,
    };
  }

  /**
   * Start-up: every payment the ledger holds unsettled is followed again. One that was being
   * created when the app stopped may or may not exist at the gateway: it is `unknown` until a
   * query says which, and never sent again.
   */
  recover(): number {
    let resumed = 0;
    const policy = this.#options.policy ?? DEFAULT_TRACKING_POLICY;
    const stillFollowed = this.#ledger.listStillFollowed(this.#now() - policy.lateCheckWindowMs);
    for (const record of [...this.#ledger.listUnsettled(), ...stillFollowed]) {
      if (record.state === 'creating') {
        this.#apply(record.tradeNo, {
          change: { state: 'unknown', errorCode: 'payment.interrupted', errorDetail: null },
          note: 'the app stopped before the gateway answered',
        });
      }
      if (needsTracking(record, this.#now(), policy)) {
        this.#tracker.track(record.tradeNo, 0);
        resumed++;
      }
    }
    return resumed;
  }

  /**
   * Refuses new charges, waits (bounded) for a charge in flight to record the gateway's answer,
   * then stops tracking and waits for checks under way; the ledger may be closed afterwards.
   */
  async close(): Promise<void> {
    this.#closing = true;
    if (this.#charging) await settledWithin(this.#charging, this.#options.closeWaitMs ?? DEFAULT_CLOSE_WAIT_MS);
    await this.#tracker.stop();
    this.#listeners.clear();
  }

  async #charge(input: SaleInput): Promise<PaymentView> {
    const settings = this.#options.settings();
    const sale = validateSale(input, chargeFallback(settings.defaultCustomer, settings.environment), settings.limits);
    if (!sale.ok) throw new PosError('validation', { fields: sale.errors });
    // Resolve the gateway (credentials) first: a sale that cannot be sent is not recorded.
    const gateway = await this.#options.gatewayFor(settings.environment);
    // Paypro requires all three fields; live, a blank one needs the shop's contact (never invented).
    if (!isCompleteContact(sale.value.customer)) throw new PosError('payment.shop_contact_missing');
    return this.#createQris(gateway, settings, sale.value.amount, { ...sale.value.customer, typed: sale.value.typed });
  }

  /** Records the QRIS charge (a sale's first payment, or a follow-up of `saleTradeNo`), then creates it at the gateway once. */
  async #createQris(gateway: PayproGateway, settings: Settings, amount: number, customer: SaleCustomer, saleTradeNo?: string): Promise<PaymentView> {
    const now = this.#now();
    const tradeNo = (this.#options.newTradeNo ?? newTradeNo)(now);
    try {
      this.#ledger.record({
        tradeNo,
        amount,
        customerName: customer.name,
        customerMobile: customer.mobile,
        customerEmail: customer.email,
        customerTyped: customer.typed,
        environment: settings.environment,
        createdAt: now,
        expiresAt: now + settings.qrExpiryMinutes * 60_000,
        ...(saleTradeNo === undefined ? {} : { saleTradeNo }),
      });
    } catch (error) {
      if (error instanceof LedgerError && error.code === 'duplicate_trade_no') {
        throw new PosError('payment.duplicate_trade_no', { detail: tradeNo, cause: error });
      }
      throw error;
    }
    this.#emit(this.#require(tradeNo));

    let decision: Decision;
    try {
      const answer = await gateway.createPaymentLink({
        tradeNo,
        amount,
        mobile: customer.mobile,
        email: customer.email,
        username: customer.name,
        notifyUrl: settings.notifyUrl,
        channelCode: 'QRIS',
      });
      decision = afterCreateAnswer(answer);
    } catch (error) {
      if (!(error instanceof GatewayError)) {
        // A bug, not a gateway answer: the request may have gone out, so treat it as unknown.
        this.#onError(error, `creating payment ${tradeNo}`);
        decision = afterCreateError(new GatewayError('network', 'unexpected failure while sending', { cause: error }));
      } else {
        decision = afterCreateError(error);
      }
    }
    const created = this.#apply(tradeNo, decision);
    // A lost answer is asked about at once; a QR just issued is checked on the usual schedule.
    this.#tracker.track(tradeNo, created?.state === 'unknown' ? 0 : undefined);
    return this.get(tradeNo);
  }

  #apply(tradeNo: string, decision: Decision): PaymentRecord | null {
    try {
      const updated = this.#ledger.update(tradeNo, decision.change, decision.note);
      this.#emit(updated);
      return updated;
    } catch (error) {
      // A check and a cancel crossed: the ledger refused the older decision, which is right.
      if (error instanceof LedgerError && error.code === 'illegal_transition') return null;
      throw error;
    }
  }

  #emit(record: PaymentRecord): void {
    const view = this.#view(record);
    for (const listener of this.#listeners) {
      try {
        listener(view);
      } catch (error) {
        this.#onError(error, 'payment update listener');
      }
    }
  }

  /**
   * The view of a payment with the sale it belongs to (issue 22). Only a (partly) paid sale can
   * have been paid late: the others need no look at the day book.
   */
  #view(record: PaymentRecord): PaymentView {
    const settledPaid = record.state === 'paid' || record.state === 'partially_paid';
    const stamps = settledPaid ? this.#ledger.day.lateStamps(record.tradeNo) : null;
    return toPaymentView(
      record,
      stamps ? paidLateFrom(stamps.lateAt, stamps.voidedAt) : null,
      this.#ledger.salePayments(record.tradeNo),
      this.#ledger.day.namedCashierOf(record.tradeNo),
    );
  }

  #require(tradeNo: string): PaymentRecord {
    const record = this.#ledger.get(tradeNo);
    if (!record) throw new PosError('not_found', { detail: tradeNo });
    return record;
  }

  readonly #onError = (error: unknown, context: string): void => {
    this.#options.onError?.(error, context);
  };
}

/** Waits for `work` to settle, or for `ms`, whichever comes first; never throws. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([work.then(
    () => undefined,
    () => undefined,
  ), elapsed]);
  clearTimeout(timer);
}

/**
 * The merchant's order number: local date and time (readable on the owner's reports, as Paypro
 * suggests) plus 8 random hex digits, so two tills charging in the same second never collide.
 */
export function newTradeNo(now: number): string {
  const date = new Date(now);
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
  return `${stamp}${randomBytes(4).toString('hex').toUpperCase()}`;
}
