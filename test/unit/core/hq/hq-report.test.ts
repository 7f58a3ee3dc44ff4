import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyReport, REPORT_BUCKETS, type SalesReport } from '../../../../electron/core/day/report.ts';
import type { ShiftReport } from '../../../../electron/core/ledger/day-records.ts';
import { SalesCsv } from '../../../../electron/core/day/sales-csv.ts';
import { collectCsv, salesExport } from '../../../../electron/core/day/sales-export.ts';
import {
  consolidatedReport, exportAcrossTills, lateAcrossTills, listTills, searchAcrossTills, shiftsAcrossTills, type HqExportSale,
} from '../../../../electron/core/hq/hq-report.ts';
import { numberSearch } from '../../../../shared/day/search-rules.ts';
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

  it('property: for random QRIS and cash sales, follow-ups (Tagih sisa, the rest in cash) and overpayments on three tills of two outlets, the all-tills and each outlet\'s day and range reports are the sums of the tills\' own reports, to the rupiah, by method', async () => {
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
          // The range report (from the first day of the runs to this one): the same arithmetic over several days.
          const ranged = tills.map((till) => salesPart(till.ledger.day.reportBetween(T0 + DAY, from + DAY)));
          expect(await consolidatedReport(client, { kind: 'all' }, T0 + DAY, from + DAY)).toEqual(addReports(ranged));
          expect(await consolidatedReport(client, { kind: 'outlet', outlet: 'Outlet B' }, T0 + DAY, from + DAY)).toEqual(ranged[2]);
        });
      }),
      { numRuns: 8 },
    );
    expect(Math.min(seen.cash, seen.followUps, seen.overpaid), JSON.stringify(seen)).toBeGreaterThan(0);
  });

  it('finds a sale of another till by the end of either number or of the customer\'s mobile (the till\'s F6 box), or by amount and time, with its methods; lists the tills', async () => {
    const [a, b] = [await hq.till('Kasir S1', 'Outlet S'), await hq.till('Kasir S2', 'Outlet T')];
    a!.ledger.record({ tradeNo: 'SEARCH1', amount: 77_777, customerName: 'P', customerMobile: '081234567890', customerEmail: 'p@example.com', customerTyped: { name: true, mobile: true, email: true }, environment: 'training', createdAt: T0, expiresAt: T0 + 900_000 });
    a!.ledger.update('SEARCH1', { state: 'partially_paid', paidAmount: 7_777, platformTradeNo: 'pp-20261207-9a9f' });
    // The rest in cash: the sale is QRIS + cash, found also by the cash payment's own number.
    a!.ledger.recordCash({ tradeNo: 'SEARCH1R', amount: 70_000, tendered: 70_000, customerName: 'P', customerMobile: '081234567890', customerEmail: 'p@example.com', customerTyped: { name: true, mobile: true, email: true }, environment: 'training', createdAt: T0 + 1, saleTradeNo: 'SEARCH1' });
    b!.ledger.record({ tradeNo: 'SEARCH2', amount: 77_777, customerName: 'P', customerMobile: '0899', customerEmail: 'p@example.com', customerTyped: { name: true, mobile: true, email: true }, environment: 'training', createdAt: T0 + 60_000, expiresAt: T0 + 900_000 });
    await a!.sync.drain();
    await b!.sync.drain();
    const found = async (text: string) => {
      const search = numberSearch(text);
      if (!search.ok) throw new Error(search.code);
      return withClient(loginUrl(hq.server, hq.owner), async (client) => (await searchAcrossTills(client, search)).map((sale) => `${sale.tillName}:${sale.tradeNo}:${sale.methods.join('+')}`));
    };
    expect(await found('9A9F')).toEqual(['Kasir S1:SEARCH1:qris+cash']); // Paypro's number, any case
    expect(await found('CH1R')).toEqual(['Kasir S1:SEARCH1:qris+cash']); // the follow-up's number: its sale
    expect(await found('0812-3456-7890')).toEqual(['Kasir S1:SEARCH1:qris+cash']); // the mobile, as typed with dashes
    expect(await found('567890')).toEqual(['Kasir S1:SEARCH1:qris+cash']);
    expect(await found('rch2')).toEqual(['Kasir S2:SEARCH2:qris']);
    expect(await found('ZZZZ')).toEqual([]);
    await withClient(loginUrl(hq.server, hq.owner), async (client) => {
      const byAmount = await searchAcrossTills(client, { amount: 77_777, fromMs: T0 - 1, toMs: T0 + DAY });
      expect(byAmount.map((sale) => sale.tradeNo)).toEqual(['SEARCH2', 'SEARCH1']);
      expect((await listTills(client)).map((till) => `${till.outletName}/${till.tillName}`)).toContain('Outlet T/Kasir S2');
    });
  });

  it('lists every till\'s shifts with their counted cash, the late payments still to resolve on any till, and the CSV of all tills (the till\'s own rows plus till and outlet)', async () => {
    const [a, b] = [await hq.till('Kasir L1', 'Outlet L'), await hq.till('Kasir L2', 'Outlet M')];
    const siti = a!.ledger.day.addCashier('Siti', null);
    const shift = a!.ledger.day.openShift(siti.id, 100_000);
    const customer = { customerName: 'Budi', customerMobile: '081234567890', customerEmail: 'budi@example.com', customerTyped: { name: true, mobile: false, email: true }, environment: 'training' } as const;
    const now = Date.now();
    a!.ledger.recordCash({ tradeNo: 'L-CASH', amount: 10_000_000, tendered: 10_000_000, ...customer, createdAt: now });
    a!.ledger.day.closeShift(shift.id, { cash: { counted: 10_095_000, expectedSeen: 10_100_000, differenceApproved: true } });
    // Till 2: a sale cancelled at the counter, then paid: late, waiting for its till to act; another resolved.
    b!.ledger.day.openShift(b!.ledger.day.addCashier('Ani', null).id);
    for (const tradeNo of ['L-LATE', 'L-DONE']) {
      b!.ledger.record({ tradeNo, amount: 50_000, ...customer, createdAt: now, expiresAt: now + 900_000 });
      b!.ledger.update(tradeNo, { state: 'awaiting_payment' });
      b!.ledger.update(tradeNo, { state: 'cancelled' });
      b!.ledger.update(tradeNo, { state: 'paid', paidAmount: 50_000 });
    }
    b!.ledger.day.resolveLate('L-DONE', 'goods_handed_over', '');
    // And a QR paid more than charged, whose excess the till kept as the customer's deposit.
    b!.ledger.record({ tradeNo: 'L-OVER', amount: 20_000, ...customer, createdAt: now, expiresAt: now + 900_000 });
    b!.ledger.update('L-OVER', { state: 'paid', paidAmount: 20_000, overpaidAmount: 5_000 });
    b!.ledger.day.resolveOverpaid('L-OVER', 'kept', 'deposit pelanggan');
    await a!.sync.drain();
    await b!.sync.drain();
    const range = { start: now - 3_600_000, end: now + 3_600_000 };
    await withClient(loginUrl(hq.server, hq.owner), async (client) => {
      const shifts = await shiftsAcrossTills(client, { kind: 'outlet', outlet: 'Outlet L' }, range.start, range.end);
      expect(shifts).toMatchObject([{ tillName: 'Kasir L1', cashierName: 'Siti', expected: 10_100_000, counted: 10_095_000, difference: -5_000 }]);
      expect(shifts[0]!.closedAt).not.toBeNull();
      expect((await shiftsAcrossTills(client, { kind: 'all' }, range.start, range.end)).map((row) => `${row.tillName}:${row.cashierName}:${row.closedAt === null ? 'open' : 'closed'}`))
        .toEqual(expect.arrayContaining(['Kasir L1:Siti:closed', 'Kasir L2:Ani:open']));
      expect(await lateAcrossTills(client, { kind: 'outlet', outlet: 'Outlet M' })).toMatchObject([{ tillName: 'Kasir L2', tradeNo: 'L-LATE', amount: 50_000, received: 50_000 }]);
      expect(await lateAcrossTills(client, { kind: 'outlet', outlet: 'Outlet L' })).toEqual([]);

      for (const personalData of [false, true]) {
        const csv = new SalesCsv<HqExportSale>(0, 'rfc4180', { personalData, extra: { header: ['till', 'outlet'], cells: (sale) => [sale.tillName, sale.outletName] } });
        let text = csv.head();
        for await (const page of exportAcrossTills(client, { kind: 'all' }, range.start, range.end, 2)) text += csv.lines(page);
        const [header, ...rows] = text.trim().split(/\r?\n/);
        expect(header!.endsWith(',till,outlet')).toBe(true);
        for (const [till, outlet] of [[a!, 'Outlet L'], [b!, 'Outlet M']] as const) {
          const own = await collectCsv(salesExport(till.ledger.day, range, { fileName: 'x.csv', cutoffMinutes: 0, format: 'rfc4180', personalData, mdrPlan: 'regular' }).chunks);
          const ownRows = own.trim().split(/\r?\n/).slice(1);
          expect(rows.filter((row) => row.endsWith(`,${till.name},${outlet}`))).toEqual(ownRows.map((row) => `${row},${till.name},${outlet}`));
        }
        expect(text.includes('081234567890')).toBe(personalData);
        expect(rows.filter((row) => row.includes('L-OVER') && row.includes(',kept,'))).toHaveLength(1);
        expect(rows.filter((row) => row.includes(',pelanggan+toko,'))).toHaveLength(rows.length);
      }
    });
  });
});
