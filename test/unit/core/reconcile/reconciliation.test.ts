import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTrainingSimulator, type TrainingGateway } from '../../../../electron/core/gateways.ts';
import type { PosCore, PosCoreOptions } from '../../../../electron/core/pos-core.ts';
import type { PaymentState } from '../../../../shared/payment.ts';
import type { ReconciliationView } from '../../../../shared/day/reconcile-contract.ts';
import { createTestCore } from '../../../harness/core-fixture.ts';

// The reconciliation against the real simulator on a loopback port (port 0), through the whole
// core and its router, with disagreements planted at "Paypro" behind the app's back.

const MINUTE = 60_000;
let training: TrainingGateway;
let dir: string;
let clock: number;
let core: PosCore;

beforeAll(async () => {
  training = await startTrainingSimulator();
});
afterAll(() => training.simulator.close());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'paypro-recon-'));
  const today = new Date();
  clock = new Date(today.getFullYear(), today.getMonth(), today.getDate(), 11, 0).getTime(); // a business day's noon-ish
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openCore(reconcile: PosCoreOptions['reconcile'] = {}): Promise<PosCore> {
  core = createTestCore(dir, {
    logger: { error: () => undefined },
    now: () => clock,
    trainingGateway: training,
    reconcile: { requestsPerSecond: 0, retryDelayMs: 5, autoDelayMs: null, ...reconcile },
  });
  const setUp = await core.router.dispatch('updateSettings', { patch: { environment: 'training', merchantNo: '1234567890' }, secret: 'rahasia-latihan' });
  expect(setUp.ok).toBe(true);
  return core;
}

async function charge(amount: number): Promise<string> {
  const charged = await core.router.dispatch('charge', { amount });
  if (!charged.ok) throw new Error(JSON.stringify(charged.error));
  return charged.value.tradeNo;
}

async function reachState(tradeNo: string, state: PaymentState): Promise<void> {
  await vi.waitFor(() => expect(core.payments.get(tradeNo).state).toBe(state), { timeout: 5_000, interval: 20 });
}

async function reconcile(): Promise<ReconciliationView> {
  const started = await core.router.dispatch('startReconciliation', { trigger: 'owner' });
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  await core.reconciler.idle();
  const result = await core.router.dispatch('getReconciliation', {});
  if (!result.ok || result.value.reconciliation === null) throw new Error('no reconciliation');
  return result.value.reconciliation;
}

describe('Cocokkan dengan Paypro', () => {
  it('finds exactly the planted disagreements and takes Paypro’s answers through the normal transitions', async () => {
    await openCore();
    const paid = await charge(50_000);
    const neverPaid = await charge(20_000);
    const cancelledThenPaid = await charge(123_456);
    const partial = await charge(100_000);
    const forgotten = await charge(75_000);
    const expiredThenPartial = await charge(60_000);
    const silent = await charge(10_000_000);
    training.simulator.settle(paid, 'paid');
    training.simulator.settle(partial, 'partial', { paidAmount: 40_000 });
    training.simulator.settle(forgotten, 'paid');
    training.simulator.settle(silent, 'paid');
    for (const tradeNo of [paid, forgotten, silent]) await reachState(tradeNo, 'paid');
    await reachState(partial, 'partially_paid');
    core.payments.cancel(cancelledThenPaid);

    // Past the QRs' expiry, then past the late-payment watch: the tracker stops asking.
    clock += 16 * MINUTE;
    await reachState(neverPaid, 'expired');
    await reachState(expiredThenPartial, 'expired');
    clock += 10 * MINUTE;
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Planted at "Paypro": money that came in after the watch, an order it no longer keeps, no answer.
    training.simulator.settle(cancelledThenPaid, 'paid');
    training.simulator.settle(expiredThenPartial, 'partial', { paidAmount: 30_000 });
    expect(training.simulator.forget(forgotten)).toBe(true);
    training.simulator.injectFault({ endpoint: 'queryPayInResult', tradeNo: silent }, { kind: 'http500' });

    const result = await reconcile();
    expect(result).toMatchObject({ status: 'finished', total: 7, checked: 7, ratePerSecond: 0 });
    expect(result.counts).toEqual({
      agrees: 3, applied: 0, paid_late: 2, differs: 0, unknown_to_gateway: 0, forgotten_by_simulator: 1, no_answer: 1,
    });
    expect(result.items.map(({ tradeNo, verdict, appState, appReceived, gatewayReceived, stateAfter }) => ({
      tradeNo, verdict, appState, appReceived, gatewayReceived, stateAfter,
    }))).toEqual([
      { tradeNo: cancelledThenPaid, verdict: 'paid_late', appState: 'cancelled', appReceived: 0, gatewayReceived: 123_456, stateAfter: 'paid' },
      { tradeNo: forgotten, verdict: 'forgotten_by_simulator', appState: 'paid', appReceived: 75_000, gatewayReceived: null, stateAfter: 'paid' },
      { tradeNo: expiredThenPartial, verdict: 'paid_late', appState: 'expired', appReceived: 0, gatewayReceived: 30_000, stateAfter: 'partially_paid' },
      { tradeNo: silent, verdict: 'no_answer', appState: 'paid', appReceived: 10_000_000, gatewayReceived: null, stateAfter: 'paid' },
    ]);
    // The late money shows as late payments to resolve ("Perlu tindakan"), as the 30-minute watch would have.
    const late = await core.router.dispatch('listLatePayments', {});
    expect(late.ok && late.value.sales.map((sale) => sale.tradeNo).sort()).toEqual([cancelledThenPaid, expiredThenPartial].sort());
    // The same day asked again: a new run, and now the two late payments agree.
    training.simulator.clearFaults();
    const again = await reconcile();
    expect(again.id).toBeGreaterThan(result.id);
    expect(again.counts).toMatchObject({ agrees: 6, forgotten_by_simulator: 1, paid_late: 0, no_answer: 0 });
  });

  it('a whole training day the simulator no longer remembers (a restart) is reported as forgotten, not failed', async () => {
    await openCore();
    const sales = [await charge(15_000), await charge(25_000)];
    for (const tradeNo of sales) {
      training.simulator.settle(tradeNo, 'paid');
      await reachState(tradeNo, 'paid');
      training.simulator.forget(tradeNo);
    }
    const result = await reconcile();
    expect(result.counts).toMatchObject({ agrees: 0, forgotten_by_simulator: 2, differs: 0, unknown_to_gateway: 0 });
    for (const tradeNo of sales) expect(core.payments.get(tradeNo).state).toBe('paid');
  });

  it('a day with nothing to disagree about: every charge agrees', async () => {
    await openCore();
    for (const amount of [10_000, 20_000, 30_000]) {
      const tradeNo = await charge(amount);
      training.simulator.settle(tradeNo, 'paid');
      await reachState(tradeNo, 'paid');
    }
    const result = await reconcile();
    expect(result).toMatchObject({ total: 3, checked: 3, items: [] });
    expect(result.counts.agrees).toBe(3);
  });

  it('resumes after a restart at the first sale it had not asked about, asking none twice', async () => {
    await openCore({ requestsPerSecond: 25 });
    const sales: string[] = [];
    for (let index = 0; index < 12; index++) {
      const tradeNo = await charge(10_000 + index);
      training.simulator.settle(tradeNo, 'paid');
      await reachState(tradeNo, 'paid');
      sales.push(tradeNo);
    }
    const queries = () => training.simulator.requests().filter((request) => request.endpoint === 'queryPayInResult' && sales.includes(request.tradeNo ?? ''));
    const before = queries().length;
    expect((await core.router.dispatch('startReconciliation', { trigger: 'day_close' })).ok).toBe(true);
    await vi.waitFor(async () => {
      const progress = await core.router.dispatch('getReconciliation', {});
      expect(progress.ok && progress.value.reconciliation?.checked).toBeGreaterThanOrEqual(3);
    }, { timeout: 5_000, interval: 10 });
    await core.close(); // the till is switched off mid-run
    const askedBeforeRestart = queries().length - before;
    expect(askedBeforeRestart).toBeLessThan(sales.length);

    await openCore({ requestsPerSecond: 0 }); // resumes by itself
    await core.reconciler.idle();
    const result = await core.router.dispatch('getReconciliation', {});
    expect(result).toMatchObject({ ok: true, value: { reconciliation: { status: 'finished', trigger: 'day_close', total: 12, checked: 12 } } });
    // Every sale asked exactly once over both runs of the till (the paid ones are not tracked any more).
    expect(queries().length - before).toBe(sales.length);
  });

  it('waits while a sale is on the counter, and refuses a day that has not begun', async () => {
    await openCore();
    const onScreen = await charge(42_000);
    core.payments.watch(onScreen);
    const started = await core.router.dispatch('startReconciliation', { trigger: 'owner' });
    expect(started.ok).toBe(true);
    await vi.waitFor(async () => {
      const progress = await core.router.dispatch('getReconciliation', {});
      expect(progress.ok && progress.value.reconciliation).toMatchObject({ status: 'running', pausedForSale: true, checked: 0 });
    }, { timeout: 3_000, interval: 20 });
    core.payments.watch(null);
    await core.reconciler.idle();
    const tomorrow = new Date(clock + 86_400_000);
    const date = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    expect(await core.router.dispatch('startReconciliation', { date, trigger: 'owner' })).toMatchObject({ ok: false, error: { code: 'recon.future_day' } });
  });
});

describe('the automatic reconciliation catches up every ended day', () => {
  const DAY = 24 * 60 * MINUTE;
  const dateOf = (ms: number) => {
    const date = new Date(ms);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  };
  /** 11:00 `days` calendar days before the test's today (never + n × 24 h: a DST zone would drift). */
  const daysAgo = (today: number, days: number) => {
    const date = new Date(today);
    date.setDate(date.getDate() - days);
    return date.getTime();
  };
  async function paidSale(amount: number): Promise<string> {
    const tradeNo = await charge(amount);
    training.simulator.settle(tradeNo, 'paid');
    await reachState(tradeNo, 'paid');
    return tradeNo;
  }
  async function runOf(date: string): Promise<ReconciliationView | null> {
    const result = await core.router.dispatch('getReconciliation', { date });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value.reconciliation;
  }

  it('after a weekend off, reconciles Friday then Saturday (oldest first, one at a time), resumes after a restart, and skips days without sales or beyond the look-back', async () => {
    const today = clock;
    const [tooOld, friday, saturday, sunday] = [daysAgo(today, 8), daysAgo(today, 3), daysAgo(today, 2), daysAgo(today, 1)];
    // Sales on a day just beyond the 7-day look-back, on Friday and on Saturday; none on Sunday.
    clock = tooOld;
    await openCore();
    await paidSale(11_000);
    clock = friday;
    const fridaySales = [await paidSale(21_000), await paidSale(22_000), await paidSale(23_000), await paidSale(24_000)];
    clock = saturday;
    const forgotten = await paidSale(31_000);
    training.simulator.forget(forgotten);
    // The owner's run at Saturday's day close, before the day ended: the automatic one still comes.
    clock = saturday + 10 * 60 * MINUTE;
    expect((await core.router.dispatch('startReconciliation', { trigger: 'day_close' })).ok).toBe(true);
    await core.reconciler.idle();
    const dayClose = await runOf(dateOf(saturday));
    await core.close();

    // Monday 11:00: the till starts again, slowly enough to be switched off inside Friday's run.
    clock = today;
    await openCore({ requestsPerSecond: 10, autoDelayMs: undefined });
    await vi.waitFor(async () => expect((await runOf(dateOf(friday)))?.checked).toBeGreaterThanOrEqual(1), { timeout: 5_000, interval: 10 });
    expect(await runOf(dateOf(saturday))).toMatchObject({ id: dayClose?.id }); // not queued yet: one day at a time
    await core.close();

    await openCore({ requestsPerSecond: 0, autoDelayMs: undefined });
    await vi.waitFor(async () => expect((await runOf(dateOf(saturday)))?.status).toBe('finished'), { timeout: 5_000, interval: 10 });
    const fridayRun = await runOf(dateOf(friday));
    const saturdayRun = await runOf(dateOf(saturday));
    expect(fridayRun).toMatchObject({ trigger: 'automatic', status: 'finished', total: 4, checked: 4, counts: { agrees: 4 } });
    expect(saturdayRun).toMatchObject({ trigger: 'automatic', status: 'finished', total: 1, counts: { forgotten_by_simulator: 1 } });
    expect(saturdayRun!.id).toBeGreaterThan(fridayRun!.id);
    expect(saturdayRun!.id).toBeGreaterThan(dayClose!.id);
    // Friday's sales asked once each across the restart: the run went on where it stopped.
    const fridayQueries = training.simulator.requests().filter((request) => request.endpoint === 'queryPayInResult' && fridaySales.includes(request.tradeNo ?? ''));
    expect(fridayQueries.length).toBe(fridaySales.length * 2); // once by the tracker when paid, once by the reconciliation
    expect(await runOf(dateOf(sunday))).toBeNull();
    expect(await runOf(dateOf(tooOld))).toBeNull();
    expect(await runOf(dateOf(today))).toBeNull();
    expect(today - tooOld).toBeGreaterThan(7 * DAY);
  });
});

describe('Perkiraan dana dari Paypro', () => {
  it('is the QRIS money received minus each transaction’s MDR under the settings’ plan', async () => {
    await openCore();
    const big = await charge(600_000);
    const small = await charge(123_456);
    const part = await charge(100_000);
    await charge(50_000); // never paid: no money, no MDR
    training.simulator.settle(big, 'paid');
    training.simulator.settle(small, 'paid');
    training.simulator.settle(part, 'partial', { paidAmount: 40_000 });
    await reachState(big, 'paid');
    await reachState(small, 'paid');
    await reachState(part, 'partially_paid');
    // Regular 0.7%: 4.200 + 864 (864,19) + 280.
    expect(await core.router.dispatch('getPayoutEstimate', {})).toEqual({
      ok: true, value: { plan: 'regular', count: 3, received: 763_456, mdr: 5_344, expected: 758_112 },
    });
    // Micro: only the Rp 600.000 sale is above Rp 500.000: 0.3% = 1.800.
    expect((await core.router.dispatch('updateSettings', { patch: { mdr: { plan: 'micro' } } })).ok).toBe(true);
    expect(await core.router.dispatch('getPayoutEstimate', {})).toEqual({
      ok: true, value: { plan: 'micro', count: 3, received: 763_456, mdr: 1_800, expected: 761_656 },
    });
  });
});
