import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRAINING_MERCHANT_NO, type TrainingGateway } from '../../electron/core/gateways.ts';
import type { PosCore } from '../../electron/core/pos-core.ts';
import { DEFAULT_RECONCILE_RATE } from '../../shared/day/reconcile-contract.ts';
import { startSimulator } from '../../electron/core/simulator/server.ts';
import { createTestCore } from '../harness/core-fixture.ts';
import { sample, stats, type Figure } from './reporter.ts';

const DAY_SALES = 1_000;
/** Sales the simulator "forgets" before the run: planted disagreements the run must list. */
const FORGOTTEN = 10;
/** The rate-limited run is timed over this many sales; 1,000 at 2/s would take over 8 minutes. */
const THROTTLED_SALES = 20;

/** A core on a fresh folder, selling in training against a simulator that settles every order paid at its first query. */
async function dayOfSales(count: number, requestsPerSecond: number) {
  const dir = mkdtempSync(join(tmpdir(), 'paypro-bench-recon-'));
  const secret = randomBytes(16).toString('hex');
  const simulator = await startSimulator({ merchantNo: TRAINING_MERCHANT_NO, secret, defaultScenario: { kind: 'paid' } });
  const training: TrainingGateway = { simulator, merchantNo: TRAINING_MERCHANT_NO, secret };
  const core = createTestCore(dir, { logger: { error: () => undefined }, trainingGateway: training, reconcile: { requestsPerSecond, autoDelayMs: null } });
  await core.router.dispatch('updateSettings', { patch: { environment: 'training', merchantNo: '1234567890' }, secret: 'rahasia-latihan' });
  const tradeNos: string[] = [];
  for (let index = 0; index < count; index++) tradeNos.push((await core.payments.charge({ amount: 10_000 + index })).tradeNo);
  // The tracker settles them all (paid at the first query) before the day is reconciled.
  while (core.payments.unsettledStates().length > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    core,
    simulator,
    tradeNos,
    async close() {
      await core.close();
      await simulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function timedRun(core: PosCore): Promise<{ ms: number; checked: number; listed: number }> {
  const started = performance.now();
  core.reconciler.start(undefined, 'owner');
  await core.reconciler.idle();
  const ms = performance.now() - started;
  const run = core.reconciler.latest();
  if (run === null || run.status !== 'finished') throw new Error('the reconciliation did not finish');
  return { ms, checked: run.checked, listed: run.items.length };
}

/**
 * Issue 22: reconciliation of a 1,000-sale day against the simulator on loopback. Unthrottled
 * (the engine: ledger reads, one signed query over HTTP per sale, the transitions, one fsynced
 * answer row per sale), the rate limit itself timed over 20 sales, and a sale's charge while a
 * reconciliation runs (sales go first: the run pauses while a charge is in flight).
 */
export async function reconcileDay(): Promise<Figure[]> {
  const day = await dayOfSales(DAY_SALES, 0);
  let engine: { ms: number; checked: number; listed: number };
  let chargeDuringRun: number[];
  let chargeAlone: number[];
  try {
    for (const tradeNo of day.tradeNos.slice(0, FORGOTTEN)) day.simulator.forget(tradeNo);
    engine = await timedRun(day.core);
    if (engine.checked !== DAY_SALES || engine.listed !== FORGOTTEN) {
      throw new Error(`expected ${DAY_SALES} checked and ${FORGOTTEN} listed, got ${engine.checked} and ${engine.listed}`);
    }
    // Sales at the counter with nothing else going on, then while the day is reconciled again.
    const charge = async () => {
      const payment = await day.core.payments.charge({ amount: 25_000 });
      if (payment.state !== 'awaiting_payment' && payment.state !== 'paid') throw new Error(`charge ended ${payment.state}`);
    };
    chargeAlone = await sample(50, 5, charge);
    day.core.reconciler.start(undefined, 'owner');
    chargeDuringRun = await sample(50, 5, charge);
    await day.core.reconciler.idle();
  } finally {
    await day.close();
  }

  const throttledDay = await dayOfSales(THROTTLED_SALES, DEFAULT_RECONCILE_RATE);
  let throttled: { ms: number; checked: number; listed: number };
  try {
    throttled = await timedRun(throttledDay.core);
  } finally {
    await throttledDay.close();
  }
  const perSaleThrottled = throttled.ms / throttled.checked;

  return [
    {
      name: 'reconcile-1000-unthrottled',
      title: `reconcile a ${DAY_SALES}-sale day, rate limit off (engine time)`,
      unit: 'ms',
      value: engine.ms,
      targets: [{ stat: 'value', max: 60_000 }],
      notes: [
        `${(engine.ms / DAY_SALES).toFixed(2)} ms per sale; ${FORGOTTEN} planted disagreements (orders the simulator forgot) all listed`,
        'each sale: ledger read, signed queryPayInResult over loopback HTTP, transitions, one fsynced answer row',
      ],
    },
    {
      name: 'reconcile-1000-rate-limited',
      title: `reconcile a ${DAY_SALES}-sale day at the app's rate limit (${DEFAULT_RECONCILE_RATE} requests/s)`,
      unit: 'ms',
      value: perSaleThrottled * DAY_SALES,
      notes: [
        `timed over ${THROTTLED_SALES} sales: ${throttled.ms.toFixed(0)} ms, ${perSaleThrottled.toFixed(0)} ms per sale; × ${DAY_SALES} sales`,
        `the limiter sets the pace: ${DAY_SALES} / ${DEFAULT_RECONCILE_RATE} per second = ${(DAY_SALES / DEFAULT_RECONCILE_RATE).toFixed(0)} s`,
      ],
    },
    {
      name: 'reconcile-charge-alone',
      title: 'charge → awaiting, same core, no reconciliation running (baseline)',
      unit: 'ms',
      stats: stats(chargeAlone),
    },
    {
      name: 'reconcile-charge-during-run',
      title: 'charge → awaiting while the day is being reconciled (unthrottled)',
      unit: 'ms',
      stats: stats(chargeDuringRun),
      notes: ['the run pauses while a charge is in flight (sales go first); at most the one query already sent shares the loopback and the CPU'],
    },
  ];
}
