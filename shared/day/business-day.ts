/**
 * The business day: a shop open past midnight counts its 01:30 sales in the day that began the
 * evening before. Day D runs from D at the cut-off (local time) to D + 1 at the cut-off.
 * Local time is the machine's (Indonesia has no daylight saving, but the arithmetic goes through
 * the calendar, never "+ 24 h", so a DST zone would still give 23- and 25-hour days).
 */

/** Latest allowed cut-off: noon. A later "cut-off" would make the evening belong to the next day. */
export const MAX_CUTOFF_MINUTES = 12 * 60;

/** `HH:MM`, 00:00–12:00, the settings' spelling of the cut-off. */
const CUTOFF_FORMAT = /^([01]\d):([0-5]\d)$/;

export interface BusinessDay {
  /** The local calendar date the day is named after, `YYYY-MM-DD`. */
  date: string;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive: the next day's start. */
  end: number;
}

/** Minutes after midnight for a `HH:MM` cut-off, or null when it is not a valid one. */
export function parseCutoff(text: string): number | null {
  const match = CUTOFF_FORMAT.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= MAX_CUTOFF_MINUTES ? minutes : null;
}

/** The business day that the moment `ms` belongs to. */
export function businessDayOf(ms: number, cutoffMinutes: number): BusinessDay {
  checkCutoff(cutoffMinutes);
  const local = new Date(ms);
  const date = new Date(local.getFullYear(), local.getMonth(), local.getDate());
  if (startOf(date, cutoffMinutes) > ms) date.setDate(date.getDate() - 1);
  return dayFrom(date, cutoffMinutes);
}

/** The business day named `YYYY-MM-DD`; null for a date that does not exist. */
export function businessDay(dateText: string, cutoffMinutes: number): BusinessDay | null {
  checkCutoff(cutoffMinutes);
  const date = parseDate(dateText);
  return date === null ? null : dayFrom(date, cutoffMinutes);
}

/** [start, end) of the business days `from` through `to` (inclusive); null when a date is invalid or from > to. */
export function businessDayRange(
  fromText: string,
  toText: string,
  cutoffMinutes: number,
): { start: number; end: number } | null {
  const first = businessDay(fromText, cutoffMinutes);
  const last = businessDay(toText, cutoffMinutes);
  if (first === null || last === null || first.start > last.start) return null;
  return { start: first.start, end: last.end };
}

/** The business day before or after `day` (`step` days). */
export function shiftBusinessDay(day: BusinessDay, step: number, cutoffMinutes: number): BusinessDay {
  const date = parseDate(day.date);
  if (date === null) throw new RangeError(`Not a business day: ${day.date}`);
  date.setDate(date.getDate() + step);
  return dayFrom(date, cutoffMinutes);
}

/** `YYYY-MM-DD` of a local calendar date. */
export function formatDate(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function dayFrom(date: Date, cutoffMinutes: number): BusinessDay {
  const next = new Date(date);
  next.setDate(next.getDate() + 1);
  return { date: formatDate(date), start: startOf(date, cutoffMinutes), end: startOf(next, cutoffMinutes) };
}

/** The moment the business day named by `date` begins. */
function startOf(date: Date, cutoffMinutes: number): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), 0, cutoffMinutes).getTime();
}

function parseDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = new Date(year, month, day);
  // new Date(2026, 1, 30) quietly becomes 2 March: refuse instead.
  if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day) return null;
  return date;
}

function checkCutoff(cutoffMinutes: number): void {
  if (!Number.isInteger(cutoffMinutes) || cutoffMinutes < 0 || cutoffMinutes > MAX_CUTOFF_MINUTES) {
    throw new RangeError(`Business-day cut-off must be 0–${MAX_CUTOFF_MINUTES} minutes, got ${cutoffMinutes}`);
  }
}
