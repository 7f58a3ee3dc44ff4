import { DatabaseSync } from 'node:sqlite';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectCsv, salesExport } from '../../../../electron/core/day/sales-export.ts';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { newPayment, T0, tempDir } from '../ledger/fixture.ts';

beforeAll(() => {
  process.env.TZ = 'Asia/Jakarta';
});

describe('CSV export page by page (audit item 6)', () => {
  let temp: ReturnType<typeof tempDir>;
  let ledger: Ledger;
  beforeEach(() => {
    temp = tempDir();
    ledger = Ledger.open(temp.file);
  });
  afterEach(() => {
    ledger.close();
    temp.cleanup();
  });

  const exportOf = (pageSize: number, range = { start: T0, end: T0 + 86_400_000 }) =>
    salesExport(ledger.day, range, { fileName: 'x.csv', cutoffMinutes: 0, format: 'rfc4180', personalData: true, mdrPlan: 'regular', pageSize });
  const tradeNos = async (chunks: AsyncIterable<string>) => (parse(await collectCsv(chunks), { bom: true, columns: true }) as { trade_no: string }[]).map((row) => row.trade_no);

  it('writes every sale of the range once, oldest first, across pages — also sales made in the same millisecond', async () => {
    // Three sales share T0 + 1000 and straddle the page edges (pages of 2): the keyset is (created_at, id).
    const times = [T0 + 3000, T0 + 1000, T0 + 1000, T0, T0 + 1000, T0 + 2000, T0 - 1, T0 + 86_400_000];
    times.forEach((createdAt, i) => ledger.record(newPayment(`S${i}`, { createdAt })));
    for (const pageSize of [1, 2, 3, 1000]) {
      const file = exportOf(pageSize);
      expect(await tradeNos(file.chunks)).toEqual(['S3', 'S1', 'S2', 'S4', 'S5', 'S0']);
      expect(file.rowsWritten()).toBe(6);
    }
  });

  it('lets the event loop run between pages, whoever consumes the chunks (the old export built the file in one go)', async () => {
    for (let i = 0; i < 5; i++) ledger.record(newPayment(`S${i}`, { createdAt: T0 + i }));
    const file = exportOf(2);
    let rowsWhenTimerRan = -1;
    setImmediate(() => (rowsWhenTimerRan = file.rowsWritten()));
    await collectCsv(file.chunks);
    expect(rowsWhenTimerRan).toBeGreaterThan(0);
    expect(rowsWhenTimerRan).toBeLessThan(5);
  });

  it('the ledger keeps writing during an export: a sale recorded between pages is committed at once, and exported once', async () => {
    for (let i = 0; i < 4; i++) ledger.record(newPayment(`S${i}`, { createdAt: T0 + i }));
    const file = exportOf(2);
    const chunks = file.chunks[Symbol.asyncIterator]();
    await chunks.next(); // header
    await chunks.next(); // first page
    ledger.record(newPayment('DURING', { createdAt: T0 + 10 }));
    const other = new DatabaseSync(temp.file, { readOnly: true });
    try {
      expect(other.prepare('SELECT count(*) AS n FROM payments WHERE trade_no = ?').get('DURING')).toEqual({ n: 1 });
    } finally {
      other.close();
    }
    let rest = '';
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) rest += next.value;
    // A sale made during the export, inside the range and after the cursor, is in the file too.
    expect(rest.match(/DURING/g)).toHaveLength(1);
    expect(file.rowsWritten()).toBe(5);
  });
});
