import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTrainingSimulator, type TrainingGateway } from '../../../../electron/core/gateways.ts';
import type { PosCore } from '../../../../electron/core/pos-core.ts';
import type { PaymentState } from '../../../../shared/payment.ts';
import { createTestCore } from '../../../harness/core-fixture.ts';

// "Perlu tindakan" for a customer's overpayment (issue 22): through the whole core and its router,
// with Paypro played by the real simulator on a loopback port.

const OWNER_PIN = '975310';
let training: TrainingGateway;
let dir: string;
let core: PosCore;

beforeAll(async () => {
  training = await startTrainingSimulator();
});
afterAll(() => training.simulator.close());

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paypro-overpaid-'));
  core = createTestCore(dir, { logger: { error: () => undefined }, trainingGateway: training, reconcile: { autoDelayMs: null } });
  const setUp = await core.router.dispatch('updateSettings', { patch: { environment: 'training', merchantNo: '1234567890' }, secret: 'rahasia-latihan' });
  expect(setUp.ok).toBe(true);
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value;
}

async function reachState(tradeNo: string, state: PaymentState): Promise<void> {
  await vi.waitFor(() => expect(core.payments.get(tradeNo).state).toBe(state), { timeout: 5_000, interval: 20 });
}

/** Rp 100.000: Rp 25.000 on the QR, the rest in cash, then Paypro has the full Rp 100.000 on the QR too. */
async function paidTwice(): Promise<string> {
  const { tradeNo } = await call(core.router.dispatch('charge', { amount: 100_000 }));
  training.simulator.settle(tradeNo, 'partial', { paidAmount: 25_000 });
  await reachState(tradeNo, 'partially_paid');
  await call(core.router.dispatch('payCash', { saleTradeNo: tradeNo, tendered: 75_000 }));
  training.simulator.settle(tradeNo, 'paid');
  await reachState(tradeNo, 'paid');
  return tradeNo;
}

async function expectedCash(): Promise<{ expected: number; cashRefunds: { count: number; amount: number } }> {
  const status = await call(core.router.dispatch('getDayStatus', {}));
  const shift = await call(core.router.dispatch('getShiftReport', { shiftId: status.shift!.id }));
  return shift.report.cash!;
}

describe('Perlu tindakan: the customer paid twice', () => {
  it('lists the overpayment until someone says what became of it; a cash refund needs the owner and leaves the drawer', async () => {
    const tradeNo = await paidTwice();
    expect(await call(core.router.dispatch('listOverpaid', {}))).toEqual({
      items: [{ tradeNo, platformTradeNo: expect.any(String), saleTradeNo: tradeNo, saleAmount: 100_000, createdAt: expect.any(Number), overpaidAmount: 75_000, doublePayment: true }],
    });
    expect(await call(core.router.dispatch('getDayStatus', {}))).toMatchObject({ overpaidToResolve: 1 });
    const before = await expectedCash();
    expect(before.expected).toBe(75_000); // the rest paid in cash

    // No choice is made for the cashier: the outcome is required.
    expect(await core.router.dispatch('resolveOverpaid', { tradeNo, note: '' } as never)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    // Kept by the shop: say why.
    expect(await core.router.dispatch('resolveOverpaid', { tradeNo, outcome: 'kept', note: '  ' })).toMatchObject({
      ok: false, error: { code: 'validation', fields: { note: { code: 'overpaid.note_required' } } },
    });
    // Cash out of the drawer: the owner's PIN.
    await call(core.router.dispatch('setAdminPin', { newPin: OWNER_PIN }));
    await call(core.router.dispatch('lockAdmin', {}));
    expect(await core.router.dispatch('resolveOverpaid', { tradeNo, outcome: 'refunded_cash', note: '' })).toMatchObject({
      ok: false, error: { code: 'overpaid.refund_owner_required' },
    });
    expect(await call(core.router.dispatch('listOverpaid', {}))).toMatchObject({ items: [{ tradeNo }] });

    expect(await call(core.router.dispatch('resolveOverpaid', { tradeNo, outcome: 'refunded_cash', note: 'dikembalikan ke Ibu Sari', supervisorPin: OWNER_PIN }))).toEqual({ items: [] });
    expect(await call(core.router.dispatch('getDayStatus', {}))).toMatchObject({ overpaidToResolve: 0 });
    // Counted as a cash refund: the drawer should now hold Rp 75.000 less.
    expect(await expectedCash()).toMatchObject({ expected: 0, cashRefunds: { count: 1, amount: 75_000 } });
    // Once only.
    expect(await core.router.dispatch('resolveOverpaid', { tradeNo, outcome: 'kept', note: 'lagi' })).toMatchObject({
      ok: false, error: { code: 'overpaid.already_resolved' },
    });

    // In the day report, the shift report and the CSV.
    const day = await call(core.router.dispatch('getDayReport', {}));
    expect(day.report.overpaidResolved).toEqual({ refunded_cash: { count: 1, amount: 75_000 }, refunded_outside: { count: 0, amount: 0 }, kept: { count: 0, amount: 0 } });
    expect(day.shifts[0]!.report.overpaidResolved).toMatchObject({ refunded_cash: { count: 1, amount: 75_000 } });
    const csv = await call(core.router.dispatch('exportSales', { format: 'rfc4180' }));
    if (csv.outcome !== 'download') throw new Error(csv.outcome);
    expect(parse(csv.csv, { bom: true, columns: true })).toMatchObject([{ trade_no: tradeNo, received: '100000', overpaid: '75000', overpaid_resolution: 'refunded_cash' }]);
  });

  it('one QR paid more than it charged is listed too (not as a double payment); given back outside the app needs no PIN and leaves the drawer alone', async () => {
    await call(core.router.dispatch('setAdminPin', { newPin: OWNER_PIN }));
    await call(core.router.dispatch('lockAdmin', {}));
    const { tradeNo } = await call(core.router.dispatch('charge', { amount: 10_000_000 }));
    training.simulator.settle(tradeNo, 'paid', { paidAmount: 10_050_000 });
    await reachState(tradeNo, 'paid');
    expect(await call(core.router.dispatch('listOverpaid', {}))).toMatchObject({ items: [{ tradeNo, overpaidAmount: 50_000, doublePayment: false }] });
    const before = await expectedCash();
    expect(await call(core.router.dispatch('resolveOverpaid', { tradeNo, outcome: 'refunded_outside', note: 'transfer BCA ref 123' }))).toEqual({ items: [] });
    expect(await expectedCash()).toEqual(before);
    expect((await call(core.router.dispatch('getDayReport', {}))).report.overpaidResolved).toMatchObject({ refunded_outside: { count: 1, amount: 50_000 } });
  });

  it('a payment that was not overpaid cannot be resolved as one', async () => {
    const { tradeNo } = await call(core.router.dispatch('charge', { amount: 20_000 }));
    expect(await core.router.dispatch('resolveOverpaid', { tradeNo, outcome: 'refunded_outside', note: '' })).toMatchObject({
      ok: false, error: { code: 'overpaid.not_overpaid' },
    });
  });
});
