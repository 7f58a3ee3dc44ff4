import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msUntilRollover } from '../../../renderer/app/rollover.ts';
import { appendPage, firstPage, isAnotherDay, mergeRow, type TodayRows } from '../../../renderer/screens/today-rows.ts';
import { businessDayOf } from '../../../shared/day/business-day.ts';
import type { PaymentView } from '../../../shared/payment.ts';
import { setTimeZone } from '../../harness/time-zone.ts';

const DAY = { date: '2026-03-02', start: 1_000_000, end: 1_000_000 + 86_400_000 };
const sale = (tradeNo: string, createdAt: number, state: PaymentView['state'] = 'awaiting_payment'): PaymentView =>
  ({ tradeNo, createdAt, state, counterState: state, amount: 10_000, paidAmount: null }) as unknown as PaymentView;
const tradeNos = (list: TodayRows) => list.rows.map((row) => row.tradeNo);

describe("Today's rows from pages and pushes", () => {
  const shown: TodayRows = { day: DAY, rows: [sale('C', DAY.start + 300), sale('B', DAY.start + 200)], next: 'cursor' };

  it('a pushed change replaces its row in place', () => {
    const merged = mergeRow(shown, sale('B', DAY.start + 200, 'paid'));
    expect(tradeNos(merged)).toEqual(['C', 'B']);
    expect(merged.rows[1]!.state).toBe('paid');
    expect(merged.next).toBe('cursor');
  });

  it('a new sale goes on top; an older one not loaded waits for its page; another day stays out', () => {
    expect(tradeNos(mergeRow(shown, sale('D', DAY.start + 400)))).toEqual(['D', 'C', 'B']);
    expect(mergeRow(shown, sale('A', DAY.start + 100))).toBe(shown);
    expect(mergeRow(shown, sale('Y', DAY.start - 1))).toBe(shown);
    expect(mergeRow(shown, sale('Z', DAY.end))).toBe(shown);
  });

  it('before the first page there is no day, and nothing merges in', () => {
    const empty: TodayRows = { day: null, rows: [], next: null };
    expect(mergeRow(empty, sale('A', DAY.start + 100))).toBe(empty);
  });

  it('once the whole day is loaded, any sale of the day is inserted where it belongs', () => {
    const all = { ...shown, next: null };
    expect(tradeNos(mergeRow(all, sale('A', DAY.start + 100)))).toEqual(['C', 'B', 'A']);
    expect(tradeNos(mergeRow(all, sale('BC', DAY.start + 250)))).toEqual(['C', 'BC', 'B']);
  });

  it('a page appends below, never duplicating a sale already shown (pushed meanwhile)', () => {
    const next = appendPage(shown, { payments: [sale('B', DAY.start + 200, 'expired'), sale('A', DAY.start + 100)], next: null });
    expect(tradeNos(next)).toEqual(['C', 'B', 'A']);
    expect(next.rows[1]!.state).toBe('awaiting_payment');
    expect(next.next).toBeNull();
    expect(next.day).toBe(DAY);
  });
});

describe("Today's rows belong to main's business day, not the calendar day (04:00 cut-off)", () => {
  let restoreZone: () => void;
  beforeAll(() => {
    restoreZone = setTimeZone('Asia/Jakarta');
  });
  afterAll(() => restoreZone());
  const CUTOFF = 4 * 60;
  const at = (day: number, hours: number, minutes = 0) => new Date(2026, 2, day, hours, minutes).getTime();

  it('keys the rows by the day main listed: 00:30 after the evening is in, 09:00 next morning is not', () => {
    const day = businessDayOf(at(3, 0, 30), CUTOFF);
    const rows = firstPage({ businessDate: day.date, dayStart: day.start, dayEnd: day.end, payments: [sale('EVENING', at(2, 21))], next: null });
    expect(rows.day).toEqual({ date: '2026-03-02', start: at(2, 4), end: at(3, 4) });
    const withNight = mergeRow(rows, sale('NIGHT', at(3, 0, 30)));
    expect(tradeNos(withNight)).toEqual(['NIGHT', 'EVENING']);
    // Same calendar date as 00:30, but the next business day: never merged into this list.
    expect(mergeRow(withNight, sale('MORNING', at(3, 9)))).toBe(withNight);
    expect(mergeRow(withNight, sale('AT-CUTOFF', at(3, 4)))).toBe(withNight);
  });

  it('an answer for another business day (the cut-off passed) means the list starts over', () => {
    const day = businessDayOf(at(3, 0, 30), CUTOFF);
    const rows = firstPage({ businessDate: day.date, dayStart: day.start, dayEnd: day.end, payments: [], next: null });
    const next = businessDayOf(at(3, 9), CUTOFF);
    expect(isAnotherDay(rows, { businessDate: day.date, dayStart: day.start, dayEnd: day.end })).toBe(false);
    expect(isAnotherDay(rows, { businessDate: next.date, dayStart: next.start, dayEnd: next.end })).toBe(true);
    expect(isAnotherDay({ day: null, rows: [], next: null }, { businessDate: day.date, dayStart: day.start, dayEnd: day.end })).toBe(true);
  });

  it('rolls over just after the cut-off, and retries a minute later when this clock is already past it', () => {
    const end = at(3, 4);
    expect(msUntilRollover(end, at(3, 3, 59))).toBe(60_000 + 250);
    expect(msUntilRollover(end, end)).toBe(60_000);
    expect(msUntilRollover(end, end + 5_000)).toBe(60_000);
  });
});
