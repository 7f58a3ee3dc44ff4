import { businessDayOf, shiftBusinessDay, type BusinessDay } from '../../../shared/day/business-day.ts';
import type { ReconciliationBook } from '../ledger/reconciliation-book.ts';

/**
 * The day reconciles itself once, this long after its cut-off: late notifications and slow
 * e-wallets have had an hour to reach Paypro, and the shop is usually closed or quiet by then.
 */
export const AUTO_RECONCILE_DELAY_MS = 60 * 60_000;

/**
 * How many ended business days the automatic run catches up on (the last one included): a till
 * switched off over a long weekend or a week's holiday still reconciles every day of it. Older
 * days are the owner's to start from Laporan; Paypro's answers about a weeks-old order are also
 * less likely to change anything.
 */
export const AUTO_RECONCILE_LOOK_BACK_DAYS = 7;

/** How often the till looks whether an ended day still needs its automatic run. */
const LOOK_EVERY_MS = 5 * 60_000;

/** The latest business day that ended at least `delayMs` before `now`. */
export function lastDayDue(now: number, cutoffMinutes: number, delayMs: number): BusinessDay {
  return shiftBusinessDay(businessDayOf(now - delayMs, cutoffMinutes), -1, cutoffMinutes);
}

/** The ended business days within the look-back at `now`, oldest first. */
export function daysDue(now: number, cutoffMinutes: number, delayMs: number, lookBackDays = AUTO_RECONCILE_LOOK_BACK_DAYS): BusinessDay[] {
  const last = lastDayDue(now, cutoffMinutes, delayMs);
  return Array.from({ length: lookBackDays }, (_, index) => shiftBusinessDay(last, index - lookBackDays + 1, cutoffMinutes));
}

/**
 * A day counts as reconciled once a run of it (any trigger, finished or still queued) began after
 * its cut-off. The run offered at day close starts before the day ends: what reached Paypro after
 * it (a notification retried for 24 hours, a sale after the close) still needs the automatic run.
 */
export function reconciledAfterEnd(book: ReconciliationBook, day: BusinessDay): boolean {
  const latest = book.latestOfDate(day.date);
  return latest !== undefined && latest.startedAt >= day.end;
}

export interface AutoReconcileOptions {
  book: ReconciliationBook;
  now(): number;
  cutoffMinutes(): number;
  /** Reconciles a day (Reconciler.start, trigger automatic); resolves once the reconciler is idle again. */
  run(date: string): Promise<void>;
  delayMs?: number;
  lookBackDays?: number;
  onError(error: unknown, context: string): void;
}

/**
 * Runs the reconciliation by itself after each business day ends (AUTO_RECONCILE_DELAY_MS after
 * the cut-off), in the background: at start-up and every few minutes it takes the oldest ended day
 * of the look-back that has QRIS charges and no run begun after its end, reconciles it, and goes
 * on with the next, one day at a time. The Reconciler keeps its own rules (rate limit, sales
 * first, resumable: a run the till was switched off in goes on at the next start).
 */
export function startAutoReconcile(options: AutoReconcileOptions): () => void {
  const delayMs = options.delayMs ?? AUTO_RECONCILE_DELAY_MS;
  let looking = false;
  let stopped = false;
  const nextDay = (): BusinessDay | undefined =>
    daysDue(options.now(), options.cutoffMinutes(), delayMs, options.lookBackDays).find(
      (day) => !reconciledAfterEnd(options.book, day) && options.book.chargeCount(day.start, day.end) > 0,
    );
  const look = async (): Promise<void> => {
    if (looking) return;
    looking = true;
    try {
      let previous: string | undefined;
      for (let day = nextDay(); day !== undefined && !stopped; day = nextDay()) {
        // The same day again: its run did not begin (the reconciler is stopping); the next look retries.
        if (day.date === previous) return;
        previous = day.date;
        await options.run(day.date);
      }
    } catch (error) {
      options.onError(error, 'automatic reconciliation');
    } finally {
      looking = false;
    }
  };
  void look();
  const timer = setInterval(() => void look(), LOOK_EVERY_MS);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
