import { formatDate } from '../../../shared/day/business-day.ts';

/** Times as the export writes them: ISO 8601 with the machine's offset, and the local wall clock. */

const pad = (value: number): string => String(value).padStart(2, '0');

/** `2026-03-02T08:00:00+07:00`: an unambiguous instant that still reads as shop time. */
export function isoLocal(ms: number): string {
  const date = new Date(ms);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${localDateTime(ms).replace(' ', 'T')}${zone}`;
}

/** `2026-03-02 08:00:00`: what a spreadsheet recognises as a date and time. */
export function localDateTime(ms: number): string {
  const date = new Date(ms);
  return `${formatDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
