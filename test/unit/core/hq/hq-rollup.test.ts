import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildReport, reportGroupOfRow } from '../../../../electron/core/day/report.ts';
import { consolidatedReport, type HqReport, type HqScope } from '../../../../electron/core/hq/hq-report.ts';
import { migrateHq, ROLLUP_BUCKETS } from '../../../../electron/core/hq/schema.ts';
import { upsertSql } from '../../../../electron/core/hq/sync.ts';
import { loginUrl, useHq } from '../../../harness/hq-fixture.ts';
import { withClient } from '../../../harness/postgres.ts';
import { T0 } from '../ledger/fixture.ts';

const HOUR = ROLLUP_BUCKETS.hour;
const DAY = ROLLUP_BUCKETS.day;
/** Each property run writes and reports inside its own three days, from 01:00 UTC (T0's hour). */
const WINDOW = 3 * DAY;

/**
 * The report as it was before the rollups (head-office schema 2): one GROUP BY over the range's
 * rows. The oracle the rollup-based report must equal.
 */
async function rawReport(client: pg.ClientBase, scope: HqScope, fromMs: number, toMs: number): Promise<HqReport> {
  const filter = scope.kind === 'till' ? { sql: 'AND p.till_id = $3', params: [scope.tillId] }
    : scope.kind === 'outlet' ? { sql: 'AND p.till_id IN (SELECT till_id FROM paypro.tills WHERE outlet_name = $3)', params: [scope.outlet] }
      : { sql: '', params: [] };
  const range = `p.created_at >= $1 AND p.created_at < $2 ${filter.sql}`;
  const params = [fromMs, toMs, ...filter.params];
  const { rows } = await client.query<Record<string, string | boolean>>(
    `SELECT state, late_at IS NOT NULL AS late, voided_at IS NOT NULL AS voided, method,
       sale_id IS NOT NULL AS follow_up, completed_at IS NOT NULL AS completed, count(*) AS count,
       sum(amount) AS amount, coalesce(sum(paid_amount), 0) AS paid, sum(coalesce(paid_amount, amount)) AS paid_or_charged,
       min(created_at) AS first_at, max(created_at) AS last_at
     FROM paypro.payments p WHERE ${range} GROUP BY 1, 2, 3, 4, 5, 6`, params);
  const overpaid = await client.query<{ count: string; amount: string }>(
    `SELECT count(*) AS count, coalesce(sum(overpaid_amount), 0) AS amount FROM paypro.payments p
     WHERE ${range} AND p.overpaid_amount IS NOT NULL`, params);
  return { ...buildReport(rows.map(reportGroupOfRow)), overpaid: { count: Number(overpaid.rows[0]?.count), amount: Number(overpaid.rows[0]?.amount) } };
}

const STATES = ['creating', 'unknown', 'awaiting_payment', 'paid', 'partially_paid', 'failed', 'expired', 'cancelled'] as const;

/** What a till may change of a payment: its state and the report's flags and money. */
const changeArb = fc.record({
  state: fc.constantFrom(...STATES),
  paid_amount: fc.option(fc.integer({ min: 0, max: 12_000_000 }), { nil: null }),
  late: fc.boolean(),
  voided: fc.boolean(),
  completed: fc.boolean(),
  overpaid_amount: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
});

/** Times near hour boundaries (a row exactly at an hour's start, one a millisecond before) as well as anywhere. */
const offsetArb = fc.oneof(
  fc.integer({ min: 0, max: WINDOW - 1 }),
  fc.tuple(fc.integer({ min: 1, max: 71 }), fc.integer({ min: -1, max: 1 })).map(([hour, ms]) => hour * HOUR + ms),
);

const commandArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    kind: fc.constant('new' as const), till: fc.nat({ max: 2 }), offset: offsetArb, amount: fc.integer({ min: 1, max: 10_000_000 }),
    method: fc.constantFrom('qris', 'cash', null), followUp: fc.boolean(), change: changeArb,
  }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('change' as const), pick: fc.nat(), change: changeArb }) },
  // An older version of a row delivered again (an old copy of the ledger, a batch sent twice): ignored.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stale' as const), pick: fc.nat(), change: changeArb, back: fc.nat({ max: 3 }) }) },
);

/** Ranges from anywhere, from an hour, or from a UTC midnight; any length, whole hours, whole days, or under an hour. */
const rangeArb = fc.record({
  from: fc.oneof(fc.integer({ min: -HOUR, max: WINDOW }), fc.integer({ min: 0, max: 72 }).map((hour) => hour * HOUR),
    fc.integer({ min: 0, max: 2 }).map((day) => day * DAY + 23 * HOUR)),
  length: fc.oneof(fc.integer({ min: 0, max: WINDOW }), fc.integer({ min: 0, max: 72 }).map((hours) => hours * HOUR),
    fc.integer({ min: 1, max: 3 }).map((days) => days * DAY), fc.integer({ min: 0, max: HOUR })),
});

interface Row {
  till: number;
  id: number;
  version: number;
  values: Record<string, unknown>;
}

type Change = typeof changeArb extends fc.Arbitrary<infer T> ? T : never;

/** A payments row as a till sends it: the sale's fixed facts and its changing ones. */
function rowValues(base: { createdAt: number; amount: number; method: string | null; saleId: number | null }, change: Change): Record<string, unknown> {
  const at = base.createdAt + 60_000;
  return {
    trade_no: `R${base.createdAt}`, amount: base.amount, created_at: base.createdAt, method: base.method, sale_id: base.saleId,
    state: change.state, paid_amount: change.paid_amount, late_at: change.late ? at : null, voided_at: change.voided ? at : null,
    completed_at: change.completed ? at : null, overpaid_amount: change.overpaid_amount,
  };
}

describe('head office: the report rollups by hour and day (real PostgreSQL)', () => {
  const hq = useHq();

  it('property: for random inserts, changes (state, late, voided, completed, overpaid, follow-ups) and redelivered older versions on three tills, the report of any range of all tills, an outlet and a till equals the GROUP BY of the rows, to the rupiah', async () => {
    const tills = [await hq.till('Kasir R1', 'Outlet A'), await hq.till('Kasir R2', 'Outlet A'), await hq.till('Kasir R3', 'Outlet B')];
    const tillIds = tills.map(() => randomUUID());
    const clients = await Promise.all(tills.map(async (till, index) => {
      const client = new pg.Client({ connectionString: loginUrl(hq.server, till.login) });
      await client.connect();
      await client.query('UPDATE paypro.tills SET till_id = $1 WHERE role_name = current_user', [tillIds[index]]);
      return client;
    }));
    const owner = new pg.Client({ connectionString: loginUrl(hq.server, hq.owner) });
    await owner.connect();
    const seen = { updates: 0, ignored: 0, edgeRanges: 0, wholeDayRanges: 0 };
    let run = 0;
    let nextId = 1;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(commandArb, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }), fc.array(rangeArb, { minLength: 1, maxLength: 4 }), async (batches, ranges) => {
          const base = T0 + 100 * DAY + run * (WINDOW + DAY);
          run += 1;
          const rows: Row[] = [];
          let version = 1;
          for (const batch of batches) {
            // One upsert statement per till and batch, each row at most once (as the outbox sends it).
            const sent = new Map<number, Record<string, unknown>[]>();
            const inBatch = new Set<Row>();
            for (const command of batch) {
              if (command.kind === 'new') {
                const saleOf = rows.find((row) => row.till === command.till && row.values.sale_id === null);
                const row: Row = {
                  till: command.till, id: nextId++, version: version++,
                  values: rowValues({ createdAt: base + command.offset, amount: command.amount, method: command.method, saleId: command.followUp && saleOf ? saleOf.id : null }, command.change),
                };
                rows.push(row);
                inBatch.add(row);
                sent.set(row.till, [...(sent.get(row.till) ?? []), { id: row.id, version: row.version, ...row.values }]);
                continue;
              }
              const row = rows[command.pick % Math.max(1, rows.length)];
              if (row === undefined || inBatch.has(row)) continue;
              inBatch.add(row);
              const values = rowValues({
                createdAt: Number(row.values.created_at), amount: Number(row.values.amount), method: row.values.method as string | null, saleId: row.values.sale_id as number | null,
              }, command.change);
              if (command.kind === 'change') {
                row.version = version++;
                row.values = values;
                seen.updates += 1;
                sent.set(row.till, [...(sent.get(row.till) ?? []), { id: row.id, version: row.version, ...values }]);
              } else {
                seen.ignored += 1;
                sent.set(row.till, [...(sent.get(row.till) ?? []), { id: row.id, version: Math.max(0, row.version - command.back), ...values }]);
              }
            }
            for (const [till, json] of sent) await clients[till]!.query(upsertSql('payments'), [tillIds[till], JSON.stringify(json)]);
          }
          const scopes: HqScope[] = [{ kind: 'all' }, { kind: 'outlet', outlet: 'Outlet A' }, { kind: 'till', tillId: tillIds[2]! }];
          for (const range of ranges) {
            const from = base + range.from;
            const to = from + range.length;
            if (from % HOUR !== 0 || to % HOUR !== 0) seen.edgeRanges += 1;
            if (Math.floor(to / DAY) - Math.ceil(from / DAY) >= 1) seen.wholeDayRanges += 1;
            for (const scope of scopes) {
              expect(await consolidatedReport(owner, scope, from, to), `${JSON.stringify(scope)} ${from}–${to}`).toEqual(await rawReport(owner, scope, from, to));
            }
          }
        }),
        { numRuns: 40 },
      );
    } finally {
      await Promise.all([...clients, owner].map((client) => client.end()));
    }
    expect(Math.min(seen.updates, seen.ignored, seen.edgeRanges, seen.wholeDayRanges), JSON.stringify(seen)).toBeGreaterThan(0);
  });

  it('two tills of one stripe writing at once, inserts and updates in each statement, neither deadlock nor lose a rupiah', async () => {
    const tills = [await hq.till('Kasir S1', 'Outlet S'), await hq.till('Kasir S2', 'Outlet S')];
    // Ids whose last byte is equal: the same stripe of the all-tills rollup.
    const tillIds = ['0a', '1a'].map((suffix) => `${randomUUID().slice(0, -2)}${suffix}`);
    const clients = await Promise.all(tills.map(async (till, index) => {
      const client = new pg.Client({ connectionString: loginUrl(hq.server, till.login) });
      await client.connect();
      await client.query('UPDATE paypro.tills SET till_id = $1 WHERE role_name = current_user', [tillIds[index]]);
      return client;
    }));
    const from = T0 + 400 * DAY;
    const payment = (id: number, version: number, state: string, day: number) => ({
      id, version, trade_no: `S${id}`, amount: 1_000 * id, state, paid_amount: state === 'paid' ? 1_000 * id : null,
      created_at: from + day * DAY + (id % 5) * HOUR,
    });
    const SEEDED = 20;
    try {
      // Each till sells on its own day and changes sales of the other till's day (made first): in
      // one upsert, the insert half takes rollup rows of one day, the update half of the other —
      // the two tills in opposite orders.
      for (const [index, client] of clients.entries()) {
        const rows = Array.from({ length: SEEDED }, (_, n) => payment(1_000 + n, 1, 'awaiting_payment', 1 - index));
        await client.query(upsertSql('payments'), [tillIds[index], JSON.stringify(rows)]);
      }
      await Promise.all(clients.map(async (client, index) => {
        for (let batch = 1; batch <= 40; batch++) {
          const rows = [
            ...[1, 2, 3].map((n) => payment(batch * 10 + n, batch + 1, 'awaiting_payment', index)),
            ...Array.from({ length: SEEDED }, (_, n) => payment(1_000 + n, batch + 1, batch % 2 === 0 ? 'awaiting_payment' : 'paid', 1 - index)),
          ];
          await client.query(upsertSql('payments'), [tillIds[index], JSON.stringify(rows)]);
        }
      }));
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    await withClient(loginUrl(hq.server, hq.owner), async (owner) => {
      const report = await consolidatedReport(owner, { kind: 'outlet', outlet: 'Outlet S' }, from, from + 2 * DAY);
      expect(report.saleCount).toBe(2 * (40 * 3 + SEEDED));
      expect(report).toEqual(await rawReport(owner, { kind: 'outlet', outlet: 'Outlet S' }, from, from + 2 * DAY));
      expect(await consolidatedReport(owner, { kind: 'all' }, from, from + 2 * DAY)).toEqual(await rawReport(owner, { kind: 'all' }, from, from + 2 * DAY));
    });
  });

  it('upgrading a head office that holds rows fills the rollups from them; later writes keep them exact', async () => {
    const database = 'paypro_upgrade';
    await withClient(hq.server.url, (admin) => admin.query(`CREATE DATABASE ${database}`));
    const url = new URL(hq.server.url);
    url.pathname = `/${database}`;
    const tillId = randomUUID();
    const from = T0;
    const to = T0 + DAY;
    await withClient(url.toString(), async (admin) => {
      expect(await migrateHq(admin, 2)).toBe(2);
      // Rows of schema 2, and one of schema 1 without a method (a QRIS payment), across hours.
      await admin.query(
        `INSERT INTO paypro.payments (till_id, id, version, trade_no, amount, paid_amount, state, created_at, method, late_at, voided_at, sale_id, overpaid_amount)
         VALUES ($1, 1, 1, 'U1', 10000, 10000, 'paid', $2, 'qris', NULL, NULL, NULL, 500),
                ($1, 2, 1, 'U2', 20000, 5000, 'partially_paid', $2 + 3600000, 'qris', NULL, NULL, NULL, NULL),
                ($1, 3, 1, 'U3', 15000, NULL, 'paid', $2 + 7200000, 'cash', NULL, NULL, 2, NULL),
                ($1, 4, 1, 'U4', 30000, 30000, 'paid', $2 + 9000000, NULL, $2 + 9100000, $2 + 9050000, NULL, NULL)`,
        [tillId, from + 1_000],
      );
      expect((await admin.query("SELECT to_regclass('paypro.payments_rollup_all') AS rollup")).rows).toEqual([{ rollup: null }]);
      expect(await migrateHq(admin, 3)).toBe(3);
      const before = await rawReport(admin, { kind: 'all' }, from, to);
      expect(before.received).toBe(10_000 + 5_000 + 15_000 + 30_000);
      expect(before.overpaid).toEqual({ count: 1, amount: 500 });
      expect(await consolidatedReport(admin, { kind: 'all' }, from, to)).toEqual(before);
      expect(await consolidatedReport(admin, { kind: 'till', tillId }, from + HOUR, to)).toEqual(await rawReport(admin, { kind: 'till', tillId }, from + HOUR, to));
      // The first one found paid after all, and a newer sale: the rollups follow.
      await admin.query(upsertSql('payments'), [tillId, JSON.stringify([
        { id: 2, version: 2, trade_no: 'U2', amount: 20000, paid_amount: 20000, state: 'paid', created_at: from + 3_601_000, method: 'qris' },
        { id: 5, version: 2, trade_no: 'U5', amount: 7000, state: 'expired', created_at: from + 5 * HOUR, method: 'qris' },
      ])]);
      const after = await consolidatedReport(admin, { kind: 'all' }, from, to);
      expect(after).toEqual(await rawReport(admin, { kind: 'all' }, from, to));
      expect(after.received).toBe(10_000 + 20_000 + 15_000 + 30_000);
    });
    await withClient(hq.server.url, (admin) => admin.query(`DROP DATABASE ${database} WITH (FORCE)`));
  });
});
