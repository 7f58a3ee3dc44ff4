import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { canTransition, PAYMENT_STATES, type PaymentState } from '../../../shared/payment.ts';
import type { Environment } from '../../../shared/settings.ts';
import {
  LedgerError,
  MUTABLE_FIELDS,
  type DaySummary,
  type Durability,
  type NewCashPayment,
  type NewPayment,
  type PaymentChange,
  type PaymentEvent,
  type PaymentMethod,
  type PaymentRecord,
  type SalePayment,
} from './records.ts';
import { MIGRATIONS, migrate, userVersion } from './migrations.ts';
import { customerTypedFromMask, customerTypedMask } from './migration-customer-typed.ts';
import type { Customer } from '../../../shared/validation.ts';
import { QUERIES } from './queries.ts';
import { DayBook, type DayBookHooks } from './day-book.ts';
import type { PageCursor } from './day-records.ts';
import { ReconciliationBook } from './reconciliation-book.ts';

export {
  LedgerError,
  type DaySummary,
  type Durability,
  type LedgerErrorCode,
  type NewCashPayment,
  type NewPayment,
  type PaymentMethod,
  type SalePayment,
  type PaymentChange,
  type PaymentEvent,
  type PaymentRecord,
} from './records.ts';

const SYNCHRONOUS_NAMES = ['off', 'normal', 'full', 'extra'];

// SQLite result codes (https://sqlite.org/rescode.html).
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;
const SQLITE_CONSTRAINT = 19;
const SQLITE_CONSTRAINT_UNIQUE = 2067;

type Row = Record<string, SQLInputValue>;

/**
 * WAL checkpoints (copying committed pages into the database file, with its own fsync) are kept
 * off the write path: SQLite's automatic one would land inside a commit every few hundred writes
 * — a sale's record among them — and make the slowest appends several times slower. The ledger
 * checkpoints once writes have paused; the automatic checkpoint stays only as a ceiling on the
 * WAL's size (pages of 4 KB) for a writer that never pauses.
 */
const IDLE_CHECKPOINT_MS = 2_000;
const WAL_CEILING_PAGES = 10_000;

export interface LedgerOptions {
  now?: () => number;
  /** How long writes must pause before the WAL is checkpointed. */
  idleCheckpointMs?: number;
  /** Crash-suite seams inside the day book's transactions (test/torture); the app sets none. */
  dayHooks?: DayBookHooks;
  /**
   * The shop's contact as Settings hold it when the ledger opens: schema 11 reads an older sale's
   * customer field equal to it as not typed by the cashier (migration-customer-typed.ts).
   */
  shopContact?: Customer;
}

/**
 * The durable transaction store. Every write is one `BEGIN IMMEDIATE … COMMIT` holding the row
 * change and its history event together, so a crash leaves either both or neither.
 */
export class Ledger {
  readonly #db: DatabaseSync;
  readonly #now: () => number;
  readonly #idleCheckpointMs: number;
  readonly #sql: Record<keyof typeof QUERIES | 'begin' | 'commit' | 'rollback' | 'checkpoint', StatementSync>;
  /** Cashiers, shifts, reports, history and late payments (issue 16). */
  readonly day: DayBook;
  /** The day reconciled against Paypro (issue 22). */
  readonly reconciliations: ReconciliationBook;
  #checkpointTimer: NodeJS.Timeout | undefined;

  static open(filePath: string, options: LedgerOptions = {}): Ledger {
    if (filePath !== ':memory:') keepPrivate(filePath);
    const db = new DatabaseSync(filePath, { timeout: 5_000, enableForeignKeyConstraints: true });
    try {
      checkIntegrity(db);
      const version = userVersion(db);
      // A newer app wrote this file; an older one must not touch it, not even its journal mode.
      if (version > MIGRATIONS.length) {
        throw new LedgerError(
          'newer_schema',
          `The ledger has schema version ${version}; this app knows up to ${MIGRATIONS.length}.`,
        );
      }
      // WAL: readers never block the writer. FULL: a committed state change is on disk before
      // COMMIT returns, so an acknowledged payment survives power loss, not only a crash.
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = FULL');
      db.exec(`PRAGMA wal_autocheckpoint = ${WAL_CEILING_PAGES}`);
      migrate(db, options.shopContact === undefined ? {} : { shopContact: options.shopContact });
      return new Ledger(db, options);
    } catch (error) {
      db.close();
      throw asCorrupt(error);
    }
  }

  private constructor(db: DatabaseSync, options: LedgerOptions) {
    this.#db = db;
    this.#now = options.now ?? Date.now;
    this.#idleCheckpointMs = options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS;
    this.#sql = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      checkpoint: db.prepare('PRAGMA wal_checkpoint(PASSIVE)'),
      ...(Object.fromEntries(
        Object.entries(QUERIES).map(([name, sql]) => [name, db.prepare(sql)]),
      ) as Record<keyof typeof QUERIES, StatementSync>),
    };
    this.day = new DayBook(db, (work) => this.#transaction(work), this.#now, options.dayHooks);
    this.reconciliations = new ReconciliationBook(db, (work) => this.#transaction(work));
  }

  /** Write-ahead record of a payment about to be created at the gateway (a sale's first, or a follow-up charge). */
  record(payment: NewPayment): PaymentRecord {
    const now = this.#now();
    return this.#transaction(() => {
      const saleId = payment.saleTradeNo === undefined ? null : this.#firstPaymentId(payment.saleTradeNo);
      this.#insert(payment, { state: 'creating', paidAmount: null, method: 'qris', saleId, tendered: null, now });
      return {
        ...withoutSale(payment),
        platformTradeNo: null, paidAmount: null, overpaidAmount: null, state: 'creating', gatewayStatus: null,
        qrString: null, paymentUrl: null, errorCode: null, errorDetail: null, updatedAt: now,
      };
    });
  }

  /**
   * Cash taken at the counter: recorded paid in one transaction (row, event, and the sale's
   * completion when it is a follow-up), so a crash leaves the cash payment wholly there or not at all.
   * The schema refuses a tender below the amount; change = tendered − amount.
   */
  recordCash(payment: NewCashPayment): PaymentRecord {
    const now = this.#now();
    return this.#transaction(() => {
      const saleId = payment.saleTradeNo === undefined ? null : this.#firstPaymentId(payment.saleTradeNo);
      const record = {
        tradeNo: payment.tradeNo, amount: payment.amount, customerName: payment.customerName,
        customerMobile: payment.customerMobile, customerEmail: payment.customerEmail, customerTyped: payment.customerTyped,
        environment: payment.environment, createdAt: payment.createdAt, expiresAt: payment.createdAt,
      };
      this.#insert(record, { state: 'paid', paidAmount: payment.amount, method: 'cash', saleId, tendered: payment.tendered, now });
      return {
        ...record,
        platformTradeNo: null, paidAmount: payment.amount, overpaidAmount: null, state: 'paid', gatewayStatus: null,
        qrString: null, paymentUrl: null, errorCode: null, errorDetail: null, updatedAt: now,
      };
    });
  }

  /** The payments of the sale `tradeNo` belongs to (its first payment, then its follow-ups), oldest first. */
  salePayments(tradeNo: string): SalePayment[] {
    const row = this.#sql.saleId.get(tradeNo);
    if (row === undefined) return [];
    const saleId = row.sale_id === null ? Number(row.id) : Number(row.sale_id);
    return this.#sql.salePayments.all(saleId).sort((a, b) => Number(a.id) - Number(b.id)).map(toSalePayment);
  }

  #firstPaymentId(saleTradeNo: string): number {
    const row = this.#sql.saleId.get(saleTradeNo);
    if (row === undefined) throw new LedgerError('not_found', `No payment with trade number ${saleTradeNo}.`);
    if (row.sale_id !== null) throw new LedgerError('invalid_record', `Payment ${saleTradeNo} is a follow-up, not a sale.`);
    return Number(row.id);
  }

  #insert(
    payment: Omit<NewPayment, 'saleTradeNo'>,
    how: { state: PaymentState; paidAmount: number | null; method: PaymentMethod; saleId: number | null; tendered: number | null; now: number },
  ): void {
    let id: number;
    try {
      const row = this.#sql.insert.get(
        payment.tradeNo, payment.amount, how.paidAmount, how.state, payment.customerName, payment.customerMobile,
        payment.customerEmail, payment.environment, payment.createdAt, how.now, payment.expiresAt,
        customerTypedMask(payment.customerTyped), how.method, how.saleId, how.tendered, how.tendered === null ? null : how.tendered - payment.amount,
      );
      id = Number(row?.id);
    } catch (error) {
      if (errcode(error) === SQLITE_CONSTRAINT_UNIQUE) {
        throw new LedgerError('duplicate_trade_no', `Trade number ${payment.tradeNo} is already recorded.`);
      }
      throw error;
    }
    this.#sql.insertEvent.run(id, how.now, null, how.state, how.method === 'cash' ? 'cash received' : null, '{}');
  }

  /** Applies a change and appends its event in one transaction; refuses illegal state changes. */
  update(tradeNo: string, change: PaymentChange, note?: string): PaymentRecord {
    const given = definedChange(change);
    const now = this.#now();
    return this.#transaction(() => {
      const row = this.#sql.select.get(tradeNo);
      if (row === undefined) throw new LedgerError('not_found', `No payment with trade number ${tradeNo}.`);
      const current = toRecord(row);
      const next: PaymentRecord = { ...current, ...given, updatedAt: now };
      if (!canTransition(current.state, next.state)) {
        throw new LedgerError(
          'illegal_transition',
          `Payment ${tradeNo} cannot go from ${current.state} to ${next.state}.`,
        );
      }
      this.#sql.update.run(
        next.state, next.platformTradeNo, next.paidAmount, next.overpaidAmount, next.gatewayStatus, next.qrString,
        next.paymentUrl, next.errorCode, next.errorDetail, now, Number(row.id),
      );
      this.#sql.insertEvent.run(Number(row.id), now, current.state, next.state, note ?? null, JSON.stringify(given));
      this.day.stampTransition(Number(row.id), current.state, next.state, now);
      return next;
    });
  }

  /**
   * Appends an event that records something done with a payment without changing it (a receipt
   * printed, say): same state before and after, nothing in `change`, what happened in `note`.
   */
  annotate(tradeNo: string, note: string): void {
    const now = this.#now();
    this.#transaction(() => {
      const row = this.#sql.select.get(tradeNo);
      if (row === undefined) throw new LedgerError('not_found', `No payment with trade number ${tradeNo}.`);
      this.#sql.insertEvent.run(Number(row.id), now, row.state as string, row.state as string, note, '{}');
    });
  }

  get(tradeNo: string): PaymentRecord | undefined {
    const row = this.#sql.select.get(tradeNo);
    return row === undefined ? undefined : toRecord(row);
  }

  /** Every payment the gateway has not settled, oldest first: what start-up recovery re-queries. */
  listUnsettled(): PaymentRecord[] {
    return this.#sql.unsettled.all().map(toRecord);
  }

  /**
   * Partially paid sales and sales booked "never created" that expired after `expiredAfter`: a
   * later gateway answer may still pay them, so start-up recovery follows them again too.
   */
  listStillFollowed(expiredAfter: number): PaymentRecord[] {
    return this.#sql.stillFollowed.all(expiredAfter).map(toRecord);
  }

  /** Payments created in [fromMs, toMs), newest first. */
  listBetween(fromMs: number, toMs: number, limit?: number): PaymentRecord[] {
    return this.#sql.between.all(fromMs, toMs, limit ?? -1).map(toRecord);
  }

  /**
   * One page of the payments created in [fromMs, toMs), newest first, strictly after `after` in
   * that order (the first page without it); `next` is the cursor of the page after, null at the end.
   */
  pageBetween(fromMs: number, toMs: number, limit: number, after?: PageCursor): { payments: PaymentRecord[]; next: PageCursor | null } {
    const cursor = after ?? { createdAt: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
    const rows = this.#sql.pageBetween.all(fromMs, toMs, cursor.createdAt, cursor.createdAt, cursor.id, limit + 1);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      payments: rows.slice(0, limit).map(toRecord),
      next: last === undefined ? null : { createdAt: Number(last.created_at), id: Number(last.id) },
    };
  }

  /**
   * Counts and sums per state of the sales created in [fromMs, toMs): a sale counts once (its
   * follow-up payments add only money), and one its payments completed counts as paid.
   */
  summarize(fromMs: number, toMs: number): DaySummary {
    const byState = Object.fromEntries(
      PAYMENT_STATES.map((state) => [state, { count: 0, amount: 0 }]),
    ) as DaySummary['byState'];
    const receivedByMethod: DaySummary['receivedByMethod'] = { qris: 0, cash: 0 };
    let count = 0;
    let receivedTotal = 0;
    let outstandingTotal = 0;
    for (const row of this.#sql.summary.all(fromMs, toMs)) {
      const state = row.state as PaymentState;
      const received = state === 'paid' ? Number(row.paid_or_charged) : state === 'partially_paid' ? Number(row.paid ?? 0) : 0;
      receivedTotal += received;
      receivedByMethod[row.method as PaymentMethod] += received;
      // A follow-up's money is in the totals; the sale itself is counted by its first payment.
      if (Number(row.follow_up) === 1) continue;
      // A sale its payments completed counts as paid, whatever its first payment's own state.
      const completed = Number(row.completed) === 1;
      const shown = completed ? 'paid' : state;
      byState[shown].count += Number(row.count);
      byState[shown].amount += Number(row.amount);
      count += Number(row.count);
      if (state === 'partially_paid' && !completed) outstandingTotal += Number(row.amount) - Number(row.paid ?? 0);
    }
    return { count, byState, receivedTotal, receivedByMethod, outstandingTotal };
  }

  /** The payment's history, oldest first. */
  events(tradeNo: string): PaymentEvent[] {
    return this.#sql.events.all(tradeNo).map((row) => ({
      id: Number(row.id),
      tradeNo: String(row.trade_no),
      at: Number(row.at),
      fromState: row.from_state === null ? null : (row.from_state as PaymentState),
      toState: row.to_state as PaymentState,
      note: row.note === null ? null : String(row.note),
      change: JSON.parse(String(row.change)) as PaymentChange,
    }));
  }

  /** The connection's safety settings as SQLite reports them, for tests and the benchmark. */
  durability(): Durability {
    const pragma = (name: string): string => String(Object.values(this.#db.prepare(`PRAGMA ${name}`).get() ?? {})[0]);
    return {
      journalMode: pragma('journal_mode'),
      synchronous: SYNCHRONOUS_NAMES[Number(pragma('synchronous'))] ?? pragma('synchronous'),
      foreignKeys: pragma('foreign_keys') === '1',
      busyTimeoutMs: Number(pragma('busy_timeout')),
      walAutocheckpointPages: Number(pragma('wal_autocheckpoint')),
      schemaVersion: userVersion(this.#db),
    };
  }

  close(): void {
    clearTimeout(this.#checkpointTimer);
    this.#db.close();
  }

  #transaction<T>(work: () => T): T {
    this.#sql.begin.run();
    try {
      const result = work();
      this.#sql.commit.run();
      this.#checkpointWhenIdle();
      return result;
    } catch (error) {
      // COMMIT itself may fail (disk full, I/O error) and leave the transaction open.
      if (this.#db.isTransaction) this.#sql.rollback.run();
      throw asInvalidRecord(error);
    }
  }

  #checkpointWhenIdle(): void {
    clearTimeout(this.#checkpointTimer);
    this.#checkpointTimer = setTimeout(() => {
      this.#checkpointTimer = undefined;
      // PASSIVE never waits for readers; what it cannot copy now waits for the next pause. A
      // failure loses nothing (the pages stay in the WAL) and a failing disk shows on the next
      // write, where the caller hears of it; a timer has nobody to tell.
      try {
        this.#sql.checkpoint.get();
      } catch {
        // see above
      }
    }, this.#idleCheckpointMs);
    // Not a reason to keep a quitting process alive: closing the database checkpoints too.
    this.#checkpointTimer.unref();
  }
}

/** Keeps only the fields the change names, and refuses fields the ledger does not let change. */
function definedChange(change: PaymentChange): PaymentChange {
  const given: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) {
    if (!(MUTABLE_FIELDS as string[]).includes(key)) {
      throw new LedgerError('invalid_record', `Field ${key} cannot be changed once a payment is recorded.`);
    }
    if (value !== undefined) given[key] = value;
  }
  return given as PaymentChange;
}

export function toRecord(row: Row): PaymentRecord {
  const text = (value: SQLInputValue): string | null => (value === null ? null : String(value));
  const int = (value: SQLInputValue): number | null => (value === null ? null : Number(value));
  return {
    tradeNo: String(row.trade_no),
    platformTradeNo: text(row.platform_trade_no ?? null),
    amount: Number(row.amount),
    paidAmount: int(row.paid_amount ?? null),
    overpaidAmount: int(row.overpaid_amount ?? null),
    state: row.state as PaymentState,
    gatewayStatus: text(row.gateway_status ?? null),
    customerName: String(row.customer_name),
    customerMobile: String(row.customer_mobile),
    customerEmail: String(row.customer_email),
    customerTyped: customerTypedFromMask(Number(row.customer_typed)),
    qrString: text(row.qr_string ?? null),
    paymentUrl: text(row.payment_url ?? null),
    errorCode: text(row.error_code ?? null),
    errorDetail: text(row.error_detail ?? null),
    environment: row.environment as Environment,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    expiresAt: Number(row.expires_at),
  };
}

/** The first payment's own fields without the link (the link is a column of the follow-up only). */
function withoutSale(payment: NewPayment): Omit<NewPayment, 'saleTradeNo'> {
  const { saleTradeNo: _link, ...rest } = payment;
  return rest;
}

function toSalePayment(row: Row): SalePayment {
  const int = (value: SQLInputValue | undefined): number | null => (value === null || value === undefined ? null : Number(value));
  return {
    tradeNo: String(row.trade_no),
    platformTradeNo: row.platform_trade_no === null ? null : String(row.platform_trade_no),
    method: row.method as PaymentMethod,
    state: row.state as PaymentState,
    amount: Number(row.amount),
    paidAmount: int(row.paid_amount),
    cashTendered: int(row.cash_tendered),
    cashChange: int(row.cash_change),
    createdAt: Number(row.created_at),
    saleTradeNo: row.sale_trade_no === null ? null : String(row.sale_trade_no),
  };
}

/**
 * The ledger holds customers' names, mobiles and emails: the file is the user's alone (0600, like
 * settings.json) in a folder only they can list (0700). SQLite gives its -wal and -shm files the
 * main file's mode when it creates them; ones left from an older version are tightened here too.
 * Windows has no such modes (its profile folder's ACL applies): nothing to do there.
 */
function keepPrivate(filePath: string): void {
  const folder = dirname(filePath);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  chmodSync(folder, 0o700);
  closeSync(openSync(filePath, 'a', 0o600));
  for (const file of [filePath, `${filePath}-wal`, `${filePath}-shm`]) {
    try {
      chmodSync(file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

function checkIntegrity(db: DatabaseSync): void {
  const rows = db.prepare('PRAGMA quick_check').all();
  const verdict = rows.map((row) => String(row.quick_check)).join('; ');
  if (verdict !== 'ok') throw new LedgerError('corrupt', `The ledger file failed its integrity check: ${verdict}`);
}

function errcode(error: unknown): number | undefined {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code : undefined;
}

function asCorrupt(error: unknown): unknown {
  const code = errcode(error);
  if (code !== undefined && ((code & 0xff) === SQLITE_CORRUPT || (code & 0xff) === SQLITE_NOTADB)) {
    return new LedgerError('corrupt', 'The ledger file is damaged or is not a database.', { cause: error });
  }
  return error;
}

/** A CHECK, type or trigger violation means the caller handed the ledger a bad value. */
function asInvalidRecord(error: unknown): unknown {
  const code = errcode(error);
  if (code !== undefined && (code & 0xff) === SQLITE_CONSTRAINT) {
    return new LedgerError('invalid_record', `The ledger refused the record: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return error;
}
