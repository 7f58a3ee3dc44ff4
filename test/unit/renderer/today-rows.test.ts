import { describe, expect, it } from 'vitest';
import { appendPage, mergeRow, type TodayRows } from '../../../renderer/screens/today-rows.ts';
import type { PaymentView } from '../../../shared/payment.ts';

const DAY = { start: 1_000_000, end: 1_000_000 + 86_400_000 };
const sale = (tradeNo: string, createdAt: number, state: PaymentView['state'] = 'awaiting_payment'): PaymentView =>
  ({ tradeNo, createdAt, state, counterState: state, amount: 10_000, paidAmount: null }) as unknown as PaymentView;
const tradeNos = (list: TodayRows) => list.rows.map((row) => row.tradeNo);

describe("Today's rows from pages and pushes", () => {
  const shown: TodayRows = { rows: [sale('C', DAY.start + 300), sale('B', DAY.start + 200)], next: 'cursor' };

  it('a pushed change replaces its row in place', () => {
    const merged = mergeRow(shown, sale('B', DAY.start + 200, 'paid'), DAY.start, DAY.end);
    expect(tradeNos(merged)).toEqual(['C', 'B']);
    expect(merged.rows[1]!.state).toBe('paid');
    expect(merged.next).toBe('cursor');
  });

  it('a new sale goes on top; an older one not loaded waits for its page; another day stays out', () => {
    expect(tradeNos(mergeRow(shown, sale('D', DAY.start + 400), DAY.start, DAY.end))).toEqual(['D', 'C', 'B']);
    expect(mergeRow(shown, sale('A', DAY.start + 100), DAY.start, DAY.end)).toBe(shown);
    expect(mergeRow(shown, sale('Y', DAY.start - 1), DAY.start, DAY.end)).toBe(shown);
    expect(mergeRow(shown, sale('Z', DAY.end), DAY.start, DAY.end)).toBe(shown);
  });

  it('once the whole day is loaded, any sale of the day is inserted where it belongs', () => {
    const all = { ...shown, next: null };
    expect(tradeNos(mergeRow(all, sale('A', DAY.start + 100), DAY.start, DAY.end))).toEqual(['C', 'B', 'A']);
    expect(tradeNos(mergeRow(all, sale('BC', DAY.start + 250), DAY.start, DAY.end))).toEqual(['C', 'BC', 'B']);
  });

  it('a page appends below, never duplicating a sale already shown (pushed meanwhile)', () => {
    const next = appendPage(shown, { payments: [sale('B', DAY.start + 200, 'expired'), sale('A', DAY.start + 100)], next: null });
    expect(tradeNos(next)).toEqual(['C', 'B', 'A']);
    expect(next.rows[1]!.state).toBe('awaiting_payment');
    expect(next.next).toBeNull();
  });
});
