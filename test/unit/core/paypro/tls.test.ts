import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPayproClient } from '../../../../electron/core/paypro/client.ts';
import { GatewayError } from '../../../../electron/core/paypro/gateway.ts';
import { createMerchantSigner } from '../../../../electron/core/paypro/sign.ts';

// A gateway on 127.0.0.1 with a self-signed certificate (test/fixtures/tls, made by
// scripts/make-test-tls-cert.sh): the client must refuse it. Nothing in the repo may switch TLS
// checks off to make such a server "work" — the pos/no-tls-bypass lint rule enforces that.
const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/tls');
const cert = readFileSync(path.join(fixtures, 'self-signed.crt'));
const key = readFileSync(path.join(fixtures, 'self-signed.key'));

let server: Server;
let requests = 0;
let baseUrl: string;

beforeAll(async () => {
  server = createServer({ cert, key }, (_request, response) => {
    requests += 1;
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: '0000', data: {} }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/indonesia-pay`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('TLS', () => {
  it('is a working https server for a client that trusts its certificate explicitly', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      get(`${baseUrl}/v1/paypro/queryBalance`, { ca: cert }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(status).toBe(200);
  });

  it('the Paypro client refuses a self-signed certificate with a network GatewayError', async () => {
    const before = requests;
    const client = createPayproClient({ baseUrl, signer: createMerchantSigner('8729248847', 'tls-test-secret'), timeoutMs: 5_000 });
    const error = await client.queryBalance().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).kind).toBe('network');
    expect((error as GatewayError).message).toMatch(/SELF_SIGNED|self.signed|certificate/i);
    // The handshake failed: no request (and so no signed body) reached the server.
    expect(requests).toBe(before);
  });

  it('the process does not carry the TLS-rejection override', () => {
    expect(process.env[['NODE', 'TLS', 'REJECT', 'UNAUTHORIZED'].join('_')]).toBeUndefined();
  });
});
