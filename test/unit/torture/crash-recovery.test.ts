import { expect, it } from 'vitest';
import { runCrashTorture } from '../../torture/crash-torture.ts';
import { tortureSeed } from '../../torture/random.ts';
import { FULL, SIZES } from '../../torture/scale.ts';

// SIGKILL a till process at seeded points, check the file, recover on the same ledger.
// Replay: TORTURE_SEED=<seed printed below>. Full size: npm run test:torture.
it(`crash recovery: ${SIZES.crashRuns} kills`, { timeout: FULL ? 600_000 : 60_000 }, async () => {
  const seed = tortureSeed();
  const result = await runCrashTorture({ seed, runs: SIZES.crashRuns, parallel: SIZES.crashParallel });
  console.log(result.line);
  expect(result.kills).toBe(SIZES.crashRuns);
  expect(result.corrupt).toEqual([]);
  expect(result.verdict.lost.slice(0, 5)).toEqual([]);
  expect(result.verdict.duplicated.slice(0, 5)).toEqual([]);
  expect(result.verdict.unresolved.slice(0, 5)).toEqual([]);
  expect(result.verdict.mismatched.slice(0, 5)).toEqual([]);
});
