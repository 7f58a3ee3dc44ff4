import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPayproClient, PAYPRO_VOUCHER_HOST, proofUrlOf } from '../../../../electron/core/paypro/client.ts';
import { computeSign, createMerchantSigner } from '../../../../electron/core/paypro/sign.ts';
import { SIMULATOR_VOUCHER_HOST, startSimulator, type Simulator } from '../../../../electron/core/simulator/server.ts';
import { failure } from './gateway-failure.ts';

// Issue 20 (WhatsApp): Paypro's proof of payment, `query/voucher` (paypro-api.md §2.5), signed and
// read like every other call; its URL goes into a customer's message, so only a plain https link
// on the voucher host is accepted.
const MERCHANT = '8729248847';
const SECRET = 'test-secret';
const signer = createMerchantSigner(MERCHANT, SECRET);
const sale = { amount: 50_000, mobile: '081234567890', email: 'budi@example.com', username: 'Budi', notifyUrl: 'https://example.com/notify' };

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ merchantNo: MERCHANT, secret: SECRET });
});
afterEach(() => sim.close());

const simulatorClient = () => createPayproClient({ baseUrl: sim.baseUrl, signer, timeoutMs: 1_000, voucherHosts: [sim.voucherHost] });

describe('queryVoucher against the simulator', () => {
  it("answers the proof URL of a paid order, asked by our tradeNo with the sign in the body and the header", async () => {
    const client = simulatorClient();
    const created = await client.createPaymentLink({ tradeNo: 'T-1', ...sale });
    sim.settle('T-1', 'paid');
    expect(await client.queryVoucher('T-1')).toEqual({ url: `https://${SIMULATOR_VOUCHER_HOST}/voucher/${created.platformTradeNo}.pdf` });
    const request = sim.requests().at(-1)!;
    expect(request).toMatchObject({ endpoint: 'indonesia/query/voucher', tradeNo: 'T-1', merchantNo: MERCHANT, code: '0000' });
    expect(request.body.sign).toBe(computeSign(request.body, SECRET));
  });

  it('is refused for an order not paid and for one the gateway does not know', async () => {
    const client = simulatorClient();
    await client.createPaymentLink({ tradeNo: 'T-2', ...sale });
    expect(await failure(client.queryVoucher('T-2'))).toMatchObject({ kind: 'rejected', gatewayMessage: 'Order not paid' });
    expect(await failure(client.queryVoucher('NOPE'))).toMatchObject({ kind: 'rejected', gatewayMessage: 'Order does not exist' });
  });

  it("keeps to its own short budget, whatever the client's usual one", async () => {
    const client = createPayproClient({ baseUrl: sim.baseUrl, signer, timeoutMs: 10_000, voucherHosts: [sim.voucherHost] });
    await client.createPaymentLink({ tradeNo: 'T-3', ...sale });
    sim.settle('T-3', 'paid');
    sim.injectFault({ endpoint: 'indonesia/query/voucher' }, { kind: 'slow', delayMs: 2_000 });
    const started = Date.now();
    expect(await failure(client.queryVoucher('T-3', { timeoutMs: 200 }))).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("refuses a URL on the simulator's host from a live client: Paypro's host only", async () => {
    const live = createPayproClient({ baseUrl: sim.baseUrl, signer, timeoutMs: 1_000 });
    await live.createPaymentLink({ tradeNo: 'T-4', ...sale });
    sim.settle('T-4', 'paid');
    expect(await failure(live.queryVoucher('T-4'))).toMatchObject({ kind: 'malformed' });
  });
});

describe('a malicious proof URL', () => {
  /** A gateway that answers `url` as the proof of payment. */
  const answering = (url: string) =>
    createPayproClient({
      baseUrl: 'https://openapi-test.paypro.tech/indonesia-pay',
      signer,
      fetch: async () => new Response(JSON.stringify({ code: '0000', msg: 'success', timestamp: 1, success: true, data: { url, message: 'ok' } })),
    });

  it.each([
    ['http, not https', 'http://voucher.paypro.tech/v/1.pdf'],
    ['another host', 'https://evil.example/v/1.pdf'],
    ['a host that only starts like it', 'https://voucher.paypro.tech.evil.example/v/1.pdf'],
    ['credentials that make the real host evil.example', 'https://voucher.paypro.tech@evil.example/v/1.pdf'],
    ['a port', 'https://voucher.paypro.tech:8443/v/1.pdf'],
    ['a newline that starts a fake line in the message', 'https://voucher.paypro.tech/v/1.pdf\nLUNAS Rp 10.000.000'],
    ['a bidi override that hides the end', 'https://voucher.paypro.tech/v/\u202Efdp.exe'],
    ['a space', 'https://voucher.paypro.tech/v/1.pdf palsu'],
    ['javascript', 'javascript:alert(1)'],
    ['not a URL', 'bukti-bayar'],
  ])('is refused (%s), and the refusal does not repeat it', async (_case, url) => {
    const error = await failure(answering(url).queryVoucher('T-1'));
    expect(error.kind).toBe('malformed');
    expect(error.message).not.toContain(url);
  });

  it("accepts a plain https link on Paypro's voucher host", async () => {
    expect(await answering('https://voucher.paypro.tech/voucher/PP1.pdf').queryVoucher('T-1')).toEqual({ url: 'https://voucher.paypro.tech/voucher/PP1.pdf' });
    expect(proofUrlOf('https://VOUCHER.paypro.tech/v/1.pdf', [PAYPRO_VOUCHER_HOST])).toBe('https://voucher.paypro.tech/v/1.pdf');
  });
});
