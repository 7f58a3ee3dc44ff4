import { afterEach, describe, expect, it } from 'vitest';
import { createOrderBook, MAX_SIM_ORDERS, type NewOrder } from '../../../../electron/core/simulator/orders.ts';
import { MAX_SIM_REQUESTS, startSimulator, type Simulator } from '../../../../electron/core/simulator/server.ts';
import { call, createBody, MERCHANT, SECRET } from './gateway-calls.ts';

/**
 * Training mode runs the simulator for the app's lifetime: it keeps the newest orders and
 * requests only, and numbers each request from a counter instead of scanning the earlier ones.
 */
const newOrder = (tradeNo: string): NewOrder => ({ tradeNo, amount: 10_000, remark: null, request: {}, describe: () => ({ paymentUrl: 'u', qrString: 'q' }) });

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

describe('simulator bounds', () => {
  it('keeps the newest 2,000 orders (a whole training day and more), dropping the oldest', () => {
    expect(MAX_SIM_ORDERS).toBe(2_000);
    expect(MAX_SIM_REQUESTS).toBe(5_000);
    const book = createOrderBook(() => 0);
    const created = Array.from({ length: MAX_SIM_ORDERS + 5 }, (_, index) => book.create(newOrder(`T${index}`)));
    const kept = book.list();
    expect(kept).toHaveLength(MAX_SIM_ORDERS);
    expect(kept[0]!.tradeNo).toBe('T5');
    expect(kept.at(-1)!.tradeNo).toBe(`T${MAX_SIM_ORDERS + 4}`);
    expect(book.has('T4')).toBe(false);
    // The cashier page's lookup finds kept orders, and no longer the dropped ones.
    expect(book.byPlatformTradeNo(created.at(-1)!.platFormTradeNo)?.tradeNo).toBe(`T${MAX_SIM_ORDERS + 4}`);
    expect(book.byPlatformTradeNo(created[0]!.platFormTradeNo)).toBeUndefined();
  });

  it('keeps the newest requests, and still numbers a tradeNo\'s attempts past the dropped ones', async () => {
    sim = await startSimulator({ merchantNo: MERCHANT, secret: SECRET, maxOrders: 2, maxRequests: 4 });
    for (const tradeNo of ['A', 'B', 'C']) expect((await call(sim.baseUrl, 'paymentLink', createBody(tradeNo))).status).toBe(200);
    expect(sim.orders().map((order) => order.tradeNo)).toEqual(['B', 'C']);
    for (let index = 0; index < 5; index += 1) await call(sim.baseUrl, 'queryPayInResult', { tradeNo: 'C', timestamp: '1700000000000' });
    const requests = sim.requests();
    expect(requests).toHaveLength(4);
    expect(requests.map((request) => [request.endpoint, request.tradeNo, request.attempt])).toEqual([
      ['queryPayInResult', 'C', 2],
      ['queryPayInResult', 'C', 3],
      ['queryPayInResult', 'C', 4],
      ['queryPayInResult', 'C', 5],
    ]);
    expect(sim.paymentLinkCalls('C')).toEqual({ received: 1, accepted: 1, rejected: 0 });
  });
});
