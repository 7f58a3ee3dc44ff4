import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientConfig } from '../../../../electron/core/hq/connection.ts';
import { checkHqLogin, hqRefusal } from '../../../../electron/core/hq/hq-login-check.ts';
import { id } from '../../../../renderer/i18n/id.ts';
import { useHq, type HqFixture, type Till } from '../../../harness/hq-fixture.ts';
import { withClient } from '../../../harness/postgres.ts';
import { newPayment } from '../ledger/fixture.ts';

// A real PostgreSQL with TLS on, at 127.0.0.2: Linux routes all of 127/8 to lo, but for the till
// only localhost/127.0.0.1/::1 are this machine, so it must use verified TLS there (issue 23).
// Certificates: test/fixtures/tls (a test CA, and a server certificate for IP:127.0.0.2 and DNS:hq.test).
const fixture = (name: string): string => fileURLToPath(new URL(`../../../fixtures/tls/${name}`, import.meta.url));
const HQ_CA = readFileSync(fixture('hq-ca.crt'), 'utf8');
/** A CA that did not sign the server's certificate. */
const OTHER_CA = readFileSync(fixture('self-signed.crt'), 'utf8');
const REMOTE = '127.0.0.2';
/** Also the server's, but not an address its certificate names. */
const UNNAMED = '127.0.0.3';

/**
 * A sale in the till's ledger, then one sync that must fail and keep the sale waiting: the error,
 * what Settings says of it, and every text made of it (for the password check).
 */
async function refusedSync(till: Till): Promise<{ error: unknown; code: string; texts: string }> {
  till.ledger.record(newPayment(`R-${till.name}`, { amount: 10_000_000 }));
  const pending = till.sync.status().pending;
  const error = await till.sync.drain().then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(Error);
  expect(till.sync.status()).toMatchObject({ pending, unreachableSince: expect.any(Number) });
  const refusal = hqRefusal(error);
  const { lastError } = till.sync.status();
  const texts = [String(error), (error as Error).stack, refusal.message, JSON.stringify(refusal.toIpcError()), lastError].join('\n');
  return { error, code: refusal.code, texts };
}

async function paymentsOf(hq: HqFixture, till: Till): Promise<number> {
  const [row] = await withClient(hq.server.url, async (admin) =>
    (await admin.query<{ n: string }>('SELECT count(*) AS n FROM paypro.payments WHERE till_id = $1', [till.sync.tillId])).rows);
  return Number(row?.n);
}

describe('clientConfig: TLS settings by address', () => {
  it('names the server for SNI and verification only when it is a name; an IP is verified as such; loopback is plain', () => {
    const ssl = (url: string) => clientConfig({ url, password: 'x', ca: HQ_CA }).ssl;
    expect(ssl('postgres://till@hq.test:5432/hq')).toEqual({ rejectUnauthorized: true, servername: 'hq.test', ca: HQ_CA });
    expect(ssl('postgres://till@203.0.113.7:5432/hq')).toEqual({ rejectUnauthorized: true, ca: HQ_CA });
    expect(ssl('postgres://till@[2001:db8::7]:5432/hq')).toEqual({ rejectUnauthorized: true, ca: HQ_CA });
    expect(clientConfig({ url: 'postgres://till@[2001:db8::7]:5432/hq', password: 'x' }).host).toBe('2001:db8::7');
    for (const loopback of ['localhost', '127.0.0.1', '[::1]']) expect(ssl(`postgres://till@${loopback}/hq`)).toBe(false);
  });
});

describe('head office over TLS (real PostgreSQL with ssl=on)', () => {
  const hq = useHq({
    tls: { certFile: fixture('hq-server.crt'), keyFile: fixture('hq-server.key') },
    alsoListenOn: [REMOTE, UNNAMED],
  });
  const warnings: Error[] = [];
  const onWarning = (warning: Error): void => void warnings.push(warning);
  beforeEach(() => void process.on('warning', onWarning));
  afterEach(() => void process.off('warning', onWarning));

  it('with the server\'s CA, a till at 127.0.0.2 syncs its sales over TLS, and the server sees the connection as SSL', async () => {
    const till = await hq.till('Kasir TLS', 'Outlet A', { host: REMOTE, ca: HQ_CA });
    till.ledger.record(newPayment('T-1', { amount: 10_000_000 }));
    expect(await till.sync.drain()).toBeGreaterThan(0);
    expect(await paymentsOf(hq, till)).toBe(1);
    // The sync keeps its connection open: the server's own view of it.
    const sessions = await withClient(hq.server.url, async (admin) => (await admin.query<{ ssl: boolean; version: string }>(
      `SELECT s.ssl, s.version FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)
       WHERE a.usename = $1 AND a.application_name = 'paypro-pos-sync'`, [till.login.role])).rows);
    expect(sessions).toEqual([{ ssl: true, version: expect.stringMatching(/^TLSv1\.[23]$/) }]);

    // The Settings check over the same settings, asked of the server by the connection itself.
    const connection = { url: till.url, password: till.login.password, ca: HQ_CA };
    expect(await checkHqLogin(connection, 'till')).toEqual({ tillName: 'Kasir TLS' });
    const client = new pg.Client(clientConfig(connection));
    await client.connect();
    try {
      const { rows } = await client.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      expect(rows).toEqual([{ ssl: true }]);
    } finally {
      await client.end();
    }
    // No SNI with an IP address (RFC 6066): Node warns (DEP0123) when given one.
    expect(warnings.map((warning) => `${(warning as { code?: string }).code}: ${warning.message}`)).toEqual([]);
  });

  it('without the server\'s CA (the system\'s trust) or with another CA: refused as an untrusted certificate, nothing sent', async () => {
    for (const ca of [undefined, OTHER_CA]) {
      const till = await hq.till(`Kasir ${ca ? 'CA lain' : 'tanpa CA'}`, 'Outlet A', { host: REMOTE, ...(ca ? { ca } : {}) });
      const { code, texts } = await refusedSync(till);
      expect(code).toBe('hq.certificate');
      expect(id[`err.${code}` as keyof typeof id]).toMatch(/tidak dapat dipercaya/);
      expect(texts).not.toContain(till.login.password);
      expect(await paymentsOf(hq, till)).toBe(0);
      await expect(checkHqLogin({ url: till.url, password: till.login.password, ...(ca ? { ca } : {}) }, 'till'))
        .rejects.toMatchObject({ code: 'hq.certificate', fields: { ca: { code: 'hq.certificate' } } });
    }
  });

  it('checks the certificate names the address even with the right CA and no SNI: 127.0.0.3 is refused', async () => {
    const till = await hq.till('Kasir alamat lain', 'Outlet A', { host: UNNAMED, ca: HQ_CA });
    const { error, code, texts } = await refusedSync(till);
    expect(error).toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(code).toBe('hq.certificate');
    expect(texts).not.toContain(till.login.password);
    expect(await paymentsOf(hq, till)).toBe(0);
  });

  it('a wrong password over TLS: refused as such, and the password typed is not in any error text', async () => {
    const till = await hq.till('Kasir sandi salah', 'Outlet A', { host: REMOTE, ca: HQ_CA });
    const typed = 'salah-Sandi-9f3c1e7a';
    const error = await checkHqLogin({ url: till.url, password: typed, ca: HQ_CA }, 'till').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'hq.login_refused', fields: { password: { code: 'hq.login_refused' } } });
    const texts = [String(error), (error as Error).stack, JSON.stringify((error as { toIpcError(): unknown }).toIpcError())].join('\n');
    expect(texts).toMatch(/28P01/);
    expect(texts).not.toContain(typed);
  });
});

describe('head office without TLS at a non-loopback address (real PostgreSQL with ssl=off)', () => {
  const hq = useHq({ alsoListenOn: [REMOTE] });

  it('refuses 127.0.0.2 as "TLS required" and sends nothing; the same login works at 127.0.0.1', async () => {
    const till = await hq.till('Kasir tanpa TLS', 'Outlet A', { host: REMOTE, ca: HQ_CA });
    const { code, texts } = await refusedSync(till);
    expect(code).toBe('hq.tls_required');
    expect(id[`err.${code}` as keyof typeof id]).toMatch(/tidak memakai TLS/);
    expect(texts).not.toContain(till.login.password);
    expect(await paymentsOf(hq, till)).toBe(0);
    await expect(checkHqLogin({ url: till.url, password: till.login.password }, 'till'))
      .rejects.toMatchObject({ code: 'hq.tls_required', fields: { url: { code: 'hq.tls_required' } } });

    const local = new URL(till.url);
    local.hostname = '127.0.0.1';
    expect(await checkHqLogin({ url: local.toString(), password: till.login.password }, 'till')).toEqual({ tillName: 'Kasir tanpa TLS' });
  });
});
