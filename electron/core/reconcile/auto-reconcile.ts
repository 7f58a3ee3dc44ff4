import { businessDayOf, shiftBusinessDay, type BusinessDay } from '../../../shared/day/business-day.ts';
import type { ReconciliationBook } from '../ledger/reconciliation-book.ts';

/**
 * The day reconciles itself once, this long after its cut-off: late notifications and slow
 * e-wallets have had an hour to reach Paypro, and the shop is usually closed or quiet by then.
 */
export const AUTO_RECONCILE_DELAY_MS = 60 * 60_000;

/** How often the till looks whether an ended day still needs its automatic run. */
const LOOK_EVERY_MS = 5 * 60_000;

/** The latest business day that ended at least `delayMs` before `now`. */
export function lastDayDue(now: number, cutoffMinutes: number, delayMs: number): BusinessDay {
  return shiftBusinessDay(businessDayOf(now - delayMs, cutoffMinutes), -1, cutoffMinutes);
}

export interface AutoReconcileOptions {
  book: ReconciliationBook;
  now(): number;
  cutoffMinutes(): number;
  /** Starts the automatic run of a day (Reconciler.start). */
  start(date: string): void;
  delayMs?: number;
  onError(error: unknown, context: string): void;
}

/**
 * Runs the reconciliation by itself once after each business day ends (AUTO_RECONCILE_DELAY_MS
 * after the cut-off), in the background. A day that has any run already (the owner's at day
 * close, say) is left alone. Only the last ended day: after days switched off, the owner starts
 * the older ones from Laporan.
 */
export function startAutoReconcile(options: AutoReconcileOptions): () => void {
  const delayMs = options.delayMs ?? AUTO_RECONCILE_DELAY_MS;
  const look = (): void => {
    try {
      const day = lastDayDue(options.now(), options.cutoffMinutes(), delayMs);
      if (options.book.latestOfDate(day.date) === undefined) options.start(day.date);
    } catch (error) {
      options.onError(error, 'automatic reconciliation');
    }
  };
  look();
  const timer = setInterval(look, LOOK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
