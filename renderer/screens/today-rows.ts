import type { PaymentView } from '../../shared/payment.ts';

/** The business day Today lists, as main answered it (listToday): [start, end), epoch ms. */
export interface ListedDay {
  date: string;
  start: number;
  end: number;
}

/**
 * Today's loaded rows, newest first (createdAt, then arrival), as pages arrive and as the payment
 * push changes single sales: the screen never reloads the whole list for one change. `day` is the
 * business day main listed: rows and totals belong to it, never to the calendar day (with a 04:00
 * cut-off, 00:30 is still yesterday's business and 09:00 is the next day's).
 */
export interface TodayRows {
  day: ListedDay | null;
  rows: readonly PaymentView[];
  /** Cursor of the next page; null once every sale of the day is loaded. */
  next: string | null;
}

export const NO_ROWS: TodayRows = { day: null, rows: [], next: null };

/** What listToday answers about the day it listed. */
export interface DayAnswer {
  businessDate: string;
  dayStart: number;
  dayEnd: number;
}

export function listedDay(answer: DayAnswer): ListedDay {
  return { date: answer.businessDate, start: answer.dayStart, end: answer.dayEnd };
}

/** The first page of a day: the rows start over, keyed by the day main listed. */
export function firstPage(answer: DayAnswer & { payments: readonly PaymentView[]; next: string | null }): TodayRows {
  return { day: listedDay(answer), rows: answer.payments, next: answer.next };
}

/** Main answered for another business day than the one on screen: the list must start over. */
export function isAnotherDay(current: TodayRows, answer: DayAnswer): boolean {
  return current.day === null || current.day.start !== answer.dayStart || current.day.end !== answer.dayEnd;
}

/** A page appended below the rows already shown (a sale already there keeps its newer view). */
export function appendPage(current: TodayRows, page: { payments: readonly PaymentView[]; next: string | null }): TodayRows {
  const shown = new Set(current.rows.map((row) => row.tradeNo));
  return { ...current, rows: [...current.rows, ...page.payments.filter((row) => !shown.has(row.tradeNo))], next: page.next };
}

/**
 * One pushed (or re-checked, or cancelled) sale merged in: a row on screen is replaced in place; a
 * sale of the listed business day not on screen is inserted where it belongs if that place is
 * within the loaded rows (a new sale on top, or anywhere once the whole day is loaded); an older
 * one stays for the page that holds it; a sale of another business day never comes in.
 */
export function mergeRow(current: TodayRows, payment: PaymentView): TodayRows {
  const at = current.rows.findIndex((row) => row.tradeNo === payment.tradeNo);
  if (at >= 0) {
    if (current.rows[at] === payment) return current;
    const rows = current.rows.slice();
    rows[at] = payment;
    return { ...current, rows };
  }
  const { day } = current;
  if (day === null || payment.createdAt < day.start || payment.createdAt >= day.end) return current;
  const oldestShown = current.rows.at(-1);
  if (current.next !== null && (oldestShown === undefined || payment.createdAt < oldestShown.createdAt)) return current;
  const before = current.rows.findIndex((row) => row.createdAt < payment.createdAt);
  const rows = current.rows.slice();
  rows.splice(before < 0 ? rows.length : before, 0, payment);
  return { ...current, rows };
}
