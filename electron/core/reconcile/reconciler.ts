import { setTimeout as sleep } from 'node:timers/promises';
import type { BusinessDay } from '../../../shared/day/business-day.ts';
import type { GatewayAnswer } from '../../../shared/day/day-contract.ts';
import { DEFAULT_RECONCILE_RATE, type ReconciliationView } from '../../../shared/day/reconcile-contract.ts';
import { receivedOf } from '../day/report.ts';
import { PosError } from '../errors.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { ChargeToCheck, ReconcileTrigger, ReconciliationRecord } from '../ledger/reconciliation-book.ts';
import { gatewayReceived, reconcileVerdict } from './verdict.ts';


export interface ReconcilerOptions {
  ledger: Ledger;
  /**
   * Asks Paypro about one sale and records what the answer changes through the normal
   * transitions (PaymentService.ask: the tracker's own check, so never two at once for a sale).
   */
  ask(tradeNo: string): Promise<GatewayAnswer>;
  /** A sale is under way at the counter: the reconciliation waits (sales go first). */
  selling(): boolean;
  /** The business day of a date (`YYYY-MM-DD`), or today's; null for a date that is not one. */
  businessDay(date?: string): BusinessDay | null;
  now(): number;
  /** Requests a second to Paypro; 0: unthrottled (the benchmark's engine time). */
  requestsPerSecond?: number;
  /** Tries per sale before "no answer", and the pause before each retry (× the try number). */
  attempts?: number;
  retryDelayMs?: number;
  /** How often a run paused for a sale looks again. */
  salePollMs?: number;
  onError(error: unknown, context: string): void;
}

const BATCH = 50;

/**
 * Reconciles business days against Paypro, one run at a time, oldest request first. The ledger
 * is the queue: a run is a row until it is finished and each answer is written as it comes, so
 * after a restart `resume()` goes on with the first unfinished run at its first unchecked sale.
 */
export class Reconciler {
  readonly #options: ReconcilerOptions;
  readonly #rate: number;
  readonly #abort = new AbortController();
  #worker: Promise<void> | null = null;
  #currentRunId: number | null = null;
  #pausedForSale = false;
  /** A run queued while the worker was ending: the worker has read the queue for the last time. */
  #queuedWhileEnding = false;
  #lastRequestAt = -Infinity;

  constructor(options: ReconcilerOptions) {
    this.#options = options;
    this.#rate = options.requestsPerSecond ?? DEFAULT_RECONCILE_RATE;
  }

  get #book() {
    return this.#options.ledger.reconciliations;
  }

  /**
   * Reconciles a business day (default: today's so far). A day already waiting or under way is
   * not started twice: its run is answered. A day not begun yet is refused.
   */
  start(date: string | undefined, trigger: ReconcileTrigger): ReconciliationView {
    const day = this.#options.businessDay(date);
    if (day === null) throw new PosError('date.invalid');
    if (day.start > this.#options.now()) throw new PosError('recon.future_day', { detail: day.date });
    const pending = this.#book.latestOfDate(day.date);
    const run =
      pending && pending.finishedAt === null
        ? pending
        : this.#book.start({ businessDate: day.date, dayStart: day.start, dayEnd: day.end, trigger, startedAt: this.#options.now() });
    this.resume();
    return this.#view(run);
  }

  /** The latest run of a business day (default today), finished or not; null: never reconciled. */
  latest(date?: string): ReconciliationView | null {
    const day = this.#options.businessDay(date);
    if (day === null) throw new PosError('date.invalid');
    const run = this.#book.latestOfDate(day.date);
    return run ? this.#view(run) : null;
  }

  /** Goes on with every unfinished run (start-up after a restart; `start`). */
  resume(): void {
    if (this.#abort.signal.aborted) return;
    if (this.#worker !== null) {
      this.#queuedWhileEnding = true;
      return;
    }
    this.#worker = this.#work()
      .catch((error: unknown) => {
        if (!this.#abort.signal.aborted) this.#options.onError(error, 'reconciling with Paypro');
      })
      .finally(() => {
        this.#worker = null;
        this.#currentRunId = null;
        // The worker may have read an empty queue just before that run was written: look once more.
        if (this.#queuedWhileEnding) {
          this.#queuedWhileEnding = false;
          this.resume();
        }
      });
  }

  /** Resolves when no run is waiting (tests, the benchmark). */
  async idle(): Promise<void> {
    while (this.#worker !== null) await this.#worker;
  }

  /** Stops between two questions (the one under way is recorded first); unfinished runs resume later. */
  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#worker;
  }

  async #work(): Promise<void> {
    for (let run = this.#book.unfinished()[0]; run !== undefined; run = this.#book.unfinished()[0]) {
      this.#currentRunId = run.id;
      await this.#reconcile(run);
    }
  }

  async #reconcile(run: ReconciliationRecord): Promise<void> {
    for (let batch = this.#book.unchecked(run, BATCH); batch.length > 0; batch = this.#book.unchecked(run, BATCH)) {
      for (const charge of batch) await this.#check(run, charge);
    }
    this.#book.finish(run.id, this.#options.now());
  }

  async #check(run: ReconciliationRecord, charge: ChargeToCheck): Promise<void> {
    const { ledger } = this.#options;
    const before = ledger.get(charge.tradeNo);
    if (before === undefined) throw new Error(`charge ${charge.tradeNo} vanished from the ledger`);
    const answer = await this.#askWithRetries(charge.tradeNo);
    const after = ledger.get(charge.tradeNo) ?? before;
    const answered = answer.kind === 'answered';
    const verdict = reconcileVerdict(before, answer, after);
    this.#book.record(run.id, {
      paymentId: charge.paymentId,
      checkedAt: this.#options.now(),
      verdict,
      appState: before.state,
      appReceived: receivedOf(before),
      gatewayStatus: answered ? answer.status : null,
      gatewayReceived: answered ? gatewayReceived(answer, before.amount) : null,
      stateAfter: after.state,
    });
  }

  async #askWithRetries(tradeNo: string): Promise<GatewayAnswer> {
    const attempts = this.#options.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      await this.#turn();
      let answer: GatewayAnswer;
      try {
        answer = await this.#options.ask(tradeNo);
      } catch (error) {
        this.#options.onError(error, `reconciling ${tradeNo}`);
        answer = { kind: 'no_answer', code: 'internal', checkedAt: this.#options.now() };
      }
      if (answer.kind !== 'no_answer' || attempt >= attempts) return answer;
      await this.#sleep((this.#options.retryDelayMs ?? 2_000) * attempt);
    }
  }

  /** Waits for the counter to be free and for the next slot of the rate limit. */
  async #turn(): Promise<void> {
    this.#abort.signal.throwIfAborted();
    while (this.#options.selling()) {
      this.#pausedForSale = true;
      await this.#sleep(this.#options.salePollMs ?? 500);
    }
    this.#pausedForSale = false;
    if (this.#rate > 0) {
      const wait = this.#lastRequestAt + 1000 / this.#rate - performance.now();
      if (wait > 0) await this.#sleep(wait);
    }
    this.#lastRequestAt = performance.now();
  }

  async #sleep(ms: number): Promise<void> {
    // Rejects with an AbortError on stop(): the run ends there and resumes after the restart.
    await sleep(ms, undefined, { signal: this.#abort.signal, ref: false });
  }

  #view(run: ReconciliationRecord): ReconciliationView {
    const counts = this.#book.verdictCounts(run.id);
    const checked = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const running = run.id === this.#currentRunId && run.finishedAt === null;
    return {
      id: run.id,
      businessDate: run.businessDate,
      trigger: run.trigger,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      status: run.finishedAt !== null ? 'finished' : running ? 'running' : 'queued',
      pausedForSale: running && this.#pausedForSale,
      // A finished run's total is what it checked; an open one's, the day's charges so far.
      total: run.finishedAt !== null ? checked : this.#book.chargeCount(run.dayStart, run.dayEnd),
      checked,
      ratePerSecond: this.#rate,
      counts,
      items: this.#book.listed(run.id),
    };
  }
}
