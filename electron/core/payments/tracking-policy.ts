/**
 * When main asks the gateway about a payment. Paypro's notify callback cannot reach a shop
 * counter behind NAT, so polling queryPayInResult is how the app learns a payment's fate.
 */
export interface TrackingPolicy {
  /** While the payment's QR is on screen: the customer is paying right now. */
  watchedIntervalMs: number;
  /**
   * How long a watch holds without being renewed. A window that is reloaded or closed never says
   * "no longer watching"; its sale then backs off like any other once the lease runs out. The
   * QR screen renews its watch every few seconds (renderer/screens/QrScreen.tsx).
   */
  watchLeaseMs: number;
  /** Off screen, the first interval; doubles after each unchanged answer up to the maximum. */
  backoffStartMs: number;
  backoffMaxMs: number;
  /**
   * An expired or cancelled payment may still be paid late (the customer's app was slow).
   * It is checked this often for this long after its expiry before main stops asking.
   */
  lateCheckIntervalMs: number;
  lateCheckWindowMs: number;
  /**
   * A create whose answer was lost, then "order does not exist" from the query: the create may
   * still be in flight. Only this long after the create attempt ended is the payment recorded as
   * never created. Keep it well above the client's timeout (15 s), and with it within the minute
   * the counter promises ("bisa sampai satu menit", issue 20 #10): 15 s + 45 s.
   */
  notFoundGraceMs: number;
}

export const DEFAULT_TRACKING_POLICY: TrackingPolicy = {
  watchedIntervalMs: 1_000,
  watchLeaseMs: 15_000,
  backoffStartMs: 2_000,
  backoffMaxMs: 30_000,
  lateCheckIntervalMs: 60_000,
  // Paypro retries its own notify for 24 h; a late payment after half an hour is very rare.
  lateCheckWindowMs: 30 * 60_000,
  notFoundGraceMs: 45_000,
};

/** The delay before the next check, given how many unchanged answers came in a row. */
export function nextCheckDelay(
  policy: TrackingPolicy,
  situation: { watched: boolean; closedLocally: boolean; unchangedChecks: number },
): number {
  if (situation.closedLocally) return policy.lateCheckIntervalMs;
  if (situation.watched) return policy.watchedIntervalMs;
  const backoff = policy.backoffStartMs * 2 ** Math.min(situation.unchangedChecks, 16);
  return Math.min(backoff, policy.backoffMaxMs);
}
