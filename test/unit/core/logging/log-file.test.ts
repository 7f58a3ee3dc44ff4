import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import log from 'electron-log/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppLogger } from '../../../../electron/core/logging/log.ts';
import { clearRegisteredSecrets } from '../../../../electron/core/logging/redact.ts';
import { createPayproClient } from '../../../../electron/core/paypro/client.ts';
import { GatewayError } from '../../../../electron/core/paypro/gateway.ts';
import { createMerchantSigner } from '../../../../electron/core/paypro/sign.ts';

// A real log file, written by electron-log's file transport (the same logger and hook main uses,
// through its Node entry), holding a charge with a real customer, a signed request the gateway
// refused, and the secret: none of them may be readable in the file.
const SECRET = 'Zq8v-live-secret-7731';
const MOBILE = '081234567890';
const EMAIL = 'budi.santoso@example.co.id';

let dir: string;
let server: Server;
let received: Record<string, unknown> | null = null;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pos-log-'));
  // The gateway answers 502 after reading the signed body.
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      received = JSON.parse(body) as Record<string, unknown>;
      response.writeHead(502).end('bad gateway');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});

afterAll(async () => {
  server.close();
  clearRegisteredSecrets();
  await rm(dir, { recursive: true, force: true });
});

/** electron-log writing to `<name>.log` in the temp folder, through the app's logger (as main sets it up). */
function fileLogger(name: string) {
  const file = path.join(dir, `${name}.log`);
  const fileLog = log.create({ logId: `${name}-test` });
  fileLog.transports.file.resolvePathFn = () => file;
  fileLog.transports.file.level = 'info';
  fileLog.transports.console.level = false;
  return { file, fileLog, logger: createAppLogger(fileLog) };
}

describe('the log file', () => {
  it('holds the events but never the secret, a sign, a full mobile or a full email', async () => {
    const { file, fileLog, logger } = fileLogger('main');

    const signer = createMerchantSigner('8729248847', SECRET);
    const { port } = server.address() as AddressInfo;
    const client = createPayproClient({ baseUrl: `http://127.0.0.1:${port}/indonesia-pay`, signer, timeoutMs: 5_000 });
    const charge = {
      tradeNo: '20260315101500A1B2C3D4',
      amount: 150_000,
      mobile: MOBILE,
      email: EMAIL,
      username: 'Budi Santoso',
      notifyUrl: 'https://example.invalid/notify',
    };
    logger.info('Charge started', { charge });
    const error = await client.createPaymentLink(charge).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayError);
    const sign = String(received!.sign);
    expect(sign.length).toBeGreaterThan(8);
    // What a careless call site might log: the request as sent, the signer, the error with its cause.
    logger.error('Paypro paymentLink failed', { request: received, rawBody: JSON.stringify(received), signer, error });
    logger.warn(`Retrying with secret ${SECRET} for ${MOBILE} <${EMAIL}> sign=${sign}`);
    fileLog.error(new Error(`direct electron-log call leaking ${SECRET}`, { cause: { mobile: MOBILE } }));

    const text = await readFile(file, 'utf8');
    expect(text).toContain('Charge started');
    expect(text).toContain('Paypro paymentLink failed');
    expect(text).toContain('HTTP 502');
    expect(text).toContain('*********890');
    expect(text).toContain('b***@example.co.id');
    for (const leak of [SECRET, sign, MOBILE, '6281234567890', EMAIL, 'budi.santoso@']) expect(text).not.toContain(leak);
  });

  // Issue 21, item 5: the gateway's code reached the log with CR/LF, ESC and bidi; a log line could be forged.
  it('lets no message or context forge a log line: controls and bidi escaped whatever their source', async () => {
    const { file, logger } = fileLogger('forge');
    const forged = 'rejected\r\n[2026-03-15 10:15:00.000] [info]  Charge paid in full\u001b[2J\u202egnp.exe';
    logger.warn(`Paypro answered ${forged}`, { gatewayCode: forged, [`k\ney`]: 1 });
    logger.error('failed', { error: new Error(forged) });

    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.some((line) => /^\[2026-03-15/.test(line))).toBe(false);
    const text = lines.join('\n');
    expect(text.replaceAll('\n', '')).not.toMatch(/[\p{Cc}\u202e]/u);
    expect(text).toContain('rejected\\r\\n[2026-03-15');
    expect(text).toContain('\\u001b[2J\\u202egnp.exe');
  });
});
