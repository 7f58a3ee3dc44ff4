import type { TrackingPolicy } from '../../electron/core/payments/tracking-policy.ts';

/** `TORTURE_SCALE=full` (npm run test:torture) runs the full sizes; `npm test` the short ones. */
export const FULL = process.env.TORTURE_SCALE === 'full';

export const SIZES = FULL
  ? { faultPayments: 2_000, faultTills: 10, faultPerTillBatch: 10, crashRuns: 200, crashParallel: 4 }
  : { faultPayments: 200, faultTills: 10, faultPerTillBatch: 20, crashRuns: 10, crashParallel: 2 };

/**
 * Production's tracking policy compressed from seconds to milliseconds (the fixture's FAST_POLICY
 * shape), 20× faster rather than the fixture's 60×: at 2,000 payments on 2 cores, 15 ms polling of
 * hundreds of open sales saturated the CPU and exhausted sockets (EMFILE), which tested the
 * machine, not the app. Windows are in the till's clock, which the suites jump past
 * the QR expiry.
 */
export const TORTURE_POLICY: TrackingPolicy = {
  watchedIntervalMs: 50,
  // Longer than a batch: the tills under torture renew nothing, their sale on screen stays watched.
  watchLeaseMs: 10 * 60_000,
  backoffStartMs: 50,
  backoffMaxMs: 1_000,
  lateCheckIntervalMs: 1_000,
  // Each batch jumps the clock 16 min: closed sales are checked late through the next batch.
  lateCheckWindowMs: 20 * 60_000,
  // Production waits 60 s after a 15 s client timeout (4×). The fixture's 300 ms against a 250 ms
  // timeout is too tight under load: the torture caught creates processed after a "never
  // created" verdict (docs/reliability.md). Same 4× ratio here.
  notFoundGraceMs: 1_000,
};

/** The client's total budget per call in the suites; `slow` faults go past it. */
export const CLIENT_TIMEOUT_MS = 250;

export const MERCHANT_NO = '8729248847';
export const SECRET = 'torture-secret-51c2';
