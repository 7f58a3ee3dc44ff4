import pg from 'pg';
import { clientConfig, type HqConnection } from './connection.ts';
import { HQ_TABLES, type HqTable } from './hq-tables.ts';
import { Outbox, type OutboxBatch, type OutboxRow } from './outbox.ts';

export interface TillNames {
  tillName: string;
  outletName: string;
}

/** What the till's sync indicator shows (Tersinkron / 12 menunggu / tak terjangkau sejak 10.42). */
export interface SyncStatus {
  pending: number;
  /** Since when the head office could not be reached (epoch ms); null while it answers. */
  unreachableSince: number | null;
  /**
   * The head office answered but lacks a table or column this till sends: its schema is older
   * than the app (the owner runs `npm run hq:init`). Rows wait in the outbox meanwhile.
   */
  outdated: boolean;
  /** The last failure, without the connection's secrets; for the support log. */
  lastError: string | null;
  lastSyncAt: number | null;
}

export interface HqSyncOptions {
  ledgerFile: string;
  connection: HqConnection;
  names: () => TillNames;
  batchSize?: number;
  /** How often an idle worker looks at the outbox. */
  pollMs?: number;
  /** Back-off while the head office is down: doubles from min to max. */
  backoffMs?: { min: number; max: number };
  /** How long connecting or one statement may wait for the head office before the batch is given up (a stalled link). */
  queryTimeoutMs?: number;
  now?: () => number;
  onStatus?: (status: SyncStatus) => void;
}

/**
 * Sends the till's outbox to the head office (issue 23): in seq order, one Postgres transaction
 * per batch, then forgets the batch locally. Idempotent: every row carries the till id, its id
 * and its version (the outbox seq), and the head office keeps a row only if its version is newer,
 * so a batch sent again — after a kill -9 between the head office's COMMIT and the local
 * DELETE, or a COMMIT whose answer was lost — changes nothing. Runs beside the till's sales on its
 * own ledger connection and never holds the ledger's write lock for more than one DELETE, so a
 * head office that is down or slow never blocks a sale.
 */
export class HqSync {
  readonly #options: Required<Omit<HqSyncOptions, 'onStatus'>> & Pick<HqSyncOptions, 'onStatus'>;
  readonly #outbox: Outbox;
  readonly #tillId: string;
  #client: pg.Client | undefined;
  #status: Omit<SyncStatus, 'pending'> = { unreachableSince: null, outdated: false, lastError: null, lastSyncAt: null };
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #failures = 0;
  #stopped = false;

  constructor(options: HqSyncOptions) {
    this.#options = {
      batchSize: 500, pollMs: 500, backoffMs: { min: 500, max: 30_000 }, queryTimeoutMs: 20_000, now: Date.now, ...options,
    };
    this.#outbox = new Outbox(options.ledgerFile);
    this.#tillId = this.#outbox.tillId();
  }

  get tillId(): string {
    return this.#tillId;
  }

  /** The status with the outbox counted now (a sale made since the last batch is pending). */
  status(): SyncStatus {
    return { ...this.#status, pending: this.#outbox.pending() };
  }

  /** Sends every batch now in the outbox; throws (after marking the head office unreachable) on failure. */
  async drain(): Promise<number> {
    let sent = 0;
    try {
      for (let batch = this.#outbox.next(this.#options.batchSize); batch; batch = this.#outbox.next(this.#options.batchSize)) {
        await this.#send(batch);
        this.#outbox.acknowledge(batch.lastSeq);
        sent += batch.rows.length;
        this.#failures = 0;
        this.#update({ unreachableSince: null, outdated: false, lastError: null, lastSyncAt: this.#options.now() });
      }
      this.#update({});
      return sent;
    } catch (error) {
      await this.#dropClient();
      const outdated = isOutdatedSchema(error);
      this.#update({
        // A head office that answers "no such column" is reachable: it is out of date, and says so.
        unreachableSince: outdated ? null : this.#status.unreachableSince ?? this.#options.now(),
        outdated,
        lastError: describe(error),
      });
      throw error;
    }
  }

  /** Runs until stop(): drains, then waits for the poll interval, or backs off after a failure. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = (async () => {
      while (this.#running) {
        let waitMs = this.#options.pollMs;
        try {
          await this.drain();
        } catch {
          this.#failures += 1;
          const { min, max } = this.#options.backoffMs;
          waitMs = Math.min(max, min * 2 ** Math.min(this.#failures - 1, 16)) * (0.75 + Math.random() / 2);
        }
        if (this.#running) await new Promise<void>((resume) => {
          const timer = setTimeout(resume, waitMs);
          this.#wake = () => { clearTimeout(timer); resume(); };
        });
      }
    })();
  }

  /** A write was made: look at the outbox now rather than at the next poll (not while backing off). */
  notify(): void {
    if (this.#failures === 0) this.#wake?.();
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#running = false;
    this.#wake?.();
    await this.#loop;
    await this.#dropClient();
    this.#outbox.close();
  }

  async #send(batch: OutboxBatch): Promise<void> {
    const client = await this.#connect();
    await client.query('BEGIN');
    try {
      const names = this.#options.names();
      const claimed = await client.query<{ till_id: string }>(
        `UPDATE paypro.tills SET till_id = coalesce(till_id, $1), till_name = $2, outlet_name = $3,
           last_sync_at = now(), last_seq = greatest(last_seq, $4) WHERE role_name = current_user RETURNING till_id`,
        [this.#tillId, names.tillName, names.outletName, batch.lastSeq],
      );
      if (claimed.rows[0]?.till_id !== this.#tillId) {
        throw new Error('This head-office login belongs to no till, or to another till');
      }
      for (const [table, rows] of byTable(batch.rows)) await client.query(upsertSql(table), [this.#tillId, JSON.stringify(rows)]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async #connect(): Promise<pg.Client> {
    if (this.#client) return this.#client;
    const client = new pg.Client({
      ...clientConfig(this.#options.connection),
      connectionTimeoutMillis: this.#options.queryTimeoutMs,
      query_timeout: this.#options.queryTimeoutMs,
    });
    // A connection lost while idle: forget it, the next batch reconnects.
    client.on('error', () => {
      if (this.#client === client) this.#client = undefined;
    });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.#client = client;
    return client;
  }

  async #dropClient(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  #update(change: Partial<SyncStatus>): void {
    this.#status = { ...this.#status, ...change };
    this.#options.onStatus?.(this.status());
  }
}

function byTable(rows: OutboxRow[]): Map<HqTable, Record<string, unknown>[]> {
  const tables = new Map<HqTable, Record<string, unknown>[]>();
  for (const row of rows) {
    const list = tables.get(row.table) ?? [];
    list.push({ id: row.id, version: row.version, ...row.values });
    tables.set(row.table, list);
  }
  return tables;
}

/** One statement per table and batch: the rows as a JSON array, kept where their version is newer. */
export function upsertSql(table: HqTable): string {
  const columns = Object.keys(HQ_TABLES[table]);
  const types = Object.entries(HQ_TABLES[table]).map(([name, type]) => `${name} ${type}`).join(', ');
  return `INSERT INTO paypro.${table} AS t (till_id, id, version, ${columns.join(', ')})
    SELECT $1::uuid, r.id, r.version, ${columns.map((name) => `r.${name}`).join(', ')}
    FROM jsonb_to_recordset($2::jsonb) AS r(id bigint, version bigint, ${types})
    ON CONFLICT (till_id, id) DO UPDATE SET version = excluded.version, synced_at = now(),
      ${columns.map((name) => `${name} = excluded.${name}`).join(', ')}
    WHERE t.version < excluded.version`;
}

/**
 * PostgreSQL's "no such column / table / schema" (SQLSTATE 42703, 42P01, 3F000): the till sends
 * what a newer head-office schema has. A till login cannot read `paypro_schema_migrations`, and
 * a head office made before a version existed could not grant it, so the refusal itself tells.
 */
export function isOutdatedSchema(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '42703' || code === '42P01' || code === '3F000';
}

/** An error's message without anything of the connection (pg's messages name no password). */
function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}
