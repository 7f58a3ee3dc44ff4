import { DatabaseSync, type SQLOutputValue } from 'node:sqlite';
import { HQ_TABLES, isHqTable, type HqTable } from './hq-tables.ts';

/** One ledger row as it now is, to be sent with the outbox seq of its newest change as its version. */
export interface OutboxRow {
  table: HqTable;
  id: number;
  version: number;
  values: Record<string, unknown>;
}

export interface OutboxBatch {
  /** The highest seq in the batch: acknowledged once the head office committed it. */
  lastSeq: number;
  rows: OutboxRow[];
}

/**
 * The till's side of the head-office sync (issue 23), on its own connection to the ledger file:
 * WAL lets it read while the till sells, and its only write (`acknowledge`) is one short DELETE.
 */
export class Outbox {
  readonly #db: DatabaseSync;
  readonly #rowReaders = new Map<string, ReturnType<DatabaseSync['prepare']>>();

  constructor(ledgerFile: string) {
    this.#db = new DatabaseSync(ledgerFile, { timeout: 5_000 });
  }

  tillId(): string {
    return String(this.#db.prepare('SELECT id FROM till_identity').get()?.id);
  }

  pending(): number {
    return Number(this.#db.prepare('SELECT count(*) AS n FROM hq_outbox').get()?.n ?? 0);
  }

  /**
   * The oldest `limit` outbox entries with their rows, read in one snapshot. A row changed twice
   * in the batch is sent once, as it now is, with the later seq.
   */
  next(limit: number): OutboxBatch | null {
    this.#db.exec('BEGIN');
    try {
      const entries = this.#db.prepare('SELECT seq, tbl, row_id FROM hq_outbox ORDER BY seq LIMIT ?').all(limit);
      if (entries.length === 0) return null;
      const latest = new Map<string, { table: string; id: number; seq: number }>();
      for (const entry of entries) {
        const key = `${String(entry.tbl)}:${Number(entry.row_id)}`;
        latest.set(key, { table: String(entry.tbl), id: Number(entry.row_id), seq: Number(entry.seq) });
      }
      const rows: OutboxRow[] = [];
      for (const { table, id, seq } of latest.values()) {
        // A table this app's head office does not know yet (replicated by a newer till schema) waits.
        if (!isHqTable(table)) continue;
        const row = this.#reader(table).get(id);
        if (row !== undefined) rows.push({ table, id, version: seq, values: hqValues(table, row) });
      }
      return { lastSeq: Number(entries.at(-1)?.seq), rows };
    } finally {
      this.#db.exec('COMMIT');
    }
  }

  /** Forgets what the head office has committed. */
  acknowledge(lastSeq: number): void {
    this.#db.prepare('DELETE FROM hq_outbox WHERE seq <= ?').run(lastSeq);
  }

  close(): void {
    this.#db.close();
  }

  #reader(table: HqTable): ReturnType<DatabaseSync['prepare']> {
    let reader = this.#rowReaders.get(table);
    if (reader === undefined) {
      reader = this.#db.prepare(`SELECT * FROM ${table} WHERE rowid = ?`);
      this.#rowReaders.set(table, reader);
    }
    return reader;
  }
}

/** The head office's columns of a row; JSON text becomes JSON (jsonb at the head office). */
function hqValues(table: HqTable, row: Record<string, SQLOutputValue>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [column, type] of Object.entries(HQ_TABLES[table])) {
    const value = row[column] ?? null;
    values[column] = type === 'jsonb' && typeof value === 'string' ? JSON.parse(value) : value;
  }
  return values;
}
