import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { addOwner, addTill, migrateHq, type NewLogin } from '../../electron/core/hq/schema.ts';
import { HqSync, type HqSyncOptions } from '../../electron/core/hq/sync.ts';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { startTestPostgres, withClient, type TestPostgres, type TestPostgresOptions } from './postgres.ts';

/** A URL for a login made by addTill/addOwner on the test server. */
export function loginUrl(server: TestPostgres, login: NewLogin): string {
  const url = new URL(server.url);
  url.username = login.role;
  url.password = login.password;
  return url.toString();
}

export interface HqFixture {
  server: TestPostgres;
  dir: string;
  owner: NewLogin;
  /** A new till: its ledger on a temp file and its head-office login (not yet synced). */
  till(name: string, outlet?: string, options?: TillOptions): Promise<Till>;
  /** A query as the owner (reads everything). */
  asOwner<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * The sync's options; the host and port it connects to instead of the server's (a proxy's, or
 * another address of the server), and the CA it trusts.
 */
export type TillOptions = Partial<HqSyncOptions> & { host?: string; port?: number; ca?: string };

export interface Till {
  name: string;
  ledger: Ledger;
  ledgerFile: string;
  login: NewLogin;
  sync: HqSync;
  /** The till's connection URL (no password). */
  url: string;
}

/**
 * One real Postgres per test file with the head-office schema, its owner, and tills made on
 * demand; everything stopped and removed after the file.
 */
export function useHq(serverOptions: TestPostgresOptions = {}): HqFixture {
  const fixture = {} as HqFixture;
  const tills: Till[] = [];
  beforeAll(async () => {
    const server = await startTestPostgres(serverOptions);
    fixture.server = server;
    fixture.dir = mkdtempSync(join(tmpdir(), 'paypro-hq-'));
    fixture.owner = await withClient(server.url, async (admin) => {
      await migrateHq(admin);
      return addOwner(admin, 'pemilik');
    });
    fixture.asOwner = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
      withClient(loginUrl(server, fixture.owner), async (client) => (await client.query<T>(sql, params)).rows);
    fixture.till = async (name, outlet = 'Outlet A', { host, port, ca, ...options } = {}) => {
      const login = await withClient(server.url, (admin) => addTill(admin, name, outlet));
      const ledgerFile = join(fixture.dir, `${login.role}.sqlite`);
      const ledger = Ledger.open(ledgerFile);
      const url = new URL(server.url);
      url.username = login.role;
      url.password = '';
      if (host !== undefined) url.hostname = host;
      if (port !== undefined) url.port = String(port);
      const sync = new HqSync({
        ledgerFile,
        connection: { url: url.toString(), password: login.password, ...(ca === undefined ? {} : { ca }) },
        names: () => ({ tillName: name, outletName: outlet }),
        backoffMs: { min: 50, max: 400 },
        pollMs: 50,
        ...options,
      });
      const till = { name, ledger, ledgerFile, login, sync, url: url.toString() };
      tills.push(till);
      return till;
    };
  }, 60_000);
  afterAll(async () => {
    for (const till of tills) {
      await till.sync.stop();
      till.ledger.close();
    }
    await fixture.server?.stop();
    if (fixture.dir) rmSync(fixture.dir, { recursive: true, force: true });
  }, 30_000);
  return fixture;
}
