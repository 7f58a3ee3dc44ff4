import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPayproClient } from '../../../../electron/core/paypro/client.ts';
import type { PaymentLinkRequest, PayproGateway } from '../../../../electron/core/paypro/gateway.ts';
import { createMerchantSigner } from '../../../../electron/core/paypro/sign.ts';
import { startSimulator, type Simulator } from '../../../../electron/core/simulator/server.ts';
import { failure } from './gateway-failure.ts';

const MERCHANT = '8729248847';
const SECRET = 'test-secret';
const NOW = 1_700_000_000_000;
const signer = createMerchantSigner(MERCHANT, SECRET);

let sim: Simulator;
let client: PayproGateway;

function sale(tradeNo: string, extra: Partial<PaymentLinkRequest> = {}): PaymentLinkRequest {
  return {
    tradeNo,
    amount: 50_000,
    mobile: '081234567890',
    email: 'budi@example.com',
    username: 'Budi',
    notifyUrl: 'https://example.com/notify',
    ...extra,
  };
}

beforeEach(async () => {
  sim = await startSimulator({ merchantNo: MERCHANT, secret: SECRET });
  client = createPayproClient({ baseUrl: sim.baseUrl, signer, timeoutMs: 300, now: () => NOW });
});
afterEach(() => sim.close());

describe('createPayproClient against the simulator', () => {
  it('creates a payment link and returns the QRIS', async () => {
    const result = await client.createPaymentLink(sale('T-1'));
    expect(result).toMatchObject({ tradeNo: 'T-1', status: '0015', desc: 'Paying' });
    expect(result.platformTradeNo).toMatch(/^[0-9a-f]{16}$/);
    expect(result.paymentUrl).toBe(`${sim.baseUrl.replace('/indonesia-pay', '')}/cashier/${result.platformTradeNo}`);
    expect(result.qrString).toMatch(/^000201010212/);
  });

  it('sends a signed body: timestamp as text, integer amount, QRIS by default, no empty fields', async () => {
    await client.createPaymentLink(sale('T-2', { remark: '', returnUrl: undefined }));
    const [request] = sim.requests();
    expect(request?.merchantNo).toBe(MERCHANT);
    const body = request?.body ?? {};
    expect(body.timestamp).toBe(String(NOW));
    expect(body.amount).toBe(50_000);
    expect(body.channelCode).toBe('QRIS');
    expect(Object.keys(body).sort()).toEqual(
      ['amount', 'channelCode', 'email', 'mobile', 'notifyUrl', 'sign', 'timestamp', 'tradeNo', 'username'],
    );
    expect(signer.verify(body)).toBe(true);
  });

  it('passes optional fields through and keeps an explicit channel', async () => {
    await client.createPaymentLink(sale('T-3', { channelCode: 'EWALLET', wayCode: 'DANA', remark: 'meja 4' }));
    expect(sim.requests()[0]?.body).toMatchObject({ channelCode: 'EWALLET', wayCode: 'DANA', remark: 'meja 4' });
  });

  it('refuses a non-whole or non-positive amount before sending anything', async () => {
    await expect(client.createPaymentLink(sale('T-4', { amount: 1000.5 }))).rejects.toThrow(RangeError);
    await expect(client.createPaymentLink(sale('T-4', { amount: 0 }))).rejects.toThrow(RangeError);
    expect(sim.requests()).toHaveLength(0);
  });

  it('queries a payment while processing, then paid and partial', async () => {
    await client.createPaymentLink(sale('T-5'));
    expect(await client.queryPayIn('T-5')).toMatchObject({ status: '0015', paidAmount: 0, successTime: null });
    sim.settle('T-5', 'paid');
    const paid = await client.queryPayIn('T-5');
    expect(paid).toMatchObject({ tradeNo: 'T-5', status: '0000', paidAmount: 50_000, message: 'SUCCESS' });
    expect(paid.successTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    await client.createPaymentLink(sale('T-6'));
    sim.settle('T-6', 'partial', { paidAmount: 20_000 });
    expect(await client.queryPayIn('T-6')).toMatchObject({ status: '0001', paidAmount: 20_000 });
  });

  it('reads the balance', async () => {
    expect(await client.queryBalance()).toEqual({ available: '10000000.00', frozen: '0.00' });
    expect(signer.verify(sim.requests()[0]?.body ?? {})).toBe(true);
  });

  it('maps an unknown order to not_found, whose outcome is known', async () => {
    const error = await failure(client.queryPayIn('NOPE'));
    expect(error).toMatchObject({ kind: 'not_found', gatewayCode: '8000', gatewayMessage: 'Order does not exist' });
    expect(error.outcomeUnknown).toBe(false);
  });

  it('maps a duplicate tradeNo to rejected and does not create a second order', async () => {
    await client.createPaymentLink(sale('T-7'));
    const error = await failure(client.createPaymentLink(sale('T-7', { amount: 99_000 })));
    expect(error).toMatchObject({ kind: 'rejected', gatewayCode: '8000', gatewayMessage: 'tradeNo already exists' });
    expect(error.outcomeUnknown).toBe(false);
    expect(sim.orders().map((o) => o.amount)).toEqual([50_000]);
  });

  it('maps a wrong secret to rejected "sign error" and never shows the secret or sign', async () => {
    const wrong = createPayproClient({ baseUrl: sim.baseUrl, signer: createMerchantSigner(MERCHANT, 'other-secret') });
    const error = await failure(wrong.createPaymentLink(sale('T-8')));
    expect(error).toMatchObject({ kind: 'rejected', gatewayMessage: 'sign error' });
    const sent = String(sim.requests()[0]?.body.sign);
    for (const text of [error.message, JSON.stringify(error), String(error.stack)]) {
      expect(text).not.toContain('other-secret');
      expect(text).not.toContain(sent);
    }
  });

  it('treats an order created behind a dropped connection as network, outcome unknown — and it exists', async () => {
    sim.injectFault({ endpoint: 'paymentLink' }, { kind: 'drop_after_read' });
    const error = await failure(client.createPaymentLink(sale('T-9')));
    expect(error.kind).toBe('network');
    expect(error.outcomeUnknown).toBe(true);
    expect(await client.queryPayIn('T-9')).toMatchObject({ status: '0015' });
  });

  it('reports network for a connection dropped before processing, and nothing was created', async () => {
    sim.injectFault({ endpoint: 'paymentLink' }, { kind: 'drop_before_process' });
    expect((await failure(client.createPaymentLink(sale('T-10')))).kind).toBe('network');
    expect((await failure(client.queryPayIn('T-10'))).kind).toBe('not_found');
  });

  it('reports http 500 as outcome unknown', async () => {
    sim.injectFault({ endpoint: 'paymentLink' }, { kind: 'http500' });
    const error = await failure(client.createPaymentLink(sale('T-11')));
    expect(error).toMatchObject({ kind: 'http', httpStatus: 500 });
    expect(error.outcomeUnknown).toBe(true);
  });

  it('reports an HTML page as malformed', async () => {
    sim.injectFault({ endpoint: 'queryBalance' }, { kind: 'non_json' });
    const error = await failure(client.queryBalance());
    expect(error.kind).toBe('malformed');
    expect(error.outcomeUnknown).toBe(true);
  });

  it('times out on a late answer (the order exists) and on a body that stalls halfway', async () => {
    sim.injectFault({ tradeNo: 'T-12', attempt: 1 }, { kind: 'slow', delayMs: 1_000 });
    const started = performance.now();
    const late = await failure(client.createPaymentLink(sale('T-12')));
    expect(late.kind).toBe('timeout');
    expect(late.outcomeUnknown).toBe(true);
    expect(performance.now() - started).toBeLessThan(900);
    expect(sim.order('T-12')?.status).toBe('0015');

    sim.injectFault({ endpoint: 'queryPayInResult' }, { kind: 'slow_body', delayMs: 1_000 });
    expect((await failure(client.queryPayIn('T-12'))).kind).toBe('timeout');
  });

  it('reports a refused connection as network', async () => {
    const baseUrl = sim.baseUrl;
    await sim.close();
    const error = await failure(createPayproClient({ baseUrl, signer, timeoutMs: 300 }).queryBalance());
    expect(error.kind).toBe('network');
    sim = await startSimulator({ merchantNo: MERCHANT, secret: SECRET }); // for afterEach
  });
});
