import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { QUERIES } from '../../../../electron/core/ledger/queries.ts';
import { DAY_PAGE_SIZE, PaymentService } from '../../../../electron/core/payments/payment-service.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';
import { newPayment, tempDir } from '../ledger/fixture.ts';

// Issue 16: Today lists one page at a time (keyset on created_at, id), with the whole day's totals.
describe("Today's pages (listDay)", () => {
  let temp: ReturnType<typeof tempDir>;
  let ledger: Ledger;
  let service: PaymentService;
  // Local noon, so that every sale below falls in one local calendar day.
  const noon = new Date(2026, 2, 2, 12, 0, 0).getTime();

  beforeEach(() => {
    temp = tempDir();
    ledger = Ledger.open(temp.file);
    service = new PaymentService({
      ledger,
      gatewayFor: async () => {
        throw new Error('no gateway in this test');
      },
      settings: () => DEFAULT_SETTINGS,
      now: () => noon,
    });
  });
  afterEach(() => {
    ledger.close();
    temp.cleanup();
  });

  /** n sales, two per millisecond (ties on created_at, broken by id), the last one the newest. */
  function recordSales(n: number, paidEvery = 3): string[] {
    const tradeNos: string[] = [];
    for (let i = 0; i < n; i++) {
      const tradeNo = `T-${String(i).padStart(4, '0')}`;
      ledger.record(newPayment(tradeNo, { amount: 1_000 + i, createdAt: noon - 60_000 + Math.floor(i / 2) }));
      if (i % paidEvery === 0) {
        ledger.update(tradeNo, { state: 'awaiting_payment' });
        ledger.update(tradeNo, { state: 'paid', paidAmount: 1_000 + i });
      }
      tradeNos.push(tradeNo);
    }
    return tradeNos;
  }

  it('the first page is the newest DAY_PAGE_SIZE (25) with the whole day in the totals; the cursor walks every sale exactly once', () => {
    const tradeNos = recordSales(123);
    ledger.record(newPayment('T-YESTERDAY', { createdAt: noon - 13 * 3_600_000 }));
    const first = service.listDay();
    expect(DAY_PAGE_SIZE).toBe(25);
    expect(first.payments).toHaveLength(25);
    expect(first.payments[0]!.tradeNo).toBe('T-0122');
    expect(first.next).not.toBeNull();
    const paid = tradeNos.filter((_, i) => i % 3 === 0);
    expect(first.paidCount).toBe(paid.length);
    expect(first.receivedTotal).toBe(tradeNos.reduce((sum, _, i) => sum + (i % 3 === 0 ? 1_000 + i : 0), 0));

    const seen = first.payments.map((payment) => payment.tradeNo);
    let next = first.next;
    while (next !== null) {
      const page = service.listDay({ cursor: next });
      expect(page.paidCount).toBe(first.paidCount);
      seen.push(...page.payments.map((payment) => payment.tradeNo));
      next = page.next;
    }
    expect(seen).toEqual([...tradeNos].reverse());
  });

  it('a full last page says there is nothing after it; limit 0 gives the totals only', () => {
    recordSales(100);
    const first = service.listDay({ limit: 50 });
    const second = service.listDay({ cursor: first.next!, limit: 50 });
    expect(second.payments).toHaveLength(50);
    expect(second.next).toBeNull();
    const totals = service.listDay({ limit: 0 });
    expect(totals.payments).toEqual([]);
    expect(totals.next).toBeNull();
    expect(totals.countByState.paid).toBe(34);
  });

  it('a cursor keeps its own day after midnight, and a malformed cursor is a bad request', () => {
    recordSales(60);
    const first = service.listDay({}, noon);
    const nextDay = noon + 24 * 3_600_000;
    expect(service.listDay({}, nextDay).payments).toEqual([]);
    expect(service.listDay({ cursor: first.next!, limit: 100 }, nextDay).payments).toHaveLength(35);
    expect(() => service.listDay({ cursor: '12;DROP' })).toThrow(expect.objectContaining({ code: 'bad_request' }));
  });

  it("reads Today's page in created_at index order (only ties on created_at sorted by id), no table scan", () => {
    const raw = new DatabaseSync(temp.file);
    const plan = raw
      .prepare(`EXPLAIN QUERY PLAN ${QUERIES.pageBetween}`)
      .all(1, 2, 3, 3, 4, 5)
      .map((row) => String(row.detail))
      .join('\n');
    raw.close();
    expect(plan).toMatch(/SEARCH payments USING INDEX payments_by_created \(created_at>\? AND created_at<\?\)/);
    // Rows come in index order; SQLite sorts only each run of equal created_at by id, and stops at LIMIT.
    expect(plan).not.toMatch(/SCAN payments|TEMP B-TREE FOR ORDER BY/);
  });

  it("follows the owner's business-day cut-off: at 02:00 with a 04:00 cut-off, last evening's sales are still today's", () => {
    const evening = new Date(2026, 2, 2, 22, 30).getTime();
    const night = new Date(2026, 2, 3, 1, 30).getTime();
    const twoAm = new Date(2026, 2, 3, 2, 0).getTime();
    ledger.record(newPayment('T-MORNING', { createdAt: new Date(2026, 2, 2, 3, 0).getTime() })); // the day before's
    ledger.record(newPayment('T-EVENING', { createdAt: evening }));
    ledger.record(newPayment('T-NIGHT', { createdAt: night }));
    const cutAt4 = new PaymentService({
      ledger,
      gatewayFor: async () => {
        throw new Error('no gateway in this test');
      },
      settings: () => ({ ...DEFAULT_SETTINGS, day: { ...DEFAULT_SETTINGS.day, cutoff: '04:00' } }),
      now: () => twoAm,
    });
    const listed = cutAt4.listDay();
    expect(listed.payments.map((payment) => payment.tradeNo)).toEqual(['T-NIGHT', 'T-EVENING']);
    // The answer names the business day it listed, so the screen keys its rows by it, not by midnight.
    expect(listed).toMatchObject({
      businessDate: '2026-03-02',
      dayStart: new Date(2026, 2, 2, 4, 0).getTime(),
      dayEnd: new Date(2026, 2, 3, 4, 0).getTime(),
    });
    expect(cutAt4.listDay({ limit: 0 }, new Date(2026, 2, 3, 9, 0).getTime())).toMatchObject({ businessDate: '2026-03-03', payments: [] });
    // With the default midnight cut-off the same moment starts a new day.
    expect(service.listDay({}, twoAm).payments.map((payment) => payment.tradeNo)).toEqual(['T-NIGHT']);
  });
});
