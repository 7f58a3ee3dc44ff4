import type { PaymentView } from '../../shared/payment.ts';

/**
 * Today's loaded rows, newest first (createdAt, then arrival), as pages arrive and as the payment
 * push changes single sales: the screen never reloads the whole list for one change.
 */
export interface TodayRows {
  rows: readonly PaymentView[];
  /** Cursor of the next page; null once every sale of the day is loaded. */
  next: string | null;
}

/** A page appended below the rows already shown (a sale already there keeps its newer view). */
export function appendPage(current: TodayRows, page: { payments: readonly PaymentView[]; next: string | null }): TodayRows {
  const shown = new Set(current.rows.map((row) => row.tradeNo));
  return { rows: [...current.rows, ...page.payments.filter((row) => !shown.has(row.tradeNo))], next: page.next };
}

/**
 * One pushed (or re-checked, or cancelled) sale merged in: a row on screen is replaced in place; a
 * sale of the day not on screen is inserted where it belongs if that place is within the loaded
 * rows (a new sale on top, or anywhere once the whole day is loaded); an older one stays for the
 * page that holds it. `dayStart`/`dayEnd`: the local day Today shows.
 */
export function mergeRow(current: TodayRows, payment: PaymentView, dayStart: number, dayEnd: number): TodayRows {
  const at = current.rows.findIndex((row) => row.tradeNo === payment.tradeNo);
  if (at >= 0) {
    if (current.rows[at] === payment) return current;
    const rows = current.rows.slice();
    rows[at] = payment;
    return { ...current, rows };
  }
  if (payment.createdAt < dayStart || payment.createdAt >= dayEnd) return current;
  const oldestShown = current.rows.at(-1);
  if (current.next !== null && (oldestShown === undefined || payment.createdAt < oldestShown.createdAt)) return current;
  const before = current.rows.findIndex((row) => row.createdAt < payment.createdAt);
  const rows = current.rows.slice();
  rows.splice(before < 0 ? rows.length : before, 0, payment);
  return { ...current, rows };
}

/** The local calendar day `now` falls in, as Today's list (listToday) takes it. */
export function localDay(now: number): { start: number; end: number } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { start: start.getTime(), end: end.getTime() };
}
