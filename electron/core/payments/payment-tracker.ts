import type { GatewayAnswer } from '../../../shared/day/day-contract.ts';
import type { Environment } from '../../../shared/settings.ts';
import type { Ledger, PaymentRecord } from '../ledger/ledger.ts';
import { gatewayErrorCode } from '../paypro/error-codes.ts';
import { GatewayError, type PayproGateway } from '../paypro/gateway.ts';
import { receivedOf } from '../day/report.ts';
import { answerOutcome } from './gateway-status.ts';
import {
  afterClockTick,
  afterNotFound,
  afterQueryAnswer,
  afterQueryRefused,
  inLateWatch,
  needsTracking,
  notFoundGraceLeft,
  type Decision,
} from './transitions.ts';
import { nextCheckDelay, type TrackingPolicy } from './tracking-policy.ts';

export interface TrackerDeps {
  ledger: Ledger;
  gatewayFor(environment: Environment): Promise<PayproGateway>;
  /** Writes a decision to the ledger and tells the listeners; null when it no longer applies. */
  apply(tradeNo: string, decision: Decision): PaymentRecord | null;
  now(): number;
  policy: TrackingPolicy;
  onError(error: unknown, context: string): void;
}

/**
 * Follows every unsettled payment to its end by asking the gateway on a schedule: about every
 * second for the payment on screen, backing off for the others, slowly for a while after a
 * payment expired or was cancelled. One check at a time per payment.
 */
export class PaymentTracker {
  readonly #deps: TrackerDeps;
  // dueAt: performance.now() time the timer fires (timers run on real time, whatever `now` says).
  readonly #timers = new Map<string, { timer: NodeJS.Timeout; dueAt: number }>();
  readonly #running = new Map<string, Promise<GatewayAnswer | null>>();
  readonly #unchangedChecks = new Map<string, number>();
  #watched: string | null = null;
  /** performance.now() time the watch lapses unless renewed (tracking-policy.ts watchLeaseMs). */
  #watchedUntil = 0;
  #stopped = false;

  constructor(deps: TrackerDeps) {
    this.#deps = deps;
  }

  /** A payment is on screen (its watch not lapsed): a customer may be paying right now. */
  get watching(): boolean {
    return this.#watched !== null && performance.now() < this.#watchedUntil;
  }

  get trackedCount(): number {
    return this.#timers.size + this.#running.size;
  }

  /** Starts (or restarts) following a payment; the first check comes after `delayMs`. */
  track(tradeNo: string, delayMs?: number): void {
    if (this.#stopped) return;
    const record = this.#deps.ledger.get(tradeNo);
    if (!record || !this.#shouldTrack(record)) {
      this.#forget(tradeNo);
      return;
    }
    this.#schedule(record, delayMs ?? this.#delayFor(record));
  }

  /**
   * The payment on screen is checked about every second: its next check comes within the
   * watched interval, or sooner if one was already due sooner. Renewed by the screen; a watch
   * not renewed within the lease lapses, and the payment backs off like the others. Not at once: a QR just shown
   * cannot have been paid yet, and a check now would only load the gateway.
   */
  watch(tradeNo: string | null): void {
    this.#watched = tradeNo;
    this.#watchedUntil = performance.now() + this.#deps.policy.watchLeaseMs;
    if (tradeNo === null) return;
    const record = this.#deps.ledger.get(tradeNo);
    if (!record || !this.#shouldTrack(record)) return this.#forget(tradeNo);
    if (this.#running.has(tradeNo)) return; // it is being checked; the next one follows the policy
    const delayMs = this.#delayFor(record);
    const due = this.#timers.get(tradeNo)?.dueAt ?? Infinity;
    if (performance.now() + delayMs < due) this.#schedule(record, delayMs);
  }

  /**
   * Asks the gateway now and resolves when the answer is recorded, with what the gateway said
   * (null: not asked, the payment is no longer followed). `evenIfDone`: ask about a payment that is
   * settled or past its late-payment window too (the cashier's explicit re-check from the history:
   * the customer shows a payment on their phone days later); the answer still moves the state only
   * along the ledger's allowed edges.
   */
  async checkNow(tradeNo: string, options: { evenIfDone?: boolean } = {}): Promise<GatewayAnswer | null> {
    const running = this.#running.get(tradeNo);
    if (running) {
      const answer = await running;
      if (answer !== null || !options.evenIfDone) return answer;
    }
    clearTimeout(this.#timers.get(tradeNo)?.timer);
    this.#timers.delete(tradeNo);
    const check = this.#check(tradeNo, options.evenIfDone ?? false).finally(() => {
      this.#running.delete(tradeNo);
      this.track(tradeNo);
    });
    this.#running.set(tradeNo, check);
    return check;
  }

  /** Stops every timer and waits for checks under way (so the ledger can close after). */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const { timer } of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await Promise.allSettled([...this.#running.values()]);
  }

  #schedule(record: PaymentRecord, delayMs: number): void {
    clearTimeout(this.#timers.get(record.tradeNo)?.timer);
    const timer = setTimeout(() => {
      this.#timers.delete(record.tradeNo);
      void this.checkNow(record.tradeNo);
    }, Math.max(0, delayMs));
    // A pending check must not keep a quitting process alive; stop() is the orderly end.
    timer.unref();
    this.#timers.set(record.tradeNo, { timer, dueAt: performance.now() + Math.max(0, delayMs) });
  }

  #delayFor(record: PaymentRecord): number {
    const delay = nextCheckDelay(this.#deps.policy, {
      watched: this.#watched === record.tradeNo && performance.now() < this.#watchedUntil,
      closedLocally: inLateWatch(record),
      unchangedChecks: this.#unchangedChecks.get(record.tradeNo) ?? 0,
    });
    // Be there at the moment the QR expires, to close it on time, and the moment a sale the
    // gateway does not know may be called never created (not a backoff later: issue 20 #10).
    const now = this.#deps.now();
    const untilExpiry = record.expiresAt - now;
    const atExpiry = untilExpiry > 0 && !inLateWatch(record) ? Math.min(delay, untilExpiry) : delay;
    const graceLeft = notFoundGraceLeft(record, now, this.#deps.policy);
    return graceLeft === null ? atExpiry : Math.min(atExpiry, graceLeft);
  }

  #shouldTrack(record: PaymentRecord): boolean {
    return needsTracking(record, this.#deps.now(), this.#deps.policy);
  }

  #forget(tradeNo: string): void {
    clearTimeout(this.#timers.get(tradeNo)?.timer);
    this.#timers.delete(tradeNo);
    this.#unchangedChecks.delete(tradeNo);
  }

  async #check(tradeNo: string, evenIfDone: boolean): Promise<GatewayAnswer | null> {
    const { ledger, now, policy } = this.#deps;
    const before = ledger.get(tradeNo);
    if (!before || !(evenIfDone || this.#shouldTrack(before))) return null;
    let decision: Decision | null;
    let answer: GatewayAnswer;
    try {
      const gateway = await this.#deps.gatewayFor(before.environment);
      const result = await gateway.queryPayIn(tradeNo);
      answer = { kind: 'answered', status: result.status, outcome: answerOutcome(result.status), checkedAt: now(), paidAmount: result.paidAmount };
      const record = ledger.get(tradeNo) ?? before;
      decision = afterQueryAnswer(record, result, payableOf(ledger, record));
    } catch (error) {
      if (error instanceof GatewayError && error.kind === 'not_found') {
        answer = { kind: 'not_found', checkedAt: now() };
        decision = afterNotFound(ledger.get(tradeNo) ?? before, now(), policy);
      } else {
        // The gateway or the network is having a bad moment, or refuses our credentials: the sale
        // stays as it is and is asked about again on the next round.
        const code = error instanceof GatewayError ? gatewayErrorCode(error) : 'gateway.network';
        answer = { kind: 'no_answer', code, checkedAt: now() };
        decision = afterQueryRefused(ledger.get(tradeNo) ?? before, code);
        this.#deps.onError(error, `checking payment ${tradeNo}`);
      }
    }
    if (decision) this.#deps.apply(tradeNo, decision);
    const current = ledger.get(tradeNo);
    const expiry = current ? afterClockTick(current, now()) : null;
    if (expiry) this.#deps.apply(tradeNo, expiry);
    const changed = decision !== null || expiry !== null;
    this.#unchangedChecks.set(tradeNo, changed ? 0 : (this.#unchangedChecks.get(tradeNo) ?? 0) + 1);
    return answer;
  }
}

/**
 * What a partly paid payment may still settle: its amount, less what the other payments of its sale
 * (Tagih sisa, the rest in cash) brought in. A QR closed at the counter and then paid (the sale paid
 * in cash meanwhile) is not capped: it is a late payment, for Perlu tindakan, with its money.
 */
function payableOf(ledger: Ledger, record: PaymentRecord): number {
  if (record.state !== 'partially_paid') return record.amount;
  const payments = ledger.salePayments(record.tradeNo);
  const sale = payments[0];
  if (sale === undefined || payments.length === 1) return record.amount;
  const others = payments.filter((payment) => payment.tradeNo !== record.tradeNo).reduce((sum, payment) => sum + receivedOf(payment), 0);
  return Math.max(0, Math.min(record.amount, sale.amount - others));
}
