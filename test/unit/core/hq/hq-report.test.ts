import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyReport, REPORT_BUCKETS, type SalesReport } from '../../../../electron/core/day/report.ts';
import { consolidatedReport, listTills, searchAcrossTills } from '../../../../electron/core/hq/hq-report.ts';
import type { PaymentState } from '../../../../shared/payment.ts';
import { loginUrl, useHq, type Till } from '../../../harness/hq-fixture.ts';
import { withClient } from '../../../harness/postgres.ts';
import { T0 } from '../ledger/fixture.ts';

const DAY = 86_400_000;

/** Field by field: what an owner adding up the tills' printed reports would get. */
function addReports(reports: SalesReport[]): SalesReport {
  const total = emptyReport();
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
    for (const [key, pick] of [['firstSaleAt', Math.min], ['lastSaleAt', Math.max]] as const) {
      const value = report[key];
      if (value !== null) total[key] = total[key] === null ? value : pick(total[key], value);
    }
  }
  return total;
}

function salesPart(report: SalesReport): SalesReport {
  const { saleCount, buckets, partial, received, receivedByMethod, firstSaleAt, lastSaleAt, late, voids } = report;
  return { saleCount, buckets, partial, received, receivedByMethod, firstSaleAt, lastSaleAt, late, voids };
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
  minute: fc.nat({ max: 24 * 60 - 1 }),
});

describe('the owner\'s consolidated report (real PostgreSQL)', () => {
  const hq = useHq();

  it('property: for random sales on three tills of two outlets, the all-tills and each outlet\'s day report are the sums of the tills\' own reports, to the rupiah', async () => {
    const tills: Till[] = [await hq.till('Kasir 1', 'Outlet A'), await hq.till('Kasir 2', 'Outlet A'), await hq.till('Kasir 1', 'Outlet B')];
    let day = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(saleArb, { minLength: 1, maxLength: 25 }), async (sales) => {
        day += 1;
        const from = T0 + day * DAY;
        sales.forEach((sale, index) => {
          const till = tills[sale.till]!;
          const tradeNo = `P${day}-${index}`;
          till.ledger.record({ tradeNo, amount: sale.amount, customerName: 'P', customerMobile: '0812', customerEmail: 'p@example.com', environment: 'training', createdAt: from + sale.minute * 60_000, expiresAt: from + sale.minute * 60_000 + 900_000 });
          for (const state of PATHS[sale.path]!) {
            const paid = state === 'paid' || state === 'partially_paid' ? sale.paidShare : null;
            till.ledger.update(tradeNo, paid === null ? { state } : { state, paidAmount: Math.round(sale.amount * paid) });
          }
        });
        for (const till of tills) await till.sync.drain();
        const own = tills.map((till) => salesPart(till.ledger.day.reportBetween(from, from + DAY)));
        await withClient(loginUrl(hq.server, hq.owner), async (client) => {
          expect(await consolidatedReport(client, { kind: 'all' }, from, from + DAY)).toEqual(addReports(own));
          expect(await consolidatedReport(client, { kind: 'outlet', outlet: 'Outlet A' }, from, from + DAY)).toEqual(addReports(own.slice(0, 2)));
          expect(await consolidatedReport(client, { kind: 'till', tillId: tills[2]!.sync.tillId }, from, from + DAY)).toEqual(own[2]);
        });
      }),
      { numRuns: 6 },
    );
  });

  it('finds a sale of another till by trade number or by amount and time, and lists the tills', async () => {
    const [a, b] = [await hq.till('Kasir S1', 'Outlet S'), await hq.till('Kasir S2', 'Outlet T')];
    a!.ledger.record({ tradeNo: 'SEARCH-1', amount: 77_777, customerName: 'P', customerMobile: '0812', customerEmail: 'p@example.com', environment: 'training', createdAt: T0, expiresAt: T0 + 900_000 });
    a!.ledger.update('SEARCH-1', { state: 'paid', platformTradeNo: 'PP-999' });
    b!.ledger.record({ tradeNo: 'SEARCH-2', amount: 77_777, customerName: 'P', customerMobile: '0812', customerEmail: 'p@example.com', environment: 'training', createdAt: T0 + 60_000, expiresAt: T0 + 900_000 });
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
