import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport, groupSales } from '../../../../electron/core/day/report.ts';
import { DAY_QUERIES } from '../../../../electron/core/ledger/day-queries.ts';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { ROLLUP_BUCKET_MS } from '../../../../electron/core/ledger/migration-rollup.ts';
import { MIGRATIONS } from '../../../../electron/core/ledger/migrations.ts';
import { canTransition, PAYMENT_STATES, type PaymentState } from '../../../../shared/payment.ts';
import { T0, manualClock, newPayment, tempDir } from './fixture.ts';

const HOUR = ROLLUP_BUCKET_MS;

type Sale = { state: PaymentState; amount: number; paidAmount: number | null; createdAt: number; lateAt: number | null; voidedAt: number | null };
const facts = (sale: Sale) => ({
  state: sale.state, amount: sale.amount, paidAmount: sale.paidAmount, createdAt: sale.createdAt, late: sale.lateAt !== null, voided: sale.voidedAt !== null,
});
/** The report as the schema-2 code computed it: one GROUP BY over every sale in the window. */
function directReport(db: DatabaseSync, from: number, to: number) {
  return buildReport(
    db.prepare(DAY_QUERIES.reportBetween).all(from, to).map((row) => ({
      state: row.state as PaymentState, late: Number(row.late) === 1, voided: Number(row.voided) === 1, count: Number(row.count),
      amount: Number(row.amount), paid: Number(row.paid), paidOrCharged: Number(row.paid_or_charged),
      firstAt: Number(row.first_at), lastAt: Number(row.last_at),
    })),
  );
}
const withoutResolutions = <T extends object>(report: T) => ({ ...report, resolutions: undefined, earlier: undefined, overpaid: undefined, overpaidResolved: undefined });

describe('Ledger schema 3: the hourly report rollup', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  it('backfills a schema-2 ledger: range reports over whole hours equal the sum over its sales', () => {
    const file = `${temp.dir}/v2.sqlite`;
    const raw = new DatabaseSync(file);
    MIGRATIONS[0]!(raw);
    MIGRATIONS[1]!(raw);
    raw.exec('PRAGMA user_version = 2');
    const insert = raw.prepare(`INSERT INTO payments (trade_no, amount, paid_amount, state, customer_name, customer_mobile,
      customer_email, environment, created_at, updated_at, expires_at, late_at, voided_at) VALUES (?, ?, ?, ?, 'a', 'b', 'c', 'live', ?, ?, ?, ?, ?)`);
    const rows: Sale[] = [
      { state: 'paid', amount: 10_000, paidAmount: 10_000, createdAt: T0 + 10, lateAt: null, voidedAt: null },
      { state: 'paid', amount: 20_000, paidAmount: null, createdAt: T0 + HOUR + 5, lateAt: T0 + 2 * HOUR, voidedAt: T0 + HOUR + 9 },
      { state: 'partially_paid', amount: 30_000, paidAmount: 1_000, createdAt: T0 + 2 * HOUR - 1, lateAt: null, voidedAt: null },
      { state: 'cancelled', amount: 40_000, paidAmount: null, createdAt: T0 + 3 * HOUR + 7, lateAt: null, voidedAt: T0 + 3 * HOUR + 8 },
      { state: 'awaiting_payment', amount: 50_000, paidAmount: null, createdAt: T0 + 5 * HOUR, lateAt: null, voidedAt: null },
    ];
    rows.forEach((row, i) => insert.run(`OLD${i}`, row.amount, row.paidAmount, row.state, row.createdAt, row.createdAt, row.createdAt + 1, row.lateAt, row.voidedAt));
    raw.close();

    const ledger = Ledger.open(file);
    try {
      expect(ledger.durability().schemaVersion).toBe(MIGRATIONS.length);
      const report = ledger.day.reportBetween(T0, T0 + 6 * HOUR);
      expect(withoutResolutions(report)).toEqual(withoutResolutions(buildReport(groupSales(rows.map(facts)))));
      expect(report).toMatchObject({ saleCount: 5, received: 20_000 + 10_000 + 1_000, late: { count: 1, received: 20_000 }, voids: { count: 2, amount: 60_000 } });
      const check = new DatabaseSync(file);
      expect(check.prepare('SELECT sum(count) AS n FROM payments_hourly').get()?.n).toBe(5);
      check.close();
    } finally {
      ledger.close();
    }
  });

  it('reads whole hours from the rollup key and the edges and first/last sale from payments_by_created', () => {
    Ledger.open(temp.file).close();
    const raw = new DatabaseSync(temp.file);
    const plan = (sql: string) => raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1, 2).map((row) => String(row.detail)).join('\n');
    expect(plan(DAY_QUERIES.reportHourly)).toMatch(/SEARCH payments_hourly USING PRIMARY KEY \(hour>\? AND hour<\?\)/);
    expect(plan(DAY_QUERIES.firstBetween)).toMatch(/SEARCH payments USING COVERING INDEX payments_by_created/);
    expect(plan(DAY_QUERIES.lastBetween)).toMatch(/SEARCH payments USING COVERING INDEX payments_by_created/);
    raw.close();
  });

  it('a follow-up payment is not the last sale: whole hours (rollup) and part-hours report the same first/last sale', () => {
    const ledger = Ledger.open(temp.file);
    try {
      const customer = { customerName: 'a', customerMobile: 'b', customerEmail: 'c', customerTyped: { name: true, mobile: true, email: true }, environment: 'training' } as const;
      ledger.record({ tradeNo: 'FIRST', amount: 10_000, ...customer, createdAt: T0 + 10, expiresAt: T0 + 900_000 });
      ledger.update('FIRST', { state: 'failed' });
      ledger.recordCash({ tradeNo: 'REST', amount: 10_000, tendered: 10_000, ...customer, createdAt: T0 + 2 * HOUR, saleTradeNo: 'FIRST' });
      const wholeHours = ledger.day.reportBetween(T0, T0 + 3 * HOUR);
      expect(wholeHours).toMatchObject({ saleCount: 1, firstSaleAt: T0 + 10, lastSaleAt: T0 + 10, receivedByMethod: { qris: 0, cash: 10_000 } });
      expect(ledger.day.reportBetween(T0 + 1, T0 + 3 * HOUR - 1)).toMatchObject({ firstSaleAt: T0 + 10, lastSaleAt: T0 + 10 });
    } finally {
      ledger.close();
    }
  });

  it('property: for random sales over several hours and random state changes (late, voids, partial), any window reports what one query over its sales does', () => {
    const clock = manualClock();
    const seen = { late: 0, voided: 0, partial: 0 };
    const steps = fc.array(
      fc.oneof(
        { arbitrary: fc.record({ kind: fc.constant('sale' as const), amount: fc.integer({ min: 1, max: 10_000_000 }), at: fc.integer({ min: 0, max: 6 * HOUR }) }), weight: 1 },
        { arbitrary: fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: fc.nat(), paid: fc.option(fc.integer({ min: 0, max: 10_000_000 })) }), weight: 3 },
        // Walk one sale along awaiting → expired | cancelled → paid | partially_paid: a void, then late.
        { arbitrary: fc.record({ kind: fc.constant('late' as const), pick: fc.nat(), closed: fc.constantFrom<PaymentState>('expired', 'cancelled'), to: fc.constantFrom<PaymentState>('paid', 'partially_paid'), paid: fc.option(fc.integer({ min: 0, max: 10_000_000 })) }), weight: 1 },
      ),
      { maxLength: 80 },
    );
    // Window edges: on the hour, a millisecond either side of it, or anywhere.
    const edge = fc.oneof(
      fc.integer({ min: -1, max: 7 }).map((h) => T0 + h * HOUR),
      fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(-1, 1)).map(([h, d]) => T0 + h * HOUR + d),
      fc.integer({ min: -HOUR, max: 7 * HOUR }).map((ms) => T0 + ms),
    );
    fc.assert(
      fc.property(steps, fc.array(fc.tuple(edge, edge), { minLength: 1, maxLength: 6 }), (plan, windows) => {
        const run = tempDir();
        const ledger = Ledger.open(run.file, { now: clock.now });
        try {
          const trades: string[] = [];
          plan.forEach((step, index) => {
            clock.set(T0 + 7 * HOUR + index);
            if (step.kind === 'sale') {
              trades.push(`S${index}`);
              ledger.record(newPayment(`S${index}`, { amount: step.amount, createdAt: T0 + step.at }));
            } else if (step.kind === 'late' && trades.length > 0) {
              const tradeNo = trades[step.pick % trades.length]!;
              for (const [to, paidAmount] of [['awaiting_payment', null], [step.closed, null], [step.to, step.paid]] as const) {
                if (canTransition(ledger.get(tradeNo)!.state, to)) ledger.update(tradeNo, { state: to, paidAmount });
              }
            } else if (step.kind === 'move' && trades.length > 0) {
              const tradeNo = trades[step.pick % trades.length]!;
              // A walk along allowed transitions, so that expired/cancelled → paid (late) comes up often.
              const from = ledger.get(tradeNo)!.state;
              const next = PAYMENT_STATES.filter((to) => to !== 'creating' && canTransition(from, to));
              if (next.length > 0) ledger.update(tradeNo, { state: next[step.to % next.length]!, paidAmount: step.paid });
            }
          });
          const sales = trades.map((tradeNo) => ledger.day.byTradeNo(tradeNo)[0]!);
          seen.late += sales.filter((sale) => sale.lateAt !== null).length;
          seen.voided += sales.filter((sale) => sale.voidedAt !== null).length;
          seen.partial += sales.filter((sale) => sale.state === 'partially_paid').length;
          const raw = new DatabaseSync(run.file);
          try {
            for (const [a, b] of windows) {
              const [from, to] = a <= b ? [a, b] : [b, a];
              const expected = buildReport(groupSales(sales.filter((sale) => sale.createdAt >= from && sale.createdAt < to).map(facts)));
              const got = withoutResolutions(ledger.day.reportBetween(from, to));
              expect(got).toEqual(withoutResolutions(expected));
              expect(got).toEqual(withoutResolutions(directReport(raw, from, to)));
            }
          } finally {
            raw.close();
          }
        } finally {
          ledger.close();
          run.cleanup();
        }
      }),
      { numRuns: 60 },
    );
    // The walk did reach the cases the rollup must move between groups.
    expect(seen.late).toBeGreaterThan(0);
    expect(seen.voided).toBeGreaterThan(0);
    expect(seen.partial).toBeGreaterThan(0);
  });
});
