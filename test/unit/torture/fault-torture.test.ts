import { expect, it } from 'vitest';
import { runFaultTorture } from '../../torture/fault-torture.ts';
import { tortureSeed } from '../../torture/random.ts';
import { FULL, SIZES } from '../../torture/scale.ts';

// 25 % of gateway requests faulted; random outcomes and cancels; N tills, one ledger each.
// Replay: TORTURE_SEED=<seed printed below>. Full size: npm run test:torture.
it(`fault torture: ${SIZES.faultPayments} payments, ${SIZES.faultTills} tills`, { timeout: FULL ? 600_000 : 60_000 }, async () => {
  const seed = tortureSeed();
  const result = await runFaultTorture({ seed, payments: SIZES.faultPayments, tills: SIZES.faultTills, perTillBatch: SIZES.faultPerTillBatch });
  console.log(result.line);
  expect(result.chargeErrors).toEqual([]);
  expect(result.batchFailures).toEqual([]);
  expect(result.integrity).toEqual([]);
  expect(result.faults).toBeGreaterThan(0);
  expect(result.verdict.lost.slice(0, 5)).toEqual([]);
  expect(result.verdict.duplicated.slice(0, 5)).toEqual([]);
  expect(result.verdict.unresolved.slice(0, 5)).toEqual([]);
  expect(result.verdict.mismatched.slice(0, 5)).toEqual([]);
});
