import pg from 'pg';
import { numberSearch } from '../../../shared/day/search-rules.ts';
import type { CsvFormat } from '../../../shared/day/csv-format.ts';
import type { MdrPlan } from '../../../shared/day/mdr.ts';
import { validateAmount } from '../../../shared/validation.ts';
import { approveAsOwner, type Supervisor } from '../day/supervisor.ts';
import { SalesCsv } from '../day/sales-csv.ts';
import { PosError } from '../errors.ts';
import type { Cipher, KeyValueStore } from '../vault/vault.ts';
import { clientConfig, type HqConnection } from './connection.ts';
import { checkHqLogin, hqRefusal, loginField } from './hq-login-check.ts';
import {
  consolidatedReport, exportAcrossTills, lateAcrossTills, listTills, searchAcrossTills, shiftsAcrossTills, type HqExportSale, type HqScope,
} from './hq-report.ts';
import { HqVault, type HqLogin, type HqNames } from './hq-vault.ts';
import { HqSync } from './sync.ts';

export interface HqServiceOptions {
  store: KeyValueStore;
  cipher: Cipher;
  ledgerFile: string;
  /** The owner PIN: the owner's view needs the admin session unlocked (AdminLock.requireUnlocked). */
  requireOwner: () => void;
  /** The owner as the day's guards ask for them: a head-office login is stored only with an owner PIN set. */
  supervisor: Supervisor;
  /** A business day or range as epoch ms (DayService's own rule, cut-off included). */
  dayRange: (request: { from?: string; to?: string }) => { businessDate: string; toDate: string; from: number; to: number };
  /** The till's CSV settings: the business day's cut-off, and the format Excel here opens. */
  csv: () => { cutoffMinutes: number; format: CsvFormat; mdrPlan: MdrPlan };
  onError?: (error: unknown) => void;
}

/** Settings → Kantor pusat as typed: a login left out keeps the stored one. */
export interface HqConfigureRequest {
  till?: HqConnection;
  owner?: HqConnection;
  names: HqNames;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/;

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
   * The owner's Settings → Kantor pusat: with the owner present (the admin session, which an owner
   * PIN must guard — a head-office password is not for an unguarded till), logs in once with each
   * login typed to check it (a refusal says why in words: wrong password, no TLS, untrusted
   * certificate…), then stores them encrypted and (re)starts the sync. Nothing is stored unless
   * every login typed works.
   */
  async configure(request: HqConfigureRequest): Promise<void> {
    await this.#ownerAtTheTill();
    if (request.till === undefined && !this.vault.describe('till').configured) {
      throw new PosError('validation', { fields: { url: { code: 'hq.url_invalid' } } });
    }
    for (const [login, connection] of [['till', request.till], ['owner', request.owner]] as const) {
      if (connection !== undefined) await checkHqLogin(checkedForm(connection, login), login);
    }
    this.vault.setNames(request.names);
    if (request.till) await this.vault.set(request.till, 'till');
    if (request.owner) await this.vault.set(request.owner, 'owner');
    await this.#sync?.stop();
    this.#sync = undefined;
    await this.start();
  }

  /** Tes koneksi: the typed till login, or the stored one; stores nothing. */
  async test(request: { till?: HqConnection }): Promise<{ tillName: string }> {
    await this.#ownerAtTheTill();
    const connection = request.till ? checkedForm(request.till, 'till') : await this.vault.load('till');
    if (connection === null) throw new PosError('validation', { fields: { url: { code: 'hq.url_invalid' } } });
    const { tillName } = await checkHqLogin(connection, 'till');
    return { tillName: tillName ?? '' };
  }

  /** A sale was written: send it now rather than at the next poll. */
  notify(): void {
    this.#sync?.notify();
  }

  status() {
    const sync = this.#sync?.status() ?? { pending: 0, unreachableSince: null, outdated: false, lastSyncAt: null };
    const names = this.vault.names();
    return {
      configured: this.#sync !== undefined,
      ownerView: this.vault.describe('owner').configured,
      pending: sync.pending,
      unreachableSince: sync.unreachableSince,
      outdated: sync.outdated,
      lastSyncAt: sync.lastSyncAt,
      tillName: names.tillName,
      outletName: names.outletName,
    };
  }

  /** The day or range report of the scope, its shifts, and the late payments waiting on any of its tills. */
  async report(request: { scope: HqScope; from?: string; to?: string }) {
    const range = this.#options.dayRange(request);
    return this.#asOwner(async (client) => ({
      businessDate: range.businessDate,
      toDate: range.toDate,
      report: await consolidatedReport(client, request.scope, range.from, range.to),
      tills: await listTills(client),
      thisTill: this.#tillId,
      shifts: await shiftsAcrossTills(client, request.scope, range.from, range.to),
      late: await lateAcrossTills(client, request.scope),
    }));
  }

  /** The till's F6 search across tills: the same number box (numberSearch) and amount rule as the till's own. */
  async search(request: { number?: string; amount?: string; from?: string; to?: string }) {
    if (request.number !== undefined) {
      const search = numberSearch(request.number);
      if (!search.ok) throw new PosError('validation', { fields: { number: { code: search.code } } });
      return this.#asOwner(async (client) => ({ sales: await searchAcrossTills(client, search) }));
    }
    if (request.amount === undefined) throw new PosError('validation', { fields: { number: { code: 'search.number_too_short' } } });
    const amount = validateAmount(request.amount, { minAmount: 1, maxAmount: Number.MAX_SAFE_INTEGER });
    if (!amount.ok) throw new PosError('validation', { fields: { amount: amount.error } });
    const range = this.#options.dayRange({ from: request.from, to: request.to });
    return this.#asOwner(async (client) => ({ sales: await searchAcrossTills(client, { amount: amount.value, fromMs: range.from, toMs: range.to }) }));
  }

  /**
   * The CSV of the scope's tills over a day or range: the till's columns (one row per sale) then
   * till and outlet. Customers' mobiles and emails masked unless asked for: the whole owner's
   * view is behind the owner PIN (#asOwner), which is the approval the till's own export asks for
   * them (issue 21). Built whole while the owner's connection is open.
   */
  async exportCsv(request: { scope: HqScope; from?: string; to?: string; format?: CsvFormat; personalData?: boolean }) {
    const range = this.#options.dayRange(request);
    const personalData = request.personalData === true;
    const settings = this.#options.csv();
    const csv = new SalesCsv<HqExportSale>(settings.cutoffMinutes, request.format ?? settings.format, {
      personalData,
      mdrPlan: settings.mdrPlan,
      extra: { header: ['till', 'outlet'], cells: (sale) => [sale.tillName, sale.outletName] },
    });
    const span = range.businessDate === range.toDate ? range.businessDate : `${range.businessDate}_${range.toDate}`;
    return this.#asOwner(async (client) => {
      const parts = [csv.head()];
      let rows = 0;
      for await (const page of exportAcrossTills(client, request.scope, range.from, range.to)) {
        rows += page.length;
        parts.push(csv.lines(page));
      }
      return { fileName: `penjualan-semua-kasir-${span}${personalData ? '' : '-tanpa-data-pelanggan'}.csv`, csv: parts.join(''), rows };
    });
  }

  async close(): Promise<void> {
    await this.#sync?.stop();
  }

  /** The owner at this till: the admin session open, behind an owner PIN that is set. */
  async #ownerAtTheTill(): Promise<void> {
    this.#options.requireOwner();
    await approveAsOwner(this.#options.supervisor, undefined, () => new PosError('locked'));
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
      const refusal = hqRefusal(error, 'owner');
      // The owner's screen is Laporan, not Settings: an outdated schema is said as such, anything else as unreachable.
      throw refusal.code === 'hq.outdated' ? refusal : new PosError('hq.unreachable', { detail: (error as Error).message, cause: error });
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/**
 * A login's form checked before any connection: a postgres:// URL (TLS verify-full forced for any
 * host but this machine), a password (in its box or in the URL), a CA that is a PEM certificate.
 */
function checkedForm(connection: HqConnection, login: HqLogin): HqConnection {
  try {
    clientConfig(connection);
  } catch (error) {
    throw hqRefusal(error, login);
  }
  const password = connection.password || decodeURIComponent(new URL(connection.url).password);
  if (password === '') throw new PosError('validation', { fields: { [loginField(login, 'password')]: { code: 'hq.password_required' } } });
  if (connection.ca !== undefined && !PEM_CERTIFICATE.test(connection.ca)) {
    throw new PosError('validation', { fields: { ca: { code: 'hq.ca_invalid' } } });
  }
  return { ...connection, password };
}
