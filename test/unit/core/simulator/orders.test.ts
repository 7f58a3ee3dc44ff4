import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrderBook, type NewOrder } from '../../../../electron/core/simulator/orders.ts';
import { startSimulator, type Simulator } from '../../../../electron/core/simulator/server.ts';
import { call, createBody, MERCHANT, SECRET } from './gateway-calls.ts';

let clock = 0;
const now = () => clock;
const newOrder = (tradeNo: string, amount = 10_000): NewOrder => ({
  tradeNo,
  amount,
  remark: null,
  request: {},
  describe: () => ({ paymentUrl: 'u', qrString: 'q' }),
});

beforeEach(() => {
  clock = Date.UTC(2024, 6, 1, 11, 34, 31); // 18:34:31 in Jakarta
});

describe('createOrderBook scenarios', () => {
  it('never settles by default', () => {
    const book = createOrderBook(now);
    book.create(newOrder('A'));
    clock += 86_400_000;
    expect(book.get('A')).toMatchObject({ status: '0015', paidAmount: 0, successTime: null });
  });

  it('pays after N ms, counted from creation, with a Jakarta successTime', () => {
    const book = createOrderBook(now);
    book.scriptNext({ kind: 'paid', afterMs: 100 });
    book.create(newOrder('A'));
    clock += 99;
    expect(book.get('A')?.status).toBe('0015');
    clock += 1;
    expect(book.get('A')).toMatchObject({ status: '0000', message: 'SUCCESS', paidAmount: 10_000, successTime: '2024-07-01 18:34:31' });
  });

  it('applies scriptNext to the next creates in order, and a tradeNo script over them', () => {
    const book = createOrderBook(now);
    book.scriptNext({ kind: 'failed' });
    book.scriptNext({ kind: 'partial', paidAmount: 4_000 });
    book.script('C', { kind: 'paid' });
    book.create(newOrder('C'));
    book.create(newOrder('A'));
    book.create(newOrder('B'));
    book.create(newOrder('D'));
    expect(book.list().map((o) => [o.tradeNo, o.status, o.paidAmount])).toEqual([
      ['C', '0000', 10_000],
      ['A', '00029', 0],
      ['B', '0001', 4_000],
      ['D', '0015', 0],
    ]);
  });

  it('re-scripts an existing order from the moment of the script, with a custom failure status', () => {
    const book = createOrderBook(now);
    book.create(newOrder('A'));
    clock += 1_000;
    book.script('A', { kind: 'failed', status: '0100019', afterMs: 50 });
    clock += 49;
    expect(book.get('A')?.status).toBe('0015');
    clock += 1;
    expect(book.get('A')).toMatchObject({ status: '0100019', message: 'REJECTED_TRANSACTION', successTime: null });
  });

  it('settles by hand once, with a default partial of half the amount that may still be paid in full', () => {
    const book = createOrderBook(now);
    book.create(newOrder('A', 25_001));
    expect(book.settle('A', 'partial')).toMatchObject({ status: '0001', paidAmount: 12_500 });
    expect(() => book.settle('A', 'partial')).toThrow(/already settled/);
    expect(book.settle('A', 'paid')).toMatchObject({ status: '0000', paidAmount: 25_001 });
    expect(() => book.settle('A', 'paid')).toThrow(/already settled/);
    expect(() => book.settle('nope', 'paid')).toThrow(/No simulated order/);
  });

  it('uses a given default scenario and hands out copies from list', () => {
    const book = createOrderBook(now, { kind: 'paid', afterMs: 0 });
    book.create(newOrder('A'));
    const [listed] = book.list();
    expect(listed?.status).toBe('0000');
    if (listed) listed.status = 'tampered';
    expect(book.get('A')?.status).toBe('0000');
  });
});

describe('scenarios over HTTP', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startSimulator({ merchantNo: MERCHANT, secret: SECRET, now });
  });
  afterEach(() => sim.close());

  const query = async (tradeNo: string) =>
    (await call(sim.baseUrl, 'queryPayInResult', { tradeNo, timestamp: '1' })).json().data;

  it('paid after 0 ms is paid on the first query', async () => {
    sim.scriptNext({ kind: 'paid', afterMs: 0 });
    const created = (await call(sim.baseUrl, 'paymentLink', createBody('H-1'))).json().data;
    expect(created?.status).toBe('0015');
    expect(await query('H-1')).toMatchObject({ status: '0000', amount: '25000', successTime: '2024-07-01 18:34:31' });
  });

  it('partial after N ms reports the amount paid so far', async () => {
    sim.script('H-2', { kind: 'partial', paidAmount: 5_000, afterMs: 30 });
    await call(sim.baseUrl, 'paymentLink', createBody('H-2'));
    expect(await query('H-2')).toMatchObject({ status: '0015', amount: '0' });
    clock += 30;
    expect(await query('H-2')).toMatchObject({ status: '0001', amount: '5000', message: 'PARTIAL_PAYMENT' });
  });

  it('settles by hand for training mode', async () => {
    await call(sim.baseUrl, 'paymentLink', createBody('H-3'));
    sim.settle('H-3', 'failed');
    expect(await query('H-3')).toMatchObject({ status: '00029', amount: '0' });
    expect(await query('H-3')).not.toHaveProperty('successTime');
  });
});
