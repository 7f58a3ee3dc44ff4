/** When a business day on screen ends (no React here: unit-tested under Node). */

const ROLLOVER_GRACE_MS = 250;
const RETRY_ROLLOVER_MS = 60_000;

/**
 * Milliseconds until a business day ends (`dayEnd`, the cut-off), just after it. A clock already
 * past the end (this one ahead of main's) waits a minute before asking again rather than asking
 * in a loop.
 */
export function msUntilRollover(dayEnd: number, now: number): number {
  const left = dayEnd - now;
  return left > 0 ? left + ROLLOVER_GRACE_MS : RETRY_ROLLOVER_MS;
}
