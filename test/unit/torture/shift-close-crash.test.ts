import { expect, it } from 'vitest';
import { runShiftCloseTorture } from '../../torture/shift-close-torture.ts';
import { tortureSeed } from '../../torture/random.ts';
import { FULL } from '../../torture/scale.ts';

// kill -9 while a shift closes: never a half-closed shift, never a frozen report unlike its sales.
// Replay: TORTURE_SEED=<seed>. Full size: npm run test:torture.
const RUNS = FULL ? 100 : 8;
it(`shift close survives kill -9: ${RUNS} kills`, { timeout: FULL ? 600_000 : 90_000 }, async () => {
  const seed = tortureSeed();
  const result = await runShiftCloseTorture({ runs: RUNS, seed });
  console.log(`shift-close torture seed ${seed}: ${result.kills} kills, ${result.midClose} between 'closing' and 'closed'`);
  expect(result.kills).toBe(RUNS);
  expect(result.problems).toEqual([]);
});
