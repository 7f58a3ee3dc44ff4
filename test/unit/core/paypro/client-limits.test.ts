import { afterEach, describe, expect, it } from 'vitest';
import { createPayproClient, MAX_ANSWER_BYTES } from '../../../../electron/core/paypro/client.ts';
import { GatewayError } from '../../../../electron/core/paypro/gateway.ts';
import { createMerchantSigner } from '../../../../electron/core/paypro/sign.ts';
import { parseQris } from '../../../../shared/qris/parse.ts';
import { qris } from '../../shared/qris/fixtures.ts';
import { json, startScriptedServer, type Answer, type ScriptedServer } from './scripted-server.ts';

// What the network may send that the screen and the ledger must not take as it is (issue 14, item 8).
const signer = createMerchantSigner('8729248847', 'test-secret');
let server: ScriptedServer | undefined;
afterEach(() => server?.close());

async function clientFor(answer: Answer) {
  server = await startScriptedServer(answer);
  return createPayproClient({ baseUrl: server.baseUrl, signer, timeoutMs: 5_000 });
}

const request = { tradeNo: 'T-1', amount: 15_000, mobile: '081234567890', email: 'a@b.id', username: 'x', notifyUrl: 'https://n.example/' };
const created = (qrString: string) => ({
  msg: 'success',
  code: '0000',
  data: { tradeNo: 'T-1', platFormTradeNo: 'p1', status: '0015', desc: 'Paying', paymentUrl: 'https://pay.example/x', qrString },
});

async function failureOf(run: Promise<unknown>): Promise<GatewayError> {
  const error = await run.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe('answer size', () => {
  it('stops reading a 10 MB answer sent in chunks and treats the create as outcome unknown', async () => {
    let written = 0;
    const client = await clientFor((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' }); // no Content-Length: chunked
      const text = JSON.stringify(created('0'.repeat(10 * 1024 * 1024)));
      const step = 64 * 1024;
      const writeMore = () => {
        while (written < text.length) {
          const chunk = text.slice(written, written + step);
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', writeMore);
        }
        res.end();
      };
      writeMore();
    });
    const error = await failureOf(client.createPaymentLink(request));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain(`larger than ${MAX_ANSWER_BYTES} bytes`);
    expect(error.outcomeUnknown).toBe(true);
  });

  it('refuses an answer whose declared length is over the cap without reading it', async () => {
    const client = await clientFor(json(created('0'.repeat(MAX_ANSWER_BYTES))));
    const error = await failureOf(client.createPaymentLink(request));
    expect(error).toMatchObject({ kind: 'malformed' });
  });

  it('still reads an answer just under the cap', async () => {
    const filler = 'x'.repeat(MAX_ANSWER_BYTES - 400);
    const client = await clientFor(json({ ...created(qris({ '54': '15000' })), filler }));
    await expect(client.createPaymentLink(request)).resolves.toMatchObject({ status: '0015' });
  });
});

describe('gateway text shown to people', () => {
  it('drops bidi and control characters from msg, desc and message', async () => {
    const refused = await clientFor(json({ code: '8000', msg: 'bad \u202Egnp.exe\u0007 request' }));
    const error = await failureOf(refused.createPaymentLink(request));
    expect(error.gatewayMessage).toBe('bad gnp.exe  request');
    await server?.close();

    const accepted = await clientFor(json({ ...created(qris({ '54': '15000' })), data: { ...created('').data, qrString: qris({ '54': '15000' }), desc: 'Pay\u2066ing\u2069\n' } }));
    expect((await accepted.createPaymentLink(request)).desc).toBe('Paying ');
    await server?.close();

    const query = await clientFor(json({ code: '0000', data: { tradeNo: 'T-1', status: '0002', message: '\u202Dfailed\u200B' } }));
    expect((await query.queryPayIn('T-1')).message).toBe('failed');
  });

  it('shows a QRIS merchant name without its bidi override (gnp.exe must not read exe.png)', () => {
    const parsed = parseQris(qris({ '59': 'TOKO \u202Egnp.exe' }));
    expect(parsed.ok && parsed.value.merchantNameDisplay).toBe('TOKO gnp.exe');
  });
});

describe('require signed answers', () => {
  const queryData = { tradeNo: 'T-1', platFormTradeNo: 'p1', status: '0000', amount: '15000' };
  const signedClient = async (data: Record<string, unknown>, requireSignedAnswers: boolean) => {
    server = await startScriptedServer(json({ code: '0000', msg: 'success', data }));
    return createPayproClient({ baseUrl: server.baseUrl, signer, timeoutMs: 5_000, requireSignedAnswers });
  };

  it('refuses an unsigned answer when required, and accepts it when not (Paypro documents none)', async () => {
    const strict = await signedClient(queryData, true);
    expect(await failureOf(strict.queryPayIn('T-1'))).toMatchObject({ kind: 'bad_signature', outcomeUnknown: true });
    await server?.close();
    const lenient = await signedClient(queryData, false);
    await expect(lenient.queryPayIn('T-1')).resolves.toMatchObject({ status: '0000', paidAmount: 15_000 });
  });

  it('accepts a correctly signed answer when required, and refuses a wrong sign either way', async () => {
    const strict = await signedClient({ ...queryData, sign: signer.sign(queryData) }, true);
    await expect(strict.queryPayIn('T-1')).resolves.toMatchObject({ status: '0000' });
    await server?.close();
    const forged = await signedClient({ ...queryData, sign: 'f'.repeat(32) }, false);
    expect(await failureOf(forged.queryPayIn('T-1'))).toMatchObject({ kind: 'bad_signature' });
  });
});
