import { expect, it } from 'vitest';
import { runCrashTorture } from '../../torture/crash-torture.ts';
import { tortureSeed } from '../../torture/random.ts';
import { FULL, SIZES } from '../../torture/scale.ts';

// SIGKILL a till process at seeded points (shift close included), check the file, recover on the same ledger.
// Replay: TORTURE_SEED=<seed printed below>. Full size: npm run test:torture.
it(`crash recovery: ${SIZES.crashRuns} kills`, { timeout: FULL ? 600_000 : 60_000 }, async () => {
  const seed = tortureSeed();
  const result = await runCrashTorture({ seed, runs: SIZES.crashRuns, parallel: SIZES.crashParallel });
  console.log(result.line);
  expect(result.kills).toBe(SIZES.crashRuns);
  expect(result.corrupt).toEqual([]);
  // Kill points take turns: every run of 6 or more kills at least once inside a shift close's transaction.
  expect(result.insideShiftClose).toBe(result.killsByPoint.inside_shift_close);
  expect(result.insideShiftClose).toBeGreaterThan(0);
  expect(result.verdict.lost.slice(0, 5)).toEqual([]);
  expect(result.verdict.duplicated.slice(0, 5)).toEqual([]);
  expect(result.verdict.unresolved.slice(0, 5)).toEqual([]);
  expect(result.verdict.mismatched.slice(0, 5)).toEqual([]);
});
