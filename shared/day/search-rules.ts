import type { BusinessDay } from './business-day.ts';

/**
 * The history search's rules (issue 16), shared so that main enforces them and the renderer
 * translates their codes. Every filter given applies; a combination that cannot apply is refused
 * with a code, never silently dropped.
 */
export const SEARCH_ERROR_CODES = ['search.time_invalid', 'search.time_order', 'search.trade_no_alone'] as const;
export type SearchErrorCode = (typeof SEARCH_ERROR_CODES)[number];

/** The filters a trade-number search cannot be combined with: the number is found whatever the day. */
export const NOT_WITH_TRADE_NO = ['from', 'to', 'shiftId', 'amount', 'state', 'fromTime', 'toTime'] as const;

const MINUTE_MS = 60_000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export type SearchWindow =
  | { ok: true; start: number; end: number }
  | { ok: false; field: 'fromTime' | 'toTime'; code: SearchErrorCode };

/**
 * [start, end) of a search over the business days `first`…`last`, narrowed to local times typed as
 * `HH:MM`: from the start of `fromTime`'s minute on the first day to the end of `toTime`'s minute
 * on the last day (a cashier who types 14:10 means up to 14:10:59). A time before the cut-off is the
 * night after the business date (with a 04:00 cut-off, 01:30 on the 2nd is the 3rd at 01:30).
 */
export function searchWindow(first: BusinessDay, last: BusinessDay, fromTime?: string, toTime?: string): SearchWindow {
  const start = fromTime === undefined ? first.start : momentIn(first, fromTime);
  if (start === null) return { ok: false, field: 'fromTime', code: 'search.time_invalid' };
  const to = toTime === undefined ? last.end : momentIn(last, toTime);
  if (to === null) return { ok: false, field: 'toTime', code: 'search.time_invalid' };
  const end = toTime === undefined ? to : Math.min(to + MINUTE_MS, last.end);
  if (start >= end) return { ok: false, field: 'toTime', code: 'search.time_order' };
  return { ok: true, start, end };
}

/** The moment `HH:MM` names within the business day; null when it is not a time of day. */
function momentIn(day: BusinessDay, time: string): number | null {
  const match = TIME.exec(time);
  if (!match) return null;
  const [year, month, date] = day.date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  const sameDate = new Date(year, month - 1, date, hours, minutes).getTime();
  return sameDate >= day.start ? sameDate : new Date(year, month - 1, date + 1, hours, minutes).getTime();
}
