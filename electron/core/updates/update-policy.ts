import type { PaymentState } from '../../../shared/payment.ts';
import type { Environment } from '../../../shared/settings.ts';

/**
 * When the app may update itself. Electron-free, so every rule is unit-tested; electron/updater.ts
 * only asks these functions and does what they say.
 *
 * - Off in training mode (the counter is being tried out; nothing to patch in the middle of a
 *   lesson) and when no feed is configured (a dev build, or a package built without `publish`).
 * - An update downloads in the background while the shop works.
 * - It installs only when no payment is open — none `creating`, `unknown` or `awaiting_payment`:
 *   a restart there would leave a customer with a QR on their phone and no counter to see it
 *   paid — and only at a calm moment: when the app quits, or at the end of the day. Never
 *   mid-sale, never by surprise.
 */

/** A sale in one of these states is still open at the counter or at the gateway. */
export const OPEN_PAYMENT_STATES: ReadonlySet<PaymentState> = new Set(['creating', 'unknown', 'awaiting_payment']);

export interface UpdateSetup {
  environment: Environment;
  /** An update feed exists: `app-update.yml` in the packaged resources (or the dev override). */
  feedConfigured: boolean;
}

export type UpdateCheckDecision = { check: true } | { check: false; reason: 'training' | 'no_feed' };

export function shouldCheckForUpdates(setup: UpdateSetup): UpdateCheckDecision {
  if (!setup.feedConfigured) return { check: false, reason: 'no_feed' };
  if (setup.environment === 'training') return { check: false, reason: 'training' };
  return { check: true };
}

/** `quit`: the app is closing; `end_of_day`: the shop's closing hour has passed. */
export type InstallMoment = 'quit' | 'end_of_day';

export type InstallDecision = { install: true } | { install: false; reason: 'nothing_downloaded' | 'payment_open' | 'not_now' };

export function countOpenPayments(states: Iterable<PaymentState>): number {
  let open = 0;
  for (const state of states) if (OPEN_PAYMENT_STATES.has(state)) open += 1;
  return open;
}

/**
 * Whether a downloaded update may be installed now. `moment` null means "some other time"
 * (a sale just finished, the window regained focus…): never.
 */
export function shouldInstallUpdate(input: {
  downloaded: boolean;
  moment: InstallMoment | null;
  paymentStates: Iterable<PaymentState>;
}): InstallDecision {
  if (!input.downloaded) return { install: false, reason: 'nothing_downloaded' };
  if (input.moment === null) return { install: false, reason: 'not_now' };
  if (countOpenPayments(input.paymentStates) > 0) return { install: false, reason: 'payment_open' };
  return { install: true };
}

/** The shop's day ends at this local hour (22:00) unless configured; the updater checks each 15 min. */
export const DEFAULT_END_OF_DAY_HOUR = 22;

/**
 * True when `now` is in the end-of-day window: from `endHour` local time until 05:00 the next
 * morning (a shop closing at 22:00 has no sales at 02:00 either).
 */
export function isEndOfDay(now: Date, endHour = DEFAULT_END_OF_DAY_HOUR, morningHour = 5): boolean {
  const hour = now.getHours();
  return hour >= endHour || hour < morningHour;
}
