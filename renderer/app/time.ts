/** Milliseconds left → `m:ss` (never negative): `90_500` → `1:30`. */
export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Epoch ms → local `HH:MM:SS`, 24-hour, as Indonesian receipts show it. */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}

/**
 * A business day `YYYY-MM-DD` as people write dates: `Senin, 30 November 2026` (or the English
 * form). A date has no time zone, so it is formatted at UTC noon to stay on the same day.
 */
export function formatBusinessDate(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const noon = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12);
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(noon);
}
