import { afterEach, describe, expect, it } from 'vitest';
import { createPayproClient } from '../../../../electron/core/paypro/client.ts';
import { createMerchantSigner } from '../../../../electron/core/paypro/sign.ts';
import { json, startScriptedServer, type Answer, type ScriptedServer } from './scripted-server.ts';
import { failure } from './gateway-failure.ts';

// Answers the simulator never gives: odd envelopes, signed data, bad statuses, cut connections.
const signer = createMerchantSigner('8729248847', 'test-secret');
let server: ScriptedServer | undefined;
afterEach(() => server?.close());

async function clientFor(answer: Answer, timeoutMs = 300) {
  server = await startScriptedServer(answer);
  return createPayproClient({ baseUrl: `${server.baseUrl}/`, signer, timeoutMs });
}

const ok = (data: unknown) => ({ msg: 'success', code: '0000', timestamp: 1728609277476, success: true, data });
const query = (data: Record<string, unknown>) =>
  ok({ tradeNo: 'T-1', platFormTradeNo: 'p1', status: '0000', message: 'SUCCESS', ...data });

describe('envelope leniency', () => {
  it('accepts timestamp and success as strings, and joins the path onto a trailing-slash base', async () => {
    const client = await clientFor((req, res, body) => {
      expect(req.url).toBe('/indonesia-pay/v1/paypro/queryBalance');
      json({ msg: 'success', code: '0000', timestamp: String(body.timestamp), success: 'true', data: { availableAmount: 1200, freezeAmount: 0 } })(req, res, body);
    });
    expect(await client.queryBalance()).toEqual({ available: '1200', frozen: '0' });
  });

  it.each([
    ['30000', 30000],
    [30000, 30000],
    ['30000.00', 30000],
    [' 30000.0 ', 30000],
    ['30.000', null],
    ['30000.50', null],
    [30000.5, null],
    ['-5', null],
    ['Rp 30.000', null],
    ['1e5', null],
  ])('reads the paid amount %j as %j', async (amount, expected) => {
    const client = await clientFor(json(query({ amount })));
    expect((await client.queryPayIn('T-1')).paidAmount).toBe(expected);
  });

  it.each(['10000.5', '9.999', '9999.99', 'Rp\u202e10.000'])('keeps the unreadable amount %j beside a null paid amount', async (amount) => {
    const client = await clientFor(json(query({ amount })));
    const answer = await client.queryPayIn('T-1');
    expect(answer.paidAmount).toBeNull();
    expect(answer.unreadableAmount).toBe(amount.replace('\u202e', ''));
  });

  it('reports no unreadable amount when every amount field is absent', async () => {
    const client = await clientFor(json(query({})));
    expect(await client.queryPayIn('T-1')).toMatchObject({ paidAmount: null, unreadableAmount: null });
  });

  it('takes the amount from payAmount, receivedAmount or orderAmount when amount is absent', async () => {
    let answer: Record<string, unknown> = { payAmount: 25000.0 };
    const client = await clientFor((req, res, body) => json(query(answer))(req, res, body));
    expect((await client.queryPayIn('T-1')).paidAmount).toBe(25000);
    answer = { receivedAmount: '26000', orderAmount: '50000' };
    expect((await client.queryPayIn('T-1')).paidAmount).toBe(26000);
    answer = { orderAmount: '50000.00', successTime: 1719833671000 };
    expect(await client.queryPayIn('T-1')).toMatchObject({ paidAmount: 50000, successTime: '1719833671000' });
    answer = { platFormTradeNo: null, tradeNo: undefined };
    expect(await client.queryPayIn('T-1')).toMatchObject({ tradeNo: 'T-1', platformTradeNo: null, paidAmount: null });
  });

  it('accepts data with a sign that verifies', async () => {
    const data = { availablAmount: '5000.00', freezeAmount: '0.00' };
    const client = await clientFor(json(ok({ ...data, sign: signer.sign(data) })));
    expect(await client.queryBalance()).toEqual({ available: '5000.00', frozen: '0.00' });
  });
});

describe('malformed answers', () => {
  it.each([
    ['plain text', (_req, res) => res.end('OK')],
    ['a JSON array', json([1, 2])],
    ['no code', json({ msg: 'success', data: {} })],
    ['a numeric code (leading zeros lost)', json({ msg: 'success', code: 0, data: {} })],
    ['a numeric status', json(query({ status: 15 }))],
    ['no data', json({ msg: 'success', code: '0000' })],
    ['data about another order', json(query({ tradeNo: 'T-2' }))],
  ] satisfies [string, Answer][])('reports %s as malformed, outcome unknown', async (_name, answer) => {
    const client = await clientFor(answer);
    const error = await failure(client.queryPayIn('T-1'));
    expect(error.kind).toBe('malformed');
    expect(error.outcomeUnknown).toBe(true);
  });

  it('rejects a create answer without platFormTradeNo', async () => {
    const client = await clientFor(json(ok({ tradeNo: 'T-1', status: '0015' })));
    const request = { tradeNo: 'T-1', amount: 1000, mobile: '0812345678', email: 'a@b.co', username: 'A', notifyUrl: 'https://x.id/n' };
    expect((await failure(client.createPaymentLink(request))).kind).toBe('malformed');
  });
});

describe('gateway ids (printed on receipts: no printer commands)', () => {
  const createRequest = { tradeNo: 'T-1', amount: 1000, mobile: '0812345678', email: 'a@b.co', username: 'A', notifyUrl: 'https://x.id/n' };

  it.each([
    ['ESC p (drawer kick)', 'PP1\u001bp\u0000\u0019\u00fa'],
    ['DLE DC4 (drawer pulse)', 'PP1\u0010\u0014\u0001\u0000\u0001'],
    ['GS V (cut)', '\u001dV\u0001PP1'],
    ['a C1 control', 'PP1\u009b'],
    ['a space', 'PP 1'],
    ['a quote', 'PP"1'],
    ['65 characters', 'P'.repeat(65)],
  ])('refuses a platFormTradeNo with %s as malformed, in a create and in a query', async (_name, id) => {
    const client = await clientFor((req, res, body) =>
      json(ok({ tradeNo: 'T-1', platFormTradeNo: id, status: body.amount === undefined ? '0000' : '0015' }))(req, res, body),
    );
    expect((await failure(client.createPaymentLink(createRequest))).kind).toBe('malformed');
    expect((await failure(client.queryPayIn('T-1'))).kind).toBe('malformed');
  });

  it('drops bidi and zero-width characters from an id like from every gateway string', async () => {
    const client = await clientFor(json(query({ platFormTradeNo: '\u202ePP\u200b12\u2066' })));
    expect((await client.queryPayIn('T-1')).platformTradeNo).toBe('PP12');
  });

  it('refuses a tradeNo carrying control bytes even when the rest matches', async () => {
    const client = await clientFor(json(query({ tradeNo: 'T-1\u001b@' })));
    expect((await failure(client.queryPayIn('T-1'))).kind).toBe('malformed');
  });
});

describe('signed answers', () => {
  it.each([
    ['a wrong sign', { status: '0000', sign: '0'.repeat(32) }],
    ['a sign over other values', { status: '0000', amount: '99999', sign: signer.sign({ status: '0000', amount: '1' }) }],
    ['an unsignable decimal', { status: '0000', amount: 1.5, sign: 'abc' }],
  ])('reports %s as bad_signature', async (_name, data) => {
    const client = await clientFor(json(query(data)));
    const error = await failure(client.queryPayIn('T-1'));
    expect(error.kind).toBe('bad_signature');
    expect(error.outcomeUnknown).toBe(true);
  });
});

describe('rejections', () => {
  it('keeps the gateway code and message; 5000 means outcome unknown', async () => {
    const client = await clientFor(json({ msg: 'system exception', code: '5000', timestamp: 1, success: false, data: null }));
    const error = await failure(client.queryBalance());
    expect(error).toMatchObject({ kind: 'rejected', gatewayCode: '5000', gatewayMessage: 'system exception', httpStatus: 200 });
    expect(error.outcomeUnknown).toBe(true);
  });

  // Issue 21, item 5: the envelope code reached the log and the cashier's detail uncleaned.
  it('cleans control and bidi characters from a rejection code like from its message', async () => {
    const client = await clientFor(json({ msg: 'no\u202e', code: '50\r\n01\u001b[2J\u202e', success: false, data: null }));
    const error = await failure(client.queryBalance());
    expect(error.gatewayCode).toBe('50  01 [2J');
    expect(error.message).not.toMatch(/[\p{Cc}\u202e]/u);
  });

  it.each(['Order does not exist', 'order not found', 'ORDER NOTEXIST'])('reads a query rejected with %j as not_found', async (msg) => {
    const client = await clientFor(json({ msg, code: '8000', success: false, data: null }));
    expect((await failure(client.queryPayIn('T-1'))).kind).toBe('not_found');
  });

  // Issue 20 #1: "merchant not found" once read as "this order does not exist" booked a paid sale
  // as never created. A refusal about the merchant, the key or the sign is no answer about the order.
  it.each(['merchant not found', 'Merchant does not exist', 'merchantNo error', 'sign error', 'secret key not found'])(
    'keeps a query rejected with %j as rejected: the gateway could not look the order up',
    async (msg) => {
      const client = await clientFor(json({ msg, code: '8000', success: false, data: null }));
      const error = await failure(client.queryPayIn('T-1'));
      expect(error).toMatchObject({ kind: 'rejected', gatewayMessage: msg });
      expect(error.outcomeUnknown).toBe(false);
    },
  );

  it('keeps other query rejections, and "not exist" outside queries, as rejected', async () => {
    const client = await clientFor((req, res, body) =>
      json({ msg: body.tradeNo === undefined ? 'merchant does not exist' : 'sign error', code: '8000', data: null })(req, res, body),
    );
    expect((await failure(client.queryPayIn('T-1'))).kind).toBe('rejected');
    expect((await failure(client.queryBalance())).kind).toBe('rejected');
  });
});

describe('transport', () => {
  it.each([
    [404, false],
    [500, true],
    [502, true],
  ])('reports HTTP %i with its status (outcome unknown: %s)', async (status, unknown) => {
    const client = await clientFor(json({ error: 'x' }, status));
    const error = await failure(client.queryBalance());
    expect(error).toMatchObject({ kind: 'http', httpStatus: status });
    expect(error.outcomeUnknown).toBe(unknown);
  });

  it('reports a reset connection as network', async () => {
    const client = await clientFor((req) => req.socket.destroy());
    expect((await failure(client.queryBalance())).kind).toBe('network');
  });

  it('reports a body cut short as network', async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 500 });
      res.write('{"code":"0000",', () => res.destroy());
    });
    expect((await failure(client.queryBalance())).kind).toBe('network');
  });

  it('times out on a body that trickles in past the total timeout', async () => {
    const timers: NodeJS.Timeout[] = [];
    const client = await clientFor((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const drip = () => {
        res.write(' ');
        timers.push(setTimeout(drip, 20));
      };
      drip();
    }, 150);
    const started = performance.now();
    const error = await failure(client.queryBalance());
    timers.forEach(clearTimeout);
    expect(error.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('sends the merchant header and JSON content type', async () => {
    const client = await clientFor((req, res, body) => {
      expect(req.method).toBe('POST');
      expect(req.headers.merchantno).toBe('8729248847');
      expect(req.headers['content-type']).toBe('application/json');
      json(ok({ availablAmount: '1' }))(req, res, body);
    });
    expect(await client.queryBalance()).toEqual({ available: '1', frozen: null });
    expect(Object.keys(server?.bodies[0] ?? {}).sort()).toEqual(['sign', 'timestamp']);
  });
});
