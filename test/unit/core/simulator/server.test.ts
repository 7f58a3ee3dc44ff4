import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../../electron/core/simulator/server.ts';
import { call, createBody, MERCHANT, SECRET } from './gateway-calls.ts';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ merchantNo: MERCHANT, secret: SECRET, now: () => 1_700_000_000_000 });
});
afterEach(() => sim.close());

describe('startSimulator', () => {
  it('serves under the sandbox path prefix on 127.0.0.1', () => {
    expect(sim.baseUrl).toBe(`http://127.0.0.1:${sim.port}/indonesia-pay`);
  });

  it('accepts a well-formed paymentLink and stores the order', async () => {
    const reply = (await call(sim.baseUrl, 'paymentLink', createBody('S-1', { remark: 'meja 2' }))).json();
    expect(reply).toMatchObject({ code: '0000', msg: 'success', success: true, timestamp: 1_700_000_000_000 });
    expect(reply.data).toMatchObject({ tradeNo: 'S-1', status: '0015', desc: 'Paying', remark: 'meja 2' });
    expect(reply.data?.paymentUrl).toBe(`http://127.0.0.1:${sim.port}/cashier/${String(reply.data?.platFormTradeNo)}`);
    expect(sim.orders()).toEqual([expect.objectContaining({ tradeNo: 'S-1', amount: 25_000, status: '0015', paidAmount: 0 })]);
    expect(sim.paymentLinkCalls('S-1')).toEqual({ received: 1, accepted: 1, rejected: 0 });
  });

  it('accepts an amount sent as a digit string, as PHP integrations do', async () => {
    expect((await call(sim.baseUrl, 'paymentLink', createBody('S-2', { amount: '25000' }))).json().code).toBe('0000');
    expect(sim.order('S-2')?.amount).toBe(25_000);
  });

  it.each([
    ['a wrong merchantNo', createBody('R-1'), { merchantNo: '1111111111' }, 'merchantNo error'],
    ['a wrong sign', createBody('R-1'), { secret: 'other' }, 'sign error'],
    ['an upper-case but otherwise wrong sign', createBody('R-1'), { sign: 'ABC' }, 'sign error'],
    ['no sign', createBody('R-1'), { sign: null }, 'sign is required'],
    ['no mobile', createBody('R-1', { mobile: undefined }), {}, 'mobile is required'],
    ['an empty email', createBody('R-1', { email: '' }), {}, 'email is required'],
    ['no notifyUrl', createBody('R-1', { notifyUrl: null }), {}, 'notifyUrl is required'],
    ['no timestamp', createBody('R-1', { timestamp: undefined }), {}, 'timestamp is required'],
    ['a zero amount', createBody('R-1', { amount: 0 }), {}, 'amount must be a positive integer'],
    ['a negative amount', createBody('R-1', { amount: -5 }), {}, 'amount must be a positive integer'],
    ['a decimal amount string', createBody('R-1', { amount: '100.50' }), {}, 'amount must be a positive integer'],
    ['an unknown channel', createBody('R-1', { channelCode: 'CASH' }), {}, 'channelCode error'],
  ])('rejects %s with 8000 and creates nothing', async (_name, body, options, msg) => {
    const reply = (await call(sim.baseUrl, 'paymentLink', body, options)).json();
    expect(reply).toMatchObject({ code: '8000', msg, success: false, data: null });
    expect(sim.orders()).toEqual([]);
    expect(sim.paymentLinkCalls('R-1')).toEqual({ received: 1, accepted: 0, rejected: 1 });
  });

  it('rejects a decimal JSON amount as a sign error (it cannot be signed) and creates nothing', async () => {
    const body = createBody('R-2', { amount: 100.5 });
    const reply = (await call(sim.baseUrl, 'paymentLink', body, { sign: '0'.repeat(32) })).json();
    expect(reply.code).toBe('8000');
    expect(sim.orders()).toEqual([]);
  });

  it('rejects a duplicate tradeNo, counts it, and keeps the first order', async () => {
    await call(sim.baseUrl, 'paymentLink', createBody('D-1'));
    const first = sim.order('D-1');
    const reply = (await call(sim.baseUrl, 'paymentLink', createBody('D-1', { amount: 99_000 }))).json();
    expect(reply).toMatchObject({ code: '8000', msg: 'tradeNo already exists', data: null });
    expect(sim.orders()).toEqual([first]);
    expect(sim.paymentLinkCalls('D-1')).toEqual({ received: 2, accepted: 1, rejected: 1 });
    expect(sim.paymentLinkCalls('never-sent')).toEqual({ received: 0, accepted: 0, rejected: 0 });
  });

  it('answers queries, and "Order does not exist" for an unknown tradeNo', async () => {
    await call(sim.baseUrl, 'paymentLink', createBody('Q-1'));
    const found = (await call(sim.baseUrl, 'queryPayInResult', { tradeNo: 'Q-1', timestamp: '1' })).json();
    expect(found.data).toEqual({
      tradeNo: 'Q-1',
      platFormTradeNo: sim.order('Q-1')?.platFormTradeNo,
      amount: '0',
      status: '0015',
      message: 'Paying',
    });
    const missing = (await call(sim.baseUrl, 'queryPayInResult', { tradeNo: 'Q-2', timestamp: '1' })).json();
    expect(missing).toMatchObject({ code: '8000', msg: 'Order does not exist', data: null });
    const unsigned = (await call(sim.baseUrl, 'queryPayInResult', { tradeNo: 'Q-1', timestamp: '1' }, { secret: 'x' })).json();
    expect(unsigned).toMatchObject({ code: '8000', msg: 'sign error' });
  });

  it('answers queryBalance with the documented typo and grows with paid orders', async () => {
    expect((await call(sim.baseUrl, 'queryBalance', { timestamp: '1' })).json().data).toEqual({
      availablAmount: '10000000.00',
      freezeAmount: '0.00',
    });
    await call(sim.baseUrl, 'paymentLink', createBody('B-1'));
    sim.settle('B-1', 'paid');
    expect((await call(sim.baseUrl, 'queryBalance', { timestamp: '1' })).json().data?.availablAmount).toBe('10025000.00');
  });

  it('answers HTTP errors for wrong paths, methods, content types and bodies', async () => {
    const url = `${sim.baseUrl}/v1/paypro/queryBalance`;
    expect((await fetch(`${sim.baseUrl}/v1/paypro/payOut`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(url, { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
    const bad = { method: 'POST', headers: { 'Content-Type': 'application/json' } };
    expect((await fetch(url, { ...bad, body: '{not json' })).status).toBe(400);
    expect((await fetch(url, { ...bad, body: '[1]' })).status).toBe(400);
    expect(sim.requests()).toEqual([]);
  });

  it('records every gateway request with its merchant header, body, attempt and code', async () => {
    await call(sim.baseUrl, 'paymentLink', createBody('L-1'));
    await call(sim.baseUrl, 'paymentLink', createBody('L-1'));
    await call(sim.baseUrl, 'queryBalance', { timestamp: '1' });
    expect(sim.requests().map((r) => [r.endpoint, r.tradeNo, r.attempt, r.code, r.merchantNo, r.fault])).toEqual([
      ['paymentLink', 'L-1', 1, '0000', MERCHANT, null],
      ['paymentLink', 'L-1', 2, '8000', MERCHANT, null],
      ['queryBalance', null, 1, '0000', MERCHANT, null],
    ]);
    expect(sim.requests()[0]?.body).toMatchObject({ tradeNo: 'L-1', amount: 25_000 });
  });

  it('serves a cashier page for an order', async () => {
    const data = (await call(sim.baseUrl, 'paymentLink', createBody('C-<1>'))).json().data;
    const page = await fetch(String(data?.paymentUrl));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('C-&#60;1&#62; — Rp 25000 — 0015 Paying');
    expect((await fetch(`http://127.0.0.1:${sim.port}/cashier/unknown`)).status).toBe(404);
  });

  it('closes with keep-alive connections open', async () => {
    await call(sim.baseUrl, 'queryBalance', { timestamp: '1' });
    await sim.close();
    await expect(fetch(`${sim.baseUrl}/v1/paypro/queryBalance`, { method: 'POST' })).rejects.toThrow(TypeError);
  });
});
