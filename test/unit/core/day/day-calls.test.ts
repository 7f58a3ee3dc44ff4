import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileSaver } from '../../../../electron/core/file-saver.ts';
import type { PosCore } from '../../../../electron/core/pos-core.ts';
import { createTestCore } from '../../../harness/core-fixture.ts';

// The day's calls wired into the whole core, through the router as the renderer calls them.
let dir: string;
let core: PosCore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paypro-day-calls-'));
  core = createTestCore(dir, { logger: { error: () => undefined } });
  const setUp = await core.router.dispatch('updateSettings', { patch: { environment: 'training', merchantNo: '1234567890' }, secret: 'rahasia-latihan' });
  expect(setUp.ok).toBe(true);
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the day through the router', () => {
  it('a one-person shop charges with no shift screen: the default cashier\'s shift opens with the first sale', async () => {
    expect(await core.router.dispatch('getDayStatus', {})).toMatchObject({ ok: true, value: { shift: null, cashierPins: false } });
    const charged = await core.router.dispatch('charge', { amount: 25_000 });
    expect(charged.ok).toBe(true);
    const status = await core.router.dispatch('getDayStatus', {});
    expect(status).toMatchObject({ ok: true, value: { shift: { cashierName: 'Kasir' } } });
    const page = await core.router.dispatch('listSales', {});
    expect(page.ok && page.value.sales.map((sale) => sale.cashierName)).toEqual(['Kasir']);
  });

  it('with cashier PINs on, a sale without a shift is refused before anything is recorded', async () => {
    expect((await core.router.dispatch('addCashier', { name: 'Budi', pin: '1357' })).ok).toBe(true);
    expect((await core.router.dispatch('updateSettings', { patch: { day: { cashierPins: true } } })).ok).toBe(true);
    expect(await core.router.dispatch('charge', { amount: 25_000 })).toEqual({ ok: false, error: { code: 'shift.none_open' } });
    const page = await core.router.dispatch('listSales', {});
    expect(page.ok && page.value.sales).toEqual([]);
  });

  it('only the owner edits cashiers: with the admin PIN set and the session locked, adding one is refused', async () => {
    expect((await core.router.dispatch('setAdminPin', { newPin: '975310' })).ok).toBe(true);
    await core.router.dispatch('lockAdmin', {});
    expect(await core.router.dispatch('addCashier', { name: 'Budi', pin: '1357' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    await core.router.dispatch('unlockAdmin', { pin: '975310' });
    expect(await core.router.dispatch('addCashier', { name: 'Budi', pin: '1357' })).toMatchObject({ ok: true, value: { name: 'Budi', hasPin: true } });
  });

  it('refuses a bad date with a field code, and a bad request with bad_request', async () => {
    expect(await core.router.dispatch('getDayReport', { from: '2026-02-30' })).toEqual({ ok: false, error: { code: 'date.invalid' } });
    expect(await core.router.dispatch('exportSales', { from: '2026-03-05', to: '2026-03-01' })).toEqual({ ok: false, error: { code: 'date.invalid' } });
    expect(await core.router.dispatch('listSales', { limit: 5000 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});

describe('the history search through the router (issue 16 audit item 9)', () => {
  let clock: number;
  let app: PosCore;
  const DAY_MS = 86_400_000;

  beforeEach(async () => {
    clock = Date.now();
    app = createTestCore(join(dir, 'clocked'), { logger: { error: () => undefined }, now: () => clock });
    await app.router.dispatch('updateSettings', { patch: { environment: 'training', merchantNo: '1234567890' }, secret: 'rahasia-latihan' });
  });
  afterEach(() => app.close());

  async function charge(amount: number): Promise<string> {
    const charged = await app.router.dispatch('charge', { amount });
    if (!charged.ok) throw new Error(JSON.stringify(charged.error));
    return charged.value.tradeNo;
  }

  it("re-checks a sale of an earlier day and answers what the gateway said, also when nothing changed", async () => {
    const tradeNo = await charge(25_000);
    clock += 2 * DAY_MS; // long past its expiry and the 30-minute late-payment window: no longer followed
    const first = await app.router.dispatch('recheckSale', { tradeNo });
    expect(first).toMatchObject({
      ok: true,
      value: { sale: { tradeNo, state: 'expired', late: false }, answer: { kind: 'answered', status: '0015', outcome: 'processing', checkedAt: clock } },
    });
    // The customer did pay: the explicit re-check finds it days later, as a late payment.
    const training = await app.gateways.trainingSimulator();
    training.simulator.settle(tradeNo, 'paid');
    const second = await app.router.dispatch('recheckSale', { tradeNo });
    expect(second).toMatchObject({ ok: true, value: { sale: { state: 'paid', late: true }, answer: { kind: 'answered', status: '0000', outcome: 'paid' } } });
    // Settled now: asked again, the gateway's word is still shown, the sale stays as it is.
    const third = await app.router.dispatch('recheckSale', { tradeNo });
    expect(third).toMatchObject({ ok: true, value: { sale: { state: 'paid' }, answer: { outcome: 'paid' } } });
    expect(await app.router.dispatch('recheckSale', { tradeNo: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('applies amount and state together, includes the whole "to" minute, and refuses a trade number with other filters', async () => {
    const start = new Date(clock);
    const minuteStart = new Date(start.getFullYear(), start.getMonth(), start.getDate(), start.getHours(), start.getMinutes()).getTime();
    clock = minuteStart + 25_000; // hh:mm:25
    const waiting = await charge(25_000);
    const paid = await charge(25_000);
    await app.router.dispatch('settleTraining', { tradeNo: paid, outcome: 'paid' });
    await charge(30_000);
    const hhmm = (ms: number) => new Date(ms).toTimeString().slice(0, 5);
    const tradeNos = async (request: object) => {
      const page = await app.router.dispatch('listSales', request as never);
      if (!page.ok) throw new Error(JSON.stringify(page.error));
      return page.value.sales.map((sale) => sale.tradeNo);
    };
    expect(await tradeNos({ amount: '25.000', state: 'paid' })).toEqual([paid]);
    expect(await tradeNos({ amount: '25.000', state: 'awaiting_payment' })).toEqual([waiting]);
    expect(await tradeNos({ amount: '25.000', state: 'failed' })).toEqual([]);
    expect(await tradeNos({ amount: '25.000', fromTime: hhmm(clock), toTime: hhmm(clock) })).toEqual([paid, waiting]);
    expect(await app.router.dispatch('listSales', { tradeNo: paid, amount: '25.000' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { tradeNo: { code: 'search.trade_no_alone' } } },
    });
  });
});

describe('CSV export in the app: the save dialog', () => {
  /** A save dialog stand-in: answers with `choice` (a path, or null = cancelled) and writes for real. */
  function recordingSaver(choice: string | null) {
    const asked: { suggestedName: string; filter: { name: string; extensions: string[] } }[] = [];
    const saver: FileSaver = {
      save: async ({ suggestedName, filter, contents }) => {
        asked.push({ suggestedName, filter });
        if (choice === null) return { saved: false };
        const { writeFile } = await import('node:fs/promises');
        await writeFile(choice, await contents());
        return { saved: true, path: choice };
      },
    };
    return { saver, asked };
  }

  async function coreWith(saver: FileSaver): Promise<PosCore> {
    const withDialog = createTestCore(join(dir, 'with-dialog'), { logger: { error: () => undefined }, fileSaver: saver });
    await withDialog.router.dispatch('updateSettings', { patch: { environment: 'training', merchantNo: '1234567890' }, secret: 'rahasia-latihan' });
    return withDialog;
  }

  it('writes the day\'s CSV where the owner chose and answers with the path, not the file', async () => {
    const path = join(dir, 'chosen.csv');
    const { saver, asked } = recordingSaver(path);
    const app = await coreWith(saver);
    try {
      expect((await app.router.dispatch('charge', { amount: 25_000 })).ok).toBe(true);
      const status = await app.router.dispatch('getDayStatus', {});
      const date = status.ok ? status.value.businessDate : '';
      const result = await app.router.dispatch('exportSales', {});
      expect(result).toEqual({ ok: true, value: { outcome: 'saved', path, rows: 1 } });
      expect(asked).toEqual([{ suggestedName: `penjualan-${date}-tanpa-data-pelanggan.csv`, filter: { name: 'CSV', extensions: ['csv'] } }]);
      const text = readFileSync(path, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.trimEnd().split('\r\n')).toHaveLength(2);
    } finally {
      await app.close();
    }
  });

  it('a cancelled dialog answers cancelled; a bad range is refused before any dialog opens', async () => {
    const { saver, asked } = recordingSaver(null);
    const app = await coreWith(saver);
    try {
      expect(await app.router.dispatch('exportSales', {})).toEqual({ ok: true, value: { outcome: 'cancelled' } });
      expect(await app.router.dispatch('exportSales', { from: '2026-03-05', to: '2026-03-01' })).toEqual({ ok: false, error: { code: 'date.invalid' } });
      expect(asked).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
