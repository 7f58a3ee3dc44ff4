import { describe, expect, it } from 'vitest';
import { DEFAULT_TRACKING_POLICY, nextCheckDelay } from '../../../../electron/core/payments/tracking-policy.ts';

const policy = DEFAULT_TRACKING_POLICY;

describe('nextCheckDelay', () => {
  it('checks the payment on screen about every second', () => {
    expect(nextCheckDelay(policy, { watched: true, closedLocally: false, unchangedChecks: 40 })).toBe(1_000);
  });

  it('backs off for payments off screen, doubling up to the maximum', () => {
    const delays = [0, 1, 2, 3, 4, 5, 100].map((unchangedChecks) =>
      nextCheckDelay(policy, { watched: false, closedLocally: false, unchangedChecks }),
    );
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('checks payments closed on the counter slowly, watched or not', () => {
    expect(nextCheckDelay(policy, { watched: true, closedLocally: true, unchangedChecks: 0 })).toBe(60_000);
  });
});

describe('the not-created grace (issue 20 #10)', () => {
  it('settles a lost create within the minute the counter promises ("bisa sampai satu menit"), even after the client timed out', () => {
    const clientTimeoutMs = 15_000; // electron/core/paypro/client.ts default
    expect(clientTimeoutMs + policy.notFoundGraceMs).toBeLessThanOrEqual(60_000);
    expect(policy.notFoundGraceMs).toBeGreaterThan(2 * clientTimeoutMs);
  });
});
