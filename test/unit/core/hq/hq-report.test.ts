import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyReport, REPORT_BUCKETS, type SalesReport } from '../../../../electron/core/day/report.ts';
import type { ShiftReport } from '../../../../electron/core/ledger/day-records.ts';
import { consolidatedReport, listTills, searchAcrossTills } from '../../../../electron/core/hq/hq-report.ts';
import type { PaymentState } from '../../../../shared/payment.ts';
import { loginUrl, useHq, type Till } from '../../../harness/hq-fixture.ts';
import { withClient } from '../../../harness/postgres.ts';
import { T0 } from '../ledger/fixture.ts';

const DAY = 86_400_000;

type OwnReport = SalesReport & Pick<ShiftReport, 'overpaid'>;

/** Field by field: what an owner adding up the tills' printed reports would get. */
function addReports(reports: OwnReport[]): OwnReport {
  const total: OwnReport = { ...emptyReport(), overpaid: { count: 0, amount: 0 } };
  for (const report of reports) {
    total.saleCount += report.saleCount;
    for (const bucket of REPORT_BUCKETS) {
      total.buckets[bucket].count += report.buckets[bucket].count;
      total.buckets[bucket].amount += report.buckets[bucket].amount;
    }
    total.partial.received += report.partial.received;
    total.partial.outstanding += report.partial.outstanding;
    total.received += report.received;
    total.receivedByMethod.qris += report.receivedByMethod.qris;
    total.receivedByMethod.cash += report.receivedByMethod.cash;
    total.late.count += report.late.count;
    total.late.received += report.late.received;
    total.voids.count += report.voids.count;
    total.voids.amount += report.voids.amount;
    total.overpaid.count += report.overpaid.count;
    total.overpaid.amount += report.overpaid.amount;
    for (const [key, pick] of [['firstSaleAt', Math.min], ['lastSaleAt', Math.max]] as const) {
      const value = report[key];
      if (value !== null) total[key] = total[key] === null ? value : pick(total[key], value);
    }
  }
  return total;
}

function salesPart(report: ShiftReport): OwnReport {
  const { saleCount, buckets, partial, received, receivedByMethod, firstSaleAt, lastSaleAt, late, voids, overpaid } = report;
  return { saleCount, buckets, partial, received, receivedByMethod, firstSaleAt, lastSaleAt, late, voids, overpaid };
}

const PATHS: PaymentState[][] = [
  ['awaiting_payment', 'paid'], ['awaiting_payment', 'partially_paid'], ['failed'], ['awaiting_payment', 'expired'],
  ['awaiting_payment', 'cancelled'], ['awaiting_payment'], ['awaiting_payment', 'expired', 'paid'],
  ['awaiting_payment', 'cancelled', 'partially_paid'], ['unknown', 'paid'],
];

const saleArb = fc.record({
  till: fc.nat({ max: 2 }),
  amount: fc.integer({ min: 1, max: 10_000_000 }),
  path: fc.nat({ max: PATHS.length - 1 }),
  paidShare: fc.option(fc.double({ min: 0, max: 1.2, noNaN: true }), { nil: null }),
  /** Paid beyond the charge (kept apart since ledger schema 9), when the gateway says paid. */
  overpaid: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
  minute: fc.nat({ max: 24 * 60 - 2 }),
  /** Paid in cash at the counter instead of by QR (the path is then not taken). */
  cash: fc.boolean(),
  /** A second payment of the sale a minute later: Tagih sisa (QRIS) or the rest in cash, of `share` of what is left. */
  followUp: fc.option(fc.record({ method: fc.constantFrom('qris', 'cash'), share: fc.double({ min: 0.1, max: 1, noNaN: true }), paid: fc.boolean() }), { nil: null }),
});

type SaleCase = typeof saleArb extends fc.Arbitrary<infer T> ? T : never;

/** What the property's runs actually sold: each kind must have come up. */
const seen = { cash: 0, followUps: 0, overpaid: 0 };

/** One sale on its till's ledger: QRIS along its path (perhaps overpaid) or cash, then any follow-up. */
function sell(till: Till, sale: SaleCase, tradeNo: string, at: number): void {
  const customer = { customerName: 'P', customerMobile: '0812', customerEmail: 'p@example.com', customerTyped: { name: true, mobile: true, email: true }, environment: 'training' } as const;
  if (sale.cash) {
    till.ledger.recordCash({ tradeNo, amount: sale.amount, tendered: sale.amount + 500, ...customer, createdAt: at });
    seen.cash += 1;
    return;
  }
  till.ledger.record({ tradeNo, amount: sale.amount, ...customer, createdAt: at, expiresAt: at + 900_000 });
  for (const state of PATHS[sale.path]!) {
    const share = state === 'paid' || state === 'partially_paid' ? sale.paidShare : null;
    if (state === 'paid' && sale.overpaid !== null) {
      seen.overpaid += 1;
      till.ledger.update(tradeNo, { state, paidAmount: sale.amount, overpaidAmount: sale.overpaid });
    } else if (share === null) till.ledger.update(tradeNo, { state });
    else till.ledger.update(tradeNo, { state, paidAmount: Math.round(sale.amount * share) });
  }
  const first = till.ledger.get(tradeNo)!;
  const rest = sale.amount - (first.state === 'paid' ? sale.amount : first.state === 'partially_paid' ? first.paidAmount ?? 0 : 0);
  if (sale.followUp === null || rest <= 0) return;
  seen.followUps += 1;
  const followUp = { tradeNo: `${tradeNo}-F`, amount: Math.max(1, Math.round(rest * sale.followUp.share)), ...customer, createdAt: at + 60_000, saleTradeNo: tradeNo };
  if (sale.followUp.method === 'cash') {
    till.ledger.recordCash({ ...followUp, tendered: followUp.amount });
    return;
  }
  till.ledger.record({ ...followUp, expiresAt: at + 960_000 });
  till.ledger.update(followUp.tradeNo, { state: 'awaiting_payment' });
  till.ledger.update(followUp.tradeNo, sale.followUp.paid ? { state: 'paid', paidAmount: followUp.amount } : { state: 'expired' });
}

describe('the owner\'s consolidated report (real PostgreSQL)', () => {
  const hq = useHq();

  it('property: for random QRIS and cash sales, follow-ups (Tagih sisa, the rest in cash) and overpayments on three tills of two outlets, the all-tills and each outlet\'s day report are the sums of the tills\' own reports, to the rupiah, by method', async () => {
    const tills: Till[] = [await hq.till('Kasir 1', 'Outlet A'), await hq.till('Kasir 2', 'Outlet A'), await hq.till('Kasir 1', 'Outlet B')];
    let day = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(saleArb, { minLength: 1, maxLength: 25 }), async (sales) => {
        day += 1;
        const from = T0 + day * DAY;
        sales.forEach((sale, index) => sell(tills[sale.till]!, sale, `P${day}-${index}`, from + sale.minute * 60_000));
        for (const till of tills) await till.sync.drain();
        const own = tills.map((till) => salesPart(till.ledger.day.reportBetween(from, from + DAY)));
        await withClient(loginUrl(hq.server, hq.owner), async (client) => {
          expect(await consolidatedReport(client, { kind: 'all' }, from, from + DAY)).toEqual(addReports(own));
          expect(await consolidatedReport(client, { kind: 'outlet', outlet: 'Outlet A' }, from, from + DAY)).toEqual(addReports(own.slice(0, 2)));
          expect(await consolidatedReport(client, { kind: 'till', tillId: tills[2]!.sync.tillId }, from, from + DAY)).toEqual(own[2]);
        });
      }),
      { numRuns: 8 },
    );
    expect(Math.min(seen.cash, seen.followUps, seen.overpaid), JSON.stringify(seen)).toBeGreaterThan(0);
  });

  it('finds a sale of another till by trade number or by amount and time, and lists the tills', async () => {
    const [a, b] = [await hq.till('Kasir S1', 'Outlet S'), await hq.till('Kasir S2', 'Outlet T')];
    a!.ledger.record({ tradeNo: 'SEARCH-1', amount: 77_777, customerName: 'P', customerMobile: '0812', customerEmail: 'p@example.com', customerTyped: { name: true, mobile: true, email: true }, environment: 'training', createdAt: T0, expiresAt: T0 + 900_000 });
    a!.ledger.update('SEARCH-1', { state: 'paid', platformTradeNo: 'PP-999' });
    b!.ledger.record({ tradeNo: 'SEARCH-2', amount: 77_777, customerName: 'P', customerMobile: '0812', customerEmail: 'p@example.com', customerTyped: { name: true, mobile: true, email: true }, environment: 'training', createdAt: T0 + 60_000, expiresAt: T0 + 900_000 });
    await a!.sync.drain();
    await b!.sync.drain();
    await withClient(loginUrl(hq.server, hq.owner), async (client) => {
      expect(await searchAcrossTills(client, { tradeNo: 'PP-999' })).toMatchObject([{ tillName: 'Kasir S1', outletName: 'Outlet S', tradeNo: 'SEARCH-1', state: 'paid' }]);
      const byAmount = await searchAcrossTills(client, { amount: 77_777, fromMs: T0 - 1, toMs: T0 + DAY });
      expect(byAmount.map((sale) => sale.tradeNo)).toEqual(['SEARCH-2', 'SEARCH-1']);
      expect((await listTills(client)).map((till) => `${till.outletName}/${till.tillName}`)).toContain('Outlet T/Kasir S2');
    });
  });
});
