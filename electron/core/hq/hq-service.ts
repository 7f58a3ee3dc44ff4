import pg from 'pg';
import { PosError } from '../errors.ts';
import type { Cipher, KeyValueStore } from '../vault/vault.ts';
import { clientConfig, type HqConnection } from './connection.ts';
import { consolidatedReport, listTills, searchAcrossTills, type HqScope } from './hq-report.ts';
import { HqVault, type HqNames } from './hq-vault.ts';
import { HqSync, type SyncStatus } from './sync.ts';

export interface HqServiceOptions {
  store: KeyValueStore;
  cipher: Cipher;
  ledgerFile: string;
  /** The owner PIN: the owner's view needs the admin session unlocked (AdminLock.requireUnlocked). */
  requireOwner: () => void;
  /** A business day or range as epoch ms (DayService's own rule, cut-off included). */
  dayRange: (request: { from?: string; to?: string }) => { businessDate: string; toDate: string; from: number; to: number };
  onError?: (error: unknown) => void;
}

/**
 * The till's head office (issue 23): starts the sync when a connection is stored, tells the
 * indicator how far it has got, and — with the owner PIN and the owner's login — answers the
 * owner's Laporan over every till. Nothing here waits on the head office during a sale.
 */
export class HqService {
  readonly vault: HqVault;
  readonly #options: HqServiceOptions;
  #sync: HqSync | undefined;
  #tillId = '';

  constructor(options: HqServiceOptions) {
    this.#options = options;
    this.vault = new HqVault(options.store, options.cipher);
  }

  /** Starts the sync if a head office is configured; a broken stored connection is reported, not thrown. */
  async start(): Promise<void> {
    try {
      const connection = await this.vault.load('till');
      if (connection === null) return;
      this.#sync = new HqSync({ ledgerFile: this.#options.ledgerFile, connection, names: () => this.vault.names() });
      this.#tillId = this.#sync.tillId;
      this.#sync.start();
    } catch (error) {
      this.#options.onError?.(error);
    }
  }

  /**
   * The owner's Settings → Kantor pusat (owner PIN): checks and stores the till's login (and the
   * owner's, for the all-tills Laporan) encrypted, and (re)starts the sync with it.
   */
  async configure(request: { till: HqConnection; owner?: HqConnection; names: HqNames }): Promise<void> {
    this.#options.requireOwner();
    for (const connection of [request.till, request.owner]) {
      if (connection === undefined) continue;
      try {
        clientConfig(connection);
      } catch (error) {
        throw new PosError('validation', { detail: (error as Error).message, fields: { url: { code: 'hq.url_invalid' } } });
      }
    }
    this.vault.setNames(request.names);
    await this.vault.set(request.till, 'till');
    if (request.owner) await this.vault.set(request.owner, 'owner');
    await this.#sync?.stop();
    this.#sync = undefined;
    await this.start();
  }

  /** A sale was written: send it now rather than at the next poll. */
  notify(): void {
    this.#sync?.notify();
  }

  status(): Omit<SyncStatus, 'lastError'> & { configured: boolean; ownerView: boolean } {
    const sync = this.#sync?.status() ?? { pending: 0, unreachableSince: null, lastSyncAt: null };
    return {
      configured: this.#sync !== undefined,
      ownerView: this.vault.describe('owner').configured,
      pending: sync.pending,
      unreachableSince: sync.unreachableSince,
      lastSyncAt: sync.lastSyncAt,
    };
  }

  async report(request: { scope: HqScope; from?: string; to?: string }) {
    const range = this.#options.dayRange(request);
    return this.#asOwner(async (client) => ({
      businessDate: range.businessDate,
      toDate: range.toDate,
      report: await consolidatedReport(client, request.scope, range.from, range.to),
      tills: await listTills(client),
      thisTill: this.#tillId,
    }));
  }

  async search(request: { tradeNo?: string; amount?: number; from?: string }) {
    return this.#asOwner(async (client) => {
      if (request.tradeNo !== undefined) return { sales: await searchAcrossTills(client, { tradeNo: request.tradeNo }) };
      if (request.amount === undefined) throw new PosError('validation', { detail: 'a trade number or an amount' });
      const range = this.#options.dayRange({ from: request.from });
      return { sales: await searchAcrossTills(client, { amount: request.amount, fromMs: range.from, toMs: range.to }) };
    });
  }

  async close(): Promise<void> {
    await this.#sync?.stop();
  }

  /** One short owner connection per question: the owner's view is rare and must not hold a slot. */
  async #asOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    this.#options.requireOwner();
    const connection = await this.vault.load('owner');
    if (connection === null) throw new PosError('hq.not_configured');
    const client = new pg.Client({ ...clientConfig(connection), connectionTimeoutMillis: 5_000, query_timeout: 15_000 });
    try {
      await client.connect();
      return await work(client);
    } catch (error) {
      if (error instanceof PosError) throw error;
      throw new PosError('hq.unreachable', { detail: (error as Error).message, cause: error });
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
