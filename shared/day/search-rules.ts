import type { BusinessDay } from './business-day.ts';

/**
 * The history search's rules (issue 16), shared so that main enforces them and the renderer
 * translates their codes. Every filter given applies; a combination that cannot apply is refused
 * with a code, never silently dropped.
 */
export const SEARCH_ERROR_CODES = ['search.time_invalid', 'search.time_order', 'search.trade_no_alone', 'search.number_too_short'] as const;
export type SearchErrorCode = (typeof SEARCH_ERROR_CODES)[number];

/** The filters a trade-number search cannot be combined with: the number is found whatever the day. */
export const NOT_WITH_TRADE_NO = ['from', 'to', 'shiftId', 'amount', 'state', 'fromTime', 'toTime'] as const;

const MINUTE_MS = 60_000;

/** The fewest characters the number box searches by: the end of a receipt's number is enough. */
export const NUMBER_SEARCH_MIN = 4;
/** A mobile is matched on at most its last 9 digits: 08… and 628… forms then end alike. */
const MOBILE_END_DIGITS = 9;

export type NumberSearch =
  | { ok: true; end: string; mobileEnd: string | null }
  | { ok: false; code: 'search.number_too_short' };

/**
 * What the number box looks for (issue 20 item 12): the last characters of our number or Paypro's
 * (whole numbers too), and, when only digits were typed, the end of the customer's mobile. Spaces
 * and dashes are dropped (a number copied as shown on screen, in groups of four, still matches);
 * only letters and digits are kept, so the text can be put in a LIKE pattern as it is.
 */
export function numberSearch(text: string): NumberSearch {
  const end = text.replace(/[^A-Za-z0-9]/g, '');
  if (end.length < NUMBER_SEARCH_MIN) return { ok: false, code: 'search.number_too_short' };
  const digitsOnly = /^[+\d\s().-]+$/.test(text.trim());
  return { ok: true, end, mobileEnd: digitsOnly ? end.slice(-MOBILE_END_DIGITS) : null };
}
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
